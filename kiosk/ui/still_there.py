"""The "Still there?" warning: a large countdown that any touch dismisses (WCAG 2.2.1)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.ui.overlay import Overlay
from kiosk.ui.i18n import ntr, tr


class StillThereOverlay(Overlay):
    def __init__(self, parent: QWidget, language: str) -> None:
        super().__init__(parent, "stillThereOverlay")
        self._language = language
        self._seconds = 0
        self._heading = QLabel(self.card)
        self._heading.setObjectName("overlayHeading")
        self._count = QLabel(self.card)
        self._count.setObjectName("countdownLabel")
        self._body = QLabel(self.card)
        self._body.setObjectName("overlayBody")
        self._note = QLabel(self.card)
        self._note.setObjectName("overlayNote")
        layout = QVBoxLayout(self.card)
        for label in (self._heading, self._count, self._body, self._note):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setWordWrap(label is not self._count)
            layout.addWidget(label)
        self._retranslate()

    def set_language(self, language: str) -> None:
        self._language = language
        self._retranslate()

    def set_seconds(self, seconds: int) -> None:
        self._seconds = seconds
        self._retranslate()
        if self.isVisible():
            self._fit()

    def seconds(self) -> int:
        return self._seconds

    def _retranslate(self) -> None:
        self._heading.setText(tr("Still there?", self._language))
        self._count.setText(str(self._seconds))
        self._body.setText(tr("Touch anywhere to keep exploring.", self._language))
        self._note.setText(ntr("The exhibit starts over in {n} second.",
                                 "The exhibit starts over in {n} seconds.", self._seconds, self._language))
        self.setAccessibleName(tr("Still there?", self._language))
