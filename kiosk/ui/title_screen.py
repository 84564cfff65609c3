"""The title screen: what the exhibit is about, its own pictures in a loop, "Touch to begin".

A touch anywhere begins (except the staff corner, which swallows its taps). Landscape puts the
words beside the pictures; portrait puts the pictures above.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.core.model import Subject
from kiosk.ui.attract_loop import AttractLoop, Slide
from kiosk.ui.language_bar import LanguageBar
from kiosk.ui.strings import tr


def subject_slides(subject: Subject, language: str) -> list[Slide]:
    """The attract loop's slides: the subject's pictures, then video posters, else its texts."""
    slides = [
        Slide(item.path, item.info.caption.get(language) or item.info.title.get(language),
              item.info.credit.get(language))
        for item in subject.images
    ]
    slides += [
        Slide(item.poster, item.info.caption.get(language) or item.info.title.get(language),
              item.info.credit.get(language))
        for item in subject.videos
        if item.poster is not None
    ]
    if not slides:
        slides = [Slide(None, a.text(language).title, a.text(language).source)
                  for a in subject.articles]
    return slides


class TitleScreen(QWidget):
    begin_requested = Signal()
    language_chosen = Signal(str)

    def __init__(
        self,
        subject: Subject,
        language: str,
        *,
        attract_interval_ms: int,
        margin: int = 32,
        reduced_motion: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("titleScreen")
        self._subject = subject
        self._language = language
        self._year = QLabel(self)
        self._year.setObjectName("titleYear")
        self._title = QLabel(self)
        self._title.setObjectName("titleHeading")
        self._subtitle = QLabel(self)
        self._subtitle.setObjectName("titleSubtitle")
        self._summary = QLabel(self)
        self._summary.setObjectName("titleSummary")
        for label in (self._title, self._subtitle, self._summary):
            label.setWordWrap(True)
        self._begin = QPushButton(self)
        self._begin.setObjectName("touchToBegin")
        self._begin.setProperty("role", "primary")
        self._begin.clicked.connect(self._on_begin_clicked)
        self._languages = LanguageBar(subject.languages, language, self)
        self._languages.language_chosen.connect(self._on_languages_language_chosen)
        self.attract = AttractLoop(
            subject_slides(subject, language),
            interval_ms=attract_interval_ms,
            reduced_motion=reduced_motion,
            parent=self,
        )
        words = QVBoxLayout()
        rule = QFrame(self)
        rule.setObjectName("titleRule")
        rule.setFixedWidth(margin * 3)
        words.addStretch(2)
        words.addWidget(rule)
        words.addWidget(self._year)
        words.addWidget(self._title)
        words.addWidget(self._subtitle)
        words.addWidget(self._summary)
        words.addStretch(3)
        words.addWidget(self._begin, 0, Qt.AlignmentFlag.AlignLeft)
        words.addWidget(self._languages, 0, Qt.AlignmentFlag.AlignLeft)
        self._words = QWidget(self)
        self._words.setObjectName("titleWords")
        self._words.setLayout(words)
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(margin, margin, margin, margin)
        self._layout.setSpacing(margin)
        words.setContentsMargins(0, 0, 0, 0)
        words.setSpacing(margin // 4)
        self._layout.addWidget(self._words, 5)
        self._layout.addWidget(self.attract, 6)
        self._retranslate()

    def set_language(self, language: str) -> None:
        self._language = language
        self._languages.set_current(language)
        self._retranslate()

    def reset(self, language: str) -> None:
        self.set_language(language)
        self.attract.restart()

    def _retranslate(self) -> None:
        lang = self._language
        self._year.setText(self._subject.year)
        self._year.setVisible(bool(self._subject.year))
        self._title.setText(self._subject.title.get(lang))
        self._subtitle.setText(self._subject.subtitle.get(lang))
        self._subtitle.setVisible(bool(self._subject.subtitle))
        self._summary.setText(self._subject.summary.get(lang))
        self._summary.setVisible(bool(self._subject.summary))
        self._begin.setText(tr("touch_to_begin", lang))
        self.attract.set_slides(subject_slides(self._subject, lang))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.begin_requested.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        portrait = event.size().height() > event.size().width()
        direction = (QBoxLayout.Direction.BottomToTop if portrait
                     else QBoxLayout.Direction.LeftToRight)
        self._layout.setDirection(direction)
        self._layout.setStretch(0, 4 if portrait else 5)
        self._layout.setStretch(1, 5 if portrait else 6)

    def _on_begin_clicked(self) -> None:
        self.begin_requested.emit()

    def _on_languages_language_chosen(self, language: str) -> None:
        self.language_chosen.emit(language)
