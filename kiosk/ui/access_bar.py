"""The visitor's accessibility controls, beside the language switch on every screen: smaller
and larger text, high contrast, and "low reach" (every control in the lower part of the screen).

The bar only says what the visitor wants (``appearance_chosen``); the window applies it to every
screen and puts the default back at the idle reset.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from kiosk.core.appearance import Appearance
from kiosk.ui.i18n import tr


class AccessBar(QWidget):
    appearance_chosen = Signal(object)  # Appearance

    def __init__(self, appearance: Appearance, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accessBar")
        self._appearance = appearance
        self._language = language
        self.smaller = self._button("accessSmaller", "A−")
        self.larger = self._button("accessLarger", "A+")
        self.contrast = self._button("accessContrast", "◐", checkable=True)
        self.low_reach = self._button("accessLowReach", "♿", checkable=True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in (self.smaller, self.larger, self.contrast, self.low_reach):
            layout.addWidget(button)
        self.smaller.clicked.connect(self._on_smaller_clicked)
        self.larger.clicked.connect(self._on_larger_clicked)
        self.contrast.clicked.connect(self._on_contrast_clicked)
        self.low_reach.clicked.connect(self._on_low_reach_clicked)
        self.set_state(appearance, language)

    def _button(self, name: str, text: str, *, checkable: bool = False) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setProperty("role", "access")
        button.setCheckable(checkable)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return button

    def set_state(self, appearance: Appearance, language: str) -> None:
        """Show ``appearance`` (checked toggles, A−/A+ limits) and name the buttons in ``language``."""
        self._appearance, self._language = appearance, language
        lang = language
        self.smaller.setEnabled(appearance.can_shrink)
        self.larger.setEnabled(appearance.can_grow)
        self.contrast.setChecked(appearance.high_contrast)
        self.low_reach.setChecked(appearance.low_reach)
        names = (
            (self.smaller, tr("Smaller text", lang), tr("Makes all the text on the screen smaller", lang)),
            (self.larger, tr("Larger text", lang), tr("Makes all the text on the screen larger", lang)),
            (self.contrast, tr("High contrast", lang),
             tr("White and yellow on black, for easier reading", lang)),
            (self.low_reach, tr("Controls within reach", lang),
             tr("Moves the buttons to the lower part of the screen", lang)),
        )
        for button, name, description in names:
            button.setAccessibleName(name)
            button.setAccessibleDescription(description)
        self.setAccessibleName(tr("Reading and reach", lang))

    def appearance(self) -> Appearance:
        return self._appearance

    def buttons(self) -> list[QPushButton]:
        return [self.smaller, self.larger, self.contrast, self.low_reach]

    def _on_smaller_clicked(self) -> None:
        self.appearance_chosen.emit(self._appearance.smaller())

    def _on_larger_clicked(self) -> None:
        self.appearance_chosen.emit(self._appearance.larger())

    def _on_contrast_clicked(self, checked: bool) -> None:
        self.appearance_chosen.emit(self._appearance.with_contrast(checked))

    def _on_low_reach_clicked(self, checked: bool) -> None:
        self.appearance_chosen.emit(self._appearance.with_low_reach(checked))
