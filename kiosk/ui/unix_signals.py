"""SIGTERM and SIGINT as a clean quit: systemd's stop is not a crash for the crash-loop guard.

Python runs signal handlers only between bytecodes, which never happens while Qt's event loop
waits; a wakeup pipe watched by a QSocketNotifier brings the loop round to run them.
"""

from __future__ import annotations

import signal
import socket

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier


class QuitOnSignals(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        self._read, self._write = socket.socketpair()
        self._read.setblocking(False)
        self._write.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._write.fileno())
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_notifier_activated)
        self._previous = {sig: signal.signal(sig, self._handle) for sig in (signal.SIGTERM, signal.SIGINT)}

    def _handle(self, signum: int, _frame: object) -> None:
        # exit(), not quit(): quit() asks the windows first, and a locked kiosk window refuses.
        self._app.exit(0)

    def _on_notifier_activated(self) -> None:
        try:
            self._read.recv(64)
        except OSError:
            pass

    def uninstall(self) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._read.close()
        self._write.close()
