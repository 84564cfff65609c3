"""The Charts tab as a visitor meets it: drawn figures that match the CSVs, a callout with the
source for every figure, approximate values said to be approximate, no menus, no zoom."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QImage, QPainter, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from kiosk.core.loader import load_library
from kiosk.core.model import ChartDef, DataPoint, Localized, Series, Subject
from kiosk.core.numbers import NBSP
from kiosk.ui.charts.style import PLOT_BACKGROUND
from kiosk.ui.tabs.base import TabContext
from kiosk.ui.tabs.charts import ChartsTab
from tests.ui.helpers import METRICS, tap

DEMO = Path(__file__).resolve().parents[2] / "assets"
DATA = DEMO / "lenin-enrollment" / "data"


@pytest.fixture(scope="module")
def demo(qapp: QApplication) -> Subject:
    return load_library(DEMO, media_checks=False).library.subjects[0]


def open_tab(qtbot: Any, subject: Subject, *, language: str = "en", reduced_motion: bool = True,
             draw_in_ms: int = 40, frame_ms: int = 5) -> ChartsTab:
    tab = ChartsTab(subject, TabContext(METRICS, language, reduced_motion=reduced_motion),
                    draw_in_ms=draw_in_ms, frame_ms=frame_ms)
    qtbot.addWidget(tab)
    tab.resize(1700, 880)
    tab.show()
    qtbot.waitExposed(tab)
    tab.activate()
    return tab


def marks(tab: ChartsTab, series: str) -> Any:
    plot = tab.panel.plot()
    found = [i for i in plot.getPlotItem().items if i.objectName() == f"marks:{series}"]
    assert len(found) == 1, f"no marks for {series}"
    return found[0]


def csv_rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def tap_point(tab: ChartsTab, index: int) -> None:
    plot = tab.panel.plot()
    QTest.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     plot.position_of(index))


def test_line_chart_points_equal_the_csv(qtbot: Any, demo: Subject) -> None:
    """The membership markers read back from the plot are the CSV's dates and values."""
    tab = open_tab(qtbot, demo)
    xs, ys = marks(tab, "members").getData()
    rows = csv_rows("membership.csv")
    expected_x = [dt.date.fromisoformat(r["date"] + ("-01" if len(r["date"]) == 7 else "")).toordinal()
                  for r in rows]
    assert list(xs) == expected_x
    assert list(ys) == [float(r["value"]) for r in rows]


@pytest.mark.parametrize("chart, files", [
    ("intake", ["intake.csv"]),
    ("composition", ["composition.csv"]),
    ("other-sources", ["other-sources.csv"]),
    ("encyclopaedia-workers", ["other-sources.csv"]),
])
def test_bar_heights_equal_the_csv(qtbot: Any, demo: Subject, chart: str, files: list[str]) -> None:
    """Each bar chart's bar heights, series by series, are the CSV's values in order."""
    tab = open_tab(qtbot, demo)
    tab.show_chart(chart)
    definition = next(c for c in demo.charts if c.id == chart)
    rows = [r for f in files for r in csv_rows(f)]
    for series in definition.series:
        bars = marks(tab, series)
        assert list(bars.opts["height"]) == [float(r["value"]) for r in rows if r["series"] == series]


@pytest.mark.parametrize("chart", ["membership", "intake"])
def test_the_value_axis_writes_every_tick_from_zero(qtbot: Any, demo: Subject, chart: str) -> None:
    """The labels pyqtgraph really draws on the value axis start at "0" (where bars start)."""
    tab = open_tab(qtbot, demo)
    tab.show_chart(chart)
    axis = tab.panel.plot().getPlotItem().getAxis("left")
    qtbot.waitUntil(lambda: axis.geometry().height() > 300)  # laid out at the tab's size
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _axis, _ticks, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    drawn = [text for _rect, _flags, text in texts]
    assert "0" in drawn
    assert sorted(drawn) == sorted(label for _value, label in axis._tickLevels[0])


def test_touching_the_1924_point_shows_value_date_and_source(qtbot: Any, demo: Subject) -> None:
    """A tap on the 1 January 1924 point opens a callout with 446,089 and the essay as source."""
    tab = open_tab(qtbot, demo)
    tap_point(tab, 0)
    callout = tab.panel.callout()
    assert callout.isVisible()
    text = callout.text()
    assert "446,089" in text and "1 January 1924" in text
    assert 'Source: Lewis Siegelbaum, "Lenin Enrollment"' in text
    assert "≈" not in text
    tap(callout.findChild(object, "chartCalloutClose"))
    assert not callout.isVisible()


def test_the_1926_point_is_drawn_and_told_as_approximate(qtbot: Any, demo: Subject) -> None:
    """January 1926 is a hollow marker, and its callout says ≈ and that it is approximate."""
    tab = open_tab(qtbot, demo)
    brushes = [brush.color().name() for brush in marks(tab, "members").data["brush"]]
    assert brushes[0] != PLOT_BACKGROUND.lower() and brushes[1] == PLOT_BACKGROUND.lower()
    tap_point(tab, 1)
    text = tab.panel.callout().text()
    assert f"≈{NBSP}1,000,000" in text and "approximate" in text and "January 1926" in text


def test_the_unknown_span_is_dashed_and_explained(qtbot: Any, demo: Subject) -> None:
    """The segment between the two membership figures is dashed, and the key says why."""
    tab = open_tab(qtbot, demo)
    items = {i.objectName(): i for i in tab.panel.plot().getPlotItem().items}
    assert "segments:members:known" not in items
    assert items["segments:members:unknown"].opts["pen"].style() == Qt.PenStyle.DashLine
    key = tab.panel.findChild(object, "detailBody").toPlainText()
    assert "figures between these dates are not known" in key


def test_russian_numbers_and_dates(qtbot: Any, demo: Subject) -> None:
    """In Russian the callout writes 446 089 (no-break space) and the date in Russian."""
    tab = open_tab(qtbot, demo, language="ru")
    tap_point(tab, 0)
    text = tab.panel.callout().text()
    assert f"446{NBSP}089" in text and "1 января 1924" in text and "Источник:" in text


def test_switching_language_rewrites_the_open_callout(qtbot: Any, demo: Subject) -> None:
    """Changing language keeps the callout open and writes it in the new language."""
    tab = open_tab(qtbot, demo)
    tap_point(tab, 0)
    tab.set_language("ru")
    assert tab.panel.callout().isVisible() and f"446{NBSP}089" in tab.panel.callout().text()


def test_bars_open_their_callout_with_their_own_source(qtbot: Any, demo: Subject) -> None:
    """Each bar of the other-sources chart names its own source in full (FACTS.md's citations)."""
    tab = open_tab(qtbot, demo)
    tab.show_chart("other-sources")
    tap_point(tab, 0)
    first = tab.panel.callout().text()
    tap_point(tab, 1)
    second = tab.panel.callout().text()
    assert "The Great Soviet Encyclopedia, 3rd edition" in first and "241,600" in first
    assert "Lenin Enrollment in the Party" in first and "≈" not in first
    assert "US Embassy Moscow, airgram of 1 November 1947" in second and "250,000" in second
    assert "Foreign Relations of the United States, 1947, vol. IV, document 419" in second


def test_disagreeing_sources_stand_side_by_side(qtbot: Any, demo: Subject) -> None:
    """Two sources' figures for the same thing: two bars in one category, both cited in the key."""
    src_a, src_b = "Essay, p. 1", "Encyclopaedia, vol. 2"
    f = Path("x.csv")
    a = Series("essay", (DataPoint("essay", 446089, src_a, f, 2, category=Localized({"en": "Jan 1924"})),))
    b = Series("other", (DataPoint("other", 472000, src_b, f, 3, category=Localized({"en": "Jan 1924"}),
                                   approximate=True),))
    chart = ChartDef("disagree", "bar", Localized({"en": "Members"}), ("essay", "other"),
                     Localized({}), Localized({"en": "Members"}))
    subject = replace(demo, series={"essay": a, "other": b}, charts=(chart,))
    tab = open_tab(qtbot, subject)
    (xa,), (xb,) = marks(tab, "essay").opts["x"], marks(tab, "other").opts["x"]
    assert xa < 0 < xb
    key = tab.panel.findChild(object, "detailBody").toPlainText()
    assert src_a in key and src_b in key


def test_a_chart_naming_a_missing_series_is_simply_absent(qtbot: Any, demo: Subject) -> None:
    """A chart whose series is missing is not offered; the others still are."""
    broken = ChartDef("broken", "line", Localized({"en": "Broken"}), ("nowhere",),
                      Localized({}), Localized({}))
    tab = open_tab(qtbot, replace(demo, charts=(broken, *demo.charts)))
    assert "broken" not in tab.chart_ids()
    assert tab.list.row_count() == len(demo.charts)
    assert tab.current_chart() == "membership"


def test_no_context_menu_and_no_wheel_zoom(qtbot: Any, demo: Subject) -> None:
    """Right-click and a context-menu event open no menu; the wheel does not zoom."""
    tab = open_tab(qtbot, demo)
    plot = tab.panel.plot()
    before = plot.getPlotItem().getViewBox().viewRange()
    centre = plot.viewport().rect().center()
    QTest.mouseClick(plot.viewport(), Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, centre)
    QApplication.sendEvent(plot.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, centre, plot.viewport().mapToGlobal(centre)))
    QApplication.sendEvent(plot.viewport(), QWheelEvent(
        QPointF(centre), QPointF(plot.viewport().mapToGlobal(centre)), QPoint(0, 0), QPoint(0, 480),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False))
    qtbot.wait(10)
    assert QApplication.activePopupWidget() is None
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]
    assert plot.getPlotItem().getViewBox().viewRange() == before
    assert not plot.getPlotItem().menuEnabled()


def test_draw_in_grows_the_bars_and_a_tap_skips_it(qtbot: Any, demo: Subject) -> None:
    """When the tab opens the bars grow; a tap finishes them at once."""
    tab = open_tab(qtbot, demo, reduced_motion=False, draw_in_ms=60_000, frame_ms=20)
    tab.show_chart("intake")
    qtbot.waitUntil(lambda: 0 < marks(tab, "intake").opts["height"][1] < 638070)
    assert tab.panel.is_drawing_in()
    tap(tab.panel.plot().viewport())
    assert not tab.panel.is_drawing_in()
    assert list(marks(tab, "intake").opts["height"]) == [100000, 638070, 439715]
    assert not tab.panel.callout().isVisible()  # the skipping tap opens nothing


def test_draw_in_finishes_on_its_own(qtbot: Any, demo: Subject) -> None:
    """With a short injected duration the draw-in runs to its end and says so."""
    tab = ChartsTab(demo, TabContext(METRICS, "en"), draw_in_ms=50, frame_ms=5)
    qtbot.addWidget(tab)
    tab.resize(1600, 900)
    tab.show()
    with qtbot.waitSignal(tab.panel.draw_in_finished, timeout=2000):
        tab.activate()
    assert list(marks(tab, "members").getData()[1]) == [446089, 1_000_000]


def test_reduced_motion_draws_at_once(qtbot: Any, demo: Subject) -> None:
    """With reduced motion the chart is complete the moment the tab opens."""
    tab = open_tab(qtbot, demo, reduced_motion=True, draw_in_ms=60_000)
    tab.show_chart("composition")
    assert not tab.panel.is_drawing_in()
    assert list(marks(tab, "composition").opts["height"]) == [15, 63, 12, 68.9]


def test_reset_brings_back_the_first_chart_with_the_callout_closed(qtbot: Any, demo: Subject) -> None:
    """The idle reset: first chart, default range, callout closed, chooser at the top."""
    tab = open_tab(qtbot, demo)
    tap(tab.list.viewport(), tab.list.row_rect(3).center())
    assert tab.current_chart() == "other-sources"
    tap_point(tab, 0)
    assert tab.panel.callout().isVisible()
    tab.reset()
    assert tab.current_chart() == "membership" and tab.list.current_row() == 0
    assert not tab.panel.callout().isVisible()
    layout = tab.panel.plot().layout_shown()
    assert layout.chart.id == "membership"
    (x0, x1), (y0, y1) = tab.panel.plot().getPlotItem().getViewBox().viewRange()
    assert (x0, x1) == pytest.approx(layout.x_range) and y1 == pytest.approx(layout.y_range[1])


def test_choosing_a_chart_reports_it_for_analytics(qtbot: Any, demo: Subject) -> None:
    """Tapping a chart in the chooser draws it and reports the item opened."""
    tab = open_tab(qtbot, demo)
    with qtbot.waitSignal(tab.item_opened) as opened:
        tap(tab.list.viewport(), tab.list.row_rect(2).center())
    assert opened.args == ["charts/composition"]
    assert tab.panel.findChild(object, "detailTitle").text().startswith("How many were workers")


def test_building_the_tab_does_not_import_pyqtgraph(tmp_path: Path) -> None:
    """The tab is built at the visitor's first tap without pyqtgraph; only opening it loads it."""
    import subprocess
    import sys

    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM']='offscreen';"
        "from pathlib import Path; from PySide6.QtWidgets import QApplication; app = QApplication([]);"
        "from kiosk.core.loader import load_library; from kiosk.ui.metrics import Metrics;"
        "from kiosk.ui.tabs import create_tab, TabContext;"
        "s = load_library(Path(sys.argv[1]), media_checks=False).library.subjects[0];"
        "tab = create_tab('charts', s, TabContext(Metrics(), 'en'));"
        "print('BUILT', 'pyqtgraph' in sys.modules);"
        "tab.activate(); print('OPENED', 'pyqtgraph' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code, str(DEMO)], capture_output=True, text=True,
                         timeout=60)
    assert "BUILT False" in out.stdout and "OPENED True" in out.stdout, out.stdout + out.stderr
