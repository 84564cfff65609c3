"""The hidden staff gesture: five taps in the top-left corner within three seconds.

Taps in the corner are swallowed, so the corner does nothing for visitors (nothing interactive
is placed there) and the taps never start the exhibit underneath.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, Signal
from PySide6.QtGui import QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QWidget

TAPS = 5
WINDOW_S = 3.0
CORNER_MM = 15.0


class StaffGesture(QObject):
    """Application-wide: watches presses on ``window`` and emits ``triggered``."""

    triggered = Signal()

    def __init__(
        self,
        window: QWidget,
        corner_px: int,
        *,
        clock: Callable[[], float] = time.monotonic,
        taps: int = TAPS,
        window_s: float = WINDOW_S,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._corner_px = corner_px
        self._clock = clock
        self._taps_needed = taps
        self._window_s = window_s
        self._taps: list[float] = []
        self._last_event: tuple[int, float, float] | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            point, stamp = event.globalPosition(), event.timestamp()
        elif kind == QEvent.Type.TouchBegin and isinstance(event, QTouchEvent) and event.points():
            point, stamp = event.points()[0].globalPosition(), event.timestamp()
        elif kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick) and isinstance(
            event, QMouseEvent
        ):
            return self._in_corner(event.globalPosition())
        else:
            return False
        if not self._in_corner(point):
            return False
        key = (stamp, point.x(), point.y())
        if key != self._last_event:  # the same press seen again on its way to a child widget
            self._last_event = key
            self._tap()
        return True

    def _in_corner(self, global_point: QPointF) -> bool:
        if not self._window.isVisible():
            return False
        local = self._window.mapFromGlobal(global_point)
        return 0 <= local.x() < self._corner_px and 0 <= local.y() < self._corner_px

    def _tap(self) -> None:
        now = self._clock()
        self._taps = [t for t in self._taps if now - t <= self._window_s] + [now]
        if len(self._taps) >= self._taps_needed:
            self._taps.clear()
            self.triggered.emit()
