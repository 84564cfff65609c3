"""How charts look, in one place: sizes from the screen's millimetres, colours from the theme.

pyqtgraph items cannot be styled with QSS, so their fonts, pens and colours come from here;
the Qt widgets around the plot (callout, key, buttons) are styled in kiosk.qss.

Series colours are the Okabe–Ito palette, which stays distinct for the common kinds of colour
blindness, in an order that keeps every colour at least 4.5:1 against the dark plot background
(tests/ui/test_charts_style.py checks it).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont

from kiosk.ui.metrics import Metrics
from kiosk.ui.theme import PALETTE, SANS_FAMILIES, palette

# Okabe & Ito (2008), without their dark blue, which is too dark on this background.
SERIES_COLOURS: tuple[str, ...] = (
    "#56B4E9",  # sky blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#F0E442",  # yellow
    "#CC79A7",  # reddish purple
    "#D55E00",  # vermillion
)
REFERENCE_COLOUR = "#F0E442"  # Okabe–Ito yellow: target lines
PLOT_BACKGROUND = PALETTE["bg"]  # in the standard theme; plot_background() follows the theme


def plot_background() -> str:
    """The plot's background: the applied theme's page colour (both themes are dark)."""
    return palette()["bg"]


@dataclass(frozen=True)
class ChartStyle:
    """Pixel sizes for one screen."""

    tick_px: int
    label_px: int
    value_px: int
    line_px: int
    axis_px: int
    marker_px: int
    touch_px: int
    gap_px: int

    @classmethod
    def for_metrics(cls, metrics: Metrics) -> ChartStyle:
        return cls(
            tick_px=metrics.font_px(4.8),
            label_px=metrics.font_px(5.2),
            value_px=metrics.font_px(6.5),
            line_px=max(3, metrics.px(1.4)),
            axis_px=max(2, metrics.px(0.5)),
            marker_px=max(14, metrics.px(6.0)),
            touch_px=metrics.target(),
            gap_px=metrics.spacing,
        )

    def font(self, px: int, *, bold: bool = False) -> QFont:
        font = QFont()
        font.setFamilies(list(SANS_FAMILIES))
        font.setPixelSize(px)
        if bold:
            font.setWeight(QFont.Weight.Bold)
        return font


def series_colour(index: int) -> QColor:
    return QColor(SERIES_COLOURS[index % len(SERIES_COLOURS)])


def theme_colour(name: str) -> QColor:
    return QColor(palette()[name])
