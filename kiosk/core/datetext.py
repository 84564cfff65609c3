"""Dates written as precisely as the source gives them, in the visitor's language.

A figure dated ``1926-01`` is "January 1926", never "1 January 1926": the kiosk must not claim
more precision than the source has.
"""

from __future__ import annotations

import datetime as dt

_MONTHS: dict[str, tuple[str, ...]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    # Nominative, for "January 1926" (январь 1926)
    "ru": ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
           "октябрь", "ноябрь", "декабрь"),
}
# Genitive, for "1 January 1924" (1 января 1924)
_MONTHS_GENITIVE: dict[str, tuple[str, ...]] = {
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
           "октября", "ноября", "декабря"),
}
_SHORT: dict[str, tuple[str, ...]] = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "ru": ("янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"),
}


def month_name(month: int, language: str, *, genitive: bool = False, short: bool = False) -> str:
    if short:
        return _SHORT.get(language, _SHORT["en"])[month - 1]
    if genitive and language in _MONTHS_GENITIVE:
        return _MONTHS_GENITIVE[language][month - 1]
    return _MONTHS.get(language, _MONTHS["en"])[month - 1]


def format_date(date: dt.date, precision: str, language: str) -> str:
    """``1 January 1924``, ``January 1926`` or ``1924`` (``1 января 1924``, ``январь 1926``)."""
    if precision == "year":
        return str(date.year)
    if precision == "month":
        return f"{month_name(date.month, language)} {date.year}"
    return f"{date.day} {month_name(date.month, language, genitive=True)} {date.year}"


def months_between(a: dt.date, b: dt.date) -> int:
    return (b.year - a.year) * 12 + (b.month - a.month)
