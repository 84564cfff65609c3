"""The reader's buttons: A−/A+ for the article's type size, page up/down for those who do not
swipe, and "read aloud" where the machine has a voice for the visitor's language.

With low reach every button gathers at the bottom of the column."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from kiosk.ui.i18n import tr
from kiosk.ui.theme import color
from kiosk.ui.video.icons import icon


class ReaderControls(QWidget):
    smaller_requested = Signal()
    larger_requested = Signal()
    page_requested = Signal(int)  # −1 up, +1 down
    read_aloud_toggled = Signal(bool)

    def __init__(self, spacing: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerControls")
        self._larger = self._button("readerLarger", "A+", self.larger_requested.emit)
        self._smaller = self._button("readerSmaller", "A−", self.smaller_requested.emit)
        self._speak = self._button("readerReadAloud", "", self._on_speak_clicked)
        self._speak.setCheckable(True)
        self._speak.hide()
        self._up = self._button("readerPageUp", "▲", lambda: self.page_requested.emit(-1))
        self._down = self._button("readerPageDown", "▼", lambda: self.page_requested.emit(1))
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(spacing)
        self._low_reach: bool | None = None
        self.set_low_reach(False)
        self._paint_icon()

    def _button(self, name: str, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setProperty("role", "reader")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        return button

    def _paint_icon(self) -> None:
        px = max(24, self._speak.minimumHeight() * 6 // 10 or 36)
        self._speak.setIcon(icon("sound", px, color("text")))
        self._speak.setIconSize(QSize(px, px))

    def set_low_reach(self, low: bool) -> None:
        """Size buttons and page buttons together at the bottom (low reach), or size buttons at
        the top and page buttons at the bottom."""
        if low == self._low_reach:
            return
        self._low_reach = low
        while self._layout.count():
            self._layout.takeAt(0)
        if low:
            self._layout.addStretch(1)
        for button in (self._larger, self._smaller, self._speak):
            self._layout.addWidget(button)
        if not low:
            self._layout.addStretch(1)
        self._layout.addWidget(self._up)
        self._layout.addWidget(self._down)

    def set_language(self, language: str) -> None:
        names = (
            (self._larger, tr("Larger article text", language),
             tr("Makes this article's text larger", language)),
            (self._smaller, tr("Smaller article text", language),
             tr("Makes this article's text smaller", language)),
            (self._speak, tr("Read aloud", language),
             tr("Reads this article aloud; touch again to stop", language)),
            (self._up, tr("Scroll up", language), tr("Shows the previous part of the article", language)),
            (self._down, tr("Scroll down", language), tr("Shows the next part of the article", language)),
        )
        for button, name, description in names:
            button.setAccessibleName(name)
            button.setAccessibleDescription(description)
            button.setToolTip("")

    def set_read_aloud(self, available: bool, speaking: bool = False) -> None:
        """Show the read-aloud button only where a voice speaks the visitor's language."""
        self._speak.setVisible(available)
        blocked = self._speak.blockSignals(True)
        self._speak.setChecked(speaking and available)
        self._speak.blockSignals(blocked)

    def refresh_icons(self) -> None:
        """The theme changed: draw the icon in its colours."""
        self._paint_icon()

    def set_size_limits(self, can_shrink: bool, can_grow: bool) -> None:
        self._smaller.setEnabled(can_shrink)
        self._larger.setEnabled(can_grow)

    def set_position(self, at_top: bool, at_end: bool) -> None:
        self._up.setEnabled(not at_top)
        self._down.setEnabled(not at_end)

    def _on_speak_clicked(self, checked: bool) -> None:
        self.read_aloud_toggled.emit(checked)
