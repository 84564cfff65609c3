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
