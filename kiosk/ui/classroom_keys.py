"""Classroom keyboard use (--windowed): Left/Right change tab, Esc/Backspace go back, Space
plays or pauses, Enter opens. An application-wide filter, so it works wherever the focus is
(a focused button would otherwise swallow Space and the arrows)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget


class ClassroomKeys(QObject):
    previous_requested = Signal()
    next_requested = Signal()
    back_requested = Signal()
    play_pause_requested = Signal()
    open_requested = Signal(QWidget)  # the widget that has the keyboard focus

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._signals = {
            Qt.Key.Key_Left: self.previous_requested,
            Qt.Key.Key_Right: self.next_requested,
            Qt.Key.Key_Escape: self.back_requested,
            Qt.Key.Key_Backspace: self.back_requested,
            Qt.Key.Key_Space: self.play_pause_requested,
            Qt.Key.Key_Return: self.open_requested,
            Qt.Key.Key_Enter: self.open_requested,
        }

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        if watched.window() is not self._window:
            return False
        assert isinstance(event, QKeyEvent)
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        signal = self._signals.get(Qt.Key(event.key()))
        if signal is None:
            return False
        if signal is self.open_requested:
            self.open_requested.emit(watched)
        else:
            signal.emit()
        return True
