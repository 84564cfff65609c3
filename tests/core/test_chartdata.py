"""Chart layout without Qt: which charts can be drawn, bar grouping, honest lines, ranges."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.core.chartdata import (
    adjacent,
    chart_is_drawable,
    date_ticks,
    day_number,
    drawable_charts,
    layout_chart,
    nice_step,
    value_axis,
)
from kiosk.core.loader import load_library
from kiosk.core.model import ChartDef, DataPoint, Localized, Series, Subject

DEMO = Path(__file__).resolve().parents[2] / "assets"


@pytest.fixture(scope="module")
def demo() -> Subject:
    return load_library(DEMO, media_checks=False).library.subjects[0]


def _point(series: str, value: float, *, category: str = "", date: dt.date | None = None,
           precision: str = "day", source: str = "S") -> DataPoint:
    return DataPoint(series, value, source, Path("d.csv"), 2, date, precision,
                     Localized({"en": category}) if category else None)


def test_every_demo_chart_is_drawable(demo: Subject) -> None:
    """The five demo charts can all be drawn."""
    assert [c.id for c in drawable_charts(demo)] == [
        "membership", "intake", "composition", "other-sources", "encyclopaedia-workers"]


def test_chart_naming_a_missing_series_is_left_out(demo: Subject) -> None:
    """A chart naming a series no CSV defines is not drawable (and not a crash)."""
    broken = ChartDef("broken", "bar", Localized({"en": "Broken"}), ("members", "nowhere"),
                      Localized({}), Localized({}))
    assert not chart_is_drawable(broken, demo.series)
    subject = replace(demo, charts=(*demo.charts, broken))
    assert "broken" not in [c.id for c in drawable_charts(subject)]


def test_membership_line_marks_the_unknown_span(demo: Subject) -> None:
    """Two figures two years apart are joined by a segment marked as unknown in between."""
    layout = layout_chart(demo.charts[0], demo.series)
    assert [(p.x, p.y) for p in layout.points] == [
        (day_number(dt.date(1924, 1, 1)), 446089), (day_number(dt.date(1926, 1, 1)), 1_000_000)]
    assert [s.known for s in layout.segments] == [False]
    assert layout.has_unknown_spans and layout.has_approximate


def test_adjacent_follows_the_coarser_precision() -> None:
    """Consecutive months or years are adjacent; a gap of more is not."""
    jan = _point("s", 1, date=dt.date(1924, 1, 1), precision="month")
    feb = _point("s", 1, date=dt.date(1924, 2, 1), precision="month")
    apr = _point("s", 1, date=dt.date(1924, 4, 1), precision="month")
    y25 = _point("s", 1, date=dt.date(1925, 1, 1), precision="year")
    assert adjacent(jan, feb) and not adjacent(jan, apr) and adjacent(jan, y25)


def test_bars_group_by_category_in_order_of_first_appearance() -> None:
    """Several series: categories in first-seen order; figures sharing a category stand side by
    side, centred on it, and a figure alone in its category is centred."""
    a = Series("a", (_point("a", 10, category="B"), _point("a", 20, category="A")))
    b = Series("b", (_point("b", 30, category="A", source="T"), _point("b", 5, category="C")))
    chart = ChartDef("c", "bar", Localized({"en": "c"}), ("a", "b"), Localized({}), Localized({}))
    layout = layout_chart(chart, {"a": a, "b": b})
    assert [c.get() for c in layout.categories] == ["B", "A", "C"]
    xs = {(p.point.series, p.category_index): p.x for p in layout.points}
    assert xs[("a", 0)] == 0 and xs[("b", 2)] == 2
    assert xs[("a", 1)] < 1 < xs[("b", 1)]
    assert xs[("a", 1)] + xs[("b", 1)] == pytest.approx(2)
    assert layout.sources() == ("S", "T")


def test_value_axis_starts_at_zero_with_round_ticks() -> None:
    """The value axis always starts at zero, with round steps and room for labels on top."""
    (lo, hi), ticks = value_axis(1_000_000, "")
    assert lo == 0 and hi > 1_000_000 and ticks[0] == 0 and ticks[-1] == 1_000_000
    (_, hi), ticks = value_axis(68.9, "%")
    assert ticks[-1] == 100 and hi >= 100
    assert nice_step(1_000_000) == 200_000


def test_date_ticks_name_years_over_long_ranges() -> None:
    """Two years of figures are labelled by year; a few months by month."""
    long = (day_number(dt.date(1923, 12, 1)), day_number(dt.date(1926, 2, 1)))
    assert [label for _, label in date_ticks(long, "en")] == ["1924", "1925", "1926"]
    short = (day_number(dt.date(1924, 1, 1)), day_number(dt.date(1924, 3, 15)))
    assert [label for _, label in date_ticks(short, "ru")] == ["янв 1924", "фев", "мар"]
