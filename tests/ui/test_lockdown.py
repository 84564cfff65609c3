"""Full-screen lockdown: no way out for visitors, a hidden way out for staff."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.ui.error_guard import ErrorGuard
from tests.ui.helpers import FakeClock, WindowFactory, find, tap

CORNER = QPoint(6, 6)


def _corner_taps(window: QWidget, n: int = 5, clock: FakeClock | None = None,
                 step: float = 0.0) -> None:
    for _ in range(n):
        tap(window, CORNER)
        if clock is not None:
            clock.advance(step)


def _enter_pin(window: QWidget, pin: str) -> None:
    pad = find(window, "pinPad")
    for digit in pin:
        tap(find(pad, f"pinKey_{digit}"))
    tap(find(pad, "pinKey_ok"))


def test_closing_is_refused_in_full_screen_mode(make_window: WindowFactory) -> None:
    """A close request (window manager, Alt+F4) leaves the kiosk open."""
    window = make_window()
    assert window.close() is False
    assert window.isVisible()


@pytest.mark.parametrize("key,modifiers", [
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier),
])
def test_escape_keys_do_nothing(make_window: WindowFactory, key: Qt.Key,
                                modifiers: Qt.KeyboardModifier) -> None:
    """Alt+F4, Ctrl+Q, Ctrl+W, Esc, F11 and Backspace neither close nor leave the exhibit."""
    window = make_window()
    tap(find(window, "touchToBegin"))
    QTest.keyClick(find(window, "tab_texts"), key, modifiers)
    assert window.isVisible()
    assert window.screen_name() == "exhibit/texts"


class _MenuProbe(QWidget):
    menu_requested = Signal()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.menu_requested.emit()


def test_no_context_menu_anywhere(make_window: WindowFactory, qtbot: Any) -> None:
    """A long press or right click never reaches a widget as a context menu request."""
    window = make_window()
    probe = _MenuProbe(window)
    probe.show()
    hits: list[bool] = []
    probe.menu_requested.connect(lambda: hits.append(True))
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(1, 1),
                              probe.mapToGlobal(QPoint(1, 1)))
    QApplication.sendEvent(probe, event)
    assert hits == []


def test_five_corner_taps_open_the_pin_pad(make_window: WindowFactory) -> None:
    """Five taps in the top-left corner open the staff PIN pad and do not begin the visit."""
    window = make_window()
    _corner_taps(window, 4)
    assert not window.findChild(QWidget, "pinPad").isVisible()
    _corner_taps(window, 1)
    assert find(window, "pinPad").isVisible()
    assert window.screen_name() == "title"


def test_slow_corner_taps_do_not_count(make_window: WindowFactory, clock: FakeClock) -> None:
    """Five taps spread over more than three seconds do not open the pad."""
    window = make_window()
    _corner_taps(window, 5, clock, step=0.9)
    assert not window.findChild(QWidget, "pinPad").isVisible()


def test_right_pin_opens_the_staff_panel(make_window: WindowFactory) -> None:
    """The default PIN 2468 opens the staff panel with the content status and findings."""
    window = make_window()
    _corner_taps(window)
    _enter_pin(window, "2468")
    panel = find(window, "staffPanel")
    status = panel.status_text()
    assert "1 subject" in status and "1 error" in status
    lines = panel.finding_lines()
    assert lines[0].startswith("lenin-enrollment/video/story.mp4")  # errors first
    assert any("line 4: missing alt text" in line for line in lines)


def test_wrong_pins_lock_the_pad_for_a_minute(make_window: WindowFactory,
                                             clock: FakeClock) -> None:
    """Five wrong PINs lock entry for 60 s, even for the right PIN; then it works again."""
    window = make_window()
    _corner_taps(window)
    pad = find(window, "pinPad")
    _enter_pin(window, "1111")
    assert pad.message() == "Wrong PIN. 4 tries left."
    for _ in range(4):
        _enter_pin(window, "1111")
    assert "Try again in 60 s" in pad.message()
    _enter_pin(window, "2468")
    assert not window.findChild(QWidget, "staffPanel").isVisible()
    clock.advance(61)
    _enter_pin(window, "2468")
    assert find(window, "staffPanel").isVisible()


def test_pin_pad_closes_when_left_untouched(make_window: WindowFactory, qtbot: Any) -> None:
    """The PIN pad closes by itself after its timeout."""
    window = make_window(pin_timeout_ms=30)
    _corner_taps(window)
    pad = find(window, "pinPad")
    qtbot.waitUntil(lambda: not pad.isVisible(), timeout=2000)


def test_staff_can_reload_and_exit(make_window: WindowFactory, qtbot: Any) -> None:
    """"Reload content" asks for a reload; "Exit kiosk" closes the window for good."""
    window = make_window()
    _corner_taps(window)
    _enter_pin(window, "2468")
    with qtbot.waitSignal(window.reload_requested, timeout=1000):
        tap(find(window, "reloadButton"))
    assert "Checking media files" in find(window, "staffPanel").status_text()
    tap(find(window, "exitButton"))
    assert not window.isVisible()


def test_idle_reset_closes_staff_overlays(make_window: WindowFactory, clock: FakeClock,
                                          qtbot: Any) -> None:
    """A visit that ends while the staff panel is open closes it."""
    window = make_window()
    tap(find(window, "touchToBegin"))
    _corner_taps(window)
    _enter_pin(window, "2468")
    clock.advance(90)
    qtbot.waitUntil(lambda: window.screen_name() == "title")
    assert not window.findChild(QWidget, "staffPanel").isVisible()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_returns_to_the_title(make_window: WindowFactory,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    """An exception in a slot is logged and the kiosk goes back to a clean title screen."""
    window = make_window()
    guard = ErrorGuard(window.recover)
    guard.install()
    try:
        tap(find(window, "touchToBegin"))
        tap(find(window, "tab_images"))
        button = find(window, "tab_charts")

        def broken() -> None:
            raise RuntimeError("a bug in a slot")

        button.clicked.connect(broken)
        tap(button)
    finally:
        guard.uninstall()
    assert window.isVisible()
    assert window.screen_name() == "title"
    assert "a bug in a slot" in caplog.text
