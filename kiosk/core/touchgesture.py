"""Telling a swipe from a tap and a double tap, and the scale of a pinch: the viewer's gestures.

Plain numbers in, decisions out, so the thresholds are tested without a touch screen.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

DOUBLE_TAP_S = 0.35
SWIPE_MIN_FRACTION = 0.12  # of the viewport's width
SWIPE_DIRECTION_RATIO = 1.5  # horizontal travel must exceed vertical travel this many times


@dataclass(frozen=True)
class Stroke:
    """One finger from touch-down to lift-off, in viewport pixels."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def dx(self) -> float:
        return self.x1 - self.x0

    @property
    def dy(self) -> float:
        return self.y1 - self.y0

    @property
    def distance(self) -> float:
        return math.hypot(self.dx, self.dy)


def swipe_step(stroke: Stroke, view_w: float, min_px: float) -> int:
    """+1 for the next picture (finger moved left), −1 for the previous one, 0 for no swipe."""
    threshold = max(min_px, view_w * SWIPE_MIN_FRACTION)
    if abs(stroke.dx) < threshold or abs(stroke.dx) < SWIPE_DIRECTION_RATIO * abs(stroke.dy):
        return 0
    return 1 if stroke.dx < 0 else -1


def is_tap(stroke: Stroke, slop_px: float) -> bool:
    return stroke.distance <= slop_px


class TapTracker:
    """Recognises a second tap close in time and place to the first."""

    def __init__(self, interval_s: float = DOUBLE_TAP_S) -> None:
        self.interval_s = interval_s
        self._last: tuple[float, float, float] | None = None

    def tap(self, x: float, y: float, now: float, slop_px: float) -> bool:
        """Record a tap; True when it completes a double tap."""
        last = self._last
        if last is not None and now - last[2] <= self.interval_s \
                and math.hypot(x - last[0], y - last[1]) <= slop_px * 2:
            self._last = None
            return True
        self._last = (x, y, now)
        return False

    def reset(self) -> None:
        self._last = None


def pinch_factor(start_distance: float, distance: float) -> float:
    """How much two fingers have spread (>1) or closed (<1) since they touched down."""
    if start_distance <= 1.0:
        return 1.0
    return max(0.05, distance / start_distance)
