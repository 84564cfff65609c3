"""What visitors see when no subject can be shown: a calm notice, never an error message.
Staff reach the findings through the corner gesture as usual. The language switch offers every
language the kiosk has words for, and the accessibility controls are here too."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.core.appearance import Appearance
from kiosk.ui.access_bar import AccessBar
from kiosk.ui.i18n import available_languages, tr
from kiosk.ui.language_bar import LanguageBar


class UnavailableScreen(QWidget):
    language_chosen = Signal(str)
    appearance_chosen = Signal(object)  # Appearance

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unavailableScreen")
        self._language = language
        mark = QLabel("◆", self)
        mark.setObjectName("unavailableMark")
        self._title = QLabel(self)
        self._title.setObjectName("unavailableTitle")
        self._body = QLabel(self)
        self._body.setObjectName("unavailableBody")
        self._languages = LanguageBar(available_languages(), language, self)
        self._languages.language_chosen.connect(self.language_chosen)
        self._access = AccessBar(Appearance(), language, self)
        self._access.appearance_chosen.connect(self.appearance_chosen)
        choices = QHBoxLayout()
        choices.addStretch(1)
        choices.addWidget(self._languages)
        choices.addWidget(self._access)
        choices.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for label in (mark, self._title, self._body):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addStretch(1)
        layout.addLayout(choices)
        self.set_language(language)

    def set_language(self, language: str) -> None:
        self._language = language
        self._title.setText(tr("This exhibit is resting", language))
        self._body.setText(tr("Please come back soon, or ask a member of staff.", language))
        self._languages.set_current(language)
        self._access.set_state(self._access.appearance(), language)

    def set_appearance(self, appearance: Appearance) -> None:
        self._access.set_state(appearance, self._language)
