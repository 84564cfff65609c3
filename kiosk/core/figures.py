"""Reading figures as staff type them, and saying so when one can be read two ways.

`446089`, `446 089`, `1,234,567`, `1.234.567`, `68.9`, `68,9`, `1,234.5` and `1.234,5` each mean
one number. `1,234` and `1.234` do not: a comma or a point followed by exactly three digits is a
thousands separator in one convention and a decimal mark in the other. The rest of the column
decides (docs/content.md, "Figures that can be read two ways"):

* the same mark used between thousands elsewhere (`1,234,567`, `1,234.5`), or the other mark
  used as the decimal mark elsewhere (`68.9` beside `1,234`), makes it a thousands separator;
* otherwise the figure is read the English way (`1,234` = 1234, `1.234` = 1.234) and staff get
  a warning with both readings, so a figure is never silently a thousand times off.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_SPACES = ("\u00a0", "\u202f", " ")
_GROUPED = {  # thousands groups with mark M, and optionally a decimal part with the other mark
    ",": re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$"),
    ".": re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$"),
}
_DECIMAL = {",": re.compile(r"^[+-]?\d*,\d+$"), ".": re.compile(r"^[+-]?\d*\.\d+$")}
_AMBIGUOUS = re.compile(r"^[+-]?\d{1,3}[.,]\d{3}$")
_OTHER = {",": ".", ".": ","}


@dataclass(frozen=True)
class Figure:
    value: float
    unit: str = ""
    other: float | None = None  # the second reading of an ambiguous figure

    @property
    def ambiguous(self) -> bool:
        return self.other is not None


@dataclass(frozen=True)
class ColumnMarks:
    """How the unambiguous figures of one column use `,` and `.`."""

    thousands: frozenset[str] = frozenset()
    decimal: frozenset[str] = frozenset()

    @classmethod
    def of(cls, texts: Iterable[str]) -> ColumnMarks:
        thousands: set[str] = set()
        decimal: set[str] = set()
        for text in texts:
            t, _ = _normalise(text)
            if _AMBIGUOUS.match(t):
                continue
            for mark in (",", "."):
                if _GROUPED[mark].match(t):
                    thousands.add(mark)
                    if _OTHER[mark] in t:
                        decimal.add(_OTHER[mark])
                elif _DECIMAL[mark].match(t):
                    decimal.add(mark)
        return cls(frozenset(thousands), frozenset(decimal))

    def settles_as_thousands(self, mark: str) -> bool:
        return mark in self.thousands or _OTHER[mark] in self.decimal


def _normalise(text: str) -> tuple[str, str]:
    t = text.strip()
    for space in _SPACES:
        t = t.replace(space, "")
    unit = ""
    if t.endswith("%"):
        t, unit = t[:-1], "%"
    if t.startswith(("≈", "~")):
        t = t[1:]
    return t, unit


def _finite(value: float) -> float | None:
    return None if value != value or value in (float("inf"), float("-inf")) else value


def read_figure(text: str, column: ColumnMarks = ColumnMarks()) -> Figure | None:
    """One figure as staff typed it, or None when it is not a number."""
    t, unit = _normalise(text)
    if _AMBIGUOUS.match(t):
        mark = "," if "," in t else "."
        thousands = float(t.replace(mark, ""))
        decimal = float(t.replace(mark, "."))
        if column.settles_as_thousands(mark) or thousands == decimal:  # 0,000 is 0 either way
            return Figure(thousands, unit)
        english = thousands if mark == "," else decimal
        return Figure(english, unit, decimal if mark == "," else thousands)
    for mark in (",", "."):
        if _GROUPED[mark].match(t):
            t = t.replace(mark, "").replace(_OTHER[mark], ".")
            break
    else:
        if _DECIMAL[","].match(t):
            t = t.replace(",", ".")
    try:
        value = _finite(float(t))
    except ValueError:
        return None
    return None if value is None else Figure(value, unit)
