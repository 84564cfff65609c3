"""Telling swipes, taps and double taps apart, and pinch factors (Qt-free)."""

from __future__ import annotations

from kiosk.core.touchgesture import Stroke, TapTracker, is_tap, pinch_factor, swipe_step


def test_a_left_swipe_goes_to_the_next_picture_and_a_right_one_back() -> None:
    """A horizontal flick left is +1, right is −1."""
    assert swipe_step(Stroke(800, 400, 300, 420), 1200, 60) == 1
    assert swipe_step(Stroke(300, 400, 800, 380), 1200, 60) == -1


def test_short_or_vertical_strokes_are_not_swipes() -> None:
    """A small drag or a mostly vertical one changes nothing."""
    assert swipe_step(Stroke(500, 400, 450, 400), 1200, 60) == 0
    assert swipe_step(Stroke(500, 100, 300, 700), 1200, 60) == 0


def test_double_tap_needs_two_taps_close_in_time_and_place() -> None:
    """Two taps within the interval and near each other make a double tap; slow ones do not."""
    taps = TapTracker(0.35)
    assert not taps.tap(100, 100, 10.0, 12)
    assert taps.tap(105, 102, 10.2, 12)
    assert not taps.tap(100, 100, 20.0, 12)
    assert not taps.tap(100, 100, 20.5, 12)
    assert not taps.tap(400, 400, 20.6, 12)


def test_tap_slop_and_pinch_factor() -> None:
    """A finger that hardly moves is a tap; spreading fingers to twice the distance is ×2."""
    assert is_tap(Stroke(10, 10, 14, 13), 12) and not is_tap(Stroke(10, 10, 60, 10), 12)
    assert pinch_factor(100, 200) == 2.0 and pinch_factor(0, 50) == 1.0
