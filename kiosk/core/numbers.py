"""Figures written the way a visitor reads them in their language: 446,089 or 446 089.

A small table instead of a locale library, so the staff tools and the PNG export give exactly
what the kiosk shows, on any machine, whatever its system locale.
"""

from __future__ import annotations

import math

NBSP = "\u00a0"
NNBSP = "\u202f"  # narrow no-break space (French thousands)

# language -> (thousands separator, decimal separator, space before "%")
_SEPARATORS: dict[str, tuple[str, str, str]] = {
    "en": (",", ".", ""),
    "ru": (NBSP, ",", NBSP),
    "uk": (NBSP, ",", NBSP),
    "pl": (NBSP, ",", NBSP),
    "de": (".", ",", NBSP),
    "fr": (NNBSP, ",", NNBSP),
    "es": (".", ",", NBSP),
    "it": (".", ",", ""),
}
APPROX = "≈"


def separators(language: str) -> tuple[str, str, str]:
    return _SEPARATORS.get(language, _SEPARATORS["en"])


def decimals_for(value: float, most: int = 2) -> int:
    """As few decimals as the figure needs (68.9 keeps one, 446089.0 none), at most ``most``."""
    for d in range(most + 1):
        if math.isclose(value, round(value, d), rel_tol=0.0, abs_tol=10 ** -(most + 2)):
            return d
    return most


def format_number(value: float, language: str, decimals: int | None = None) -> str:
    """``value`` with the language's digit grouping and decimal mark."""
    group, point, _ = separators(language)
    d = decimals_for(value) if decimals is None else decimals
    text = f"{abs(value):,.{d}f}"
    whole, _, frac = text.partition(".")
    out = whole.replace(",", group) + (point + frac if frac else "")
    return ("−" if value < 0 and float(text.replace(",", "")) != 0 else "") + out


def format_value(value: float, language: str, unit: str = "", approximate: bool = False) -> str:
    """A figure as shown on a chart or in a callout: ``≈ 1,000,000``, ``68.9%``, ``68,9 %``."""
    text = format_number(value, language)
    if unit == "%":
        text += separators(language)[2] + "%"
    elif unit:
        text += NBSP + unit
    return f"{APPROX}{NBSP}{text}" if approximate else text
