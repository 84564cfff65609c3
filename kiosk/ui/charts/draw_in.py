"""The draw-in when a chart opens: marks grow from the axis over a fixed number of frames.

Time is injected: the frame interval and count come from outside, so a test runs the whole
draw-in in a few milliseconds (or skips it). Progress moves one frame per tick, never by the
wall clock, so a busy machine shows every frame rather than jumping.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

DRAW_IN_MS = 900
FRAME_MS = 30


def ease_out(t: float) -> float:
    """Fast at first, settling gently at the end (cubic)."""
    t = min(1.0, max(0.0, t))
    return 1 - (1 - t) ** 3


class DrawIn(QObject):
    progressed = Signal(float)  # 0..1, eased
    finished = Signal()

    def __init__(self, duration_ms: int = DRAW_IN_MS, frame_ms: int = FRAME_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._frames = max(1, round(duration_ms / max(1, frame_ms)))
        self._frame = self._frames
        self._timer = QTimer(self)
        self._timer.setObjectName("chartDrawInTimer")
        self._timer.setInterval(max(1, frame_ms))
        self._timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        """From the beginning: the marks at zero, growing."""
        self._frame = 0
        self.progressed.emit(0.0)
        self._timer.start()

    def skip(self) -> None:
        """Straight to the end (a tap during the draw-in, or reduced motion)."""
        self._timer.stop()
        if self._frame < self._frames:
            self._frame = self._frames
            self.progressed.emit(1.0)
            self.finished.emit()

    def stop(self) -> None:
        """Leave the marks where they are (the tab is hidden); ``skip`` finishes them."""
        self._timer.stop()

    def is_running(self) -> bool:
        return self._timer.isActive()

    def _on_timer_timeout(self) -> None:
        self._frame += 1
        if self._frame >= self._frames:
            self._timer.stop()
            self.progressed.emit(1.0)
            self.finished.emit()
        else:
            self.progressed.emit(ease_out(self._frame / self._frames))
