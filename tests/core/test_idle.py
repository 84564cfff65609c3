"""The idle arithmetic, without Qt."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.idle import (
    DEFAULT_TIMEOUT_S,
    IdleSchedule,
    Phase,
    effective_timeout,
    warning_seconds,
)


def test_default_timeout_is_90_s_with_a_20_s_warning() -> None:
    """With nothing set, the kiosk waits 90 s and warns for the last 20."""
    schedule = IdleSchedule(effective_timeout(None, None))
    assert schedule.timeout_s == DEFAULT_TIMEOUT_S == 90
    assert schedule.warning_at_s == 70
    assert schedule.state(69.9).phase is Phase.BROWSING
    assert schedule.state(70).phase is Phase.WARNING
    assert schedule.state(70).seconds_left == 20
    assert schedule.state(90).phase is Phase.EXPIRED


def test_flag_wins_over_subject_and_subject_over_default() -> None:
    """A flag or settings value overrides the subject's idle_timeout, which overrides 90 s."""
    assert effective_timeout(30, 120) == 30
    assert effective_timeout(None, 120) == 120
    assert effective_timeout(None, None) == 90
    assert effective_timeout(0, 120) == 0


def test_short_timeouts_warn_for_their_last_third() -> None:
    """Under a minute, the warning takes the last third of the timeout."""
    assert warning_seconds(45) == 15
    assert warning_seconds(6) == 2
    assert warning_seconds(120) == 20
    assert warning_seconds(120, 30) == 30


def test_zero_timeout_disables_the_reset() -> None:
    """A timeout of 0 never warns or resets (classroom use)."""
    schedule = IdleSchedule(0)
    assert schedule.state(10_000).phase is Phase.DISABLED
    assert schedule.next_check_s(10_000) is None


def test_countdown_shows_whole_seconds_rounded_up() -> None:
    """The visible countdown never shows 0 before the reset and ticks once a second."""
    schedule = IdleSchedule(90)
    assert schedule.state(70.5).seconds_left == 20
    assert schedule.state(89.01).seconds_left == 1
    assert schedule.next_check_s(70.25) == pytest.approx(0.75)
    assert schedule.next_check_s(10) == pytest.approx(60)


@given(
    timeout=st.floats(min_value=1, max_value=3600),
    idle=st.floats(min_value=0, max_value=4000),
)
def test_next_check_lands_on_a_state_change(timeout: float, idle: float) -> None:
    """Waking at next_check_s always sees a different phase or countdown (no busy polling)."""
    schedule = IdleSchedule(timeout)
    before = schedule.state(idle)
    wait = schedule.next_check_s(idle)
    if before.phase is Phase.EXPIRED:
        assert wait is None
        return
    assert wait is not None and 0 < wait <= timeout
    after = schedule.state(idle + wait + 1e-6)
    assert after != before
