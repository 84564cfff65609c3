"""The Charts tab's figures: opening it (pyqtgraph preloaded), and memory over many replots."""

from __future__ import annotations

from kiosk.bench.offscreen import offscreen_platform
from kiosk.bench.registry import BenchOptions, Figure, median
from kiosk.bench.runner import run_probe

PROBE = "kiosk.bench.charts_probe"


def chart_tab_open_ms(opts: BenchOptions) -> float:
    env = {"QT_QPA_PLATFORM": offscreen_platform()}
    run_probe(PROBE, "open", str(opts.demo), env=env)  # warm the disk cache
    return median([run_probe(PROBE, "open", str(opts.demo), env=env)["chart_tab_open_ms"]
                   for _ in range(opts.runs)])


def chart_replot_rss_growth_mb(opts: BenchOptions) -> float:
    n = opts.n(10_000, 2_000)
    return run_probe(PROBE, "replot", str(opts.demo), str(n),
                     env={"QT_QPA_PLATFORM": offscreen_platform()})["chart_replot_rss_growth_mb"]


FIGURES = [
    Figure("chart_tab_open_ms", 150, "ms", chart_tab_open_ms,
           note="tap on Charts to the chart painted, pyqtgraph loaded after the title screen"),
    Figure("chart_replot_rss_growth_mb", 10, "MB", chart_replot_rss_growth_mb,
           note="10,000 redraws of the membership chart with setData"),
]
