"""The theme in one place: sizes from millimetres, readable type, high contrast."""

from __future__ import annotations

import re

import pytest

from kiosk.ui.metrics import TARGET_FLOOR_PX, Metrics
from kiosk.ui.theme import PALETTE, TEXT_PAIRS, color, contrast_ratio, stylesheet


def test_targets_are_10_mm_with_a_60_px_floor() -> None:
    """A 10 mm target on a dense screen is 10 mm; an unknown screen gets the 60 px floor."""
    dense = Metrics(254.0)
    assert dense.target() == 100
    assert Metrics(96.0, dpi_known=False).target() == TARGET_FLOOR_PX
    assert Metrics(102.5).target() >= 60


def test_implausible_dpi_is_treated_as_unknown() -> None:
    """A screen reporting nonsense DPI falls back to the reference screen and the floor."""

    class FakeScreen:
        def physicalDotsPerInch(self) -> float:  # noqa: N802 - Qt's name
            return 0.0

    m = Metrics.for_screen(FakeScreen())  # type: ignore[arg-type]
    assert not m.dpi_known and m.target() == TARGET_FLOOR_PX


def test_body_text_meets_the_capital_height_minimum() -> None:
    """On a 21.5" 1080p panel no text is under ~27 px (4.8 mm capital height)."""
    sizes = Metrics(102.5).placeholders()
    for name in ("caption", "body", "item", "button", "heading", "display"):
        assert sizes[name] >= 26, name
    assert sizes["body"] > sizes["caption"]


def test_stylesheet_has_every_placeholder_filled() -> None:
    """The QSS template is filled completely: no ${...} left, sizes in pixels."""
    qss = stylesheet(Metrics(102.5))
    assert "${" not in qss
    assert re.search(r"font-size: \d+px", qss)


@pytest.mark.parametrize("fg,bg", TEXT_PAIRS)
def test_text_colours_reach_7_to_1(fg: str, bg: str) -> None:
    """Every text colour on the background it is used on reaches WCAG AAA (7:1)."""
    assert contrast_ratio(color(fg), color(bg)) >= 7.0, (fg, bg)


def test_no_glaring_white_background() -> None:
    """Backgrounds are dark and warm, never pure white."""
    for name in ("bg", "surface", "raised"):
        assert PALETTE[name].lower() not in ("#fff", "#ffffff")
        assert color(name).lightnessF() < 0.3


# -- every palette (issue 8: high contrast) ----------------------------------------------------
from kiosk.ui.charts.style import REFERENCE_COLOUR, SERIES_COLOURS  # noqa: E402
from kiosk.ui.theme import HIGH_CONTRAST, PALETTES  # noqa: E402
from PySide6.QtGui import QColor  # noqa: E402

PAIRS = [(name, fg, bg) for name in PALETTES for fg, bg in TEXT_PAIRS]


@pytest.mark.parametrize("theme,fg,bg", PAIRS)
def test_every_theme_reaches_7_to_1(theme: str, fg: str, bg: str) -> None:
    """Every text pair of every theme reaches 7:1 (WCAG AAA; 4.5:1 is the floor)."""
    colours = PALETTES[theme]
    assert contrast_ratio(QColor(colours[fg]), QColor(colours[bg])) >= 7.0, (theme, fg, bg)


def test_high_contrast_is_stronger_than_standard() -> None:
    """High contrast is black and white with yellow: body text near 21:1, beyond the standard."""
    for fg, bg in TEXT_PAIRS:
        hc = contrast_ratio(QColor(HIGH_CONTRAST[fg]), QColor(HIGH_CONTRAST[bg]))
        assert hc >= 10.0, (fg, bg)
    assert contrast_ratio(QColor(HIGH_CONTRAST["text"]), QColor(HIGH_CONTRAST["bg"])) == pytest.approx(21.0)


@pytest.mark.parametrize("theme", list(PALETTES))
def test_chart_colours_stand_out_in_every_theme(theme: str) -> None:
    """Series and reference colours keep 4.5:1 on the plot background and 3:1 on panels."""
    colours = PALETTES[theme]
    for colour in (*SERIES_COLOURS, REFERENCE_COLOUR):
        assert contrast_ratio(QColor(colour), QColor(colours["bg"])) >= 4.5, (theme, colour)
        assert contrast_ratio(QColor(colour), QColor(colours["surface"])) >= 3.0, (theme, colour)


@pytest.mark.parametrize("theme", list(PALETTES))
def test_every_theme_fills_the_stylesheet(theme: str) -> None:
    """The QSS template is complete in every theme, and no theme has a white background."""
    qss = stylesheet(Metrics(102.5, text_scale=1.4), PALETTES[theme])
    assert "${" not in qss
    for name in ("bg", "surface", "raised"):
        assert QColor(PALETTES[theme][name]).lightnessF() < 0.3


def test_larger_text_grows_body_more_than_headings() -> None:
    """A+ enlarges body text by its full step and headings by half, never below 4.8 mm."""
    base, large = Metrics(102.5).placeholders(), Metrics(102.5, text_scale=1.4).placeholders()
    assert large["body"] == pytest.approx(base["body"] * 1.4, abs=1)
    assert large["heading"] == pytest.approx(base["heading"] * 1.2, abs=1)
    assert large["target"] == base["target"]  # touch targets are millimetres, not text
