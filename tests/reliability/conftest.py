"""The reliability runs: each test starts the real kiosk (or a media probe) in its own process,
so a crash is an exit code, and asserts the pass criteria on what that process reports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def run_kiosk_command(*args: str, timeout: float) -> tuple[subprocess.CompletedProcess[str], Any]:
    """Run `python -m kiosk ARGS --json FILE` and return the process and the JSON it wrote."""
    out = Path(os.environ.get("XDG_CACHE_HOME", "/tmp")) / f"{args[0]}-{os.getpid()}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    proc = subprocess.run([sys.executable, "-m", "kiosk", *args, "--json", str(out)], check=False, cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)
    print(proc.stdout[-6000:])
    print(proc.stderr[-3000:], file=sys.stderr)
    data = json.loads(out.read_text(encoding="utf-8")) if out.exists() else None
    return proc, data
