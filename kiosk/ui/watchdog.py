"""systemd's watchdog, fed from the GUI thread: if the interface hangs, the pings stop and
systemd restarts the kiosk (WatchdogSec in the unit that `kiosk install-autostart` writes)."""

from __future__ import annotations

import os
from collections.abc import Mapping

from PySide6.QtCore import QObject, QTimer

from kiosk.core.notify import notify


def watchdog_interval_ms(env: Mapping[str, str]) -> int | None:
    """Half the interval systemd asks for (WATCHDOG_USEC), or None when it asks for none."""
    try:
        usec = int(env.get("WATCHDOG_USEC", ""))
    except ValueError:
        return None
    pid = env.get("WATCHDOG_PID")
    if usec <= 0 or (pid and pid != str(os.getpid())):
        return None
    return max(100, usec // 2000)


class SystemdWatchdog(QObject):
    def __init__(self, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setObjectName("systemdWatchdog")
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        notify("WATCHDOG=1")
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _on_timer_timeout(self) -> None:
        notify("WATCHDOG=1")
