"""Every touch target is at least 10 mm on the glass (60 px floor) and 2 mm from its neighbours,
on screens of 96, 160 and 240 DPI, on every screen and tab."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QAbstractSlider, QApplication, QScrollBar, QWidget

from kiosk.core.model import Library
from kiosk.core.settings import Settings
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.metrics import Metrics
from kiosk.ui.tabs.touch_list import TouchList
from kiosk.ui.theme import apply_theme
from tests.ui.helpers import FakeClock, find, tap

# A 23" 1080p panel, an 18" 1440p panel and an 18" 4K panel.
SCREENS = {96: (1920, 1080), 160: (2560, 1440), 240: (3840, 2160)}


def _targets(window: QWidget) -> list[tuple[str, QRect]]:
    """Visible tappable widgets, in window coordinates. Scroll bars are only position marks here
    (a visitor scrolls by dragging the text itself, or with the page buttons)."""
    found = []
    for w in window.findChildren(QWidget):
        if not w.isVisible() or not isinstance(w, (QAbstractButton, QAbstractSlider)):
            continue
        if isinstance(w, QScrollBar):
            continue
        rect = QRect(w.mapTo(window, QPoint(0, 0)), w.size())
        if window.rect().intersects(rect):
            found.append((w.objectName() or type(w).__name__, rect))
    return found


def _problems(window: QWidget, metrics: Metrics) -> list[str]:
    target, gap = metrics.target(), metrics.px(2.0)
    found = _targets(window)
    problems = [f"{name} {r.width()}x{r.height()} < {target}" for name, r in found
                if min(r.width(), r.height()) < target - 1]
    for w in window.findChildren(TouchList):
        if w.isVisible() and w.row_count():
            h = w.row_rect(0).height()
            if h < target - 1:
                problems.append(f"{w.objectName()} row {h} < {target}")
    for i, (a, ra) in enumerate(found):
        for b, rb in found[i + 1:]:
            if ra.intersects(rb):
                problems.append(f"{a} overlaps {b}")
            else:
                dx = max(rb.left() - ra.right(), ra.left() - rb.right(), 0)
                dy = max(rb.top() - ra.bottom(), ra.top() - rb.bottom(), 0)
                if max(dx, dy) - 1 < gap:
                    problems.append(f"{a} and {b} are {max(dx, dy) - 1} px apart < {gap}")
    return problems


@pytest.mark.parametrize("dpi", SCREENS)
def test_every_target_is_10_mm_and_2_mm_apart(qtbot: Any, qapp: QApplication, library: Library,
                                              clock: FakeClock, dpi: int) -> None:
    """At 96, 160 and 240 DPI every button and slider is at least 10 mm on its smaller side,
    list rows too, and no two targets touch or sit closer than 2 mm."""
    metrics = Metrics(float(dpi))
    apply_theme(qapp, metrics)
    window = KioskWindow(Settings(reduced_motion=True, idle_timeout_s=90), metrics, clock=clock,
                         idle_max_check_ms=5)
    qtbot.addWidget(window, before_close_func=lambda w: w.exit_kiosk())
    window.set_content(library, [])
    window.resize(*SCREENS[dpi])
    window.show()
    qtbot.waitExposed(window)
    screens: dict[str, list[str]] = {"title": _problems(window, metrics)}
    tap(find(window, "touchToBegin"))
    for tab in ("texts", "images", "video", "charts"):
        tap(find(window, f"tab_{tab}"))
        qtbot.wait(1)
        screens[tab] = _problems(window, metrics)
    tap(find(window, "tab_images"))
    grid = find(window, "galleryGrid")
    tap(grid.viewport(), grid.row_rect(0).center())  # type: ignore[attr-defined]
    screens["viewer"] = _problems(window, metrics)
    tap(find(window, "languageButton_ru"))
    screens["viewer-ru"] = _problems(window, metrics)
    for _ in range(5):
        tap(window, QPoint(5, 5))
    screens["pin-pad"] = _problems(find(window, "pinPad"), metrics)
    bad = {name: p for name, p in screens.items() if p}
    assert not bad, "\n".join(f"{k}: {v}" for k, v in bad.items())
