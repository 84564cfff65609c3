"""A `kiosk soak` or `kiosk monkey` run as seen from the command: the kiosk started in a child
process, the table of figures, the JSON report, and the kiosk's log kept on failure."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kiosk.bench.registry import Result
from kiosk.bench.runner import figures_json, header, machine, row


def run_in_child(command: str, module: str, child_args: list[str], timeout_s: float) -> tuple[Any, float] | None:
    """Run the kiosk with a driver (``module``) in a child process: the child and the seconds it
    took, or None (said on stderr, with its log) when it ended without a result."""
    from kiosk.reliability.child import run_child

    started = time.monotonic()
    child = run_child(module, child_args, prefix=f"kiosk-{command}-", timeout_s=timeout_s)
    elapsed = time.monotonic() - started
    if child.data is None:
        print(f"\nkiosk {command}: the kiosk process ended without a result ({child.how_it_ended()}); "
              f"its log: {child.log}\n{child.log_tail()}", file=sys.stderr)
        return None
    return child, elapsed


def print_figures(results: list[Result], notes: list[str]) -> None:
    """Each figure against its target, then the first lines of what went wrong."""
    print()
    print(header())
    for result in results:
        print(row(result))
    for text in notes[:15]:
        print(f"  ! {text.splitlines()[0] if text else text}")


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
