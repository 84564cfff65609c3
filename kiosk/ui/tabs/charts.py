"""The Charts tab: a chooser of the subject's charts beside the chosen chart, drawn with
pyqtgraph; touching a figure shows its value, date and source.

pyqtgraph costs about 350 ms to import, so this module never imports it: ``preload()`` loads
it after the title screen has painted, and the plot is built the first time the tab opens
(which still works, only slower, if ``preload`` was never called).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QLabel

from kiosk.core.chartdata import ChartLayout, drawable_charts, layout_chart
from kiosk.core.model import ChartDef, Subject
from kiosk.ui.charts.chart_panel import ChartPanel
from kiosk.ui.charts.draw_in import DRAW_IN_MS, FRAME_MS
from kiosk.ui.i18n import tr
from kiosk.ui.metrics import Metrics
from kiosk.ui.tabs.base import TabContext, TabPage
from kiosk.ui.tabs.touch_list import ListRow, TouchList
from kiosk.ui.orientation import arrange_list_beside

PORTRAIT_LIST_SHARE = 0.2
LANDSCAPE_LIST_STRETCH = (2, 5)  # chooser : chart


def preload() -> None:
    """Import pyqtgraph and the plot module, so that opening the tab is quick.
    Call once the title screen has painted (the attract loop is running by then)."""
    from kiosk.ui.charts import plot_view  # noqa: F401  (imports pyqtgraph and its items)


class ChartsTab(TabPage):
    #: The chart now shown (its id), after the visitor chose it or the tab reset.
    chart_shown = Signal(str)

    def __init__(self, subject: Subject, context: TabContext, *, draw_in_ms: int = DRAW_IN_MS,
                 frame_ms: int = FRAME_MS) -> None:
        super().__init__(subject, context)
        self._charts: tuple[ChartDef, ...] = drawable_charts(subject)
        self._layouts: dict[str, ChartLayout] = {}
        self._current = 0
        self._opened = False
        self.list = TouchList(self)
        self.panel = ChartPanel(context.metrics, self.language, animate=not context.reduced_motion,
                                draw_in_ms=draw_in_ms, frame_ms=frame_ms, parent=self)
        self._empty = QLabel(self)
        self._empty.setObjectName("chartEmpty")
        self._empty.setWordWrap(True)
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(context.metrics.px(8))
        self._layout.addWidget(self.list, LANDSCAPE_LIST_STRETCH[0])
        self._layout.addWidget(self.panel, LANDSCAPE_LIST_STRETCH[1])
        self._layout.addWidget(self._empty)
        self.list.row_selected.connect(self._on_list_row_selected)
        self.list.set_rows(self._rows())
        self.list.select_row(0)
        self._empty.setVisible(not self._charts)
        self.list.setVisible(bool(self._charts))
        self.panel.setVisible(bool(self._charts))
        self._empty.setText(tr("There are no charts to show for this subject.", self.language))

    # -- what tests and the export read --------------------------------------------------------------
    def chart_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self._charts)

    def current_chart(self) -> str:
        return self._charts[self._current].id if self._charts else ""

    def show_chart(self, chart_id: str) -> None:
        """Show a chart by id (what choosing its row does)."""
        ids = self.chart_ids()
        if chart_id in ids:
            self.list.select_row(ids.index(chart_id))
            self._show(ids.index(chart_id), animate=None)

    # -- the tab interface ---------------------------------------------------------------------------
    def activate(self) -> None:
        """The tab opened: draw the chart (growing, unless reduced motion is on)."""
        self._opened = True
        if self._charts:
            self._show(self._current, animate=None, force=True)

    def deactivate(self) -> None:
        self.panel.skip_draw_in()

    def reset(self) -> None:
        """First chart, default range, callout closed; drawn at once if the tab is open."""
        self.list.reset_view()
        self._current = 0
        self.panel.reset_view()
        if self._charts and self.panel.plot() is not None and self.isVisible():
            self._show(0, animate=False, force=True)
        # Hidden: the first chart is drawn when the tab next opens (activate always redraws).

    def set_appearance(self, metrics: Metrics, low_reach: bool) -> None:
        """Larger text or the other contrast: the chart is drawn again in the new sizes and
        colours (at once: the visitor has seen it grow already)."""
        super().set_appearance(metrics, low_reach)
        self.panel.set_metrics(metrics)

    def set_language(self, language: str) -> None:
        if language == self.language:
            return
        super().set_language(language)
        row = self.list.current_row()
        self.list.set_rows(self._rows())
        self.list.select_row(max(0, row))
        self._empty.setText(tr("There are no charts to show for this subject.", language))
        self.panel.set_language(language)

    # -- inside --------------------------------------------------------------------------------------
    def _rows(self) -> list[ListRow]:
        rows = []
        for chart in self._charts:
            kind = (tr("Line chart", self.language) if chart.kind == "line"
                    else tr("Bar chart", self.language))
            glyph = "chart" if chart.kind == "line" else "bars"
            rows.append(ListRow(chart.title.get(self.language) or chart.id, kind, glyph=glyph))
        return rows

    def _layout_for(self, chart: ChartDef) -> ChartLayout:
        if chart.id not in self._layouts:
            self._layouts[chart.id] = layout_chart(chart, self.subject.series)
        return self._layouts[chart.id]

    def _show(self, row: int, *, animate: bool | None, force: bool = False) -> None:
        if not 0 <= row < len(self._charts) or (row == self._current and not force
                                                and self.panel.plot() is not None):
            return
        self._current = row
        if not self._opened:
            return  # drawn when the tab first opens
        self.panel.show_chart(self._layout_for(self._charts[row]), animate=animate)
        self.chart_shown.emit(self._charts[row].id)

    def _on_list_row_selected(self, row: int) -> None:
        before = self._current
        self._show(row, animate=None)
        if self._opened and row != before and 0 <= row < len(self._charts):
            self.item_opened.emit(f"charts/{self._charts[row].id}")  # visit analytics

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        arrange_list_beside(self._layout, self.list, event.size(), portrait_share=PORTRAIT_LIST_SHARE,
                            landscape_stretch=LANDSCAPE_LIST_STRETCH)
