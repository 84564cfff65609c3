"""Chart colours and sizes: readable on the dark theme from two metres, safe for colour blindness."""

from __future__ import annotations

from PySide6.QtGui import QColor

from kiosk.ui.charts.style import PLOT_BACKGROUND, REFERENCE_COLOUR, SERIES_COLOURS, ChartStyle
from kiosk.ui.metrics import Metrics
from kiosk.ui.theme import PALETTE, contrast_ratio


def test_series_colours_stand_out_on_the_plot_and_panels() -> None:
    """Every series colour (also used for value labels) reaches 4.5:1 on the plot background,
    and the reference-line colour too."""
    for colour in (*SERIES_COLOURS, REFERENCE_COLOUR):
        assert contrast_ratio(QColor(colour), QColor(PLOT_BACKGROUND)) >= 4.5, colour
        assert contrast_ratio(QColor(colour), QColor(PALETTE["surface"])) >= 3.0, colour


def test_series_colours_are_okabe_ito() -> None:
    """The series palette is drawn from the Okabe–Ito colour-blind-safe set, all distinct."""
    okabe_ito = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}
    assert set(SERIES_COLOURS) <= okabe_ito and len(set(SERIES_COLOURS)) == len(SERIES_COLOURS)


def test_chart_type_and_lines_grow_with_the_screen() -> None:
    """Tick labels are at least body-text size (4.8 mm capitals); lines and markers scale with DPI."""
    small, large = ChartStyle.for_metrics(Metrics(96)), ChartStyle.for_metrics(Metrics(200))
    assert small.tick_px >= Metrics(96).font_px(4.8)
    assert large.tick_px > small.tick_px and large.line_px > small.line_px
    assert large.marker_px > small.marker_px and small.touch_px >= 60
