"""Reading an article aloud with Qt's text-to-speech, where the machine has a voice for it.

QtTextToSpeech is imported only when first asked (after the title screen has painted: the
Texts tab's ``preload``), never at start. Qt's own ``mock`` engine is silent and ignored; an
engine that fails to start (speech-dispatcher not running) counts as none. With no engine, or
none speaking the visitor's language, the reader simply shows no read-aloud button.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

log = logging.getLogger("kiosk.reader")

SILENT_ENGINES = frozenset({"mock"})
# Engines that need a system library: without it Qt logs a critical error on loading them, so
# they are tried only where the library is installed.
ENGINE_LIBRARIES = {"speechd": "speechd", "flite": "flite"}
_engine: dict[str, Any] = {}


def shared_engine() -> Any | None:
    """The one QTextToSpeech the kiosk uses (created on first call), or None if there is none."""
    if "engine" not in _engine:
        _engine["engine"] = _start_engine()
    return _engine["engine"]


def _start_engine() -> Any | None:
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        return None
    import ctypes.util

    for name in QTextToSpeech.availableEngines():
        if name in SILENT_ENGINES:
            continue
        library = ENGINE_LIBRARIES.get(name)
        if library and ctypes.util.find_library(library) is None:
            continue
        engine = QTextToSpeech(name, QApplication.instance())
        if engine.state() != QTextToSpeech.State.Error and engine.availableLocales():
            log.info("read aloud: text-to-speech engine %s", name)
            return engine
        engine.deleteLater()
    log.info("read aloud: no text-to-speech engine on this machine; the button is hidden")
    return None


def voice_for(language: str) -> QLocale | None:
    """A locale the engine speaks for ``language`` (ru -> ru_RU), or None."""
    engine = shared_engine()
    if engine is None:
        return None
    wanted = QLocale(language).language()
    for locale in engine.availableLocales():
        if locale.language() == wanted:
            return locale
    return None


def say(text: str, language: str) -> bool:
    """Start reading ``text`` in ``language``; False if no voice speaks it."""
    engine, locale = shared_engine(), voice_for(language)
    if engine is None or locale is None:
        return False
    engine.stop()
    engine.setLocale(locale)
    engine.say(text)
    return True


def stop() -> None:
    engine = _engine.get("engine")
    if engine is not None:
        engine.stop()



def watch_state(slot: Callable[[Any], None]) -> bool:
    """Connect ``slot`` (a bound method of a QObject, so Qt drops the connection with it) to the
    engine's state changes; ``state_name`` reads what it gets. False without an engine."""
    engine = shared_engine()
    if engine is None:
        return False
    engine.stateChanged.connect(slot)
    return True


def state_name(state: Any) -> str:
    """"Speaking", "Ready", "Error", ... for a QTextToSpeech.State."""
    return str(getattr(state, "name", state))
