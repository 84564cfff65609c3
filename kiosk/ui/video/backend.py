"""Loading QtMultimedia late and safely: local files only, and no audio device is not an error.

``preload()`` may be called once the title screen has painted; ``multimedia()`` does the same on
first use, so the tab works either way.
"""

from __future__ import annotations

import logging
import os
from types import ModuleType

log = logging.getLogger(__name__)

#: FFmpeg may open nothing but local files: no http, no rtsp, no concat tricks inside a file.
PROTOCOL_WHITELIST = "file"
# Optional libraries Qt probes for (PipeWire, VA-API); their absence is normal on a kiosk PC.
QUIET_RULES = "qt.multimedia.symbolsresolver.warning=false"

_state: dict[str, object] = {}


def protect_protocols() -> None:
    """Set FFmpeg's protocol whitelist; must run before QtMultimedia initialises."""
    os.environ["QT_FFMPEG_PROTOCOL_WHITELIST"] = PROTOCOL_WHITELIST


def multimedia() -> ModuleType:
    """The QtMultimedia module, imported (once) with the protocol whitelist in place."""
    module = _state.get("module")
    if module is None:
        protect_protocols()
        from PySide6.QtCore import QLoggingCategory

        QLoggingCategory.setFilterRules(QUIET_RULES)
        from PySide6 import QtMultimedia

        module = _state["module"] = QtMultimedia
    assert isinstance(module, ModuleType)
    return module


def has_audio_device() -> bool:
    """Whether sound can be played; said once in the log when it cannot (the film plays silently)."""
    devices = multimedia().QMediaDevices.audioOutputs()
    if not devices and not _state.get("told_no_audio"):
        _state["told_no_audio"] = True
        log.warning("no audio output device: videos play silently")
    return bool(devices)
