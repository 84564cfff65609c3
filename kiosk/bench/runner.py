"""Running the figures: each area's FIGURES in turn, a table against the targets, and JSON."""

from __future__ import annotations

import importlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

from kiosk.bench import AREAS
from kiosk.bench.registry import BenchOptions, Figure, Result

ROOT = Path(__file__).resolve().parents[2]


def figures(areas: Iterable[str] = AREAS) -> list[Figure]:
    out: list[Figure] = []
    for area in areas:
        out.extend(importlib.import_module(f"kiosk.bench.{area}").FIGURES)
    return out


def run_figures(selected: list[Figure], opts: BenchOptions, *, echo: bool = True) -> list[Result]:
    results = []
    for figure in selected:
        started = time.perf_counter()
        try:
            value = float(figure.measure(opts))
            result = Result(figure, value)
        except Exception as exc:  # one figure failing must not lose the others
            result = Result(figure, None, f"{exc.__class__.__name__}: {exc}")
        results.append(result)
        if echo:
            print(row(result) + f"   ({time.perf_counter() - started:.0f} s)", flush=True)
    return results


def header() -> str:
    return f"{'figure':<36} {'value':>10} {'target':>12}  result"


def row(r: Result) -> str:
    f = r.figure
    op = "≤" if f.better == "lower" else "≥"
    value = "-" if r.value is None else (f"{r.value:.2f}" if abs(r.value) < 10 else f"{r.value:.1f}")
    verdict = "ok" if r.ok else ("FAILED: " + r.error if r.error else "MISSED")
    return f"{f.name:<36} {value:>10} {op + ' ' + format(f.target, 'g') + ' ' + f.unit:>12}  {verdict}"


def machine() -> dict[str, object]:
    try:
        model = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                      if ln.startswith("model name")), platform.processor())
    except OSError:
        model = platform.processor()
    return {"cpu": model, "cores": os.cpu_count(), "python": platform.python_version(),
            "system": f"{platform.system()} {platform.release()}"}


def figures_json(results: list[Result]) -> dict[str, dict[str, object]]:
    """Each figure's value against its target, as written to every JSON report."""
    return {
        r.figure.name: {"value": r.value, "target": r.figure.target, "unit": r.figure.unit,
                        "better": r.figure.better, "ok": r.ok, **({"error": r.error} if r.error else {})}
        for r in results
    }


def write_json(path: Path, results: list[Result], opts: BenchOptions) -> None:
    data = {
        "machine": machine(),
        "when": time.strftime("%Y-%m-%d %H:%M:%S"),
        "quick": opts.quick,
        "figures": figures_json(results),
    }
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def new_workdir() -> Path:
    return Path(tempfile.mkdtemp(prefix="kiosk-bench-"))


def probe_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for a measured child process: offscreen unless told otherwise, and with its
    own config, data, state and cache folders, so measured runs never touch the kiosk's own."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(tempfile.gettempdir()) / "kiosk-bench-home"
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[var] = str(home / var.lower())
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    env.update(extra or {})
    return env


def run_probe(module: str, *args: str, env: Mapping[str, str] | None = None, timeout: float = 300) -> dict[str, float]:
    """Run `python -m MODULE ARGS` and read the JSON object it prints on its last line."""
    out = subprocess.run([sys.executable, "-m", module, *args], capture_output=True, text=True,
                         timeout=timeout, env=probe_env(env))
    lines = out.stdout.strip().splitlines()
    if out.returncode != 0 or not lines:
        tail = "\n".join(out.stderr.strip().splitlines()[-5:])
        raise RuntimeError(f"{module} exited {out.returncode}: {tail}")
    return {k: float(v) for k, v in json.loads(lines[-1]).items()}
