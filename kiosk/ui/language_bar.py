"""The language switch: one button per language the content offers, each in its own name.

It is hidden when there is nothing to switch to (one language, and the visitor reads it); a
visitor who chose a language the content lacks still sees it, to switch to one it has."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QWidget

from kiosk.ui.i18n import language_name, tr


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
        self.set_current(current)

    def set_current(self, language: str) -> None:
        """Check ``language`` and describe the switch in it (each button keeps its own name)."""
        button = self._buttons.get(language)
        if button is not None:
            button.setChecked(True)
        else:  # a language this content lacks: no button is the current one
            self._group.setExclusive(False)
            for each in self._buttons.values():
                each.setChecked(False)
            self._group.setExclusive(True)
        self.setVisible(len(self._buttons) > 1 or (bool(self._buttons) and button is None))
        self.setAccessibleName(tr("Language", language))
        for code, each in self._buttons.items():
            each.setAccessibleDescription(tr("Shows the exhibit in {name}", language,
                                             name=language_name(code)))

    def buttons(self) -> list[QPushButton]:
        return list(self._buttons.values())

    def _on_button_clicked(self, code: str) -> None:
        self.language_chosen.emit(code)
