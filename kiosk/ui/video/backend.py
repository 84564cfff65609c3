"""Loading QtMultimedia late and safely: local files only, and no audio device is not an error.

``multimedia()`` imports QtMultimedia on first use (the Video tab's first film). Whether there is
a sound device is asked of a child process after the first paint (kiosk.ui.video.audio_probe),
because the sound server can take seconds to answer.
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


def remember_audio(available: bool | None, why: str = "") -> None:
    """The answer of the audio check run in a child process (kiosk.ui.video.audio_probe), and
    why sound is off when it is; None: no answer (the player asks Qt itself)."""
    _state["audio"] = available
    _state["audio_why"] = why
    _state["audio_checking"] = False
    _state.pop("told_no_audio", None)


def audio_check_started() -> None:
    """The child is asking: until it answers, a film plays silently rather than asking Qt on the
    UI thread at the same moment (two clients starting up with the sound server can wait on each
    other for seconds); an answer of yes gives the next film its sound."""
    _state["audio_checking"] = True


def audio_check_ended() -> None:
    """The child ended without an answer: the player asks Qt itself again."""
    _state["audio_checking"] = False


def known_audio() -> bool | None:
    """That answer, or None while it has not come."""
    known = _state.get("audio")
    return known if isinstance(known, bool) else None


def has_audio_device() -> bool:
    """Whether sound can be played; said once in the log when it cannot (the film plays silently).

    The child's answer when it has come; otherwise Qt is asked here, on the calling thread."""
    available, why = known_audio(), str(_state.get("audio_why") or "")
    if available is None and _state.get("audio_checking"):
        return False  # silent for now, not said: the check is under way
    if available is None:
        available = bool(multimedia().QMediaDevices.audioOutputs())
    if not available and not _state.get("told_no_audio"):
        _state["told_no_audio"] = True
        log.warning("%s: videos play silently", why or "no audio output device")
    return available
