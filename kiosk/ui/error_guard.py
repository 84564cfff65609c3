"""Errors in slots are logged and the kiosk goes back to its title screen: no dialog, no quit.

PySide6 reports an exception raised in a slot or an overridden Qt method through
``sys.excepthook``; this hook logs it and asks for a recovery.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType

log = logging.getLogger("kiosk.errors")


class ErrorGuard:
    def __init__(self, recover: Callable[[], None]) -> None:
        self._recover = recover
        self._previous: Callable[..., object] | None = None
        self._recovering = False

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self._hook

    def uninstall(self) -> None:
        if self._previous is not None and sys.excepthook == self._hook:
            sys.excepthook = self._previous
        self._previous = None

    def _hook(
        self,
        kind: type[BaseException],
        value: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            if self._previous is not None:
                self._previous(kind, value, tb)
            return
        log.error("unexpected error; returning to the title screen", exc_info=(kind, value, tb))
        if self._recovering:
            return
        self._recovering = True
        try:
            self._recover()
        finally:
            self._recovering = False
