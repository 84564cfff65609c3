"""A slider a finger can use: touch anywhere on the bar to jump there, drag to move through.

The value follows the finger while it is down and is announced with ``released`` when it lifts,
so a film is not asked to seek 60 times a second.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QSlider, QStyle, QStyleOptionSlider, QWidget


class ScrubBar(QSlider):
    dragged = Signal(int)  # while the finger moves
    released = Signal(int)  # where the finger lifted

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName(name)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._down = False

    def is_dragging(self) -> bool:
        return self._down

    def set_value_quietly(self, value: int) -> None:
        """Move the handle from the film's side, unless a finger is holding it."""
        if not self._down:
            blocked = self.blockSignals(True)
            self.setValue(value)
            self.blockSignals(blocked)

    def _value_at(self, event: QMouseEvent) -> int:
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        groove = self.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                             QStyle.SubControl.SC_SliderGroove, self)
        handle = self.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                             QStyle.SubControl.SC_SliderHandle, self)
        span = max(1, groove.width() - handle.width())
        x = round(event.position().x()) - groove.x() - handle.width() // 2
        return QStyle.sliderValueFromPosition(self.minimum(), self.maximum(), x, span)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self._down = True
        self.setValue(self._value_at(event))
        self.dragged.emit(self.value())
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._down:
            self.setValue(self._value_at(event))
            self.dragged.emit(self.value())
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._down and event.button() == Qt.MouseButton.LeftButton:
            self._down = False
            self.setValue(self._value_at(event))
            self.released.emit(self.value())
        event.accept()
