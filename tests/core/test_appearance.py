"""The visitor's appearance choices: text steps within limits, toggles, a default to go back to."""

from __future__ import annotations

from kiosk.core.appearance import TEXT_SCALES, Appearance
from kiosk.core.settings import Settings


def test_text_steps_stop_at_both_ends() -> None:
    """A− at the default and A+ at the largest step change nothing; the default is 1.0."""
    a = Appearance()
    assert a.text_scale == 1.0 and not a.can_shrink and a.smaller() == a
    for _ in range(10):
        a = a.larger()
    assert a.text_scale == TEXT_SCALES[-1] and not a.can_grow and a.larger() == a


def test_toggles_leave_the_rest_alone() -> None:
    """Contrast and low reach are independent of the text size."""
    a = Appearance().larger().with_contrast(True).with_low_reach(True)
    assert a == Appearance(1, True, True)
    assert a.with_contrast(False) == Appearance(1, False, True)


def test_settings_name_the_default() -> None:
    """`high_contrast` and `low_reach` are settings, off unless staff turn them on."""
    assert not Settings().high_contrast and not Settings().low_reach
    assert Settings(low_reach=True).low_reach
