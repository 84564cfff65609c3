"""Where a chart's marks go, worked out without Qt: positions, bar groups, ranges and ticks.

The chart view only draws what this module lays out, so the geometry (bar grouping, which
segments join figures that are next to each other and which span unknown years, the axis
ranges) is tested without a screen and is the same on the kiosk and in an exported PNG.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass

from kiosk.core.datetext import format_date, month_name, months_between
from kiosk.core.model import ChartDef, DataPoint, Localized, Series, Subject

_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
GROUP_WIDTH = 0.72  # share of a category slot that its bars fill
SINGLE_BAR_WIDTH = 0.56
HEADROOM = 1.18  # room above the tallest mark for its value label
MAX_Y_TICKS = 5
X_PAD_SHARE = 0.08


@dataclass(frozen=True)
class PlottedPoint:
    """One figure and where it is drawn (x: a day number for lines, a slot centre for bars)."""

    x: float
    y: float
    point: DataPoint
    series_index: int
    category_index: int = -1


@dataclass(frozen=True)
class Segment:
    """A line between two figures; ``known`` is False when the figures between are unknown."""

    start: PlottedPoint
    end: PlottedPoint
    known: bool


@dataclass(frozen=True)
class SeriesKey:
    name: str
    index: int
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ChartLayout:
    chart: ChartDef
    series: tuple[SeriesKey, ...]
    points: tuple[PlottedPoint, ...]
    segments: tuple[Segment, ...] = ()
    categories: tuple[Localized, ...] = ()
    bar_width: float = 0.0
    x_range: tuple[float, float] = (0.0, 1.0)
    y_range: tuple[float, float] = (0.0, 1.0)
    y_ticks: tuple[float, ...] = ()

    @property
    def kind(self) -> str:
        return self.chart.kind

    @property
    def has_unknown_spans(self) -> bool:
        return any(not s.known for s in self.segments)

    @property
    def has_approximate(self) -> bool:
        return any(p.point.approximate for p in self.points)

    @property
    def unit(self) -> str:
        return self.chart.y_unit or next((p.point.unit for p in self.points if p.point.unit), "")

    def sources(self) -> tuple[str, ...]:
        out: list[str] = []
        for key in self.series:
            out += [s for s in key.sources if s not in out]
        return tuple(out)

    def x_ticks(self, language: str) -> list[tuple[float, str]]:
        """Tick positions and labels: categories for bars, years or months for dates."""
        if self.kind == "bar":
            return [(float(i), c.get(language)) for i, c in enumerate(self.categories)]
        return date_ticks(self.x_range, language)


def day_number(date: dt.date) -> float:
    return float(date.toordinal())


def from_day_number(x: float) -> dt.date:
    return dt.date.fromordinal(max(1, int(round(x))))


def series_is_drawable(series: Series | None) -> bool:
    return series is not None and bool(series.points)


def chart_is_drawable(chart: ChartDef, series: Mapping[str, Series]) -> bool:
    """Every series the chart names exists and has figures; a line chart's are all dated."""
    if not chart.series or chart.kind not in ("line", "bar"):
        return False
    if not all(series_is_drawable(series.get(name)) for name in chart.series):
        return False
    return chart.kind == "bar" or all(series[name].is_dated for name in chart.series)


def drawable_charts(subject: Subject) -> tuple[ChartDef, ...]:
    """The subject's charts that can be drawn; a chart naming a missing series is left out."""
    return tuple(c for c in subject.charts if chart_is_drawable(c, subject.series))


def adjacent(a: DataPoint, b: DataPoint) -> bool:
    """True when no figure could lie between ``a`` and ``b`` at the precision they are given in."""
    if a.x is None or b.x is None:
        return False
    coarse = max(a.x_precision, b.x_precision, key=lambda p: _PRECISION_RANK.get(p, 0))
    if coarse == "year":
        return abs(b.x.year - a.x.year) <= 1
    if coarse == "month":
        return abs(months_between(a.x, b.x)) <= 1
    return abs((b.x - a.x).days) <= 1


def nice_step(span: float, max_ticks: int = MAX_Y_TICKS) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving at most ``max_ticks`` steps."""
    if span <= 0:
        return 1.0
    raw = span / max_ticks
    power = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if m * power >= raw:
            return m * power
    return 10 * power


def value_axis(top_value: float, unit: str) -> tuple[tuple[float, float], tuple[float, ...]]:
    """The y range (always from zero: bars and lines are never cropped) and its ticks."""
    top = max(top_value, 0.0)
    if unit == "%" and top <= 100:
        top = 100.0 if top > 50 else top
    step = nice_step(top or 1.0)
    last = math.ceil(top / step - 1e-9) * step if top else step
    ticks = tuple(round(i * step, 10) for i in range(int(round(last / step)) + 1))
    return (0.0, max(last, top) * HEADROOM), ticks


def date_ticks(x_range: tuple[float, float], language: str) -> list[tuple[float, str]]:
    """New Year's days over a long range (labelled with the year), else months."""
    lo, hi = from_day_number(x_range[0]), from_day_number(x_range[1])
    if (hi - lo).days > 540:
        years = range(lo.year + (lo > dt.date(lo.year, 1, 1)), hi.year + 1)
        step = max(1, math.ceil(len(years) / 8))
        return [(day_number(dt.date(y, 1, 1)), str(y)) for y in years if (y - years[0]) % step == 0]
    out: list[tuple[float, str]] = []
    step = 1 if (hi - lo).days <= 200 else 3
    y, m = lo.year, lo.month
    while dt.date(y, m, 1) <= hi:
        d = dt.date(y, m, 1)
        if d >= lo and (m - 1) % step == 0:
            label = month_name(m, language, short=True)
            out.append((day_number(d), f"{label} {y}" if m == 1 or not out else label))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _keys(chart: ChartDef, series: Mapping[str, Series]) -> tuple[SeriesKey, ...]:
    keys = []
    for i, name in enumerate(chart.series):
        sources: list[str] = []
        for p in series[name].points:
            if p.source not in sources:
                sources.append(p.source)
        keys.append(SeriesKey(name, i, tuple(sources)))
    return tuple(keys)


def _top(chart: ChartDef, values: list[float]) -> float:
    return max([*values, *(r.value for r in chart.references)], default=1.0)


def layout_line(chart: ChartDef, series: Mapping[str, Series]) -> ChartLayout:
    points: list[PlottedPoint] = []
    segments: list[Segment] = []
    for i, name in enumerate(chart.series):
        plotted = [PlottedPoint(day_number(p.x), p.value, p, i) for p in series[name].points
                   if p.x is not None]
        points += plotted
        segments += [Segment(a, b, adjacent(a.point, b.point)) for a, b in zip(plotted, plotted[1:])]
    xs = [p.x for p in points] + [day_number(a.x) for a in chart.annotations]
    lo, hi = min(xs), max(xs)
    pad = max((hi - lo) * X_PAD_SHARE, 30.0)
    unit = chart.y_unit or next((p.point.unit for p in points if p.point.unit), "")
    y_range, ticks = value_axis(_top(chart, [p.y for p in points]), unit)
    return ChartLayout(chart, _keys(chart, series), tuple(points), tuple(segments),
                       x_range=(lo - pad, hi + pad), y_range=y_range, y_ticks=ticks)


def layout_bars(chart: ChartDef, series: Mapping[str, Series]) -> ChartLayout:
    """Categories in order of first appearance; in each, the series that have a figure there
    stand side by side, centred on the category."""
    order: list[str] = []
    labels: dict[str, Localized] = {}
    by_category: dict[str, list[tuple[int, DataPoint]]] = {}
    for i, name in enumerate(chart.series):
        for p in series[name].points:
            key = _category_key(p)
            if key not in labels:
                order.append(key)
                labels[key] = _category_label(p)
            by_category.setdefault(key, []).append((i, p))
    widest = max(len(v) for v in by_category.values())
    width = SINGLE_BAR_WIDTH if widest == 1 else GROUP_WIDTH / widest
    points: list[PlottedPoint] = []
    for c, key in enumerate(order):
        members = by_category[key]
        start = c - width * (len(members) - 1) / 2
        points += [PlottedPoint(start + j * width, p.value, p, i, c)
                   for j, (i, p) in enumerate(members)]
    unit = chart.y_unit or next((p.point.unit for p in points if p.point.unit), "")
    y_range, ticks = value_axis(_top(chart, [p.y for p in points]), unit)
    return ChartLayout(chart, _keys(chart, series), tuple(points),
                       categories=tuple(labels[k] for k in order), bar_width=width,
                       x_range=(-0.6, len(order) - 0.4), y_range=y_range, y_ticks=ticks)


def _category_label(p: DataPoint) -> Localized:
    if p.category is not None:
        return p.category
    if p.x is not None:  # a bar chart over dates: each bar is labelled with its date
        return Localized({lang: format_date(p.x, p.x_precision, lang) for lang in ("en", "ru")})
    return Localized.plain("")


def _category_key(p: DataPoint) -> str:
    if p.category is not None:
        return p.category.get()
    return p.x.isoformat() if p.x is not None else ""


def layout_chart(chart: ChartDef, series: Mapping[str, Series]) -> ChartLayout:
    """The layout of a drawable chart (see ``chart_is_drawable``)."""
    return layout_line(chart, series) if chart.kind == "line" else layout_bars(chart, series)
