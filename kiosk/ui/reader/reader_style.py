"""The article's own style sheet (a QTextDocument's CSS, not the widget QSS): type sizes from the
screen's DPI, generous line and paragraph spacing, and the kiosk's colours.

Kept beside the reader because QTextDocument CSS is a different language from QSS; the colours
and families still come from kiosk.ui.theme.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetricsF

from kiosk.ui.metrics import Metrics
from kiosk.ui.theme import SANS_FAMILIES, SERIF_FAMILIES, palette

BODY_CAP_MM = 5.4
# A−/A+ steps, as factors of the body size; the second is the default. The smallest still keeps
# capitals above the 4.8 mm floor.
TEXT_SCALES: tuple[float, ...] = (0.9, 1.0, 1.15, 1.3, 1.5)
DEFAULT_STEP = 1
MEASURE_CHARS = 52  # characters per line: the middle of the 45–55 range
LINE_HEIGHT_PERCENT = 155
_SAMPLE = ("In 1924 and 1925 the party opened its doors to factory workers, and within two "
           "years membership had more than doubled. ")


def body_px(metrics: Metrics, step: int) -> int:
    return metrics.font_px(BODY_CAP_MM * TEXT_SCALES[step])


def body_font(px: int) -> QFont:
    font = QFont()
    font.setFamilies(list(SANS_FAMILIES))
    font.setPixelSize(px)
    return font


def column_width(px: int) -> int:
    """A column of about MEASURE_CHARS characters of ordinary text at this size."""
    fm = QFontMetricsF(body_font(px))
    per_char = fm.horizontalAdvance(_SAMPLE) / len(_SAMPLE)
    return round(per_char * MEASURE_CHARS)


def _families(names: tuple[str, ...]) -> str:
    return ", ".join(f"'{n}'" for n in names)


def document_css(px: int) -> str:
    para = round(px * 0.9)
    PALETTE = palette()  # noqa: N806 - the applied theme's colours (standard or high contrast)
    return f"""
body {{ color: {PALETTE['text']}; font-family: {_families(SANS_FAMILIES)}; font-size: {px}px; }}
p {{ margin-top: 0px; margin-bottom: {para}px; line-height: {LINE_HEIGHT_PERCENT}%; }}
li {{ margin-bottom: {para // 2}px; line-height: {LINE_HEIGHT_PERCENT}%; }}
ul, ol {{ margin-top: 0px; margin-bottom: {para}px; }}
h1, h2, h3, h4, h5, h6 {{ font-family: {_families(SERIF_FAMILIES)}; font-weight: 700;
    color: {PALETTE['text']}; margin-top: {round(px * 1.1)}px; margin-bottom: {para // 2}px; }}
h1 {{ font-size: {round(px * 1.45)}px; }}
h2 {{ font-size: {round(px * 1.3)}px; }}
h3, h4, h5, h6 {{ font-size: {round(px * 1.12)}px; }}
blockquote {{ color: {PALETTE['muted']}; font-style: italic; margin-left: {px}px;
    margin-right: 0px; margin-bottom: {para}px; }}
code {{ font-family: 'DejaVu Sans Mono'; }}
a.inert {{ color: {PALETTE['text']}; text-decoration: none; }}
a.internal {{ color: {PALETTE['accent']}; text-decoration: underline; }}
span.missing {{ color: {PALETTE['muted']}; font-style: italic; }}
"""
