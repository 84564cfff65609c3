"""Input as the glass delivers it: taps, drags, pinches, keys and wheel turns on the kiosk window.

Mouse, key and wheel events are *posted* to the window's QWindow, so they arrive from the event
loop as a touchscreen's do, and Qt's QWidgetWindow routes them: to the widget under the point
(or the focus widget), through the application-wide filters (idle watcher, staff gesture,
lockdown), with the implicit mouse grab from press to release.

Not QTest's mouse and key functions: they process events inside the call with Python's lock
held, and a queued QMediaPlayer.setSource run in there waits on FFmpeg's loader thread while the
gallery's decoder threads wait for that lock: a deadlock no real input can cause (seen in a
monkey run; the same trap as QTest.qWait near QMediaPlayer.stop). Touch points use QTest's
touch sequence committed without processing events (Qt has no other public way to make one).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import (
    QInputDevice,
    QInputEvent,
    QKeyEvent,
    QMouseEvent,
    QPointingDevice,
    QWheelEvent,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from kiosk.reliability.harness import Steps

LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier
NO_BUTTON = Qt.MouseButton.NoButton
T = QEvent.Type


class Finger:
    """Touches one window. Multi-event gestures are generators of steps (see harness.Script),
    so the event loop runs between their events as it does between a real finger's."""

    def __init__(self, window: QWidget) -> None:
        self.window = window
        self._touch: QPointingDevice | None = None
        self._down = False
        self._time = 0

    @property
    def handle(self):  # type: ignore[no-untyped-def]  # QWindow
        handle = self.window.windowHandle()
        assert handle is not None, "the kiosk window has no native window"
        return handle

    def touch_device(self) -> QPointingDevice:
        if self._touch is None:
            self._touch = QTest.createTouchDevice(QInputDevice.DeviceType.TouchScreen)
        return self._touch

    def clamp(self, point: QPoint) -> QPoint:
        return QPoint(min(max(0, point.x()), self.window.width() - 1),
                      min(max(0, point.y()), self.window.height() - 1))

    # -- delivery -----------------------------------------------------------------------------
    def _stamp(self, event: QInputEvent) -> QInputEvent:
        """Event times that always move on (the staff gesture tells taps apart by them)."""
        self._time = max(self._time + 1, int(time.monotonic() * 1000))
        event.setTimestamp(self._time)
        return event

    def _post(self, event: QInputEvent) -> None:
        QCoreApplication.postEvent(self.handle, self._stamp(event))

    def _mouse(self, kind: QEvent.Type, point: QPoint, button: Qt.MouseButton,
               buttons: Qt.MouseButton, modifiers: Qt.KeyboardModifier = NO_MOD) -> None:
        local = QPointF(self.clamp(point))
        glob = QPointF(self.window.mapToGlobal(local.toPoint()))
        self._post(QMouseEvent(kind, local, local, glob, button, buttons, modifiers))

    # -- single events ----------------------------------------------------------------------
    def click_at(self, point: QPoint, button: Qt.MouseButton = LEFT) -> None:
        self._mouse(T.MouseButtonPress, point, button, button)
        self._mouse(T.MouseButtonRelease, point, button, NO_BUTTON)

    def tap_at(self, point: QPoint) -> None:
        self.click_at(point)

    def tap(self, widget: QWidget, local: QPoint | None = None) -> None:
        """A tap on ``widget`` (its centre by default), where it is once pending layouts have run
        (a finger aims at what is painted, and layouts run before paints)."""
        QCoreApplication.sendPostedEvents(None, int(T.LayoutRequest))
        self.tap_at(widget.mapTo(self.window, local if local is not None else widget.rect().center()))

    def double_tap_at(self, point: QPoint) -> None:
        """Press, release, double-click, release: what Qt makes of two quick taps."""
        self.click_at(point)
        self._mouse(T.MouseButtonDblClick, point, LEFT, LEFT)
        self._mouse(T.MouseButtonRelease, point, LEFT, NO_BUTTON)

    def press_at(self, point: QPoint) -> None:
        self._mouse(T.MouseButtonPress, point, LEFT, LEFT)
        self._down = True

    def move_to(self, point: QPoint) -> None:
        self._mouse(T.MouseMove, point, NO_BUTTON, LEFT if self._down else NO_BUTTON)

    def release_at(self, point: QPoint) -> None:
        self._mouse(T.MouseButtonRelease, point, LEFT, NO_BUTTON)
        self._down = False

    def hover(self) -> None:
        """A finger resting near the glass: activity for the idle watcher, nothing pressed."""
        if not self._down:
            self.move_to(QPoint(self.window.width() // 2, self.window.height() - 2))

    def key(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = NO_MOD) -> None:
        text = chr(key) if 0x20 <= int(key) < 0x7F and not modifiers & ~Qt.KeyboardModifier.ShiftModifier else ""
        self._post(QKeyEvent(T.KeyPress, int(key), modifiers, text))
        self._post(QKeyEvent(T.KeyRelease, int(key), modifiers, text))

    def wheel_at(self, point: QPoint, delta_y: int, delta_x: int = 0) -> None:
        local = QPointF(self.clamp(point))
        glob = QPointF(self.window.mapToGlobal(local.toPoint()))
        self._post(QWheelEvent(local, glob, QPoint(0, 0), QPoint(delta_x, delta_y), NO_BUTTON, NO_MOD,
                               Qt.ScrollPhase.NoScrollPhase, False))

    # -- gestures (generators) --------------------------------------------------------------
    def drag(self, start: QPoint, end: QPoint, moves: int = 6, step_ms: int = 10) -> Steps:
        """Press, move in ``moves`` steps, release: a scroll, a swipe or a pan."""
        self.press_at(start)
        yield step_ms
        for i in range(1, moves + 1):
            f = i / moves
            self.move_to(QPoint(round(start.x() + (end.x() - start.x()) * f),
                                round(start.y() + (end.y() - start.y()) * f)))
            yield step_ms
        self.release_at(end)
        yield 0

    def pinch(self, center: QPoint, start_gap: int, end_gap: int, moves: int = 5,
              step_ms: int = 12) -> Steps:
        """Two fingers moving apart (zoom in) or together (zoom out) around ``center``."""
        device = self.touch_device()
        center = self.clamp(center)

        def points(gap: int) -> tuple[QPoint, QPoint]:
            return (self.clamp(QPoint(center.x() - gap // 2, center.y())),
                    self.clamp(QPoint(center.x() + gap // 2, center.y())))

        a, b = points(start_gap)
        seq = QTest.touchEvent(self.handle, device, False)
        seq.press(0, a, self.handle).press(1, b, self.handle).commit(False)
        yield step_ms
        for i in range(1, moves + 1):
            a, b = points(round(start_gap + (end_gap - start_gap) * i / moves))
            seq = QTest.touchEvent(self.handle, device, False)
            seq.move(0, a, self.handle).move(1, b, self.handle).commit(False)
            yield step_ms
        seq = QTest.touchEvent(self.handle, device, False)
        seq.release(0, a, self.handle).release(1, b, self.handle).commit(False)
        yield 0

    def touch_tap(self, point: QPoint, hold_ms: int = 15) -> Steps:
        """One finger down and up through the touch path (synthesised to a click where needed)."""
        device = self.touch_device()
        point = self.clamp(point)
        QTest.touchEvent(self.handle, device, False).press(0, point, self.handle).commit(False)
        yield hold_ms
        QTest.touchEvent(self.handle, device, False).release(0, point, self.handle).commit(False)
        yield 0
