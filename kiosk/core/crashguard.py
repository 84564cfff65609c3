"""Crash-loop guard: after repeated crashes the kiosk starts in safe mode on the last good content.

A run marks itself "running" at start and clears the mark on a clean exit; a start that finds the
mark still set counts the previous run as a crash. Wall-clock time is used on purpose: crashes
must be counted across restarts and reboots, where a monotonic clock starts again.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

CRASH_LIMIT = 3
CRASH_WINDOW_S = 600.0
GOOD_AFTER_S = 300.0  # a run that stays up this long marks its content as good


@dataclass
class GuardState:
    running_since: float | None = None
    crashes: list[float] = field(default_factory=list)
    last_good: dict[str, str] = field(default_factory=dict)  # subject id -> version folder
    last_good_at: float | None = None


def default_state_file() -> Path:
    from platformdirs import user_state_dir

    return Path(user_state_dir("exhibit-kiosk")) / "crash-guard.json"


class CrashGuard:
    def __init__(self, state_file: Path, clock: Callable[[], float] = time.time) -> None:
        self.state_file = state_file
        self.clock = clock
        self.state = self._load()
        self.safe_mode = False

    def _load(self) -> GuardState:
        try:
            raw = json.loads(self.state_file.read_text(encoding="utf-8"))
            return GuardState(raw.get("running_since"), [float(x) for x in raw.get("crashes", [])],
                              {str(k): str(v) for k, v in raw.get("last_good", {}).items()}, raw.get("last_good_at"))
        except (OSError, ValueError, TypeError, AttributeError):
            return GuardState()

    def _save(self) -> None:
        self.state_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.state_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.state.__dict__), encoding="utf-8")
        os.replace(tmp, self.state_file)

    def starting(self) -> bool:
        """Record a start; True when the kiosk should come up in safe mode."""
        now = self.clock()
        if self.state.running_since is not None:
            self.state.crashes.append(now)
        self.state.crashes = [t for t in self.state.crashes if now - t <= CRASH_WINDOW_S]
        self.state.running_since = now
        self._save()
        self.safe_mode = len(self.state.crashes) >= CRASH_LIMIT
        return self.safe_mode

    def mark_good(self, content: Mapping[str, str]) -> None:
        """Remember the content this run has shown without crashing (called after GOOD_AFTER_S)."""
        self.state.last_good = dict(content)
        self.state.last_good_at = self.clock()
        self._save()

    def clean_exit(self) -> None:
        self.state.running_since = None
        self._save()

    @property
    def recent_crashes(self) -> int:
        return len(self.state.crashes)
