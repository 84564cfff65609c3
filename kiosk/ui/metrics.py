"""Sizes in millimetres on the glass, turned into pixels from the screen's physical DPI.

Touch targets follow the exhibit guidelines (10 mm, with a 60 px floor when the screen does not
know its size; 2 mm between targets); type sizes are given as capital height, the way Section 508
states them (body at least 4.8 mm, about 27 px on a 21.5" 1080p panel).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtGui import QScreen

MM_PER_INCH = 25.4
# A 21.5" 1920x1080 panel: the screen the guideline numbers are written against.
REFERENCE_DPI = 102.5
TARGET_FLOOR_PX = 60
TARGET_MM = 10.0
SPACING_MM = 2.0
# Capital height / font size in DejaVu Sans and similar humanist sans faces.
CAP_HEIGHT_RATIO = 0.73
MIN_CAP_MM = 4.8
# Type with capitals this tall is already large (headings, the title): a visitor's larger text
# makes it grow half as much as body text, so a heading never crowds out the words under it.
LARGE_CAP_MM = 8.0
PLAUSIBLE_DPI = (40.0, 700.0)
# The area the exhibit's layout is drawn for, in pixels at the reference DPI. A classroom window
# smaller than this (on a laptop, or a 1024×768 projector) has every size scaled down to fit it,
# down to MIN_FIT; a kiosk's touchscreen keeps its sizes on the glass (see fitted()).
DESIGN_PX = (1440, 900)
MIN_FIT = 0.6


@dataclass(frozen=True)
class Metrics:
    """Pixel sizes for one screen. ``text_scale`` enlarges type for visitors who ask for it."""

    dpi: float = REFERENCE_DPI
    dpi_known: bool = True
    text_scale: float = 1.0
    fit: float = 1.0  # below 1: shrunk to a small classroom window (fitted())

    @classmethod
    def for_screen(cls, screen: QScreen | None, text_scale: float = 1.0) -> Metrics:
        dpi = screen.physicalDotsPerInch() if screen is not None else 0.0
        if not math.isfinite(dpi) or not PLAUSIBLE_DPI[0] <= dpi <= PLAUSIBLE_DPI[1]:
            return cls(REFERENCE_DPI, False, text_scale)
        return cls(dpi, True, text_scale)

    def scaled(self, text_scale: float) -> Metrics:
        return Metrics(self.dpi, self.dpi_known, text_scale, self.fit)

    def fitted(self, width_px: int, height_px: int) -> Metrics:
        """These sizes shrunk so the exhibit's layout fits a window of this size (never grown).

        For windows read with a mouse, keyboard or remote: sizes on the glass matter for touch,
        so a full-screen kiosk keeps them."""
        needed = self.dpi / REFERENCE_DPI
        fit = min(1.0, width_px / (DESIGN_PX[0] * needed), height_px / (DESIGN_PX[1] * needed))
        if fit >= 1.0:
            return self
        fit = max(MIN_FIT, fit)
        return Metrics(self.dpi * fit, self.dpi_known, self.text_scale, self.fit * fit)

    @property
    def px_per_mm(self) -> float:
        return self.dpi / MM_PER_INCH

    def px(self, mm: float) -> int:
        return max(1, round(mm * self.px_per_mm))

    def target(self, mm: float = TARGET_MM) -> int:
        """A touch target's smaller side: ``mm`` on the glass, never under 60 px (scaled with
        the rest in a fitted classroom window)."""
        return max(round(TARGET_FLOOR_PX * self.fit), self.px(mm))

    @property
    def spacing(self) -> int:
        return max(8, self.px(SPACING_MM))

    def font_px(self, cap_mm: float) -> int:
        """Font pixel size whose capital letters are ``cap_mm`` tall (never under 4.8 mm)."""
        scale = self.text_scale
        if cap_mm >= LARGE_CAP_MM:
            scale = 1 + (scale - 1) / 2
        cap = max(MIN_CAP_MM, cap_mm) * scale
        return round(cap * self.px_per_mm / CAP_HEIGHT_RATIO)

    def placeholders(self) -> dict[str, int]:
        """The values the QSS template's ``${name}`` placeholders are filled with."""
        return {
            "caption": self.font_px(4.8),
            "body": self.font_px(5.4),
            "item": self.font_px(6.0),
            "button": self.font_px(6.0),
            "heading": self.font_px(8.5),
            "display": self.font_px(17.0),
            "countdown": self.font_px(24.0),
            "target": self.target(),
            "target_large": self.target(14),
            # The reader's narrow button column: a target, or wider when A+ makes "A+" wider.
            "reader_button": max(self.target(), round(self.font_px(6.0) * 1.9)),
            "key": self.target(16),
            "gap": self.spacing,
            "pad": self.px(4),
            "margin": self.px(8),
            "radius": self.px(2),
            "border": max(2, self.px(0.6)),
            "bar": max(4, self.px(1.5)),
            "card": self.px(120),
        }
