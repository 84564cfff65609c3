"""Classroom mode (--windowed): a normal window, full keyboard use, closing allowed."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from kiosk.core.settings import Settings
from kiosk.ui.app import metrics_for
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.metrics import DESIGN_PX, MIN_FIT, Metrics
from tests.ui.helpers import METRICS, FakeClock, WindowFactory, find, screenshot, tap


def _active(window: KioskWindow, qtbot: Any) -> KioskWindow:
    """Keyboard shortcuts belong to the active window, as on a desktop."""
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def test_windowed_kiosk_can_be_closed(make_window: WindowFactory) -> None:
    """In classroom mode the window closes like any other."""
    window = make_window(windowed=True)
    assert window.close() is True


def test_arrows_switch_tabs_and_escape_goes_home(make_window: WindowFactory, qtbot: Any) -> None:
    """Right/Left move between tabs; Esc and Backspace go back to the title."""
    window = _active(make_window(windowed=True), qtbot)
    QTest.keyClick(window, Qt.Key.Key_Return)
    assert window.screen_name() == "exhibit/texts"
    QTest.keyClick(window, Qt.Key.Key_Right)
    assert window.screen_name() == "exhibit/images"
    QTest.keyClick(window, Qt.Key.Key_Left)
    QTest.keyClick(window, Qt.Key.Key_Left)
    assert window.screen_name() == "exhibit/charts"
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert window.screen_name() == "title"
    QTest.keyClick(window, Qt.Key.Key_Return)
    QTest.keyClick(window, Qt.Key.Key_Backspace)
    assert window.screen_name() == "title"


def test_enter_presses_the_focused_button(make_window: WindowFactory, qtbot: Any) -> None:
    """Enter presses the button that has the keyboard focus."""
    window = _active(make_window(windowed=True), qtbot)
    tap(find(window, "touchToBegin"))
    QTest.keyClick(find(window, "tab_video"), Qt.Key.Key_Enter)
    assert window.screen_name() == "exhibit/video"


def test_space_asks_to_play_or_pause(make_window: WindowFactory, qtbot: Any,
                                     caplog: pytest.LogCaptureFixture) -> None:
    """Space asks the current tab to play or pause (the video tab acts on it)."""
    window = _active(make_window(windowed=True), qtbot)
    tap(find(window, "touchToBegin"))
    with caplog.at_level("INFO", logger="kiosk.state"):
        QTest.keyClick(window, Qt.Key.Key_Space)
    assert "play_pause" in caplog.text


def test_idle_reset_can_be_switched_off(make_window: WindowFactory, clock: FakeClock,
                                        qtbot: Any) -> None:
    """With idle_timeout_s = 0 a classroom visit never resets."""
    window = make_window(windowed=True, idle_timeout_s=0)
    tap(find(window, "touchToBegin"))
    clock.advance(10_000)
    qtbot.wait(20)
    assert window.screen_name() == "exhibit/texts"


def test_only_a_classroom_window_is_fitted(qapp: Any) -> None:
    """Full screen keeps its sizes on the glass (10 mm targets for fingers) on any screen; a
    classroom window on a screen smaller than the exhibit's layout is scaled to fit."""
    screen = qapp.primaryScreen()  # the offscreen platform's 800×800 screen
    assert metrics_for(Settings(), screen).fit == 1.0
    assert metrics_for(Settings(windowed=True), screen).fit < 1.0


def test_home_in_a_classroom_keeps_the_teachers_place(make_window: WindowFactory) -> None:
    """In a classroom window Home (or Esc) and back again finds the tab the teacher left."""
    window = make_window(windowed=True)
    tap(find(window, "touchToBegin"))
    tap(find(window, "tab_charts"))
    tap(find(window, "homeButton"))
    tap(find(window, "touchToBegin"))
    assert window.screen_name() == "exhibit/charts"


def test_sizes_shrink_only_to_fit_a_small_window() -> None:
    """A window as large as the exhibit's layout keeps every size; a smaller one gets all of
    them scaled by the same factor (touch floors included), never below MIN_FIT."""
    assert METRICS.fitted(*DESIGN_PX) == METRICS and METRICS.fitted(1920, 1080) == METRICS
    laptop = METRICS.fitted(1093, 582)  # 80 % of a 1366×768 laptop's free area
    assert laptop.fit == pytest.approx(min(1093 / DESIGN_PX[0], 582 / DESIGN_PX[1]))
    assert laptop.target() == round(60 * laptop.fit) and laptop.target() < METRICS.target()
    assert laptop.font_px(5.2) < METRICS.font_px(5.2)
    assert laptop.scaled(1.3).fit == laptop.fit  # a visitor's larger text keeps the fit
    assert METRICS.fitted(400, 300).fit == MIN_FIT
    sharp = Metrics(dpi=200.0)  # the same window on a high-DPI laptop needs more pixels
    assert sharp.fitted(1920, 1080).fit < 1


@pytest.mark.parametrize("size", [(1093, 582), (1024, 768)], ids=["laptop", "projector"])
def test_a_small_classroom_window_shows_the_whole_exhibit(make_window: WindowFactory, qtbot: Any,
                                                          size: tuple[int, int]) -> None:
    """On a laptop or a 1024×768 projector the window keeps its size on every screen, and every
    button of the bar is in it with its label whole."""
    window = make_window(size=size, windowed=True, metrics=METRICS.fitted(*size), reduced_motion=True)
    assert window.size().toTuple() == size

    def clipped() -> list[str]:
        bar = [b for b in window.findChildren(QPushButton) if b.isVisible() and b.objectName().startswith(
            ("tab_", "homeButton", "languageButton_", "access", "touchToBegin"))]
        assert len(bar) >= 7
        return [b.objectName() for b in bar
                if not window.rect().contains(b.rect().translated(b.mapTo(window, b.rect().topLeft())))
                or b.width() < b.sizeHint().width()]  # narrower than its label and padding

    qtbot.waitUntil(lambda: not clipped(), timeout=2000)
    tap(find(window, "touchToBegin"))
    for name in ("texts", "images", "video", "charts"):
        tap(find(window, f"tab_{name}"))
        qtbot.waitUntil(lambda: not clipped(), timeout=2000)
        assert window.size().toTuple() == size
    panel = find(window, "tabPage_charts").panel
    # The chart itself keeps a good share of the panel (its key scrolls instead).
    qtbot.waitUntil(lambda: panel.plot() is not None and panel.plot().isVisible()
                    and panel.plot().height() > panel.height() / 3, timeout=5000)
    # On the short plot the value axis's numbers stand apart, from "0", and the figure written
    # over the tallest mark is inside the plot, not cut off at its top.
    plot = panel.plot()
    axis, box = plot.getPlotItem().getAxis("left"), plot.getPlotItem().getViewBox()
    ticks = [value for value, _label in axis._tickLevels[0]]
    assert ticks[0] == 0 and len(ticks) >= 2
    gap = abs(box.mapViewToScene(QPointF(0, ticks[1])).y() - box.mapViewToScene(QPointF(0, ticks[0])).y())
    assert gap > QFontMetrics(axis.style["tickFont"]).height()
    top = box.sceneBoundingRect().top()
    assert all(label.sceneBoundingRect().top() >= top - 1 for _point, label in plot._labels)
    screenshot(window, f"classroom-{size[0]}x{size[1]}-charts")
