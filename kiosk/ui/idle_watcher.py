"""The idle service: one application-wide event filter notices visitors, one timer ends visits.

Times are read from an injected monotonic clock and the arithmetic lives in kiosk.core.idle, so
tests run a 90-second visit in milliseconds and a wall-clock jump changes nothing.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

from kiosk.core.idle import IdleSchedule, Phase

# The longest the service sleeps between looks at the clock; tests with a fake clock lower it.
MAX_CHECK_MS = 60_000
MIN_CHECK_MS = 5

ACTIVITY_EVENTS = frozenset({
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
    QEvent.Type.TabletPress,
})


class IdleWatcher(QObject):
    warning_started = Signal(int)  # seconds left
    countdown_changed = Signal(int)
    warning_cancelled = Signal()
    expired = Signal()

    def __init__(
        self,
        schedule: IdleSchedule,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_check_ms: int = MAX_CHECK_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._schedule = schedule
        self._clock = clock
        self._max_check_ms = max_check_ms
        self._last_activity = clock()
        self._running = False
        self._warning = False
        self._shown_seconds = -1
        self._pauses: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)

    # -- control ------------------------------------------------------------------------------
    def watch(self, app: QCoreApplication) -> None:
        """Install the application-wide activity filter."""
        app.installEventFilter(self)

    def unwatch(self, app: QCoreApplication) -> None:
        app.removeEventFilter(self)

    def set_schedule(self, schedule: IdleSchedule) -> None:
        self._schedule = schedule
        if self._running:
            self.start()

    def schedule(self) -> IdleSchedule:
        return self._schedule

    def start(self) -> None:
        """Begin (or restart) counting from now."""
        self._running = True
        self._last_activity = self._clock()
        self._cancel_warning()
        self._arm()

    def stop(self) -> None:
        self._running = False
        self._timer.stop()
        self._cancel_warning()

    def is_running(self) -> bool:
        return self._running

    def is_warning(self) -> bool:
        return self._warning

    def set_paused(self, reason: str, paused: bool) -> None:
        """Hold the countdown while ``reason`` (e.g. "video") needs it; resumes from zero."""
        was = bool(self._pauses)
        if paused:
            self._pauses.add(reason)
        else:
            self._pauses.discard(reason)
        if bool(self._pauses) != was:
            self._last_activity = self._clock()
            self._cancel_warning()
            self._arm()

    def poke(self) -> None:
        """A visitor did something: the visit goes on."""
        self._last_activity = self._clock()
        if self._warning:
            self._cancel_warning()
            self._arm()

    # -- the filter and the timer ---------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY_EVENTS:
            self.poke()
        return False

    def _arm(self) -> None:
        self._timer.stop()
        if not self._running or self._pauses:
            return
        wait = self._schedule.next_check_s(self._clock() - self._last_activity)
        if wait is None:
            if self._schedule.enabled:
                self._on_timer_timeout()
            return
        ms = min(self._max_check_ms, max(MIN_CHECK_MS, math.ceil(wait * 1000) + 1))
        self._timer.start(ms)

    def _on_timer_timeout(self) -> None:
        if not self._running or self._pauses:
            return
        state = self._schedule.state(self._clock() - self._last_activity)
        if state.phase is Phase.EXPIRED:
            self._running = False
            self._cancel_warning(silently=True)
            self.expired.emit()
            return
        if state.phase is Phase.WARNING:
            if not self._warning:
                self._warning = True
                self._shown_seconds = state.seconds_left
                self.warning_started.emit(state.seconds_left)
            elif state.seconds_left != self._shown_seconds:
                self._shown_seconds = state.seconds_left
                self.countdown_changed.emit(state.seconds_left)
        self._arm()

    def _cancel_warning(self, *, silently: bool = False) -> None:
        if self._warning:
            self._warning = False
            self._shown_seconds = -1
            if not silently:
                self.warning_cancelled.emit()
