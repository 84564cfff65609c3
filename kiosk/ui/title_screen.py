"""The title screen: what the exhibit is about, its own pictures in a loop, "Touch to begin".

A touch anywhere begins (except the staff corner, which swallows its taps). Landscape puts the
words beside the pictures; portrait puts the pictures above.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.core.appearance import Appearance
from kiosk.core.model import Subject
from kiosk.ui.access_bar import AccessBar
from kiosk.ui.attract_loop import AttractLoop, Slide
from kiosk.ui.language_bar import LanguageBar
from kiosk.ui.text_scroll import TextScroll
from kiosk.ui.i18n import tr


def subject_slides(subject: Subject, language: str) -> list[Slide]:
    """The attract loop's slides: the subject's pictures, then video posters, else its texts."""
    slides = [
        Slide(item.path_for(language), item.info.caption.get(language) or item.info.title.get(language),
              item.info.credit.get(language))
        for item in subject.images
    ]
    slides += [
        Slide(poster, item.info.caption.get(language) or item.info.title.get(language),
              item.info.credit.get(language))
        for item in subject.videos
        if (poster := item.poster_for(language)) is not None
    ]
    if not slides:
        slides = [Slide(None, a.text(language).title, a.text(language).source)
                  for a in subject.articles]
    return slides


class TitleScreen(QWidget):
    begin_requested = Signal()
    language_chosen = Signal(str)
    appearance_chosen = Signal(object)  # Appearance

    def __init__(
        self,
        subject: Subject,
        language: str,
        *,
        attract_interval_ms: int,
        margin: int = 32,
        reduced_motion: bool = False,
        appearance: Appearance = Appearance(),
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
        self._access = AccessBar(appearance, language, self)
        self._access.appearance_chosen.connect(self.appearance_chosen)
        self.attract = AttractLoop(
            subject_slides(subject, language),
            interval_ms=attract_interval_ms,
            reduced_motion=reduced_motion,
            parent=self,
        )
        words = QVBoxLayout()
        # The words scroll if they outgrow their room (a long language, the largest text); a
        # tap on them still begins, as anywhere on this screen.
        self._text = TextScroll("titleText", kinetic=False, parent=self)
        rule = QFrame(self)
        rule.setObjectName("titleRule")
        rule.setFixedWidth(margin * 3)
        text = self._text.column
        text.setSpacing(margin // 4)
        text.addStretch(2)
        text.addWidget(rule)
        text.addWidget(self._year)
        text.addWidget(self._title)
        text.addWidget(self._subtitle)
        text.addWidget(self._summary)
        text.addStretch(3)
        words.addWidget(self._text, 1)
        words.addWidget(self._begin, 0, Qt.AlignmentFlag.AlignLeft)
        choices = QHBoxLayout()
        choices.setContentsMargins(0, 0, 0, 0)
        choices.setSpacing(margin // 2)
        choices.addWidget(self._languages)
        choices.addWidget(self._access)
        choices.addStretch(1)
        words.addLayout(choices)
        self._choices = choices
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

    def subject(self) -> Subject:
        return self._subject

    def update_subject(self, subject: Subject) -> bool:
        """The same subject, checked more closely (the media check after start): words and
        slides are brought up to date in place, the loop keeps its place. False (nothing done)
        when it offers other languages, which needs a new screen."""
        if subject.id != self._subject.id or subject.languages != self._subject.languages:
            return False
        self._subject = subject
        self._retranslate()
        return True

    def set_language(self, language: str) -> None:
        self._language = language
        self._languages.set_current(language)
        self._access.set_state(self._access.appearance(), language)
        self._retranslate()

    def set_appearance(self, appearance: Appearance) -> None:
        """Show the visitor's text size and contrast choices (the begin button and the
        switches already sit low on the screen, so low reach changes nothing else here)."""
        self._access.set_state(appearance, self._language)
        self._fit_begin()

    def _fit_begin(self) -> None:
        """The begin button and the row of switches under it are never narrower than their
        words (long in Russian, larger with A+, a small classroom window): the pictures beside
        them give way instead."""
        for widget in (self._begin, self._languages, self._access):
            widget.ensurePolished()
        self._begin.setMinimumWidth(0)
        self._begin.setMinimumWidth(self._begin.sizeHint().width())
        self._words.setMinimumWidth(self._choices.sizeHint().width())

    def reset(self, language: str) -> None:
        self.set_language(language)
        self._text.reset_scroll()
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
        self._begin.setText(tr("Touch to begin", lang))
        self._begin.setAccessibleName(tr("Touch to begin", lang))
        self._begin.setAccessibleDescription(tr("Starts a visit to the exhibit", lang))
        self.attract.setAccessibleName(tr("Pictures from the exhibit", lang))
        self._fit_begin()
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
