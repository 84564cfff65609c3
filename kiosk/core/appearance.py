"""What a visitor may change about how the kiosk looks, and what it goes back to at idle.

Text size (a global scale on every type size), high contrast, and "low reach" (every control
in the lower part of the screen). Qt-free: a plain value the window holds and hands to its
screens; the idle reset puts back the kiosk's default (from the settings).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

# The visitor's A−/A+ steps, as factors on every type size. The default is the smallest: it
# already meets the 4.8 mm capital-height floor, so nothing may go below it.
TEXT_SCALES: tuple[float, ...] = (1.0, 1.2, 1.4)


@dataclass(frozen=True)
class Appearance:
    text_step: int = 0
    high_contrast: bool = False
    low_reach: bool = False

    @property
    def text_scale(self) -> float:
        return TEXT_SCALES[self.text_step]

    @property
    def can_grow(self) -> bool:
        return self.text_step < len(TEXT_SCALES) - 1

    @property
    def can_shrink(self) -> bool:
        return self.text_step > 0

    def larger(self) -> Appearance:
        return replace(self, text_step=min(self.text_step + 1, len(TEXT_SCALES) - 1))

    def smaller(self) -> Appearance:
        return replace(self, text_step=max(self.text_step - 1, 0))

    def with_contrast(self, high: bool) -> Appearance:
        return replace(self, high_contrast=high)

    def with_low_reach(self, low: bool) -> Appearance:
        return replace(self, low_reach=low)
