"""The reader's buttons: A−/A+ for the type size and a page up/down for those who do not swipe."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from kiosk.ui.strings import tr


class ReaderControls(QWidget):
    smaller_requested = Signal()
    larger_requested = Signal()
    page_requested = Signal(int)  # −1 up, +1 down

    def __init__(self, spacing: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerControls")
        self._larger = self._button("readerLarger", "A+", self.larger_requested.emit)
        self._smaller = self._button("readerSmaller", "A−", self.smaller_requested.emit)
        self._up = self._button("readerPageUp", "▲", lambda: self.page_requested.emit(-1))
        self._down = self._button("readerPageDown", "▼", lambda: self.page_requested.emit(1))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(spacing)
        layout.addWidget(self._larger)
        layout.addWidget(self._smaller)
        layout.addStretch(1)
        layout.addWidget(self._up)
        layout.addWidget(self._down)

    def _button(self, name: str, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setProperty("role", "reader")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        return button

    def set_language(self, language: str) -> None:
        for button, key in ((self._larger, "reader.larger"), (self._smaller, "reader.smaller"),
                            (self._up, "reader.page_up"), (self._down, "reader.page_down")):
            button.setAccessibleName(tr(key, language))
            button.setToolTip("")

    def set_size_limits(self, can_shrink: bool, can_grow: bool) -> None:
        self._smaller.setEnabled(can_shrink)
        self._larger.setEnabled(can_grow)

    def set_position(self, at_top: bool, at_end: bool) -> None:
        self._up.setEnabled(not at_top)
        self._down.setEnabled(not at_end)
