"""The shared shape of this issue's tabs: a touch list beside (or above) the chosen item.

Side by side on a landscape screen, stacked on a portrait one. Subclasses only say what the
rows are and what the detail of one row shows.
"""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout

from kiosk.core.model import Subject
from kiosk.ui.tabs.base import TabContext, TabPage
from kiosk.ui.tabs.detail_pane import Detail, DetailPane
from kiosk.ui.tabs.touch_list import ListRow, TouchList
from kiosk.ui.orientation import arrange_list_beside


PORTRAIT_LIST_SHARE = 0.34


class ListDetailTab(TabPage):
    def __init__(self, subject: Subject, context: TabContext) -> None:
        super().__init__(subject, context)
        self.list = TouchList(self)
        self.detail = DetailPane(self)
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(context.metrics.px(8))
        self._layout.addWidget(self.list, 2)
        self._layout.addWidget(self.detail, 3)
        self._shown: tuple[int, str] | None = None
        self.list.row_selected.connect(self._on_list_row_selected)
        self.list.set_rows(self.rows())
        self.list.select_row(0)

    # -- what subclasses provide ----------------------------------------------------------
    def rows(self) -> list[ListRow]:
        raise NotImplementedError

    def detail_for(self, row: int) -> Detail:
        raise NotImplementedError

    # -- the tab interface ----------------------------------------------------------------
    def set_language(self, language: str) -> None:
        if language == self.language:
            return
        super().set_language(language)
        row = self.list.current_row()
        self.list.set_rows(self.rows())
        self.list.select_row(max(0, row))
        self._show(max(0, row))

    def reset(self) -> None:
        self.list.reset_view()
        self._show(0)

    def _on_list_row_selected(self, row: int) -> None:
        self._show(row)

    def _show(self, row: int) -> None:
        if 0 <= row < self.list.row_count() and (row, self.language) != self._shown:
            self._shown = (row, self.language)
            self.detail.show_detail(self.detail_for(row))
        elif (row, self.language) == self._shown:
            self.detail.reset_scroll()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        arrange_list_beside(self._layout, self.list, event.size(), portrait_share=PORTRAIT_LIST_SHARE,
                            landscape_stretch=(2, 3))


