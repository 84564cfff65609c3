"""Running a reliability run in its own process, so a crash is an exit code and not our crash.

The child gets a 1920×1080 offscreen screen, its own config, data, state, cache and log folders
(never the kiosk's real analytics or crash records), and its stderr (the kiosk's log) goes to a
file that is kept when the run fails. Its stdout (progress lines) is passed through.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.bench.offscreen import offscreen_platform
from kiosk.bench.runner import ROOT

XDG_VARS = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")


@dataclass
class ChildRun:
    returncode: int
    data: dict[str, Any] | None  # what the child wrote to its --out file
    workdir: Path
    log: Path
    painted: bool = True  # the kiosk painted its first screen and the driver attached

    @property
    def crashed(self) -> bool:
        return self.returncode < 0 or self.data is None

    def how_it_ended(self) -> str:
        if not self.painted:
            return f"no first paint (killed; {'signal' if self.returncode < 0 else 'exit'} {abs(self.returncode)})"
        if self.returncode < 0:
            try:
                name = signal.Signals(-self.returncode).name
            except ValueError:
                name = f"signal {-self.returncode}"
            return f"killed by {name}"
        return f"exit code {self.returncode}"

    def log_tail(self, lines: int = 25) -> str:
        try:
            return "\n".join(self.log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def cleanup(self) -> None:
        shutil.rmtree(self.workdir, ignore_errors=True)


def child_env(workdir: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    for var in XDG_VARS:
        env[var] = str(workdir / "home" / var.lower())
    env["QT_QPA_PLATFORM"] = offscreen_platform(1920, 1080)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    env["PYTHONFAULTHANDLER"] = "1"  # a crash leaves its Python stack in the log
    env.update(extra or {})
    return env


READY_LINE = "reliability: driver attached"  # printed by harness.KioskRun once the kiosk painted


def run_child(module: str, args: list[str], *, prefix: str, timeout_s: float, echo: bool = True,
              ready_timeout_s: float | None = 90.0) -> ChildRun:
    """Run ``python -m module args --out FILE`` and read FILE. A child that has not printed
    READY_LINE within ``ready_timeout_s`` (the kiosk never painted), or is still running after
    ``timeout_s``, is killed."""
    workdir = Path(tempfile.mkdtemp(prefix=prefix))
    out, log = workdir / "result.json", workdir / "kiosk.log"
    cmd = [sys.executable, "-m", module, *args, "--out", str(out)]
    with log.open("wb") as stderr:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=stderr, env=child_env(workdir),
                                cwd=workdir, text=True)
        assert proc.stdout is not None
        watchdog = threading.Timer(timeout_s, proc.kill)  # a hung child is killed, and says so
        watchdog.start()
        ready = threading.Event()
        started: threading.Timer | None = None
        if ready_timeout_s is not None:
            started = threading.Timer(ready_timeout_s, lambda: None if ready.is_set() else proc.kill())
            started.start()
        try:
            for line in proc.stdout:
                if line.startswith(READY_LINE):
                    ready.set()
                if echo:
                    print(line, end="", flush=True)
            code = proc.wait()
        except BaseException:
            proc.kill()
            proc.wait()
            raise
        finally:
            watchdog.cancel()
            if started is not None:
                started.cancel()
    data = None
    if out.exists():
        try:
            data = json.loads(out.read_text(encoding="utf-8"))
        except ValueError:
            data = None
    return ChildRun(code, data, workdir, log, painted=ready.is_set() or ready_timeout_s is None)
