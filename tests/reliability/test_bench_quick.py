"""CI's `kiosk bench --quick`: every figure is measured and written to JSON. On a shared, noisy
machine a missed target is reported, not failed, except for the figures with a wide margin
(several times under target here), where a miss means a real regression."""

from __future__ import annotations

import warnings

import pytest

from kiosk.bench import AREAS
from kiosk.bench.runner import figures
from tests.reliability.conftest import run_kiosk_command

# Well under target even on a loaded 2-core machine (docs/benchmarks.md), and a time figure that
# scales with the input or a memory figure that load does not move: a miss is a regression.
HARD = ("validate_10k_images_s", "chart_replot_rss_growth_mb", "gallery_browse_rss_growth_mb")


@pytest.mark.timeout(600)
def test_quick_bench_measures_every_figure() -> None:
    """Every figure has a value and no error; the wide-margin ones meet their targets."""
    proc, data = run_kiosk_command("bench", "--quick", timeout=580)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert data is not None and data["quick"] is True
    names = [f.name for f in figures(AREAS)]
    written = data["figures"]
    assert sorted(written) == sorted(names)
    errors = {n: f["error"] for n, f in written.items() if f.get("error") or f["value"] is None}
    assert errors == {}
    missed = {n: f"{f['value']:.1f} vs {f['target']:g} {f['unit']}" for n, f in written.items() if not f["ok"]}
    if missed:
        warnings.warn(f"figures over target on this machine (reported, not failed): {missed}", stacklevel=1)
    assert {n: missed[n] for n in HARD if n in missed} == {}
