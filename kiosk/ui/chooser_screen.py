"""The title screen for a content root with several subjects: one large card per subject."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.appearance import Appearance
from kiosk.core.model import Subject
from kiosk.ui.access_bar import AccessBar
from kiosk.ui.language_bar import LanguageBar
from kiosk.ui.i18n import tr
from kiosk.ui.tabs.picture_view import PictureView


class SubjectCard(QFrame):
    chosen = Signal(str)

    def __init__(self, subject: Subject, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"subjectCard_{subject.id}")
        self.setProperty("role", "card")
        self._subject = subject
        self._picture = PictureView(self)
        first = subject.images[0].path if subject.images else None
        self._picture.set_picture(first, glyph="text")
        self._year = QLabel(self)
        self._year.setObjectName("cardYear")
        self._title = QLabel(self)
        self._title.setObjectName("cardTitle")
        self._subtitle = QLabel(self)
        self._subtitle.setObjectName("cardSubtitle")
        layout = QVBoxLayout(self)
        layout.addWidget(self._picture, 1)
        for label in (self._year, self._title, self._subtitle):
            label.setWordWrap(True)
            layout.addWidget(label)
        self.set_language(language)

    def set_language(self, language: str) -> None:
        self._year.setText(self._subject.year)
        self._title.setText(self._subject.title.get(language))
        self._subtitle.setText(self._subject.subtitle.get(language))
        self._subtitle.setVisible(bool(self._subject.subtitle))
        self.setAccessibleName(self._subject.title.get(language))
        self.setAccessibleDescription(self._subject.summary.get(language)
                                      or self._subject.subtitle.get(language))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.chosen.emit(self._subject.id)


class ChooserScreen(QWidget):
    subject_chosen = Signal(str)
    language_chosen = Signal(str)
    appearance_chosen = Signal(object)  # Appearance

    def __init__(self, subjects: Sequence[Subject], language: str, *, margin: int = 32,
                 appearance: Appearance = Appearance(), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chooserScreen")
        languages = tuple(dict.fromkeys(lang for s in subjects for lang in s.languages))
        self._language = language
        self._heading = QLabel(self)
        self._heading.setObjectName("chooserHeading")
        self._cards = [SubjectCard(s, language) for s in subjects]
        for card in self._cards:
            card.chosen.connect(self._on_card_chosen)
        self._grid_host = QWidget()
        self._grid_host.setObjectName("chooserGrid")
        self._grid = QGridLayout(self._grid_host)
        scroll = QScrollArea(self)
        scroll.setObjectName("chooserScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self._grid_host)
        QScroller.grabGesture(scroll.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        self._languages = LanguageBar(languages, language, self)
        self._languages.language_chosen.connect(self._on_languages_language_chosen)
        self._access = AccessBar(appearance, language, self)
        self._access.appearance_chosen.connect(self.appearance_chosen)
        choices = QHBoxLayout()
        choices.setContentsMargins(0, 0, 0, 0)
        choices.setSpacing(margin // 2)
        choices.addWidget(self._languages)
        choices.addWidget(self._access)
        choices.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(margin, margin // 2, margin, margin)
        self._grid.setSpacing(margin // 2)
        layout.addWidget(self._heading)
        layout.addWidget(scroll, 1)
        layout.addLayout(choices)
        self._columns = 0
        self.set_language(language)

    def set_language(self, language: str) -> None:
        self._language = language
        self._heading.setText(tr("Touch a subject to begin", language))
        self._languages.set_current(language)
        self._access.set_state(self._access.appearance(), language)
        for card in self._cards:
            card.set_language(language)

    def set_appearance(self, appearance: Appearance) -> None:
        self._access.set_state(appearance, self._language)

    def reset(self, language: str) -> None:
        self.set_language(language)

    def _lay_out(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for card in self._cards:
            self._grid.removeWidget(card)
        for i, card in enumerate(self._cards):
            self._grid.addWidget(card, i // columns, i % columns)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        landscape = event.size().width() > event.size().height()
        count = max(1, len(self._cards))
        self._lay_out(min(3, count) if landscape else (1 if count <= 2 else 2))
        card_h = round(event.size().height() * (0.62 if landscape else 0.36))
        for card in self._cards:
            card.setMinimumHeight(card_h)

    def _on_card_chosen(self, subject_id: str) -> None:
        self.subject_chosen.emit(subject_id)

    def _on_languages_language_chosen(self, language: str) -> None:
        self.language_chosen.emit(language)
