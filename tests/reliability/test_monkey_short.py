"""A short monkey (CI's version of `kiosk monkey`): random touches, drags, pinches, wheel turns
and keys (Alt+F4, Esc, Ctrl+Q, ...) on the real kiosk leave it up, locked, full screen and
responsive, with no other window and the staff panel never opened."""

from __future__ import annotations

import pytest

from kiosk.reliability.criteria import MAX_STALL_MS
from tests.reliability.conftest import run_kiosk_command

EVENTS = 2000


@pytest.mark.timeout(300)
def test_short_monkey_passes() -> None:
    """2,000 seeded random events: no exception, no new window, full screen, no stall > 250 ms."""
    proc, data = run_kiosk_command("monkey", "--events", str(EVENTS), timeout=280)
    assert data is not None, f"the monkey wrote no result (exit {proc.returncode})"
    assert data["exit"] == "exit code 0", data["exit"]
    assert data["failure"] is None, data["failure"]
    assert not data["window_closed"]
    assert data["events"] == EVENTS
    assert data["exceptions"] == 0, data["observer"]["exception_texts"] + data["observer"]["qt_critical_texts"]
    assert data["observer"]["qt_criticals"] == 0, data["observer"]["qt_critical_texts"]
    assert data["new_windows"] == []
    assert data["not_full_screen"] == 0, data["not_full_screen_texts"]
    assert data["observer"]["staff_opened"] == 0 and data["observer"]["staff_exit"] == 0
    assert data["max_stall_ms"] <= MAX_STALL_MS, data["max_stall_during"]
    # It really got around: into the exhibit, the PIN pad and back to the title.
    assert data["observer"]["pin_opened"] > 0
    assert any(name.startswith("exhibit/") for name in data["screens"])
    assert proc.returncode == 0
