"""The full content check in a child process: `python -m kiosk.core.check_worker ROOT`.

The kiosk runs its media checks here rather than in its own process, for two reasons: a file
crafted to crash a decoder can only end this child (the kiosk shows the content it had and
tells staff), and the decoder libraries the check loads never count against the kiosk's memory.
The result goes back as a pickle on stdout: parent and child are the same program.
"""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from kiosk.core.findings import Finding, Severity
from kiosk.core.loader import LoadResult, load_library
from kiosk.core.model import Library

CHECK_TIMEOUT_S = 300


def check_in_child(
    root: Path, pinned: Mapping[str, Path] | None = None, timeout_s: float = CHECK_TIMEOUT_S
) -> LoadResult:
    """Run the full check in a child process; a crash or hang becomes a finding, never an exception."""
    args = [sys.executable, "-m", "kiosk.core.check_worker", str(root)]
    if pinned:
        args.append(json.dumps({k: str(v) for k, v in pinned.items()}))
    try:
        out = subprocess.run(args, capture_output=True, timeout=timeout_s)
    except subprocess.TimeoutExpired:
        return _failed(root, f"the content check took longer than {timeout_s:.0f} s and was stopped")
    except OSError as exc:
        return _failed(root, f"the content check could not start ({exc.strerror or exc})")
    if out.returncode != 0:
        how = f"signal {-out.returncode}" if out.returncode < 0 else f"exit code {out.returncode}"
        tail = out.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        return _failed(root, f"the content check crashed ({how}) {tail[0]}".strip(),
                       hint="a file in the content may crash a decoder: run kiosk validate on it")
    try:
        result = pickle.loads(out.stdout)
    except Exception as exc:  # noqa: BLE001 - a damaged answer is reported, not raised
        return _failed(root, f"the content check answered nothing readable ({exc.__class__.__name__})")
    if not isinstance(result, LoadResult):
        return _failed(root, "the content check answered nothing readable")
    return result


def _failed(root: Path, message: str, hint: str = "") -> LoadResult:
    return LoadResult(Library(root, ()), [Finding(".", None, Severity.ERROR, message, hint)])


if __name__ == "__main__":
    pins = {k: Path(v) for k, v in json.loads(sys.argv[2]).items()} if len(sys.argv) > 2 else None
    result = load_library(Path(sys.argv[1]), media_checks=True, pinned=pins)
    sys.stdout.buffer.write(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
