"""The staff PIN's rules, without Qt: five wrong tries lock entry for a minute (injected clock)."""

from __future__ import annotations

import enum
import math
import time
from collections.abc import Callable

MAX_TRIES = 5
LOCKOUT_S = 60.0


class PinResult(enum.Enum):
    ACCEPTED = "accepted"
    WRONG = "wrong"
    LOCKED = "locked"


class PinGate:
    def __init__(
        self,
        verify: Callable[[str], bool],
        *,
        clock: Callable[[], float] = time.monotonic,
        max_tries: int = MAX_TRIES,
        lockout_s: float = LOCKOUT_S,
    ) -> None:
        self._verify = verify
        self._clock = clock
        self._max_tries = max_tries
        self._lockout_s = lockout_s
        self._failures = 0
        self._locked_until = -math.inf

    def try_pin(self, pin: str) -> PinResult:
        if self.locked_for_s() > 0:
            return PinResult.LOCKED
        if self._verify(pin):
            self._failures = 0
            return PinResult.ACCEPTED
        self._failures += 1
        if self._failures >= self._max_tries:
            self._failures = 0
            self._locked_until = self._clock() + self._lockout_s
            return PinResult.LOCKED
        return PinResult.WRONG

    def tries_left(self) -> int:
        return self._max_tries - self._failures

    def locked_for_s(self) -> int:
        """Whole seconds until entry opens again (0 when it is open)."""
        left = self._locked_until - self._clock()
        return math.ceil(left) if left > 0 else 0
