"""Figures and dates written the visitor's way, without Qt."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.datetext import format_date
from kiosk.core.numbers import NBSP, format_number, format_value
from kiosk.core.series import parse_number


def test_english_groups_with_commas() -> None:
    """446089 is 446,089 in English; decimals keep a point."""
    assert format_number(446089, "en") == "446,089"
    assert format_number(1_000_000, "en") == "1,000,000"
    assert format_number(68.9, "en") == "68.9"


def test_russian_groups_with_no_break_spaces() -> None:
    """446089 is 446 089 in Russian (no-break space), and 68.9 is 68,9."""
    assert format_number(446089, "ru") == f"446{NBSP}089"
    assert format_number(68.9, "ru") == "68,9"


def test_values_carry_unit_and_approximation() -> None:
    """Percentages and approximate figures read naturally in each language."""
    assert format_value(68.9, "en", "%") == "68.9%"
    assert format_value(68.9, "ru", "%") == f"68,9{NBSP}%"
    assert format_value(1_000_000, "en", approximate=True) == f"≈{NBSP}1,000,000"


def test_unknown_language_falls_back_to_english() -> None:
    """A language without its own rules is written the English way."""
    assert format_number(241600, "xx") == "241,600"


@given(st.integers(min_value=-10**12, max_value=10**12), st.sampled_from(["en", "ru", "de", "fr"]))
def test_formatted_numbers_read_back(value: int, language: str) -> None:
    """What the kiosk writes, the staff-side number parser reads back as the same figure."""
    text = format_number(value, language).replace("−", "-")
    if language in ("de",):
        text = text.replace(".", "")
    parsed = parse_number(text)
    assert parsed is not None and parsed[0] == value


def test_dates_are_as_precise_as_the_source() -> None:
    """A day, a month or a year, never more precise than the source wrote it."""
    assert format_date(dt.date(1924, 1, 1), "day", "en") == "1 January 1924"
    assert format_date(dt.date(1926, 1, 1), "month", "en") == "January 1926"
    assert format_date(dt.date(1926, 1, 1), "year", "en") == "1926"
    assert format_date(dt.date(1924, 1, 1), "day", "ru") == "1 января 1924"
    assert format_date(dt.date(1926, 1, 1), "month", "ru") == "январь 1926"
