"""The title screen for a content root with several subjects: a page of equal cards.

However many subjects there are (up to a dozen is usual) and whatever the screen, the visitor
sees whole cards of one size, each with a picture, its title and summary, and either every card
or the page strip under them saying there are more (kiosk.core.cardgrid decides the grid).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from kiosk.core.appearance import Appearance
from kiosk.core.cardgrid import CardGrid, choose_grid
from kiosk.core.model import Subject
from kiosk.ui.access_bar import AccessBar
from kiosk.ui.i18n import tr
from kiosk.ui.language_bar import LanguageBar
from kiosk.ui.page_strip import PageStrip
from kiosk.ui.subject_card import SubjectCard

#: Cards are at least this many average caption letters wide.
CARD_MIN_CHARS = 24


class ChooserScreen(QWidget):
    subject_chosen = Signal(str)
    language_chosen = Signal(str)
    appearance_chosen = Signal(object)  # Appearance
    page_changed = Signal(int)

    def __init__(self, subjects: Sequence[Subject], language: str, *, margin: int = 32,
                 appearance: Appearance = Appearance(), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chooserScreen")
        languages = tuple(dict.fromkeys(lang for s in subjects for lang in s.languages))
        self._language = language
        self._margin = margin
        self._page = 0
        self._grid: CardGrid | None = None
        self._press_x: float | None = None
        self._heading = QLabel(self)
        self._heading.setObjectName("chooserHeading")
        self._heading.setWordWrap(True)
        self._deck = QWidget(self)
        self._deck.setObjectName("chooserGrid")
        self._deck.installEventFilter(self)  # a new size (window, text size, strip) lays out anew
        self._cards = [SubjectCard(s, language, swipe_px=margin * 2, parent=self._deck) for s in subjects]
        for card in self._cards:
            card.chosen.connect(self._on_card_chosen)
            card.swiped.connect(self._on_card_swiped)
        self._pages = PageStrip(language, self)
        self._pages.step_requested.connect(self._on_pages_step_requested)
        self._languages = LanguageBar(languages, language, self)
        self._languages.language_chosen.connect(self._on_languages_language_chosen)
        self._access = AccessBar(appearance, language, self)
        self._access.appearance_chosen.connect(self.appearance_chosen)
        # The switches and the page strip share the bottom row when they fit across the screen,
        # else the strip gets a row of its own above them (portrait, large text).
        self._bottom = QGridLayout()
        self._bottom.setContentsMargins(0, 0, 0, 0)
        self._bottom.setHorizontalSpacing(margin // 2)
        self._bottom.setVerticalSpacing(margin // 2)
        self._strip_row: bool | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(margin, margin // 2, margin, margin // 2)
        layout.setSpacing(margin // 2)
        layout.addWidget(self._heading)
        layout.addWidget(self._deck, 1)
        layout.addLayout(self._bottom)
        self._arrange_bottom(own_row=False)
        self.set_language(language)

    # -- what the window asks ---------------------------------------------------------------
    def set_language(self, language: str) -> None:
        self._language = language
        self._heading.setText(tr("Touch a subject to begin", language))
        self._languages.set_current(language)
        self._access.set_state(self._access.appearance(), language)
        for card in self._cards:
            card.set_language(language)
        self._lay_out()

    def set_appearance(self, appearance: Appearance) -> None:
        self._access.set_state(appearance, self._language)
        self._lay_out()

    def reset(self, language: str) -> None:
        self._page = 0
        self.set_language(language)

    def cards(self) -> list[SubjectCard]:
        return list(self._cards)

    def page(self) -> int:
        return self._page

    def page_count(self) -> int:
        return self._grid.pages if self._grid is not None else 1

    def step_page(self, step: int) -> None:
        """The previous or next page of cards (the strip's buttons, a swipe, arrow keys)."""
        page = min(max(0, self._page + step), self.page_count() - 1)
        if page != self._page:
            self._page = page
            self._place_cards()
            self.page_changed.emit(page)

    # -- layout -----------------------------------------------------------------------------
    def _arrange_bottom(self, *, own_row: bool) -> None:
        if own_row == self._strip_row:
            return
        self._strip_row = own_row
        for widget in (self._languages, self._access, self._pages):
            self._bottom.removeWidget(widget)
        self._bottom.addWidget(self._languages, 1, 0)
        self._bottom.addWidget(self._access, 1, 1)
        self._bottom.setColumnStretch(2, 1)
        if own_row:
            self._bottom.addWidget(self._pages, 0, 0, 1, 4)
        else:
            self._bottom.addWidget(self._pages, 1, 3)

    def _fit_bottom(self) -> None:
        widgets = [self._access, self._pages] + ([self._languages] if self._languages.isVisibleTo(self) else [])
        for widget in widgets:
            widget.ensurePolished()
        needed = sum(w.sizeHint().width() for w in widgets) + self._margin * (len(widgets) + 2)
        self._arrange_bottom(own_row=needed > self.width())

    def _lay_out(self) -> None:
        """Choose the grid for the deck's size and the cards' words at the current text size."""
        area = self._deck.size()
        if area.width() < 50 or area.height() < 50 or not self._cards:
            return
        gap = self._margin // 2
        self._cards[0].ensurePolished()
        caption = self._cards[0].labels()[2]
        caption.ensurePolished()
        min_width = max([caption.fontMetrics().averageCharWidth() * CARD_MIN_CHARS,
                         *(card.longest_word() for card in self._cards)])

        def words(width: int) -> int:
            return max(card.words_height(width) for card in self._cards)

        grid = choose_grid(len(self._cards), area.width(), area.height(), gap=gap,
                           min_card_width=min_width, text_height=words, min_picture=self._margin * 2)
        if grid != self._grid:
            self._grid = grid
            self._page = min(self._page, grid.pages - 1)
        self._place_cards()

    def _place_cards(self) -> None:
        grid = self._grid
        if grid is None:
            return
        first = self._page * grid.per_page
        cells = grid.cells(self._page)
        on_page = self._cards[first:first + len(cells)]
        # Every card of the page gives its words the height the wordiest of them needs, so
        # their pictures line up (the grid was chosen so the wordiest card of all fits).
        words = max(card.words_height(grid.card_width) for card in on_page) if on_page else 0
        for i, card in enumerate(self._cards):
            cell = i - first
            if 0 <= cell < len(cells):
                x, y, w, h = cells[cell]
                card.set_words_height(words, h, w)
                card.setGeometry(x, y, w, h)
                card.lay_out_now()
                card.show()
            else:
                card.hide()
        self._pages.set_page(self._page, grid.pages, self._language)
        self._fit_bottom()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_bottom()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            # A new text size reaches the cards' labels one by one: lay out once they all have it.
            QTimer.singleShot(0, self, self._lay_out)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._deck and event.type() == QEvent.Type.Resize:
            self._lay_out()
        return super().eventFilter(watched, event)

    # -- a swipe on the deck between the cards ------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_x = event.position().x()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        start, self._press_x = self._press_x, None
        if start is not None and abs(event.position().x() - start) >= self._margin * 2:
            self.step_page(-1 if event.position().x() > start else 1)

    # -- handlers ---------------------------------------------------------------------------
    def _on_card_chosen(self, subject_id: str) -> None:
        self.subject_chosen.emit(subject_id)

    def _on_card_swiped(self, step: int) -> None:
        self.step_page(step)

    def _on_pages_step_requested(self, step: int) -> None:
        self.step_page(step)

    def _on_languages_language_chosen(self, language: str) -> None:
        self.language_chosen.emit(language)
