"""Video figures: first frame, memory and UI stalls over many source changes, CPU while playing.

Each figure runs ``kiosk.bench.video_probe`` in a fresh process: offscreen, except the CPU
figure, which needs a real X server (software rendering, as on a kiosk PC without a GPU) and
starts its own Xvfb. The memory and stall figures come from the same run of source changes.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from kiosk.bench.registry import BenchOptions, Figure, median

_changes_cache: dict[tuple[Path, bool], dict[str, float]] = {}


def _probe(args: list[str], env: dict[str, str] | None = None, timeout: float = 600) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-m", "kiosk.bench.video_probe", *args],
                         capture_output=True, text=True, timeout=timeout,
                         env={**os.environ, **(env or {})})
    if out.returncode != 0:
        raise RuntimeError(f"video_probe {args[0]} failed: {out.stderr.strip()[-400:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def first_frame_ms(opts: BenchOptions) -> float:
    env = {"QT_QPA_PLATFORM": "offscreen"}
    return median([_probe(["first-frame", "--demo", str(opts.demo)], env)["video_first_frame_ms"]
                   for _ in range(opts.n(opts.runs, 2))])


def _changes(opts: BenchOptions) -> dict[str, float]:
    key = (opts.workdir, opts.quick)
    if key not in _changes_cache:
        _changes_cache[key] = _probe(
            ["source-changes", "--demo", str(opts.demo), "--workdir", str(opts.workdir / "video"),
             "--changes", str(opts.n(500, 60))], {"QT_QPA_PLATFORM": "offscreen"}, timeout=1800)
    return _changes_cache[key]


def rss_growth_mb(opts: BenchOptions) -> float:
    return _changes(opts)["video_source_changes_rss_growth_mb"]


def ui_stall_ms(opts: BenchOptions) -> float:
    return _changes(opts)["ui_stall_max_ms"]


def cpu_s_per_s(opts: BenchOptions) -> float:
    if shutil.which("Xvfb") is None:
        raise RuntimeError("skipped: Xvfb is not installed (apt install xvfb)")
    display = f":{90 + os.getpid() % 100}"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.0)  # Xvfb needs a moment before clients can connect
        if xvfb.poll() is not None:
            raise RuntimeError(f"skipped: Xvfb could not start on {display}")
        env = {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        seconds = str(opts.n(20, 6))
        return median([_probe(["cpu", "--demo", str(opts.demo), "--seconds", seconds], env)
                       ["video_cpu_s_per_s"] for _ in range(opts.n(3, 1))])
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)


FIGURES: list[Figure] = [
    Figure("video_first_frame_ms", 500, "ms", first_frame_ms,
           note="tap Play to the first frame of the demo film (QtMultimedia preloaded)"),
    Figure("video_source_changes_rss_growth_mb", 20, "MB", rss_growth_mb,
           note="RSS growth over 500 source changes (60 quick) after warm-up"),
    Figure("ui_stall_max_ms", 100, "ms", ui_stall_ms,
           note="longest gap of a 5 ms heartbeat timer during those source changes"),
    Figure("video_cpu_s_per_s", 0.45, "CPU s/s", cpu_s_per_s,
           note="kiosk process CPU per second of the demo film, 1920x1080 Xvfb, no GPU"),
]
