"""Idle arithmetic: when the "Still there?" warning starts, what it shows, when the visit ends.

Pure functions of "seconds since the last touch" on a monotonic clock, so a wall-clock jump can
neither trigger nor delay a reset. The Qt service (kiosk.ui.idle_watcher) only asks these.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass

DEFAULT_TIMEOUT_S = 90.0
DEFAULT_WARNING_S = 20.0
# Below this timeout the warning takes the last third instead of a fixed number of seconds.
SHORT_TIMEOUT_S = 60.0


class Phase(enum.Enum):
    BROWSING = "browsing"
    WARNING = "warning"
    EXPIRED = "expired"
    DISABLED = "disabled"


@dataclass(frozen=True)
class IdleState:
    phase: Phase
    seconds_left: int  # whole seconds until the reset, rounded up; 0 when expired or disabled


def effective_timeout(flag_s: float | None, subject_s: float | None) -> float:
    """The settings/flag value wins, then the subject's own, then the default. 0 disables."""
    if flag_s is not None:
        return max(0.0, flag_s)
    if subject_s is not None and subject_s > 0:
        return subject_s
    return DEFAULT_TIMEOUT_S


def warning_seconds(timeout_s: float, warning_s: float = DEFAULT_WARNING_S) -> float:
    """How long the countdown shows before the reset."""
    if timeout_s <= 0:
        return 0.0
    if timeout_s < SHORT_TIMEOUT_S:
        return timeout_s / 3.0
    return min(warning_s, timeout_s)


@dataclass(frozen=True)
class IdleSchedule:
    timeout_s: float
    warning_s: float = DEFAULT_WARNING_S

    @property
    def enabled(self) -> bool:
        return self.timeout_s > 0

    @property
    def warning_at_s(self) -> float:
        return self.timeout_s - warning_seconds(self.timeout_s, self.warning_s)

    def state(self, idle_for_s: float) -> IdleState:
        if not self.enabled:
            return IdleState(Phase.DISABLED, 0)
        idle_for_s = max(0.0, idle_for_s)
        left = self.timeout_s - idle_for_s
        if left <= 0:
            return IdleState(Phase.EXPIRED, 0)
        phase = Phase.WARNING if idle_for_s >= self.warning_at_s else Phase.BROWSING
        return IdleState(phase, math.ceil(left - 1e-9))

    def next_check_s(self, idle_for_s: float) -> float | None:
        """Seconds until the state next changes (phase or the visible countdown); None if never."""
        if not self.enabled:
            return None
        idle_for_s = max(0.0, idle_for_s)
        if idle_for_s < self.warning_at_s:
            return self.warning_at_s - idle_for_s
        left = self.timeout_s - idle_for_s
        if left <= 0:
            return None
        # The countdown changes when `left` crosses the next whole second below it.
        step = left - math.floor(left - 1e-9)
        return min(step, left) if step > 1e-9 else 1.0
