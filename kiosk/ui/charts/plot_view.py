"""The plot itself: one chart layout drawn with pyqtgraph, touchable, and fixed in place.

This module imports pyqtgraph (about 350 ms), so nothing imported at start imports it; the
Charts tab loads it after the title screen has painted (``kiosk.ui.tabs.charts.preload``) or,
failing that, when the chart is first shown.

A kiosk plot takes no mouse-wheel zoom, no drag, no context menu: a touch on a mark says which
figure the visitor wants (``point_touched``), a touch anywhere else says ``empty_touched``.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QContextMenuEvent, QFontMetrics, QMouseEvent, QPen, QWheelEvent
from PySide6.QtWidgets import QWidget

from kiosk.core.chartdata import ChartLayout, PlottedPoint
from kiosk.core.numbers import format_value
from kiosk.ui.charts.style import (
    plot_background,
    REFERENCE_COLOUR,
    ChartStyle,
    series_colour,
    theme_colour,
)
from kiosk.ui.charts.texts import point_value


def _pen(colour: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(colour, width, style, Qt.PenCapStyle.FlatCap, Qt.PenJoinStyle.RoundJoin)
    pen.setCosmetic(True)
    return pen


class PlotView(pg.PlotWidget):
    point_touched = Signal(int)  # index into the layout's points
    empty_touched = Signal()
    view_moved = Signal()  # the data moved on screen (a resize, a new range): re-place overlays

    def __init__(self, style: ChartStyle, parent: QWidget | None = None) -> None:
        super().__init__(parent, background=plot_background())
        self.setObjectName("chartPlot")
        self._style = style
        self._layout: ChartLayout | None = None
        self._language = "en"
        self._progress = 1.0
        self._selected = -1
        self._selection: pg.ScatterPlotItem | None = None
        self._marks: dict[int, list[pg.GraphicsObject]] = {}
        self._labels: list[tuple[PlottedPoint, pg.TextItem]] = []
        self._curves: list[tuple[pg.PlotCurveItem, list[tuple[PlottedPoint, PlottedPoint]]]] = []
        self._y_tick_labels: list[tuple[float, str]] = []
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setAntialiasing(True)
        plot = self.getPlotItem()
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(False, False)
        plot.getViewBox().setMenuEnabled(False)
        plot.getViewBox().setDefaultPadding(0.0)
        plot.getViewBox().sigResized.connect(self._on_view_box_resized)
        plot.getViewBox().sigTransformChanged.connect(self._on_view_box_transform_changed)
        self._style_frame()

    def set_style(self, style: ChartStyle) -> None:
        """New type sizes or theme colours (a visitor's A+ or contrast): the frame is restyled in
        place, much quicker than a new plot; the chart is drawn again by ``show_layout``."""
        self._style = style
        self.setBackground(plot_background())
        self._style_frame()

    def _style_frame(self) -> None:
        """Margins and axes in the style's sizes and the theme's colours."""
        style, plot = self._style, self.getPlotItem()
        plot.layout.setContentsMargins(style.gap_px, style.gap_px * 2, style.gap_px * 3, style.gap_px)
        for side in ("left", "bottom"):
            axis = plot.getAxis(side)
            axis.setPen(_pen(theme_colour("line"), style.axis_px))
            axis.setTextPen(theme_colour("muted"))
            axis.setStyle(tickFont=style.font(style.tick_px), tickTextOffset=style.gap_px,
                          tickLength=-style.gap_px, autoExpandTextSpace=True)

    # -- drawing ------------------------------------------------------------------------------
    def show_layout(self, layout: ChartLayout, language: str) -> None:
        """Draw ``layout`` from scratch, fully grown, with nothing selected."""
        plot = self.getPlotItem()
        plot.clear()
        self._layout, self._language, self._selected = layout, language, -1
        self._marks.clear()
        self._labels.clear()
        self._curves.clear()
        if layout.kind == "line":
            self._draw_lines(layout)
        else:
            self._draw_bars(layout)
        self._draw_grid(layout)
        self._draw_references(layout)
        self._draw_labels(layout)
        self._selection = pg.ScatterPlotItem(pxMode=True)
        self._selection.setZValue(30)
        plot.addItem(self._selection)
        self._apply_ticks()
        self.reset_range()
        self.set_progress(1.0)

    def set_language(self, language: str) -> None:
        if self._layout is not None and language != self._language:
            selected, progress = self._selected, self._progress
            self.show_layout(self._layout, language)
            self.set_progress(progress)
            self.select(selected)

    def reset_range(self) -> None:
        if self._layout is not None:
            vb = self.getPlotItem().getViewBox()
            lo, hi = self._room_for_labels(*self._layout.y_range, vb.height())
            # A hair below zero, so the axis still writes its "0".
            vb.setRange(xRange=self._layout.x_range, yRange=(lo - (hi - lo) * 0.004, hi),
                        padding=0.0)
            self._thin_value_ticks((hi - lo) / vb.height() if vb.height() >= 50 else 0.0)

    def _thin_value_ticks(self, units_per_px: float) -> None:
        """Every value tick while they stand apart; on a short plot every second (or third...)
        from zero, so the numbers never run into each other."""
        ticks = self._y_tick_labels
        if len(ticks) < 3:
            return
        every = 1
        if units_per_px > 0:
            gap_px = abs(ticks[1][0] - ticks[0][0]) / units_per_px
            room = QFontMetrics(self._style.font(self._style.tick_px)).height() * 1.4
            every = max(1, math.ceil(room / gap_px)) if gap_px > 0 else 1
        self.getPlotItem().getAxis("left").setTicks([ticks[::every], []])

    def _room_for_labels(self, lo: float, hi: float, height_px: float) -> tuple[float, float]:
        """The value axis widened, if need be, so every figure written by its mark fits inside
        the plot in pixels: the top raised for those over their mark, the foot lowered (line
        charts only; bars stand on zero) for those under it. The layout's headroom is a share of
        the range, too little on a short plot (a small window, large text)."""
        if not self._labels or height_px < 50:
            return lo, hi
        line = self._layout is not None and self._layout.kind == "line"
        for _ in range(2):  # raising the top shrinks the room under the marks, and back
            for point, item in self._labels:
                height, anchor = item.boundingRect().height(), item.anchor.y()
                over = (height * anchor + self._style.gap_px) / height_px
                under = (height * (1 - anchor) + self._style.gap_px) / height_px
                if anchor > 0 and over < 0.5:
                    hi = max(hi, (point.y - over * lo) / (1 - over))
                elif anchor < 0 and line and under < 0.5:
                    lo = min(lo, (point.y - under * hi) / (1 - under))
        return lo, hi

    def _draw_lines(self, layout: ChartLayout) -> None:
        plot = self.getPlotItem()
        s = self._style
        for key in layout.series:
            colour = series_colour(key.index)
            mine = [seg for seg in layout.segments if seg.start.series_index == key.index]
            for known in (True, False):
                pairs = [(seg.start, seg.end) for seg in mine if seg.known == known]
                if not pairs:
                    continue
                style = Qt.PenStyle.SolidLine if known else Qt.PenStyle.DashLine
                curve = pg.PlotCurveItem(pen=_pen(colour, s.line_px, style), connect="pairs")
                curve.setObjectName(f"segments:{key.name}:{'known' if known else 'unknown'}")
                plot.addItem(curve)
                self._curves.append((curve, pairs))
            points = [p for p in layout.points if p.series_index == key.index]
            marks = pg.ScatterPlotItem(
                x=[p.x for p in points], y=[p.y for p in points], symbol="o", size=s.marker_px,
                pxMode=True,
                pen=[_pen(colour, s.line_px * 0.8) for _ in points],
                brush=[QBrush(QColor(plot_background()) if p.point.approximate else colour)
                       for p in points])
            marks.setObjectName(f"marks:{key.name}")
            marks.setZValue(20)
            plot.addItem(marks)
            self._marks[key.index] = [marks]

    def _draw_bars(self, layout: ChartLayout) -> None:
        plot = self.getPlotItem()
        s = self._style
        for key in layout.series:
            colour = series_colour(key.index)
            points = [p for p in layout.points if p.series_index == key.index]
            hatched = QBrush(colour, Qt.BrushStyle.BDiagPattern)
            bars = pg.BarGraphItem(
                x=[p.x for p in points], height=[p.y for p in points], width=layout.bar_width,
                brushes=[hatched if p.point.approximate else QBrush(colour) for p in points],
                pens=[_pen(colour, s.line_px * 0.8) for p in points])
            bars.setObjectName(f"marks:{key.name}")
            bars.setZValue(10)
            plot.addItem(bars)
            self._marks[key.index] = [bars]

    def _draw_references(self, layout: ChartLayout) -> None:
        plot = self.getPlotItem()
        s = self._style
        colour = QColor(REFERENCE_COLOUR)
        label_fill = QColor(plot_background())
        label_fill.setAlpha(225)  # readable where the label crosses a bar
        for ref in layout.chart.references:
            line = pg.InfiniteLine(pos=ref.value, angle=0, movable=False,
                                   pen=_pen(colour, s.axis_px * 1.5, Qt.PenStyle.DashLine),
                                   label=ref.label.get(self._language),
                                   labelOpts={"position": 0.99, "anchors": [(1, 1), (1, 1)],
                                              "color": colour, "fill": label_fill})
            line.label.setFont(s.font(s.label_px, bold=True))
            line.setObjectName("reference")
            line.setZValue(25)
            plot.addItem(line)
        muted = theme_colour("muted")
        for note in layout.chart.annotations:
            x = float(note.x.toordinal())
            line = pg.InfiniteLine(pos=x, angle=90, movable=False,
                                   pen=_pen(muted, s.axis_px * 1.5, Qt.PenStyle.DotLine),
                                   label=note.label.get(self._language),
                                   labelOpts={"position": 0.97, "anchors": [(0, 0), (0, 0)],
                                              "color": muted})
            line.label.setFont(s.font(s.label_px))
            line.setObjectName("annotation")
            line.setZValue(5)
            plot.addItem(line)

    def _draw_labels(self, layout: ChartLayout) -> None:
        """Every figure written on the chart, big, so nobody has to touch to read it."""
        plot = self.getPlotItem()
        font = self._style.font(self._style.value_px, bold=True)
        fill = QColor(plot_background())
        fill.setAlpha(215)  # lines passing behind a label do not cross its digits
        for p in layout.points:
            anchor = self._label_anchor(layout, p) if layout.kind == "line" else (0.5, 1.1)
            item = pg.TextItem(point_value(layout, p, self._language),
                               color=series_colour(p.series_index), anchor=anchor, fill=fill)
            item.setFont(font)
            item.setPos(p.x, p.y)
            item.setZValue(40)
            plot.addItem(item)
            self._labels.append((p, item))

    @staticmethod
    def _label_anchor(layout: ChartLayout, p: PlottedPoint) -> tuple[float, float]:
        """Above the point, or below it when the line rises away on both sides; pulled inwards
        at the ends so the label stays inside the plot."""
        mine = [q for q in layout.points if q.series_index == p.series_index]
        i = mine.index(p)
        neighbours = [q.y for q in (mine[i - 1] if i else None,
                                    mine[i + 1] if i + 1 < len(mine) else None) if q is not None]
        below = bool(neighbours) and all(y > p.y for y in neighbours)
        ax = 0.5
        if len(mine) > 1:
            ax = 0.0 if i == 0 else (1.0 if i == len(mine) - 1 else 0.5)
        return (ax, -0.45) if below else (ax, 1.35)

    def _draw_grid(self, layout: ChartLayout) -> None:
        """Faint lines across the plot at the value ticks, behind everything."""
        colour = QColor(theme_colour("line"))
        colour.setAlpha(110)
        pen = _pen(colour, 1)
        for value in layout.y_ticks:
            if value:
                line = pg.InfiniteLine(pos=value, angle=0, movable=False, pen=pen)
                line.setZValue(-10)
                self.getPlotItem().addItem(line)

    def _apply_ticks(self) -> None:
        layout = self._layout
        if layout is None:
            return
        plot = self.getPlotItem()
        unit = "%" if layout.unit == "%" else ""
        y_ticks = [(t, format_value(t, self._language, unit)) for t in layout.y_ticks]
        self._y_tick_labels = y_ticks
        left = plot.getAxis("left")
        left.setTicks([y_ticks, []])
        # The "0" at the foot of the axis reaches half a line below it: allow that much, or
        # pyqtgraph drops the label that says where the bars start. (An axis grid would make
        # pyqtgraph clip labels to the plot, hence the grid lines of _draw_grid.)
        left.setStyle(hideOverlappingLabels=self._style.tick_px)
        fm = QFontMetrics(self._style.font(self._style.tick_px))
        widest = max((fm.horizontalAdvance(label) for _, label in y_ticks), default=0)
        left.setWidth(widest + 3 * self._style.gap_px)
        ticks = layout.x_ticks(self._language)
        if layout.kind == "bar":
            ticks = [(x, self._wrap(label)) for x, label in ticks]
        bottom = plot.getAxis("bottom")
        bottom.setTicks([ticks, []])
        lines = max((label.count("\n") + 1 for _, label in ticks), default=1)
        bottom.setHeight(lines * fm.lineSpacing() + 3 * self._style.gap_px)

    def _wrap(self, text: str) -> str:
        """A category label on up to three lines within its slot's width."""
        vb = self.getPlotItem().getViewBox()
        layout = self._layout
        if layout is None:
            return text
        slot = vb.width() / max(1e-9, layout.x_range[1] - layout.x_range[0]) * 0.94
        fm = QFontMetrics(self._style.font(self._style.tick_px))
        lines: list[str] = []
        for word in text.split():
            trial = f"{lines[-1]} {word}" if lines else word
            if lines and fm.horizontalAdvance(trial) <= slot:
                lines[-1] = trial
            else:
                lines.append(word)
        return "\n".join(lines) if lines else text

    # -- the draw-in ----------------------------------------------------------------------------
    def set_progress(self, t: float) -> None:
        """Grow the marks: 0 is bare axes, 1 the finished chart. Lines run from left to right,
        bars rise from zero; the figures are written once everything has arrived."""
        layout = self._layout
        if layout is None:
            return
        self._progress = t
        if layout.kind == "line":
            xs = [p.x for p in layout.points]
            cut = min(xs) + (max(xs) - min(xs)) * t if xs else 0.0
            for curve, pairs in self._curves:
                x: list[float] = []
                y: list[float] = []
                for a, b in pairs:
                    if a.x > cut:
                        continue
                    end = b if b.x <= cut else None
                    f = 1.0 if end else (cut - a.x) / max(1e-9, b.x - a.x)
                    x += [a.x, a.x + (b.x - a.x) * f]
                    y += [a.y, a.y + (b.y - a.y) * f]
                curve.setData(x=x, y=y, connect="pairs")
            for index, items in self._marks.items():
                points = [p for p in layout.points if p.series_index == index]
                shown = [p.x <= cut + 1e-6 for p in points]
                scatter = items[0]
                assert isinstance(scatter, pg.ScatterPlotItem)
                scatter.setPointsVisible(shown)
        else:
            for index, items in self._marks.items():
                bars = items[0]
                points = [p for p in layout.points if p.series_index == index]
                bars.setOpts(height=[p.y * t for p in points])
        for _, label in self._labels:
            label.setVisible(t >= 1.0)

    # -- selection and touch ----------------------------------------------------------------------
    def select(self, index: int) -> None:
        """Ring the touched figure (-1: none)."""
        layout = self._layout
        self._selected = index
        if self._selection is None:
            return
        if layout is None or not 0 <= index < len(layout.points):
            self._selection.setData([], [])
            return
        p = layout.points[index]
        ring = _pen(theme_colour("text"), self._style.line_px * 0.8)
        if layout.kind == "line":
            self._selection.setData([p.x], [p.y], symbol="o", size=self._style.marker_px * 1.9,
                                    pen=ring, brush=QBrush(Qt.BrushStyle.NoBrush))
        else:
            self._selection.setData([p.x], [p.y], symbol="t", size=self._style.marker_px * 1.2,
                                    pen=ring, brush=QBrush(theme_colour("text")))

    def selected(self) -> int:
        return self._selected

    def layout_shown(self) -> ChartLayout | None:
        return self._layout

    def position_of(self, index: int) -> QPoint:
        """Where a figure's mark is, in this widget's coordinates (the top of a bar)."""
        assert self._layout is not None
        p = self._layout.points[index]
        y = p.y if self._layout.kind == "line" else p.y / 2
        return self._to_widget(p.x, y).toPoint()

    def mark_rect(self, index: int) -> QRectF:
        """The area a touch on figure ``index`` may land in, in widget coordinates."""
        assert self._layout is not None
        p = self._layout.points[index]
        r = self._style.touch_px / 2
        if self._layout.kind == "line":
            c = self._to_widget(p.x, p.y)
            return QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r)
        half = self._layout.bar_width / 2
        top_left = self._to_widget(p.x - half, p.y)
        bottom_right = self._to_widget(p.x + half, 0.0)
        rect = QRectF(top_left, bottom_right).normalized()
        # A short bar is still easy to touch: its column reaches up past its value label.
        rect.setTop(rect.top() - self._style.value_px * 2.5)
        if rect.width() < 2 * r:
            rect.adjust(-(2 * r - rect.width()) / 2, 0, (2 * r - rect.width()) / 2, 0)
        return rect

    def point_at(self, pos: QPointF) -> int:
        """The figure a touch at ``pos`` means, or -1."""
        layout = self._layout
        if layout is None:
            return -1
        best, best_d = -1, float("inf")
        for i in range(len(layout.points)):
            rect = self.mark_rect(i)
            if rect.contains(pos):
                d = (rect.center() - pos).manhattanLength()
                if d < best_d:
                    best, best_d = i, d
        return best

    def _to_widget(self, x: float, y: float) -> QPointF:
        vb = self.getPlotItem().getViewBox()
        return QPointF(self.mapFromScene(vb.mapViewToScene(QPointF(x, y))))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()  # no drag, no pan, no pyqtgraph mouse handling at all

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()
        if event.button() != Qt.MouseButton.LeftButton:
            return
        index = self.point_at(event.position())
        if index >= 0:
            self.point_touched.emit(index)
        else:
            self.empty_touched.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.accept()  # no accidental zoom on a kiosk

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        event.accept()

    def _on_view_box_resized(self) -> None:
        if self._layout is not None:
            if self._layout.kind == "bar":
                self._apply_ticks()  # category labels wrapped to the new slot width
            self.reset_range()  # room for the labels and tick spacing are in pixels
        self.view_moved.emit()

    def _on_view_box_transform_changed(self) -> None:
        self.view_moved.emit()
