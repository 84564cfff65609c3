"""Screenshots of every screen at 1920×1080 and 1080×1920, kept in artifacts/screenshots/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QWidget

from kiosk.core.model import Library
from tests.ui.helpers import LANDSCAPE, PORTRAIT, FakeClock, WindowFactory, find, screenshot, tap

SIZES = {"landscape": LANDSCAPE, "portrait": PORTRAIT}


def _shot(window: QWidget, qtbot: Any, name: str) -> Path:
    qtbot.wait(1)
    path = screenshot(window, name)
    assert path.stat().st_size > 10_000
    return path


@pytest.mark.parametrize("orientation", SIZES)
def test_every_screen_is_captured(make_window: WindowFactory, qtbot: Any, clock: FakeClock,
                                  orientation: str) -> None:
    """Title, each tab, the warning, the PIN pad and the staff panel render at kiosk sizes."""
    # Reduced motion: each screen is captured as it settles, not part-way through an animation.
    window = make_window(size=SIZES[orientation], idle_timeout_s=90, reduced_motion=True)
    _shot(window, qtbot, f"{orientation}-title")
    tap(find(window, "touchToBegin"))
    for name in ("texts", "images", "video", "charts"):
        tap(find(window, f"tab_{name}"))
        _shot(window, qtbot, f"{orientation}-tab-{name}")
    clock.advance(75)
    qtbot.waitUntil(lambda: find(window, "stillThereOverlay").isVisible())
    _shot(window, qtbot, f"{orientation}-still-there")
    tap(find(window, "stillThereOverlay"))
    for _ in range(5):
        tap(window, QPoint(5, 5))
    pad = find(window, "pinPad")
    for key in "1111":
        tap(find(pad, f"pinKey_{key}"))
    tap(find(pad, "pinKey_ok"))
    for key in "24":
        tap(find(pad, f"pinKey_{key}"))
    _shot(window, qtbot, f"{orientation}-pin-pad")
    for key in "68":
        tap(find(pad, f"pinKey_{key}"))
    tap(find(pad, "pinKey_ok"))
    _shot(window, qtbot, f"{orientation}-staff-panel")


@pytest.mark.parametrize("orientation", SIZES)
def test_unavailable_screen_is_captured(make_window: WindowFactory, qtbot: Any, tmp_path: Path,
                                        orientation: str) -> None:
    """The calm "exhibit unavailable" screen renders at kiosk sizes."""
    window = make_window(size=SIZES[orientation], content=Library(tmp_path, ()))
    _shot(window, qtbot, f"{orientation}-unavailable")


@pytest.mark.parametrize("orientation", SIZES)
def test_chooser_is_captured(make_window: WindowFactory, qtbot: Any, library: Library,
                             content_root: Path, orientation: str) -> None:
    """The subject chooser (several subjects) renders at kiosk sizes."""
    from tests.ui.helpers import make_subject

    second = make_subject(content_root, "new-economic-policy", title="The New Economic Policy",
                          with_media=False)
    window = make_window(size=SIZES[orientation],
                         content=Library(library.root, (*library.subjects, second)))
    _shot(window, qtbot, f"{orientation}-chooser")
