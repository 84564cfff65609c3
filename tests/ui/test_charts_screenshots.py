"""Screenshots of every demo chart in the kiosk window, at 1920×1080 and 1080×1920, kept in
artifacts/screenshots/ for people to look at."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kiosk.core.loader import load_library
from kiosk.core.model import Library
from kiosk.ui.tabs.charts import ChartsTab
from tests.ui.helpers import LANDSCAPE, PORTRAIT, WindowFactory, find, screenshot, tap

DEMO = Path(__file__).resolve().parents[2] / "assets"


@pytest.fixture(scope="module")
def demo_library() -> Library:
    return load_library(DEMO, media_checks=False).library


def _charts_tab(window: Any) -> ChartsTab:
    tap(find(window, "touchToBegin"))
    tap(find(window, "tab_charts"))
    tab = find(window, "tabPage_charts")
    assert isinstance(tab, ChartsTab)
    return tab


@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT], ids=["1920x1080", "1080x1920"])
def test_every_chart_is_captured(make_window: WindowFactory, qtbot: Any, demo_library: Library,
                                 size: tuple[int, int]) -> None:
    """Each demo chart renders in the window; one more with the 1924 callout open."""
    window = make_window(size=size, content=demo_library, reduced_motion=True)
    tab = _charts_tab(window)
    label = f"{size[0]}x{size[1]}"
    for row, chart_id in enumerate(tab.chart_ids()):
        tab.list.scrollTo(tab.list.model().index(row, 0))  # as a visitor scrolls the chooser
        tap(tab.list.viewport(), tab.list.row_rect(row).center())
        assert tab.current_chart() == chart_id
        qtbot.wait(1)
        assert screenshot(window, f"chart-{chart_id}-{label}").stat().st_size > 20_000
    tab.list.scrollToTop()
    tap(tab.list.viewport(), tab.list.row_rect(0).center())
    plot = tab.panel.plot()
    tap(plot.viewport(), plot.position_of(0))
    assert tab.panel.callout().isVisible()
    qtbot.wait(1)
    screenshot(window, f"chart-membership-callout-{label}")


def test_russian_chart_is_captured(make_window: WindowFactory, qtbot: Any,
                                   demo_library: Library) -> None:
    """The composition chart in Russian: Russian labels and number formatting."""
    window = make_window(content=demo_library, reduced_motion=True)
    tap(find(window, "languageButton_ru"))
    tab = _charts_tab(window)
    tab.show_chart("composition")
    qtbot.wait(1)
    screenshot(window, "chart-composition-ru-1920x1080")
