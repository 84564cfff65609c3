"""The language switch: one button per language the content offers, each in its own name."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QWidget

from kiosk.ui.strings import language_name


class LanguageBar(QWidget):
    language_chosen = Signal(str)

    def __init__(self, languages: Sequence[str], current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageBar")
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._buttons: dict[str, QPushButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for code in languages:
            button = QPushButton(language_name(code), self)
            button.setObjectName(f"languageButton_{code}")
            button.setCheckable(True)
            button.setProperty("role", "toggle")
            button.setAccessibleName(language_name(code))
            button.clicked.connect(lambda _=False, c=code: self._on_button_clicked(c))
            self._group.addButton(button)
            layout.addWidget(button)
            self._buttons[code] = button
        self.setVisible(len(languages) > 1)
        self.set_current(current)

    def set_current(self, language: str) -> None:
        button = self._buttons.get(language)
        if button is not None:
            button.setChecked(True)

    def _on_button_clicked(self, code: str) -> None:
        self.language_chosen.emit(code)
