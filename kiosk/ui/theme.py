"""The kiosk's look, in one place: two palettes and the QSS template in kiosk/resources/.

The template's ``${name}`` placeholders are filled with colours from a palette (the warm
``PALETTE``, or ``HIGH_CONTRAST`` for visitors who ask for it) and pixel sizes from ``Metrics``
(millimetres on the glass, times the visitor's text scale), so the same theme is right on any
screen. ``color()`` and ``palette()`` give custom painting the colours of the theme last applied.

The application carries the sheet of the kiosk's default look, set once at start. A visitor's
A+/A− or contrast puts the sheet for their choice on the kiosk window only, and the idle reset
takes it off again: Qt then restyles the window's widgets alone, not every widget of the
application (hidden menus and popups included), which is several times faster on a tap.
"""

from __future__ import annotations

from importlib import resources
from string import Template

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

from kiosk.ui.metrics import Metrics

# Humanist faces first where a museum installs them; DejaVu (fonts-dejavu-core) always exists.
SANS_FAMILIES: tuple[str, ...] = ("Source Sans 3", "Noto Sans", "Open Sans", "DejaVu Sans")
SERIF_FAMILIES: tuple[str, ...] = ("Source Serif 4", "Noto Serif", "Georgia", "DejaVu Serif")

# A calm, warm, dark theme: no glaring white; every text colour reaches at least 7:1 on the
# backgrounds it is used on (tests/ui/test_theme.py checks the pairs).
PALETTE: dict[str, str] = {
    "bg": "#1b1916",
    "surface": "#25221e",
    "raised": "#302c26",
    "line": "#5a5247",
    "text": "#f2ebdc",
    "muted": "#d2c8b4",
    "accent": "#e3b55c",
    "on_accent": "#1b1916",
    "selected": "#3d3426",
    "scrim": "#e60c0b09",  # #AARRGGBB: the dimmed backdrop behind overlays
    "alert": "#f5b3a5",
}

# For visitors who ask for it: black, white and a strong yellow; every text pair well over 7:1
# (near 20:1 for body text), lines bright enough to see as edges.
HIGH_CONTRAST: dict[str, str] = {
    "bg": "#000000",
    "surface": "#0a0a0a",
    "raised": "#141414",
    "line": "#c8c8c8",
    "text": "#ffffff",
    "muted": "#e8e8e8",
    "accent": "#ffd400",
    "on_accent": "#000000",
    "selected": "#2e2a00",
    "scrim": "#f2000000",
    "alert": "#ffb3a3",
}

PALETTES: dict[str, dict[str, str]] = {"standard": PALETTE, "high_contrast": HIGH_CONTRAST}
_applied: dict[str, dict[str, str]] = {"palette": PALETTE}  # what apply_theme last set
_app_look: dict[str, tuple[int, bool]] = {}  # the (type size, contrast) of the application's sheet

# (foreground, background) pairs that carry text, for the contrast test.
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("text", "bg"),
    ("muted", "bg"),
    ("text", "surface"),
    ("muted", "surface"),
    ("text", "raised"),
    ("muted", "raised"),
    ("accent", "bg"),
    ("accent", "surface"),
    ("on_accent", "accent"),
    ("text", "selected"),
    ("muted", "selected"),
    ("alert", "raised"),
)


def _families(names: tuple[str, ...]) -> str:
    return ", ".join(f'"{n}"' for n in names)


def palette() -> dict[str, str]:
    """The palette of the theme applied now (standard or high contrast)."""
    return _applied["palette"]


def stylesheet(metrics: Metrics, colours: dict[str, str] | None = None) -> str:
    """The application style sheet for one screen's metrics, in ``colours`` (default: standard)."""
    template = resources.files("kiosk.resources").joinpath("kiosk.qss").read_text("utf-8")
    values: dict[str, object] = dict(metrics.placeholders())
    values.update(colours if colours is not None else PALETTE)
    values["sans"] = _families(SANS_FAMILIES)
    values["serif"] = _families(SERIF_FAMILIES)
    return Template(template).substitute(values)


class KioskStyle(QProxyStyle):
    """Layout spacing and margins from millimetres, so controls keep 2 mm apart on any screen."""

    def __init__(self, metrics: Metrics) -> None:
        super().__init__("Fusion")
        self._spacing = metrics.spacing
        self._margin = metrics.px(4)

    def pixelMetric(
        self, metric: QStyle.PixelMetric, option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        if metric in (QStyle.PixelMetric.PM_LayoutHorizontalSpacing,
                      QStyle.PixelMetric.PM_LayoutVerticalSpacing):
            return self._spacing
        if metric in (QStyle.PixelMetric.PM_LayoutLeftMargin, QStyle.PixelMetric.PM_LayoutRightMargin,
                      QStyle.PixelMetric.PM_LayoutTopMargin, QStyle.PixelMetric.PM_LayoutBottomMargin):
            return self._margin
        return super().pixelMetric(metric, option, widget)


def apply_theme(app: QApplication, metrics: Metrics, *, high_contrast: bool = False) -> None:
    """Set the style, application font and style sheet (once at start)."""
    app.setStyle(KioskStyle(metrics))
    apply_appearance(app, metrics, high_contrast=high_contrast)


def apply_appearance(app: QApplication, metrics: Metrics, *, high_contrast: bool = False) -> None:
    """Set the font and style sheet for a text scale and contrast (a visitor's A+, or idle).

    The style (spacing in millimetres) does not depend on either, so it is left alone."""
    colours = HIGH_CONTRAST if high_contrast else PALETTE
    _applied["palette"] = colours
    _app_look["look"] = (metrics.font_px(5.2), high_contrast)
    app.setFont(body_font(metrics))
    app.setStyleSheet(stylesheet(metrics, colours))


def apply_window_appearance(window: QWidget, metrics: Metrics, *, high_contrast: bool = False) -> None:
    """A visitor's text scale and contrast on ``window`` alone (see the module's note); the
    application's own look needs no sheet of its own on the window."""
    colours = HIGH_CONTRAST if high_contrast else PALETTE
    _applied["palette"] = colours
    if _app_look.get("look") == (metrics.font_px(5.2), high_contrast):
        window.setFont(QFont())  # an empty font: inherit the application's again
        window.setStyleSheet("")  # after the font: the sheet's own font sizes are applied last
        return
    window.setFont(body_font(metrics))
    window.setStyleSheet(stylesheet(metrics, colours))


def body_font(metrics: Metrics) -> QFont:
    font = QFont()
    font.setFamilies(list(SANS_FAMILIES))
    font.setPixelSize(metrics.font_px(5.2))
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def color(name: str) -> QColor:
    """A colour of the applied palette, for custom painting (the attract loop, list rows)."""
    return QColor(palette()[name])


def relative_luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast_ratio(a: QColor, b: QColor) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
