"""The viewer's picture: fitted to the screen, zoomed by pinch, double tap, wheel or buttons,
panned by dragging when zoomed, and swiped left or right to the next or previous picture.

Touch is handled here from QTouchEvents (one finger drags or swipes, two pinch); a mouse does the
same with one button, so the classroom PC and tests work alike. The maths is kiosk.core.zoom.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTouchEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.core.imagefit import needs_sharper
from kiosk.core.touchgesture import Stroke, TapTracker, is_tap, pinch_factor, swipe_step
from kiosk.core.zoom import BUTTON_STEP, ZoomView
from kiosk.ui.gallery.placeholder import draw_placeholder

_TOUCH = (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
          QEvent.Type.TouchCancel)


class ZoomCanvas(QWidget):
    swiped = Signal(int)  # +1: the next picture, −1: the previous one
    zoom_changed = Signal(float)
    sharper_needed = Signal()  # zoomed in past the decoded pixels
    picture_shown = Signal()  # a newly set picture has been painted

    def __init__(self, slop_px: int, swipe_px: int, clock: Callable[[], float] = time.monotonic,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("zoomCanvas")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._slop, self._swipe_px, self._clock = slop_px, swipe_px, clock
        self._image = QImage()
        self._broken = False
        self._view = ZoomView(0, 0, 1, 1)
        self._taps = TapTracker()
        self._start: QPointF | None = None  # one finger (or the mouse) down here
        self._last = QPointF()
        self._drag_dx = 0.0
        self._pinch: tuple[float, ZoomView, QPointF] | None = None
        self._pinched = False  # this touch sequence pinched: no swipe or tap at its end
        self._announce = False

    # -- the picture ------------------------------------------------------------------------------
    def set_picture(self, image: QImage, full_size: tuple[int, int], *, broken: bool = False) -> None:
        """A new picture, shown whole; a null image is "still loading" unless ``broken``."""
        self._image, self._broken = image, broken
        w, h = full_size if full_size[0] > 0 else (image.width(), image.height())
        self._view = ZoomView(w, h, self.width(), self.height()).clamped()
        self._drag_dx = 0.0
        self._announce = True
        self.zoom_changed.emit(self._view.zoom)
        self.update()

    def update_image(self, image: QImage) -> None:
        """A sharper decode of the same picture: the view stays exactly where it is."""
        if not image.isNull():
            self._image = image
            self.update()

    def image(self) -> QImage:
        return self._image

    def is_broken(self) -> bool:
        return self._broken

    def view(self) -> ZoomView:
        return self._view

    def wants_sharper(self) -> bool:
        _, _, shown_w, _ = self._view.image_rect()
        return needs_sharper(self._image.width(), round(self._view.image_w), shown_w)

    # -- zoom and pan (buttons and tests use these too) --------------------------------------------
    def zoom_in(self) -> None:
        self._set_view(self._view.zoomed(BUTTON_STEP))

    def zoom_out(self) -> None:
        self._set_view(self._view.zoomed(1 / BUTTON_STEP))

    def reset_zoom(self) -> None:
        self._set_view(self._view.reset())

    def zoom_at(self, factor: float, x: float, y: float) -> None:
        self._set_view(self._view.zoomed_at(factor, x, y))

    def toggle_zoom_at(self, x: float, y: float) -> None:
        self._set_view(self._view.toggled_at(x, y))

    def pan_by(self, dx: float, dy: float) -> None:
        self._set_view(self._view.panned(dx, dy))

    def _set_view(self, view: ZoomView) -> None:
        changed = view.zoom != self._view.zoom
        self._view = view
        if changed:
            self.zoom_changed.emit(view.zoom)
        if not self._broken and self.wants_sharper():
            self.sharper_needed.emit()
        self.update()

    # -- painting ----------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self._broken:
            draw_placeholder(painter, QRectF(self.rect()), broken=True)
        elif not self._image.isNull():
            x, y, w, h = self._view.image_rect()
            target = QRectF(x + self._drag_dx, y, w, h)
            visible = target.intersected(QRectF(self.rect()))
            if not visible.isEmpty():
                sx = self._image.width() / w
                sy = self._image.height() / h
                source = QRectF((visible.x() - target.x()) * sx, (visible.y() - target.y()) * sy,
                                visible.width() * sx, visible.height() * sy)
                smooth = self._start is None and self._pinch is None
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, smooth)
                painter.drawImage(visible, self._image, source)
        painter.end()
        if self._announce and (self._broken or not self._image.isNull()):
            self._announce = False
            self.picture_shown.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._view = self._view.with_viewport(self.width(), self.height())

    # -- touch -------------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() in _TOUCH:
            assert isinstance(event, QTouchEvent)
            self._on_touch(event)
            event.accept()
            return True
        return super().event(event)

    def _on_touch(self, event: QTouchEvent) -> None:
        points = event.points()
        down = [p for p in points if p.state() != p.State.Released]
        if event.type() == QEvent.Type.TouchCancel:
            self._end_sequence()
            return
        if len(down) >= 2:
            a, b = down[0].position(), down[1].position()
            mid = (a + b) / 2
            distance = math.hypot(a.x() - b.x(), a.y() - b.y())
            if self._pinch is None:
                self._pinch = (distance, self._view, mid)
                self._pinched = True
                self._drag_dx = 0.0
            start_distance, start_view, start_mid = self._pinch
            view = start_view.zoomed_at(pinch_factor(start_distance, distance),
                                        start_mid.x(), start_mid.y())
            self._set_view(view.panned(mid.x() - start_mid.x(), mid.y() - start_mid.y()))
            return
        self._pinch = None
        if self._pinched:
            if event.type() == QEvent.Type.TouchEnd:
                self._end_sequence()
            return
        point = (down or points)[0].position()
        if event.type() == QEvent.Type.TouchBegin:
            self._press(point)
        elif event.type() == QEvent.Type.TouchUpdate:
            self._move(point)
        else:
            self._release(point)

    def _end_sequence(self) -> None:
        self._pinch, self._pinched, self._start, self._drag_dx = None, False, None, 0.0
        self.update()

    # -- one finger or the mouse --------------------------------------------------------------------
    def _press(self, pos: QPointF) -> None:
        self._start, self._last = QPointF(pos), QPointF(pos)

    def _move(self, pos: QPointF) -> None:
        if self._start is None:
            return
        if self._view.is_zoomed:
            self.pan_by(pos.x() - self._last.x(), pos.y() - self._last.y())
        else:
            self._drag_dx = pos.x() - self._start.x()
            self.update()
        self._last = QPointF(pos)

    def _release(self, pos: QPointF) -> None:
        if self._start is None:
            return
        stroke = Stroke(self._start.x(), self._start.y(), pos.x(), pos.y())
        self._start, self._drag_dx = None, 0.0
        if is_tap(stroke, self._slop):
            if self._taps.tap(pos.x(), pos.y(), self._clock(), self._slop):
                self.toggle_zoom_at(pos.x(), pos.y())
        elif not self._view.is_zoomed:
            step = swipe_step(stroke, self.width(), self._swipe_px)
            if step:
                self.swiped.emit(step)
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._move(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._release(event.position())

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            pos = event.position()
            self.zoom_at(1.15 ** steps, pos.x(), pos.y())
        event.accept()

    def reset_gestures(self) -> None:
        self._taps.reset()
        self._end_sequence()
