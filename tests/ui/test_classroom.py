"""Classroom mode (--windowed): a normal window, full keyboard use, closing allowed."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.ui.main_window import KioskWindow
from tests.ui.helpers import FakeClock, WindowFactory, find, tap


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
