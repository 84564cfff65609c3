"""One chart as the visitor sees it: its title, the plot, the callout over it, and under it a
key naming each series' colour and source, with its figures written out.

The plot (pyqtgraph) is created on the first ``show_chart``, not with the panel, so building the
exhibit screen never waits for pyqtgraph.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import QHideEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScroller, QTextBrowser, QVBoxLayout, QWidget

from kiosk.core.chartdata import ChartLayout
from kiosk.ui.charts.callout import Callout
from kiosk.ui.charts.draw_in import DRAW_IN_MS, FRAME_MS, DrawIn
from kiosk.ui.charts.style import SERIES_COLOURS, ChartStyle
from kiosk.ui.charts.texts import callout_text, key_html
from kiosk.ui.metrics import Metrics
from kiosk.ui.i18n import tr

KEY_SHARE = 0.3  # the key takes at most this share of the panel's height
CALLOUT_MM = 140  # the callout card's width on the glass


class ChartPanel(QWidget):
    draw_in_finished = Signal()
    callout_opened = Signal(int)

    def __init__(self, metrics: Metrics, language: str, *, animate: bool = True,
                 draw_in_ms: int = DRAW_IN_MS, frame_ms: int = FRAME_MS,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartPanel")
        self._metrics = metrics
        self._style = ChartStyle.for_metrics(metrics)
        self._language = language
        self._animate = animate
        self._layout: ChartLayout | None = None
        self._plot = None  # PlotView, created on first use
        self._title = QLabel(self)
        self._title.setObjectName("detailTitle")
        self._title.setWordWrap(True)
        self._axis_label = QLabel(self)
        self._axis_label.setObjectName("chartAxisLabel")
        self._hint = QLabel(self)
        self._hint.setObjectName("chartHint")
        self._hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._axis_label, 1)
        row.addWidget(self._hint, 1)
        self._plot_host = QWidget(self)
        self._plot_host.setObjectName("chartPlotHost")
        self._plot_layout = QVBoxLayout(self._plot_host)
        self._plot_layout.setContentsMargins(0, 0, 0, 0)
        self._key = QTextBrowser(self)
        self._key.setObjectName("detailBody")
        self._key.setFrameShape(QFrame.Shape.NoFrame)
        self._key.setOpenLinks(False)
        self._key.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self._key.viewport().setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self._key.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self._key.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        QScroller.grabGesture(self._key.viewport(),
                              QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(metrics.spacing)
        layout.addWidget(self._title)
        layout.addLayout(row)
        layout.addWidget(self._plot_host, 1)
        layout.addWidget(self._key)
        self._callout = Callout(self)
        self._callout.close_requested.connect(self._on_callout_close_requested)
        self._draw_in = DrawIn(draw_in_ms, frame_ms, self)
        self._draw_in.progressed.connect(self._on_draw_in_progressed)
        self._draw_in.finished.connect(self._on_draw_in_finished)

    # -- what the tab asks ------------------------------------------------------------------------
    def show_chart(self, layout: ChartLayout, *, animate: bool | None = None) -> None:
        """Draw ``layout``; with a draw-in unless reduced motion is asked for."""
        plot = self.ensure_plot()
        self._draw_in.stop()
        self._layout = layout
        self._close_callout()
        plot.show_layout(layout, self._language)
        self._retranslate()
        if self._animate if animate is None else animate:
            self._draw_in.start()
        else:
            self._draw_in.skip()

    def set_metrics(self, metrics: Metrics) -> None:
        """New type sizes or theme colours: pyqtgraph items are not styled by QSS, so the plot
        is restyled and the chart drawn again, without a draw-in."""
        self._metrics = metrics
        self._style = ChartStyle.for_metrics(metrics)
        if self._plot is None:
            return
        self._draw_in.skip()
        self._close_callout()
        self._plot.set_style(self._style)
        if self._layout is not None:
            self.show_chart(self._layout, animate=False)

    def set_language(self, language: str) -> None:
        if language == self._language:
            return
        self._language = language
        if self._plot is not None:
            self._plot.set_language(language)
        self._retranslate()
        if self._callout.isVisible() and self._plot is not None:
            self._open_callout(self._plot.selected())

    def reset_view(self) -> None:
        """Callout shut, nothing selected, the default range, the draw-in finished."""
        self._draw_in.skip()
        self._close_callout()
        if self._plot is not None:
            self._plot.reset_range()

    def skip_draw_in(self) -> None:
        self._draw_in.skip()

    def is_drawing_in(self) -> bool:
        return self._draw_in.is_running()

    def plot(self):  # -> PlotView | None (not annotated: pyqtgraph is imported lazily)
        return self._plot

    def callout(self) -> Callout:
        return self._callout

    def ensure_plot(self):  # -> PlotView
        if self._plot is None:
            from kiosk.ui.charts.plot_view import PlotView  # pyqtgraph: loaded on first use

            self._plot = PlotView(self._style, self._plot_host)
            self._plot.point_touched.connect(self._on_plot_point_touched)
            self._plot.empty_touched.connect(self._on_plot_empty_touched)
            self._plot.view_moved.connect(self._on_plot_view_moved)
            self._plot_layout.addWidget(self._plot)
        return self._plot

    # -- the callout --------------------------------------------------------------------------------
    def _open_callout(self, index: int) -> None:
        plot, layout = self._plot, self._layout
        if plot is None or layout is None or not 0 <= index < len(layout.points):
            return
        plot.select(index)
        self._callout.set_text(callout_text(layout, layout.points[index], self._language),
                               tr("Close", self._language))
        self._place_callout(index)
        self.callout_opened.emit(index)

    def _place_callout(self, index: int) -> None:
        plot = self._plot
        if plot is None or plot.layout_shown() is None or index < 0:
            return
        origin = plot.mapTo(self, QPoint(0, 0))
        # Beside the figure, and over the whole height of the panel (not only the plot's):
        # with larger text the card needs the room.
        area = QRect(origin.x(), 0, plot.width(), self.height())
        self._callout.place_beside(plot.position_of(index) + origin, area,
                                   self._metrics.px(CALLOUT_MM), self._style.touch_px)

    def _close_callout(self) -> None:
        self._callout.hide()
        if self._plot is not None:
            self._plot.select(-1)

    def _retranslate(self) -> None:
        layout = self._layout
        if layout is None:
            return
        lang = self._language
        chart = layout.chart
        self._title.setText(chart.title.get(lang) or chart.id)
        y_label = chart.y_label.get(lang)
        unit = layout.unit
        self._axis_label.setText(f"{y_label}, {unit}" if y_label and unit else y_label)
        self._hint.setText(tr("Touch a point or bar to see its source", lang))
        self._key.setHtml(key_html(layout, lang, list(SERIES_COLOURS)))
        self._fit_key()

    def _fit_key(self) -> None:
        doc = self._key.document()
        doc.setTextWidth(self._key.viewport().width() or self.width())
        wanted = round(doc.size().height()) + 2 * self._key.frameWidth() + 4
        self._key.setFixedHeight(max(1, min(wanted, round(self.height() * KEY_SHARE))))

    # -- events ---------------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_key()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._draw_in.skip()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if self._draw_in.is_running():
            self._draw_in.skip()
        elif self._callout.isVisible() and not self._callout.geometry().contains(event.position().toPoint()):
            self._close_callout()

    # -- handlers ---------------------------------------------------------------------------------------
    def _on_plot_point_touched(self, index: int) -> None:
        if self._draw_in.is_running():
            self._draw_in.skip()
            return
        self._open_callout(index)

    def _on_plot_empty_touched(self) -> None:
        if self._draw_in.is_running():
            self._draw_in.skip()
            return
        self._close_callout()

    def _on_plot_view_moved(self) -> None:
        if self._callout.isVisible() and self._plot is not None:
            self._place_callout(self._plot.selected())

    def _on_callout_close_requested(self) -> None:
        self._close_callout()

    def _on_draw_in_progressed(self, t: float) -> None:
        if self._plot is not None:
            self._plot.set_progress(t)

    def _on_draw_in_finished(self) -> None:
        self.draw_in_finished.emit()
