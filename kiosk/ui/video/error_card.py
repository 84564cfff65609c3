"""A calm card over the player when a film cannot be shown: what happened, and what to do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


class ErrorCard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("videoErrorCard")
        self._heading = QLabel(self)
        self._heading.setObjectName("videoErrorHeading")
        self._heading.setWordWrap(True)
        self._heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._body = QLabel(self)
        self._body.setObjectName("videoErrorBody")
        self._body.setWordWrap(True)
        self._body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self._heading)
        layout.addWidget(self._body)
        self.hide()

    def show_message(self, heading: str, body: str) -> None:
        self._heading.setText(heading)
        self._body.setText(body)
        self.show()
        self.raise_()

    def heading(self) -> str:
        return self._heading.text()
