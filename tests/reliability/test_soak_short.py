"""A short soak (CI's version of `kiosk soak`): the real kiosk through scripted visits, with no
exception, every idle reset back on a clean title screen, and memory and objects flat."""

from __future__ import annotations

import pytest

from kiosk.reliability.criteria import (
    OBJECT_GROWTH_PCT,
    RSS_GROWTH_MB,
    RSS_GROWTH_PCT,
    TYPE_GROWTH_PER_100_VISITS,
)
from tests.reliability.conftest import run_kiosk_command

VISITS, WARMUP, SAMPLE_EVERY = 70, 40, 10  # memory is still settling before ~40 visits


@pytest.mark.timeout(420)
def test_short_soak_passes() -> None:
    """70 visits, measured after a 40-visit warm-up: zero exceptions, every reset clean, no growth."""
    proc, data = run_kiosk_command("soak", "--visits", str(VISITS), "--warmup", str(WARMUP),
                                   "--sample-every", str(SAMPLE_EVERY), timeout=400)
    assert data is not None, f"the soak wrote no result (exit {proc.returncode})"
    assert data["exit"] == "exit code 0", data["exit"]
    assert data["failures"] == []
    assert data["visits"] == VISITS
    assert data["exceptions"] == 0, data["observer"]["exception_texts"] + data["observer"]["qt_critical_texts"]
    assert data["observer"]["qt_criticals"] == 0, data["observer"]["qt_critical_texts"]
    assert data["resets_ok"] == VISITS, data["record"]["reset_problems"]
    assert data["rss_growth_pct"] < RSS_GROWTH_PCT
    assert data["rss_growth_mb"] < RSS_GROWTH_MB
    assert abs(data["qobjects_growth_pct"]) <= OBJECT_GROWTH_PCT, data["type_growth"]
    assert abs(data["pyobjects_growth_pct"]) <= OBJECT_GROWTH_PCT, data["type_growth"]
    assert data["type_growth_per_100_visits"] <= TYPE_GROWTH_PER_100_VISITS, data["type_growth"]
    assert proc.returncode == 0
