"""One subject on the chooser: its picture, period, title and summary, as one large button.

A button, so a tap, a click, Enter or Space opens it alike (classroom keyboards and remotes).
The chooser decides its size; the card says how tall its words need to be at a width, so every
card on a page can be given the same picture height and the same rectangle.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractButton, QLabel, QStyle, QStyleOption, QVBoxLayout, QWidget

from kiosk.core.model import Subject
from kiosk.ui.tabs.picture_view import PictureView

#: A card's picture is at most this tall for its width (4:3).
PICTURE_SHAPE = 0.75


class SubjectCard(QAbstractButton):
    chosen = Signal(str)
    #: The visitor dragged across the card: -1 to go back a page, +1 forward.
    swiped = Signal(int)

    def __init__(self, subject: Subject, language: str, *, swipe_px: int = 60,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"subjectCard_{subject.id}")
        self.setProperty("role", "card")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._subject = subject
        self._language = ""
        self._swipe_px = swipe_px
        self._pressed_at: QPointF | None = None
        self.picture = PictureView(self)
        self.picture.setObjectName("cardPicture")
        self.picture.set_cover(True)
        self.picture.setMinimumHeight(0)
        self.picture.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self._year = QLabel(self)
        self._year.setObjectName("cardYear")
        self._title = QLabel(self)
        self._title.setObjectName("cardTitle")
        self._summary = QLabel(self)
        self._summary.setObjectName("cardSummary")
        self._words = QWidget(self)
        self._words.setObjectName("cardWords")
        words = QVBoxLayout(self._words)
        words.setContentsMargins(0, 0, 0, 0)
        for label in self.labels():
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
            words.addWidget(label)
        words.addStretch(1)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.picture)
        self._layout.addWidget(self._words)
        self._layout.addStretch(1)
        self.clicked.connect(self._on_clicked)
        self.set_language(language)

    def subject_id(self) -> str:
        return self._subject.id

    def labels(self) -> tuple[QLabel, QLabel, QLabel]:
        return (self._year, self._title, self._summary)

    def set_language(self, language: str) -> None:
        if language == self._language:
            return
        self._language = language
        s = self._subject
        self._year.setText(s.year)
        self._year.setVisible(bool(s.year))
        self._title.setText(s.title.get(language))
        summary = s.summary.get(language) or s.subtitle.get(language)
        self._summary.setText(summary)
        self._summary.setVisible(bool(summary))
        self.picture.set_picture(s.card_picture(language), glyph="text")
        self.setAccessibleName(s.title.get(language))
        self.setAccessibleDescription(summary)

    # -- sizes the chooser asks for -----------------------------------------------------------
    def _inner_width(self, width: int) -> int:
        m = self._layout.contentsMargins()
        return max(1, width - m.left() - m.right())

    def words_height(self, width: int) -> int:
        """How tall the year, title and summary are when the card is ``width`` wide."""
        inner = self._inner_width(width)
        shown = [label for label in self.labels() if label.text()]
        for label in shown:
            label.ensurePolished()
        spacing = self._words.layout().spacing()
        m = self._layout.contentsMargins()
        return (sum(label.heightForWidth(inner) for label in shown) + spacing * max(0, len(shown) - 1)
                + self._layout.spacing() + m.top() + m.bottom())

    def longest_word(self) -> int:
        """The widest single word of the title or summary, with the card's margins: a card
        narrower than this would cut a word."""
        widest = 0
        for label in self.labels():
            label.ensurePolished()
            fm = label.fontMetrics()
            widest = max([widest, *(fm.horizontalAdvance(w) for w in label.text().split())])
        m = self._layout.contentsMargins()
        return widest + m.left() + m.right() + 2

    def set_words_height(self, height: int, card_height: int, card_width: int) -> None:
        """Every card on a page gives its words the same height, so the pictures line up; the
        picture is never taller than a 4:3 picture of the card's width would be (a tall card
        keeps its spare room under the words, not in bands around the picture)."""
        m = self._layout.contentsMargins()
        words = max(0, height - self._layout.spacing() - m.top() - m.bottom())
        self._words.setFixedHeight(words)
        room = card_height - height
        self.picture.setFixedHeight(max(0, min(room, round(self._inner_width(card_width) * PICTURE_SHAPE))))

    def lay_out_now(self) -> None:
        """Place the picture and words at once (new words, a new size), not at the next event."""
        self._layout.activate()
        self._words.layout().activate()

    # -- touch ---------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed_at = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        start, self._pressed_at = self._pressed_at, None
        if start is not None:
            dx = event.position().x() - start.x()
            if abs(dx) >= self._swipe_px and abs(dx) > abs(event.position().y() - start.y()):
                self.setDown(False)
                self.swiped.emit(-1 if dx > 0 else 1)
                return
        super().mouseReleaseEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        option = QStyleOption()
        option.initFrom(self)
        if self.isDown():
            option.state |= QStyle.StateFlag.State_Sunken  # the style sheet's :pressed
        painter = QPainter(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)
        painter.end()

    def _on_clicked(self) -> None:
        self.chosen.emit(self._subject.id)
