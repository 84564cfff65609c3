"""The end of a `kiosk soak` or `kiosk monkey` run: its JSON report, and keeping the log on failure."""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kiosk.bench.registry import Result
from kiosk.bench.runner import figures_json, machine


def finish_run(child: Any, results: list[Result], ok: bool, elapsed: float, json_path: Path | None,
               fields: Mapping[str, Any]) -> int:
    """Write the report (when asked) with the run's own `fields`; keep the kiosk's log if it failed."""
    if json_path:
        report = {
            "machine": machine(),
            "when": time.strftime("%Y-%m-%d %H:%M:%S"),
            "elapsed_s": round(elapsed, 1),
            "exit": child.how_it_ended(),
            "passed": ok,
            "figures": figures_json(results),
            **fields,
        }
        json_path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {json_path}")
    if ok:
        child.cleanup()
    else:
        print(f"kiosk log kept: {child.log}")
    return 0 if ok else 1
