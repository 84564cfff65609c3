"""What visitors see when no subject can be shown: a calm notice, never an error message.
Staff reach the findings through the corner gesture as usual."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.ui.strings import tr


class UnavailableScreen(QWidget):
    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unavailableScreen")
        mark = QLabel("◆", self)
        mark.setObjectName("unavailableMark")
        self._title = QLabel(self)
        self._title.setObjectName("unavailableTitle")
        self._body = QLabel(self)
        self._body.setObjectName("unavailableBody")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for label in (mark, self._title, self._body):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addStretch(1)
        self.set_language(language)

    def set_language(self, language: str) -> None:
        self._title.setText(tr("unavailable_title", language))
        self._body.setText(tr("unavailable_body", language))
