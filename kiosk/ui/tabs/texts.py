"""The Texts tab: the subject's articles (overview first) beside a reader made for arm's length.

The list shows each article's title and author; the reader shows its source under the title,
the text in a column of about 52 characters, A−/A+ (back to normal at idle) and kinetic scrolling.
"""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout

from kiosk.core.model import ArticleText, Subject
from kiosk.ui.reader.article_view import ArticleView
from kiosk.ui.i18n import tr
from kiosk.ui.metrics import Metrics
from kiosk.ui.tabs.base import TabContext, TabPage
from kiosk.ui.tabs.touch_list import ListRow, TouchList
from kiosk.ui.orientation import arrange_list_beside

PORTRAIT_LIST_SHARE = 0.27
LANDSCAPE_LIST_STRETCH = (30, 70)


def preload() -> None:
    """Find out whether the machine has a voice to read articles aloud (QtTextToSpeech is
    imported here, after the title screen has painted, not when the visitor first taps)."""
    from kiosk.ui.reader import speech

    speech.shared_engine()


class TextsTab(TabPage):
    def __init__(self, subject: Subject, context: TabContext) -> None:
        super().__init__(subject, context)
        self.articles = sorted(subject.articles, key=lambda a: a.order)
        self.list = TouchList(self)
        self.reader = ArticleView(context.metrics, subject.path, self)
        self.reader.controls.set_low_reach(context.low_reach)
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(context.metrics.px(8))
        self._layout.addWidget(self.list, LANDSCAPE_LIST_STRETCH[0])
        self._layout.addWidget(self.reader, LANDSCAPE_LIST_STRETCH[1])
        self._shown = -1
        self.list.row_selected.connect(self._on_list_row_selected)
        self.reader.text_step_changed.connect(self._on_reader_text_step_changed)
        self.list.set_rows(self._rows())
        self.list.select_row(0)
        self._show(0)

    def _text(self, row: int) -> ArticleText:
        return self.articles[row].text(self.language)

    def _rows(self) -> list[ListRow]:
        rows = []
        for row in range(len(self.articles)):
            text = self._text(row)
            meta = tr("By {author}", self.language, author=text.author) if text.author else _short(text.source)
            rows.append(ListRow(text.title, meta, glyph="text"))
        return rows

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.articles):
            self._shown = row
            self.reader.show_text(self._text(row), self.language)

    # -- the tab interface -------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        if language == self.language:
            return
        super().set_language(language)
        row = max(0, self.list.current_row())
        self.list.set_rows(self._rows())
        self.list.select_row(row)
        self._show(row)

    def set_appearance(self, metrics: Metrics, low_reach: bool) -> None:
        super().set_appearance(metrics, low_reach)
        self.reader.set_metrics(metrics, low_reach)

    def deactivate(self) -> None:
        self.reader.stop_reading()

    def reset(self) -> None:
        self.list.reset_view()
        if self._shown != 0:
            self._show(0)
        self.reader.reset()

    # -- handlers -------------------------------------------------------------------------------
    def _on_list_row_selected(self, row: int) -> None:
        if row != self._shown:
            self._show(row)
            self.item_opened.emit(self.item_key(self.articles[row].text(None).path))

    def _on_reader_text_step_changed(self, step: int) -> None:
        self.text_size_changed.emit(step)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        arrange_list_beside(self._layout, self.list, event.size(), portrait_share=PORTRAIT_LIST_SHARE,
                            landscape_stretch=LANDSCAPE_LIST_STRETCH)


def _short(source: str) -> str:
    return source.split(",")[0].strip() if source else ""
