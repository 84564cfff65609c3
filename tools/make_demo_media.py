"""Regenerate every generated media file of the bundled demo exhibit `assets/lenin-enrollment/`.

Why this exists: no photographs, posters or film of the Lenin Enrollment are available to the
project, yet the demo exhibit must exercise everything real media would (captions, credits, alt
text, posters, subtitles, transcripts, several images, a video with sound and a silent one). So
the demo shows infographics, title cards and two short videos drawn here from the figures in
Lewis Siegelbaum's essay "Lenin Enrollment" (Seventeen Moments in Soviet History, CC BY-SA 4.0).
Keeping the generator in the repository means the demo can be corrected and rebuilt from one
place; exhibit staff replace the results with archival media through the normal content workflow.

Run it from the repository root; no display and no system ffmpeg are needed:

    .venv/bin/python tools/make_demo_media.py

It (re)writes, inside assets/lenin-enrollment/:

* images/*.png, each with its Russian version images/*.ru.png, and images/metadata.csv
* video/membership-story.mp4 (H.264 + quiet AAC pad) and its Russian version .ru.mp4, their
  posters (.jpg, .ru.jpg), English and Russian captions (.vtt, .ru.vtt) and transcripts
  (.txt, .ru.txt)
* video/title-animation.mp4 (H.264, no audio track, so the kiosk labels it silent) and
  .ru.mp4, their posters (.png, .ru.png) and transcripts
* video/metadata.csv

Every word drawn into a picture or a film exists in English and Russian (the kiosk shows a
visitor the version in their language, NAME.ru.png beside NAME.png), so a Russian screen shows
no English except citations. Credits are not drawn into the pictures: each picture's credit,
which says it was made for the demo, is shown once, in its caption (metadata.csv).

Drawing is done with Qt (QPainter on QImage, offscreen platform) in the DejaVu fonts, which cover
Cyrillic; video and audio are encoded with PyAV's bundled FFmpeg. Nothing is random, so a second
run writes identical images, captions and CSV files; the videos are encoded single-threaded with
the bit-exact flags, so on the same PyAV build they come out identical too.

subject.toml, texts/ and data/ are written by hand and are never touched here.
"""

from __future__ import annotations

import csv
import math
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import av  # noqa: E402
import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402
from PySide6.QtCore import QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

ROOT = Path(__file__).resolve().parents[1]
SUBJECT = ROOT / "assets" / "lenin-enrollment"
IMAGES = SUBJECT / "images"
VIDEO = SUBJECT / "video"

# ---------------------------------------------------------------------------------------------
# Figures: every number drawn below comes from here, and every one is stated in the essay
# (see /work/shared/exhibit/FACTS.md). Nothing is computed for display except the counting-up
# animation, which always ends on the stated figure.
# ---------------------------------------------------------------------------------------------
CENSUS_1922_INDUSTRIAL_PCT = 15
CENSUS_1922_WHITE_COLLAR_PCT = 63
RECRUITS_1922_WORKERS_PCT = 12
TARGET_WORKERS = 100_000
MEMBERS_1924_01_01 = 446_089
ENTRANTS_1924_25 = 638_070
WORKER_ENTRANTS_1924_25 = 439_715
WORKER_SHARE_1924_25_PCT = 68.9
MEMBERS_1926_01_APPROX = 1_000_000  # "slightly over one million": always shown as approximate

# ---------------------------------------------------------------------------------------------
# Look: dark warm ground, off-white text, one accent. Contrast of INK on BG is about 15:1,
# MUTED about 8:1 and ACCENT about 6.5:1, so every text passes WCAG 1.4.3 and most 1.4.6.
# ---------------------------------------------------------------------------------------------
BG = QColor("#1d1a16")
PANEL = QColor("#2a251f")
GRID = QColor("#4a4238")
INK = QColor("#f2ece0")
MUTED = QColor("#c4b9a6")
ACCENT = QColor("#e0894f")

W, H = 1920, 1080  # landscape design canvas; video frames are drawn on it, scaled down
PW, PH = 1080, 1350  # portrait design canvas
VIDEO_W, VIDEO_H, FPS = 1280, 720, 25
AUDIO_RATE = 48_000

CREDIT_EN = (
    'Made for the Exhibit Kiosk demo from figures in Lewis Siegelbaum, "Lenin Enrollment", '
    "Seventeen Moments in Soviet History, CC BY-SA 4.0"
)
CREDIT_RU = (
    "Создано для демонстрации Exhibit Kiosk по данным из очерка: Lewis Siegelbaum, "
    '"Lenin Enrollment", Seventeen Moments in Soviet History, CC BY-SA 4.0'
)
MAX_CAPTION_CHARS = 32  # GUIDELINES.md: captions at most 32 characters a line

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf")

Drawer = Callable[[QPainter, float, str], None]  # painter, progress 0..1, language
LANGUAGES = ("en", "ru")
NBSP = "\u00a0"


# =============================================================================================
# Qt setup and small drawing helpers
# =============================================================================================
def start_qt() -> QGuiApplication:
    """Start an offscreen Qt app and load DejaVu from its files, so the look never depends on
    whatever fontconfig would substitute on the machine that runs the script."""
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    for name in FONT_FILES:
        path = next((d / name for d in FONT_DIRS if (d / name).is_file()), None)
        if path is None:
            raise SystemExit(f"font {name} not found (install fonts-dejavu-core)")
        if QFontDatabase.addApplicationFont(str(path)) < 0:
            raise SystemExit(f"Qt could not load {path}")
    return app  # type: ignore[return-value]


def font(px: int, *, bold: bool = False, serif: bool = False) -> QFont:
    """A DejaVu font sized in pixels, so sizes mean the same on every machine's DPI."""
    f = QFont("DejaVu Serif" if serif else "DejaVu Sans")
    f.setPixelSize(px)
    f.setBold(bold)
    f.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return f


def text(
    p: QPainter,
    rect: QRectF,
    s: str,
    f: QFont,
    color: QColor,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
    *,
    wrap: bool = False,
) -> QRectF:
    """Draw `s` inside `rect`, shrinking the font until it fits: text is never clipped.

    Returns the rectangle the text actually occupies, so callers can stack blocks.
    """
    flags = int(align.value) | (int(Qt.TextFlag.TextWordWrap.value) if wrap else 0)
    f = QFont(f)
    start = f.pixelSize()
    while True:
        box = QFontMetricsF(f).boundingRect(rect, flags, s)
        fits = box.width() <= rect.width() + 0.5 and box.height() <= rect.height() + 0.5
        if fits or f.pixelSize() <= 10:
            break
        f.setPixelSize(f.pixelSize() - 1)
    if f.pixelSize() < start * 0.85:
        print(f"  note: shrank {start}px -> {f.pixelSize()}px to fit: {s[:50]!r}", file=sys.stderr)
    p.setFont(f)
    p.setPen(color)
    p.drawText(rect, flags, s)
    return box


def clamp(x: float, lo: float = 0.0, hi: float = 1.0) -> float:
    return max(lo, min(hi, x))


def ease(x: float) -> float:
    """Ease-out cubic: movement that settles, calmer than linear for growing bars."""
    x = clamp(x)
    return 1 - (1 - x) ** 3


def stage(t: float, start: float, length: float) -> float:
    """Progress (0..1) of one step of an animation that runs from `start` for `length`."""
    return clamp((t - start) / length) if length > 0 else float(t >= start)


def with_alpha(c: QColor, a: float) -> QColor:
    out = QColor(c)
    out.setAlphaF(clamp(a))
    return out


def fmt(n: float, lang: str = "en") -> str:
    """A whole figure as each language writes it: 446,089 in English, 446 089 in Russian."""
    out = f"{round(n):,}"
    return out if lang == "en" else out.replace(",", NBSP)


def pct(x: float, lang: str, decimals: int = 0) -> str:
    """A share with its space before %: 68.9 % in English, 68,9 % in Russian."""
    out = f"{x:.{decimals}f}"
    return (out if lang == "en" else out.replace(".", ",")) + NBSP + "%"


def say(lang: str, en: str, ru: str) -> str:
    """The words of a picture in the language it is drawn for."""
    return en if lang == "en" else ru


def fill_background(p: QPainter, w: int, h: int) -> None:
    p.fillRect(QRectF(0, 0, w, h), BG)


def heading(p: QPainter, x: float, y: float, w: float, kicker: str, title: str, size: int = 68) -> float:
    """Kicker in accent capitals over a serif title: the exhibit's label style. Returns bottom y."""
    text(p, QRectF(x, y, w, 44), kicker.upper(), font(28, bold=True), ACCENT)
    box = text(p, QRectF(x, y + 50, w, size * 2.6), title, font(size, bold=True, serif=True), INK, wrap=True)
    return y + 50 + box.height()


def bar(p: QPainter, r: QRectF, *, approximate: bool = False) -> None:
    """A solid accent bar, or, for an approximate figure, a hollow dashed one: the same
    convention the kiosk's charts use, so visitors learn it once."""
    if r.width() <= 0.5 or r.height() <= 0.5:
        return
    if approximate:
        p.setBrush(QBrush(with_alpha(ACCENT, 0.16)))
        pen = QPen(ACCENT, 5, Qt.PenStyle.DashLine)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        p.setPen(pen)
        p.drawRect(r.adjusted(2.5, 2.5, -2.5, -2.5))
    else:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(ACCENT)
        p.drawRect(r)
    p.setBrush(Qt.BrushStyle.NoBrush)


def hline(p: QPainter, x1: float, x2: float, y: float, color: QColor, width: float = 2.0) -> None:
    p.setPen(QPen(color, width))
    p.drawLine(QPointF(x1, y), QPointF(x2, y))


# =============================================================================================
# The pictures. Each draws on the design canvas with a progress `t` (0..1): images use t = 1,
# the videos animate t, so stills and films always agree on the numbers.
# =============================================================================================
def draw_title(p: QPainter, t: float, lang: str) -> None:
    """Title card: the subject and its period; the English card also gives its Russian name."""
    fill_background(p, W, H)
    a = ease(stage(t, 0.0, 0.5))
    p.setOpacity(0.4 * a)
    text(p, QRectF(900, 120, 1000, 520), "1924", font(400, bold=True, serif=True), PANEL, Qt.AlignmentFlag.AlignRight)
    p.setOpacity(a)
    text(p, QRectF(160, 250, 1200, 60), "1924\u20131925", font(46, bold=True), ACCENT)
    p.setOpacity(1.0)
    hline(p, 160, 160 + 520 * ease(stage(t, 0.1, 0.5)), 330, ACCENT, 5)
    p.setOpacity(ease(stage(t, 0.15, 0.5)))
    text(p, QRectF(160, 360, 1600, 180), say(lang, "Lenin Enrollment", "Ленинский призыв"),
         font(150, bold=True, serif=True), INK)
    p.setOpacity(ease(stage(t, 0.3, 0.5)))
    text(p, QRectF(160, 545, 1600, 110), say(lang, "Ленинский призыв", "Рабочие — в партию"),
         font(84, serif=True), ACCENT)
    p.setOpacity(ease(stage(t, 0.45, 0.5)))
    text(
        p,
        QRectF(160, 700, 1500, 130),
        say(lang, "How the Soviet Communist Party set out to recruit factory workers, "
            "and more than doubled in two years",
            "Как Коммунистическая партия взялась принимать в свои ряды фабрично-заводских "
            "рабочих и за два года выросла более чем вдвое"),
        font(40),
        INK,
        wrap=True,
    )
    p.setOpacity(1.0)


def draw_membership(p: QPainter, t: float, lang: str) -> None:
    """Two bars, 1 January 1924 and January 1926; the second hollow because it is approximate."""
    fill_background(p, W, H)
    heading(p, 120, 70, 1680, say(lang, "Party membership", "Численность партии"),
            say(lang, "More than doubled in two years", "За два года — более чем вдвое"))
    base, top, left, right = 870.0, 390.0, 330.0, 1640.0
    ymax = 1_100_000
    scale = (base - top) / ymax
    grid_font = font(26)
    for v in (250_000, 500_000, 750_000, 1_000_000):
        y = base - v * scale
        hline(p, left, right, y, GRID, 1.5)
        text(p, QRectF(60, y - 18, left - 80, 36), fmt(v, lang), grid_font, MUTED, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    hline(p, left, right, base, MUTED, 3)

    bars = (
        (680.0, MEMBERS_1924_01_01, False, say(lang, "1 January 1924", "1 января 1924"), stage(t, 0.0, 0.45)),
        (1290.0, MEMBERS_1926_01_APPROX, True, say(lang, "January 1926", "Январь 1926"), stage(t, 0.5, 0.45)),
    )
    for cx, value, approx, when, prog in bars:
        e = ease(prog)
        h = value * scale * e
        bar(p, QRectF(cx - 170, base - h, 340, h), approximate=approx)
        text(p, QRectF(cx - 300, base + 14, 600, 48), when, font(36, bold=True), INK, Qt.AlignmentFlag.AlignHCenter)
        if prog <= 0:
            continue
        # an approximate figure counts up in round steps: no false precision on the way
        label = f"\u2248 {fmt(round(value * e, -4), lang)}" if approx else fmt(value * e, lang)
        p.setOpacity(clamp(prog * 3))
        vy = base - h - (150 if approx else 90)
        text(p, QRectF(cx - 320, vy, 640, 80), label, font(64, bold=True), INK, Qt.AlignmentFlag.AlignHCenter)
        if approx:
            text(p, QRectF(cx - 320, vy + 80, 640, 50), say(lang, "slightly over one million (approximate)",
                 "немногим более миллиона (приблизительно)"), font(30), MUTED, Qt.AlignmentFlag.AlignHCenter)
        p.setOpacity(1.0)


def draw_intake(p: QPainter, t: float, lang: str) -> None:
    """Horizontal bars for everyone who entered in 1924-25 and the workers among them, against
    the dashed line of the 100,000-worker target set in December 1923."""
    fill_background(p, W, H)
    heading(p, 120, 70, 1680, say(lang, "1924\u20131925 intake", "Приём 1924\u20131925 годов"),
            say(lang, f"Far beyond the target of {fmt(TARGET_WORKERS)} workers",
                f"Намного больше цели в {fmt(TARGET_WORKERS, lang)} рабочих"))
    left, right = 160.0, 1500.0
    xmax = 700_000
    scale = (right - left) / xmax
    rows = (
        (360.0, say(lang, "Everyone who entered the party in 1924 and 1925",
                    "Все вступившие в партию в 1924 и 1925 годах"), ENTRANTS_1924_25, "", stage(t, 0.0, 0.35)),
        (
            580.0,
            say(lang, "Of them, workers \u201cby social situation\u201d",
                "Из них рабочие \u00abпо социальному положению\u00bb"),
            WORKER_ENTRANTS_1924_25,
            pct(WORKER_SHARE_1924_25_PCT, lang, 1),
            stage(t, 0.35, 0.35),
        ),
    )
    for y, label, value, share, prog in rows:
        text(p, QRectF(left, y - 56, 1500, 46), label, font(34), INK)
        p.fillRect(QRectF(left, y, right - left, 110), PANEL)
        e = ease(prog)
        bar(p, QRectF(left, y, value * scale * e, 110))
        if prog > 0:
            p.setOpacity(clamp(prog * 3))
            vx = left + value * scale * e + 24
            text(p, QRectF(vx, y + 8, 420, 60), fmt(value * e, lang), font(54, bold=True), INK)
            if share and prog >= 1:
                text(p, QRectF(vx, y + 66, 420, 40), say(lang, f"{share} of all entrants", f"{share} всех вступивших"),
                     font(28), MUTED)
            p.setOpacity(1.0)
    # the target: a reference line, labelled, drawn last so it sits on top of the bars
    tp = ease(stage(t, 0.72, 0.25))
    if tp > 0:
        x = left + TARGET_WORKERS * scale
        p.setOpacity(tp)
        pen = QPen(INK, 4, Qt.PenStyle.DashLine)
        p.setPen(pen)
        # across the bars only, never through their labels
        for y0, y1 in ((rows[0][0] - 12, rows[0][0] + 122), (rows[1][0] - 12, 748.0)):
            p.drawLine(QPointF(x, y0), QPointF(x, y1))
        text(p, QRectF(x - 40, 760, 1200, 46), say(lang, f"Target set in December 1923: {fmt(TARGET_WORKERS)} workers",
             f"Цель, поставленная в декабре 1923 года: {fmt(TARGET_WORKERS, lang)} рабочих"), font(34, bold=True), INK)
        text(p, QRectF(x - 40, 808, 1200, 40), say(lang, "a goal for workers to enrol, not for total membership",
             "цель по приёму рабочих, а не по общей численности партии"), font(28), MUTED)
        p.setOpacity(1.0)


def draw_census(p: QPainter, t: float, lang: str, *, include_1924: bool = True) -> None:
    """Percent bars on a full 0-100 % track, so each share is seen against the whole party."""
    fill_background(p, W, H)
    heading(p, 120, 70, 1680, say(lang, "The party in 1922", "Партия в 1922 году"),
            say(lang, "Few members were industrial workers", "Рабочих у станка было мало"))
    left, right = 160.0, 1540.0
    rows: list[tuple[float, str, float]] = [  # where, what, the share in %
        (320.0, say(lang, "Members in manual industrial jobs (1922 party census)",
                    "Заняты физическим трудом в промышленности (перепись 1922 года)"), CENSUS_1922_INDUSTRIAL_PCT),
        (460.0, say(lang, "Members with white-collar occupations (1922 party census)",
                    "Служащие (перепись 1922 года)"), CENSUS_1922_WHITE_COLLAR_PCT),
        (600.0, say(lang, "New recruits of 1922 who were workers by actual employment",
                    "Принятые в 1922 году, которые работали рабочими"), RECRUITS_1922_WORKERS_PCT),
    ]
    if include_1924:
        rows.append((790.0, say(lang, "Entrants of 1924\u20131925 who were workers \u201cby social situation\u201d",
                                "Вступившие в 1924\u20131925 годах, рабочие \u00abпо социальному положению\u00bb"),
                     WORKER_SHARE_1924_25_PCT))
    for i, (y, label, share) in enumerate(rows):
        prog = stage(t, i * 0.22, 0.32)
        text(p, QRectF(left, y - 50, right - left, 44), label, font(32), INK)
        p.fillRect(QRectF(left, y, right - left, 58), PANEL)
        e = ease(prog)
        bar(p, QRectF(left, y, (right - left) * share / 100 * e, 58))
        if prog > 0:
            p.setOpacity(clamp(prog * 3))
            shown = pct(share * e, lang, 1 if isinstance(share, float) else 0)
            text(p, QRectF(right + 20, y - 10, 260, 76), shown, font(58, bold=True), INK)
            p.setOpacity(1.0)
    if include_1924:
        hline(p, left, right + 260, 695, GRID, 2)
        text(
            p,
            QRectF(left, 868, 1600, 44),
            say(lang, "The 1922 figures count actual jobs; the 1924\u20131925 figure counts \u201csocial situation\u201d.",
                "Цифры 1922 года учитывают занятие, цифра 1924\u20131925 годов \u2014 \u00abсоциальное положение\u00bb."),
            font(28),
            MUTED,
        )


@dataclass(frozen=True)
class Event:
    """One stop on the timeline: where it sits in time, and where its card sits on the page."""

    month: float  # months after 1 December 1923
    when: tuple[str, str]  # English, Russian
    what: tuple[str, str]
    card: QRectF
    above: bool
    span_to: float | None = None  # for a period, the month it ends


TL_LEFT, TL_RIGHT, TL_Y = 150.0, 1770.0, 560.0
TL_MONTHS = 26.0  # 1 December 1923 .. 1 February 1926

EVENTS: tuple[Event, ...] = (
    Event(0.5, ("December 1923", "Декабрь 1923"),
          (f"Target set: enrol {fmt(TARGET_WORKERS)} workers", f"Цель: принять {fmt(TARGET_WORKERS, 'ru')} рабочих"),
          QRectF(110, 250, 440, 160), True),
    Event(1.0, ("1 January 1924", "1 января 1924"),
          (f"{fmt(MEMBERS_1924_01_01)} party members", f"{fmt(MEMBERS_1924_01_01, 'ru')} членов партии"),
          QRectF(110, 650, 440, 130), False),
    Event(1.67, ("21 January 1924", "21 января 1924"),
          ("Lenin dies; the drive is named in his honour", "Умер Ленин; призыв назван в его честь"),
          QRectF(640, 250, 470, 160), True),
    Event(
        1.0,
        ("1924 and 1925", "1924 и 1925"),
        (f"{fmt(ENTRANTS_1924_25)} people join, {fmt(WORKER_ENTRANTS_1924_25)} of them workers",
         f"Вступили {fmt(ENTRANTS_1924_25, 'ru')} человек, из них {fmt(WORKER_ENTRANTS_1924_25, 'ru')} рабочих"),
        QRectF(720, 650, 520, 160),
        False,
        span_to=25.0,
    ),
    Event(25.5, ("January 1926", "Январь 1926"),
          (f"\u2248 {fmt(MEMBERS_1926_01_APPROX)} members: slightly over one million (approximate)",
           f"\u2248 {fmt(MEMBERS_1926_01_APPROX, 'ru')} членов: немногим более миллиона (приблизительно)"),
          QRectF(1290, 250, 480, 190), True),
)


def tl_x(month: float) -> float:
    return TL_LEFT + (TL_RIGHT - TL_LEFT) * month / TL_MONTHS


def draw_timeline(p: QPainter, t: float, lang: str) -> None:
    """A true-to-scale time axis, Dec 1923 to Jan 1926; the crowded first weeks are resolved
    with leader lines to cards rather than by bending the scale."""
    fill_background(p, W, H)
    heading(p, 120, 70, 1680, say(lang, "Timeline", "Хронология"),
            say(lang, "From a target to a mass party", "От цели к массовой партии"))
    hline(p, TL_LEFT, TL_RIGHT, TL_Y, MUTED, 3)
    # ticks mark where each year begins; the year's name sits in the middle of its stretch,
    # clear of the leader lines that drop from the axis at the ticks
    for month in (1.0, 13.0, 25.0):
        x = tl_x(month)
        p.setPen(QPen(MUTED, 3))
        p.drawLine(QPointF(x, TL_Y - 16), QPointF(x, TL_Y + 16))
    for year, start, end in (("1924", 1.0, 13.0), ("1925", 13.0, 25.0), ("1926", 25.0, TL_MONTHS)):
        cx = (tl_x(start) + tl_x(end)) / 2
        text(p, QRectF(cx - 80, TL_Y + 22, 160, 40), year, font(30, bold=True), MUTED, Qt.AlignmentFlag.AlignHCenter)
    n = len(EVENTS)
    shown = [(ev, ease(stage(t, i / n, 0.6 / n))) for i, ev in enumerate(EVENTS)]
    for ev, a in shown:  # periods first, so the points of single days stay visible on top
        if a > 0 and ev.span_to is not None:
            p.setOpacity(a)
            x = tl_x(ev.month)
            p.fillRect(QRectF(x, TL_Y - 7, tl_x(ev.span_to) - x, 14), with_alpha(ACCENT, 0.6))
    for ev, a in shown:
        if a <= 0:
            continue
        p.setOpacity(a)
        x = tl_x(ev.month)
        if ev.span_to is not None:
            x = (x + tl_x(ev.span_to)) / 2
        else:
            p.setPen(QPen(BG, 4))
            p.setBrush(ACCENT)
            p.drawEllipse(QPointF(x, TL_Y), 12, 12)
            p.setBrush(Qt.BrushStyle.NoBrush)
        leader(p, x, ev)
        p.fillRect(ev.card, PANEL)
        p.fillRect(QRectF(ev.card.left(), ev.card.top(), 8, ev.card.height()), ACCENT)
        inner = ev.card.adjusted(30, 18, -20, -14)
        i = LANGUAGES.index(lang)
        text(p, QRectF(inner.left(), inner.top(), inner.width(), 44), ev.when[i], font(32, bold=True), ACCENT)
        text(p, QRectF(inner.left(), inner.top() + 50, inner.width(), inner.height() - 50), ev.what[i], font(30), INK,
             wrap=True)
        p.setOpacity(1.0)


def leader(p: QPainter, x: float, ev: Event) -> None:
    """Leader line from a point on the axis to its card: straight if the card is over the
    point, otherwise up (or down), across, and into the card's edge."""
    p.setPen(QPen(MUTED, 2))
    edge_y = ev.card.bottom() if ev.above else ev.card.top()
    if ev.card.left() + 20 <= x <= ev.card.right() - 20:
        p.drawLine(QPointF(x, TL_Y), QPointF(x, edge_y))
        return
    mid_y = TL_Y - 90 if ev.above else TL_Y + 90
    cx = ev.card.left() + 40
    path = QPainterPath(QPointF(x, TL_Y))
    path.lineTo(x, mid_y)
    path.lineTo(cx, mid_y)
    path.lineTo(cx, edge_y)
    p.drawPath(path)


# ---------------------------------------------------------------------------- portrait cards
def icon_gear(p: QPainter, c: QPointF, r: float) -> None:
    """Skilled work: a toothed wheel."""
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(ACCENT)
    teeth = 10
    poly = QPolygonF()
    for i in range(teeth * 4):
        ang = 2 * math.pi * i / (teeth * 4)
        rad = r if (i % 4) in (1, 2) else r * 0.78
        poly.append(QPointF(c.x() + rad * math.cos(ang), c.y() + rad * math.sin(ang)))
    p.drawPolygon(poly)
    p.setBrush(PANEL)
    p.drawEllipse(c, r * 0.34, r * 0.34)
    p.setBrush(Qt.BrushStyle.NoBrush)


def icon_star(p: QPainter, c: QPointF, r: float) -> None:
    """Army service: a five-pointed star, drawn as an outline so it reads as a symbol, not a flag."""
    poly = QPolygonF()
    for i in range(10):
        ang = -math.pi / 2 + math.pi * i / 5
        rad = r if i % 2 == 0 else r * 0.42
        poly.append(QPointF(c.x() + rad * math.cos(ang), c.y() + rad * math.sin(ang)))
    pen = QPen(ACCENT, 7)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPolygon(poly)


def icon_people(p: QPainter, c: QPointF, r: float) -> None:
    """Committees and unions: three figures side by side."""
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(ACCENT)
    for dx, s in ((-0.62, 0.8), (0.62, 0.8), (0.0, 1.0)):
        hx, hy = c.x() + dx * r, c.y() - 0.35 * r * s
        p.drawEllipse(QPointF(hx, hy), 0.24 * r * s, 0.24 * r * s)
        body = QRectF(hx - 0.42 * r * s, hy + 0.3 * r * s, 0.84 * r * s, 0.75 * r * s)
        p.setBrush(PANEL)
        p.drawRoundedRect(body.adjusted(-4, -4, 4, 4), 0.4 * r * s, 0.4 * r * s)
        p.setBrush(ACCENT)
        p.drawRoundedRect(body, 0.38 * r * s, 0.38 * r * s)
    p.setBrush(Qt.BrushStyle.NoBrush)


def draw_moscow(p: QPainter, t: float, lang: str) -> None:
    """Profile card of the Moscow recruits: qualities, not numbers, because the essay gives no
    exact counts here and none may be invented."""
    fill_background(p, PW, PH)
    heading(p, 80, 70, 920, say(lang, "Who joined, in Moscow", "Кто вступал в Москве"),
            say(lang, "A profile of the recruits", "Портрет новых членов партии"), size=64)
    rows: tuple[tuple[Callable[[QPainter, QPointF, float], None], str, str], ...] = (
        (icon_gear, say(lang, "Skilled, male, young", "Молодые мужчины с профессией"),
         say(lang, "The typical recruit was a skilled man younger than 34.",
             "Типичный новичок \u2014 квалифицированный рабочий моложе 34 лет.")),
        (icon_star, say(lang, "Red Army service", "Служба в Красной армии"),
         say(lang, "Roughly half had done Red Army service.", "Около половины служили в Красной армии.")),
        (icon_people, say(lang, "Shop-floor organisers", "Низовые активисты"),
         say(lang, "Most already knew the work of factory committees or trade unions.",
             "Большинство уже знали работу фабзавкомов или профсоюзов.")),
    )
    for i, (icon, head, body) in enumerate(rows):
        a = ease(stage(t, i * 0.25, 0.4))
        if a <= 0:
            continue
        p.setOpacity(a)
        y = 330 + i * 285
        card = QRectF(80, y, 920, 245)
        p.fillRect(card, PANEL)
        icon(p, QPointF(card.left() + 130, card.center().y()), 78)
        tx = card.left() + 260
        text(p, QRectF(tx, y + 34, card.right() - tx - 30, 50), head, font(40, bold=True), ACCENT)
        text(p, QRectF(tx, y + 94, card.right() - tx - 30, 130), body, font(34), INK, wrap=True)
        p.setOpacity(1.0)


def draw_motives(p: QPainter, t: float, lang: str) -> None:
    """The debate in three cards and an outcome line; an accusation is labelled as one."""
    fill_background(p, PW, PH)
    heading(p, 80, 70, 920, say(lang, "The debate", "Спор"),
            say(lang, "Why recruit so many?", "Зачем столько новичков?"), size=64)
    cards = (
        (say(lang, "An accusation", "Обвинение"),
         say(lang, "The Left Opposition charged the ruling trio, Stalin, Zinoviev and Kamenev, with flooding "
             "the party with obedient newcomers.",
             "Левая оппозиция обвиняла правящую тройку \u2014 Сталина, Зиновьева и Каменева \u2014 в том, "
             "что они наводняют партию послушными новичками.")),
        (say(lang, "A worry", "Тревога"),
         say(lang, "Many leaders were genuinely alarmed that the party was losing its working-class character.",
             "Многих руководителей всерьёз тревожило, что партия теряет пролетарский характер.")),
        (say(lang, "A practical aim", "Практическая цель"),
         say(lang, "More weight for the party on the factory floor, when productivity was a priority.",
             "Укрепить партию в цехах, когда главным была производительность.")),
    )
    y = 290.0
    for i, (head, body) in enumerate(cards):
        a = ease(stage(t, i * 0.22, 0.35))
        h = 240.0 if i == 0 else 200.0
        if a > 0:
            p.setOpacity(a)
            card = QRectF(80, y, 920, h)
            p.fillRect(card, PANEL)
            p.fillRect(QRectF(80, y, 8, h), ACCENT)
            text(p, QRectF(125, y + 26, 845, 50), head, font(38, bold=True), ACCENT)
            text(p, QRectF(125, y + 82, 845, h - 96), body, font(33), INK, wrap=True)
            p.setOpacity(1.0)
        y += h + 26
    a = ease(stage(t, 0.7, 0.3))
    if a > 0:
        p.setOpacity(a)
        text(p, QRectF(80, y + 10, 920, 44), say(lang, "What happened", "Что вышло"), font(28, bold=True), ACCENT)
        text(
            p,
            QRectF(80, y + 56, 920, 150),
            say(lang, "The newcomers were harder to steer than the leadership may have hoped, "
                "and stood up for their fellow workers\u2019 interests.",
                "Новички оказались менее послушными, чем, возможно, надеялось руководство, "
                "и отстаивали интересы товарищей по работе."),
            font(34, serif=True),
            INK,
            wrap=True,
        )
        p.setOpacity(1.0)


def draw_end_card(p: QPainter, t: float, lang: str) -> None:
    """Closing card of the film: the source of its figures (a citation, in the original) and
    what the film is."""
    fill_background(p, W, H)
    p.setOpacity(ease(stage(t, 0.0, 0.3)))
    text(p, QRectF(160, 250, 1600, 50), say(lang, "SOURCE OF THE FIGURES", "ИСТОЧНИК ЦИФР"), font(30, bold=True), ACCENT)
    text(
        p,
        QRectF(160, 320, 1600, 260),
        "Lewis Siegelbaum, \u201cLenin Enrollment\u201d,\nSeventeen Moments in Soviet History",
        font(64, serif=True, bold=True),
        INK,
        wrap=True,
    )
    text(p, QRectF(160, 560, 1600, 50), say(lang, "Essay licensed CC BY-SA 4.0",
                                            "Очерк распространяется по лицензии CC BY-SA 4.0"), font(40), INK)
    text(
        p,
        QRectF(160, 660, 1600, 110),
        say(lang, "This film was made for the Exhibit Kiosk demo. No archival footage is used; "
            "the figures shown are those the essay states.",
            "Фильм создан для демонстрации Exhibit Kiosk. Архивных съёмок в нём нет; "
            "показаны цифры, которые приводит очерк."),
        font(34),
        MUTED,
        wrap=True,
    )
    p.setOpacity(1.0)


# =============================================================================================
# Rendering to files
# =============================================================================================
def render(drawer: Drawer, t: float, size: tuple[int, int], design: tuple[int, int], lang: str) -> QImage:
    """Draw one picture in `lang` at `size`, scaling the design canvas to fit."""
    img = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    img.fill(BG)
    p = QPainter(img)
    p.setRenderHints(
        QPainter.RenderHint.Antialiasing
        | QPainter.RenderHint.TextAntialiasing
        | QPainter.RenderHint.SmoothPixmapTransform
    )
    p.scale(size[0] / design[0], size[1] / design[1])
    drawer(p, t, lang)
    p.end()
    return img


def to_rgb(img: QImage) -> np.ndarray:
    """QImage -> H x W x 3 uint8 array (respecting Qt's row padding)."""
    img = img.convertToFormat(QImage.Format.Format_RGB888)
    w, h, bpl = img.width(), img.height(), img.bytesPerLine()
    buf = np.frombuffer(img.constBits(), dtype=np.uint8, count=h * bpl)
    return buf.reshape(h, bpl)[:, : w * 3].reshape(h, w, 3).copy()


def save_still(img: QImage, path: Path) -> None:
    """Save through Pillow: PNG with maximum compression, JPEG at a fixed quality; neither
    writes timestamps, so reruns give identical bytes."""
    pil = Image.fromarray(to_rgb(img), "RGB")
    if path.suffix.lower() == ".png":
        pil.save(path, "PNG", optimize=True)
    else:
        pil.save(path, "JPEG", quality=88, optimize=True, progressive=False)
    print(f"  wrote {path.relative_to(ROOT)} ({path.stat().st_size // 1024} KB)")


@dataclass(frozen=True)
class Still:
    """One gallery image and its metadata.csv row (English and Russian)."""

    file: str
    drawer: Drawer
    portrait: bool
    title: str
    caption: str
    alt: str
    title_ru: str
    caption_ru: str
    alt_ru: str


STILLS: tuple[Still, ...] = (
    Still(
        "title-card.png",
        draw_title,
        False,
        "Lenin Enrollment, 1924–1925",
        "Title card of the demo exhibit: the Lenin Enrollment, the party's recruitment drive of 1924–1925.",
        "Title card on a dark brown background. Small orange text reads 1924–1925 above a thin orange rule; "
        "large off-white serif letters read Lenin Enrollment, with the Russian name Ленинский призыв beneath "
        "in orange, and a line saying that the Soviet Communist Party set out to recruit factory workers "
        "and more than doubled in two years. A large faint 1924 fills the right side.",
        "Ленинский призыв, 1924–1925",
        "Титульная карточка демонстрационной экспозиции: Ленинский призыв, кампания по приёму в партию 1924–1925 годов.",
        "Титульная карточка на тёмно-коричневом фоне. Мелкая оранжевая надпись «1924–1925» над тонкой оранжевой "
        "линией; крупными светлыми буквами с засечками — «Ленинский призыв», под ним оранжевым — «Рабочие — в партию» "
        "и строка о том, что Коммунистическая партия взялась принимать в свои ряды фабрично-заводских рабочих и за "
        "два года выросла более чем вдвое. Справа — крупная бледная надпись «1924».",
    ),
    Still(
        "membership-growth.png",
        draw_membership,
        False,
        "Membership more than doubled",
        "446,089 party members on 1 January 1924; slightly over one million (approximate) by January 1926.",
        "Bar chart with two vertical orange bars on a grid marked 250,000 to 1,000,000. The left bar, "
        "1 January 1924, is solid and labelled 446,089. The right bar, January 1926, is more than twice as "
        "tall, drawn as a dashed outline because the figure is approximate, and labelled about 1,000,000, "
        "slightly over one million.",
        "Численность партии выросла более чем вдвое",
        "446 089 членов партии на 1 января 1924 года; немногим более миллиона (приблизительно) к январю 1926 года.",
        "Столбчатая диаграмма: два вертикальных оранжевых столбца на сетке с отметками от 250 000 до 1 000 000. "
        "Левый столбец, 1 января 1924 года, сплошной, с подписью 446 089. Правый, январь 1926 года, более чем "
        "вдвое выше и нарисован пунктирным контуром, потому что цифра приблизительная; подпись — около 1 000 000, "
        "немногим более миллиона.",
    ),
    Still(
        "intake-workers.png",
        draw_intake,
        False,
        "The 1924–1925 intake",
        "638,070 people entered the party in 1924 and 1925; 439,715 of them (68.9 %) were workers "
        "“by social situation”, against a target of 100,000 workers set in December 1923.",
        "Two horizontal orange bars. The upper one, everyone who entered the party in 1924 and 1925, "
        "reaches 638,070. The lower one, the workers among them, reaches 439,715, 68.9 % of all entrants. "
        "A dashed vertical line near the left end marks the target of 100,000 workers set in December 1923; "
        "both bars run far past it.",
        "Приём в партию в 1924–1925 годах",
        "В 1924 и 1925 годах в партию вступили 638 070 человек; 439 715 из них (68,9 %) были рабочими "
        "«по социальному положению». Цель, поставленная в декабре 1923 года, — 100 000 рабочих.",
        "Два горизонтальных оранжевых столбца. Верхний — все вступившие в партию в 1924 и 1925 годах — доходит "
        "до 638 070. Нижний — рабочие среди них — до 439 715, это 68,9 % всех вступивших. Пунктирная вертикальная "
        "линия у левого края отмечает цель в 100 000 рабочих, поставленную в декабре 1923 года; оба столбца "
        "уходят далеко за неё.",
    ),
    Still(
        "census-1922.png",
        draw_census,
        False,
        "The party in 1922",
        "1922 party census: 15 % of members in manual industrial jobs, 63 % white-collar; 12 % of that "
        "year's recruits were workers. In 1924–1925, 68.9 % of entrants were workers “by social situation”.",
        "Four horizontal percentage bars, each on a full-width track from 0 to 100 %. Members in manual "
        "industrial jobs, 1922 census: 15 %. Members with white-collar occupations: 63 %. New recruits of 1922 "
        "who were workers by actual employment: 12 %. Below a dividing line, entrants of 1924–1925 who were "
        "workers by social situation: 68.9 %. A note says the two periods count workers differently.",
        "Партия в 1922 году",
        "Партийная перепись 1922 года: 15 % членов партии заняты физическим трудом в промышленности, 63 % — "
        "служащие; среди вступивших в том году рабочих 12 %. В 1924–1925 годах рабочими «по социальному "
        "положению» были 68,9 % вступивших.",
        "Четыре горизонтальных столбца с процентами, каждый на полосе от 0 до 100 %. Члены партии, занятые "
        "физическим трудом в промышленности, перепись 1922 года: 15 %. Служащие: 63 %. Вступившие в 1922 году, "
        "работавшие рабочими: 12 %. Ниже разделительной линии — вступившие в 1924–1925 годах, рабочие по "
        "социальному положению: 68,9 %. Примечание: в эти периоды рабочих считали по-разному.",
    ),
    Still(
        "timeline.png",
        draw_timeline,
        False,
        "Timeline, December 1923 to January 1926",
        "From the target of December 1923 and Lenin's death on 21 January 1924 to a party of slightly "
        "over one million (approximate) in January 1926.",
        "A horizontal time axis from December 1923 to early 1926, with ticks for 1924, 1925 and 1926. "
        "Cards linked to points on the axis read: December 1923, target set to enrol 100,000 workers; "
        "1 January 1924, 446,089 party members; 21 January 1924, Lenin dies and the drive is named in his "
        "honour; 1924 and 1925, shown as a thick orange band, 638,070 people join, 439,715 of them workers; "
        "January 1926, about 1,000,000 members, slightly over one million, approximate.",
        "Хронология: декабрь 1923 — январь 1926",
        "От цели, поставленной в декабре 1923 года, и смерти Ленина 21 января 1924 года до партии численностью "
        "немногим более миллиона (приблизительно) в январе 1926 года.",
        "Горизонтальная ось времени от декабря 1923 до начала 1926 года с отметками 1924, 1925 и 1926. "
        "Карточки, связанные с точками на оси: декабрь 1923 — поставлена цель принять 100 000 рабочих; "
        "1 января 1924 — 446 089 членов партии; 21 января 1924 — умер Ленин, кампания названа в его честь; "
        "1924 и 1925 годы, показанные толстой оранжевой полосой, — вступили 638 070 человек, из них 439 715 "
        "рабочих; январь 1926 — около 1 000 000 членов, немногим более миллиона, приблизительно.",
    ),
    Still(
        "moscow-recruits.png",
        draw_moscow,
        True,
        "Who joined, in Moscow",
        "The Moscow recruits: mostly skilled men under 34; about half had served in the Red Army; most "
        "knew factory committees or trade unions.",
        "Portrait card titled A profile of the recruits, with three panels, each with an orange pictogram. "
        "A toothed wheel: skilled, male, young; the typical recruit was a skilled man younger than 34. "
        "A star outline: Red Army service; roughly half had done Red Army service. Three figures: shop-floor "
        "organisers; most already knew the work of factory committees or trade unions.",
        "Кто вступал в партию в Москве",
        "Московское пополнение: в основном квалифицированные мужчины моложе 34 лет; около половины служили "
        "в Красной армии; большинство имели опыт работы в фабзавкомах или профсоюзах.",
        "Вертикальная карточка «Портрет новых членов партии» с тремя панелями, у каждой оранжевая пиктограмма. "
        "Зубчатое колесо: молодые мужчины с профессией — типичный новичок был квалифицированным рабочим "
        "моложе 34 лет. Контур звезды: служба в Красной армии — около половины служили в Красной армии. Три "
        "фигуры: низовые активисты — большинство уже знали работу фабзавкомов или профсоюзов.",
    ),
    Still(
        "debate.png",
        draw_motives,
        True,
        "Why recruit so many workers?",
        "Motives debated: an accusation from the Left Opposition, alarm at the party's shrinking "
        "working-class character, and the wish for a stronger party in the factories.",
        "Portrait card titled Why recruit so many?, with three stacked panels. An accusation: the Left "
        "Opposition charged Stalin, Zinoviev and Kamenev with flooding the party with obedient newcomers. "
        "A worry: leaders were alarmed that the party was losing its working-class character. A practical "
        "aim: more weight for the party on the factory floor when productivity was a priority. Below, under What happened: "
        "the newcomers were harder to steer than the leadership may have hoped, and stood up for their fellow workers' interests.",
        "Зачем принимать столько рабочих?",
        "Мотивы, о которых спорят: обвинение Левой оппозиции, тревога из-за утраты партией пролетарского "
        "характера и стремление укрепить партию на заводах.",
        "Вертикальная карточка «Зачем столько новичков?» с тремя панелями одна под другой. Обвинение: "
        "Левая оппозиция утверждала, что Сталин, Зиновьев и Каменев наводняют партию послушными новичками. "
        "Тревога: руководство опасалось, что партия теряет пролетарский характер. Практическая цель: укрепить "
        "партию в цехах, когда главным была производительность. Ниже, под заголовком «Что вышло»: новички "
        "оказались менее послушными, чем, возможно, надеялось руководство, и отстаивали интересы товарищей по работе.",
    ),
)


def make_images() -> list[dict[str, str]]:
    """Draw every gallery image; return their metadata.csv rows in gallery order."""
    IMAGES.mkdir(parents=True, exist_ok=True)
    rows = []
    for order, s in enumerate(STILLS, start=1):
        design, size = ((PW, PH), (PW, PH)) if s.portrait else ((W, H), (W, H))
        for lang in LANGUAGES:
            name = s.file if lang == "en" else s.file.replace(".png", f".{lang}.png")
            save_still(render(s.drawer, 1.0, size, design, lang), IMAGES / name)
        rows.append(
            {
                "file": s.file,
                "order": str(order),
                "title": s.title,
                "caption": s.caption,
                "credit": CREDIT_EN,
                "alt": s.alt,
                "title_ru": s.title_ru,
                "caption_ru": s.caption_ru,
                "credit_ru": CREDIT_RU,
                "alt_ru": s.alt_ru,
            }
        )
    return rows


# =============================================================================================
# The films
# =============================================================================================
@dataclass(frozen=True)
class Scene:
    """A stretch of film: which picture, over which seconds, and how its animation runs."""

    start: float
    end: float
    draw: Drawer
    t0: float = 0.0  # progress at the scene's first frame
    t1: float = 1.0  # progress reached...
    settle: float = 0.7  # ...at this fraction of the scene; it then holds


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    en: tuple[str, ...]
    ru: tuple[str, ...]


def census_1922_only(p: QPainter, t: float, lang: str) -> None:
    draw_census(p, t, lang, include_1924=False)


def timeline_first_three(p: QPainter, t: float, lang: str) -> None:
    """The first three stops only (target, 1 January, Lenin's death), revealed one by one."""
    draw_timeline(p, t * 3 / len(EVENTS), lang)


def timeline_rest(p: QPainter, t: float, lang: str) -> None:
    """Picks up where `timeline_first_three` stopped and reveals the last two stops."""
    k = 3 / len(EVENTS)
    draw_timeline(p, k + t * (1 - k), lang)


def membership_second_bar(p: QPainter, t: float, lang: str) -> None:
    """The 1924 bar is already known from the story; start with it full and grow the 1926 one."""
    draw_membership(p, 0.5 + 0.5 * t, lang)


STORY_SCENES: tuple[Scene, ...] = (
    Scene(0.0, 7.0, draw_title, settle=0.55),
    Scene(7.0, 19.0, census_1922_only, settle=0.85),
    Scene(19.0, 31.0, timeline_first_three, settle=0.8),
    Scene(31.0, 44.0, draw_intake, settle=0.85),
    Scene(44.0, 54.0, membership_second_bar, t0=0.0, settle=0.75),
    Scene(54.0, 62.0, timeline_rest, settle=0.6),
    Scene(62.0, 68.0, draw_end_card, settle=0.4),
)
STORY_SECONDS = 68.0

# Captions follow the picture: each cue is on screen while what it says is being shown.
STORY_CUES: tuple[Cue, ...] = (
    Cue(0.5, 6.5, ("[quiet music]", "Lenin Enrollment, 1924–1925"), ("[тихая музыка]", "Ленинский призыв, 1924–1925")),
    Cue(7.5, 12.0, ("1922 party census: only 15 %", "of members worked in industry"), ("Перепись партии 1922 года:", "лишь 15 % — рабочие у станка")),
    Cue(12.0, 15.0, ("63 % had white-collar jobs.",), ("63 % — служащие.",)),
    Cue(15.0, 18.8, ("Of 1922 recruits, only 12 %", "were workers by employment."), ("Из принятых в 1922 году", "рабочих по занятию — 12 %")),
    Cue(19.5, 23.3, ("December 1923: a goal to enrol", "100,000 workers"), ("Декабрь 1923 года: цель —", "принять 100\u00a0000 рабочих")),
    Cue(23.3, 27.0, ("1 January 1924:", "446,089 party members"), ("1 января 1924 года:", "446\u00a0089 членов партии")),
    Cue(27.0, 30.8, ("21 January 1924: Lenin dies.", "The drive takes his name."), ("21 января 1924 года умер Ленин.", "Призыв назван в его честь.")),
    Cue(31.5, 36.0, ("1924 and 1925:", "638,070 people join the party"), ("1924–1925: в партию", "вступают 638\u00a0070 человек")),
    Cue(36.0, 40.5, ("439,715 of them are workers,", "68.9 % of all entrants"), ("439\u00a0715 из них — рабочие,", "68,9 % всех вступивших")),
    Cue(40.5, 43.8, ("The target had been", "100,000 workers."), ("А цель была —", "100\u00a0000 рабочих.")),
    Cue(44.5, 48.5, ("Members on 1 January 1924:", "446,089"), ("На 1 января 1924 года —", "446\u00a0089 членов партии")),
    Cue(48.5, 53.8, ("January 1926: slightly over", "one million (approximate)"), ("Январь 1926 года: немногим", "более миллиона (приблизительно)")),
    Cue(54.5, 61.8, ("In two years the party", "more than doubled in size."), ("За два года партия выросла", "более чем вдвое.")),
    Cue(62.3, 65.0, ("Figures: Lewis Siegelbaum,", "“Lenin Enrollment”"), ("Цифры: Льюис Зигельбаум,", "«Lenin Enrollment»")),
    Cue(65.0, 67.7, ("Seventeen Moments in", "Soviet History, CC BY-SA 4.0"), ("Seventeen Moments in", "Soviet History, CC BY-SA 4.0")),
)


def title_sequence(p: QPainter, t: float, lang: str) -> None:
    """The silent film: the title card, then three dates that set up the story."""
    draw_title(p, clamp(t / 0.35), lang)
    lines = (
        say(lang, f"December 1923 \u2014 a target: {fmt(TARGET_WORKERS)} workers",
            f"Декабрь 1923 \u2014 цель: {fmt(TARGET_WORKERS, lang)} рабочих"),
        say(lang, "21 January 1924 \u2014 Lenin dies", "21 января 1924 \u2014 умер Ленин"),
        say(lang, f"1924\u20131925 \u2014 {fmt(ENTRANTS_1924_25)} people join the party",
            f"1924\u20131925 \u2014 в партию вступают {fmt(ENTRANTS_1924_25, lang)} человек"),
    )
    for i, s in enumerate(lines):
        a = ease(stage(t, 0.4 + i * 0.13, 0.1))
        if a > 0:
            p.setOpacity(a)
            y = 845 + i * 52
            p.fillRect(QRectF(160, y + 14, 14, 14), ACCENT)
            text(p, QRectF(196, y, 1500, 46), s, font(36), INK)
            p.setOpacity(1.0)


TITLE_SCENES: tuple[Scene, ...] = (Scene(0.0, 15.0, title_sequence, settle=0.95),)
TITLE_SECONDS = 15.0


def check_cues(cues: Sequence[Cue], seconds: float) -> None:
    """Refuse captions that break the guidelines, before anything is written."""
    last_end = 0.0
    for c in cues:
        if not (last_end <= c.start < c.end <= seconds):
            raise SystemExit(f"cue {c} overlaps or runs past the film")
        last_end = c.end
        for lines in (c.en, c.ru):
            if not 1 <= len(lines) <= 2:
                raise SystemExit(f"cue {c} needs 1-2 lines")
            for line in lines:
                if len(line) > MAX_CAPTION_CHARS:
                    raise SystemExit(f"caption line over {MAX_CAPTION_CHARS} characters: {line!r}")


def stamp(s: float) -> str:
    ms = round(s * 1000)
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def write_vtt(path: Path, cues: Iterable[Cue], lang: str) -> None:
    """WebVTT: header, blank line, then numbered cues separated by blank lines."""
    parts = ["WEBVTT", ""]
    for i, c in enumerate(cues, start=1):
        parts += [str(i), f"{stamp(c.start)} --> {stamp(c.end)}", *(c.en if lang == "en" else c.ru), ""]
    path.write_text("\n".join(parts), encoding="utf-8", newline="\n")
    print(f"  wrote {path.relative_to(ROOT)}")


def write_text(path: Path, body: str) -> None:
    path.write_text(body.rstrip("\n") + "\n", encoding="utf-8", newline="\n")
    print(f"  wrote {path.relative_to(ROOT)}")


def story_transcript(lang: str) -> str:
    """Transcript: what the film shows, with the on-screen story line by line."""
    if lang == "en":
        head = [
            "The Lenin Enrollment in numbers",
            "Transcript. Length 1 minute 8 seconds. There is no speech: the soundtrack is quiet "
            "ambient music, and everything is told by the pictures and captions below.",
            "",
        ]
        tail = [
            "",
            "The film is animated: bars grow and numbers count up to each stated figure. The January "
            "1926 bar is drawn as a dashed outline because that figure is approximate.",
            "",
            CREDIT_EN + ".",
        ]
    else:
        head = [
            "Ленинский призыв в цифрах",
            "Стенограмма. Длительность 1 минута 8 секунд. Речи нет: звучит тихая фоновая музыка, "
            "а всё рассказано изображением и субтитрами, приведёнными ниже.",
            "",
        ]
        tail = [
            "",
            "Фильм анимирован: столбцы растут, числа отсчитываются до каждой приведённой цифры. Столбец "
            "января 1926 года нарисован пунктирным контуром, потому что эта цифра приблизительная.",
            "",
            CREDIT_RU + ".",
        ]
    body = []
    for c in STORY_CUES:
        lines = c.en if lang == "en" else c.ru
        if lines[0] in ("[quiet music]", "[тихая музыка]"):
            lines = lines[1:]
        sentence = " ".join(lines)
        if sentence[-1] not in ".!?":  # captions break lines anywhere; the transcript reads as prose
            sentence += "."
        body.append(f"[{stamp(c.start)[3:8]}] {sentence}")
    return "\n".join(head + body + tail)


TITLE_TRANSCRIPT = {
    "en": (
        "Lenin Enrollment: title animation\n"
        "Transcript. Length 15 seconds. Silent film, no sound.\n\n"
        "On a dark brown background the dates 1924–1925 appear, then an orange rule and the title "
        "Lenin Enrollment, with its Russian name Ленинский призыв beneath. A line explains that the "
        "Soviet Communist Party set out to recruit factory workers and more than doubled in two years. "
        "Three dates follow one by one: December 1923, a target of 100,000 workers; 21 January 1924, "
        "Lenin dies; 1924–1925, 638,070 people join the party.\n\n" + CREDIT_EN + "."
    ),
    "ru": (
        "Ленинский призыв: титульная анимация\n"
        "Стенограмма. Длительность 15 секунд. Фильм без звука.\n\n"
        "На тёмно-коричневом фоне появляются годы 1924–1925, затем оранжевая линия и заголовок "
        "«Ленинский призыв», под ним — «Рабочие — в партию». Строка поясняет, что "
        "Коммунистическая партия взялась принимать в свои ряды фабрично-заводских рабочих и за два года "
        "выросла более чем вдвое. Затем одна за другой появляются три даты: декабрь 1923 года — цель "
        "в 100\u00a0000 рабочих; 21 января 1924 года — умер Ленин; 1924–1925 годы — в партию вступают "
        "638\u00a0070 человек.\n\n" + CREDIT_RU + "."
    ),
}


def scene_frame(scenes: Sequence[Scene], seconds: float, total: float) -> tuple[Drawer, float, float]:
    """Which picture to draw at a moment, its animation progress, and its fade (0..1)."""
    scene = next((s for s in scenes if s.start <= seconds < s.end), scenes[-1])
    length = scene.end - scene.start
    local = (seconds - scene.start) / length
    progress = scene.t0 + (scene.t1 - scene.t0) * clamp(local / scene.settle)
    fade_s = 0.45
    fade = min(1.0, (seconds - scene.start) / fade_s + 0.0, (scene.end - seconds) / fade_s)
    if scene.start == 0.0:  # the very first frame may start from black quickly
        fade = min(1.0, (scene.end - seconds) / fade_s, 0.15 + seconds / fade_s)
    if scene.end >= total:  # hold the last picture to the end
        fade = min(1.0, (seconds - scene.start) / fade_s)
    return scene.draw, progress, clamp(fade)


def video_frame(scenes: Sequence[Scene], seconds: float, total: float, lang: str) -> QImage:
    drawer, progress, fade = scene_frame(scenes, seconds, total)

    def draw(p: QPainter, t: float, lang: str) -> None:
        drawer(p, t, lang)
        if fade < 1.0:  # dip to the background colour between scenes
            p.fillRect(QRectF(0, 0, W, H), with_alpha(BG, 1.0 - fade))

    return render(draw, progress, (VIDEO_W, VIDEO_H), (W, H), lang)


def pad_audio(seconds: float) -> np.ndarray:
    """A soft, slowly breathing A-major pad at about -24 dBFS: quiet enough never to startle,
    present enough that the kiosk has sound to mute and captions are needed.
    Returns planar float32 stereo, shape (2, n)."""
    n = int(round(seconds * AUDIO_RATE))
    t = np.arange(n, dtype=np.float64) / AUDIO_RATE
    partials = ((110.0, 0.50), (164.81, 0.32), (220.0, 0.26), (277.18, 0.16), (329.63, 0.10), (440.0, 0.05))
    out = np.zeros((2, n))
    for ch, detune in enumerate((0.0, 0.35)):
        for k, (f, a) in enumerate(partials):
            phase = 0.7 * k + 1.3 * ch
            swell = 0.8 + 0.2 * np.sin(2 * np.pi * (0.05 + 0.013 * k) * t + k)
            out[ch] += a * swell * np.sin(2 * np.pi * (f + detune) * t + phase)
    env = np.ones(n)
    fade_in, fade_out = int(3.0 * AUDIO_RATE), int(4.0 * AUDIO_RATE)
    env[:fade_in] = 0.5 - 0.5 * np.cos(np.linspace(0, np.pi, fade_in))
    env[-fade_out:] = 0.5 + 0.5 * np.cos(np.linspace(0, np.pi, fade_out))
    out *= env
    out *= 0.063 / np.max(np.abs(out))  # peak about -24 dBFS
    return out.astype(np.float32)


def encode_video(path: Path, scenes: Sequence[Scene], seconds: float, lang: str, *, audio: bool) -> None:
    """Encode H.264 (yuv420p, BT.601 tagged) and, if asked, AAC; fixed settings throughout so
    reruns reproduce the file."""
    container = av.open(
        str(path),
        mode="w",
        format="mp4",
        container_options={"movflags": "+faststart", "fflags": "+bitexact"},
    )
    vs = container.add_stream("libx264", rate=FPS)
    vs.width, vs.height, vs.pix_fmt = VIDEO_W, VIDEO_H, "yuv420p"
    cc = vs.codec_context
    cc.thread_count = 1
    cc.options = {
        "crf": "21",
        "preset": "slow",
        "tune": "animation",
        "profile": "high",
        "g": str(2 * FPS),
        "flags": "+bitexact",
    }
    # the frames are converted with the BT.601 matrix; say so, so players do not guess BT.709
    cc.colorspace, cc.color_primaries, cc.color_trc, cc.color_range = 6, 6, 6, 1
    aus = None
    if audio:
        aus = container.add_stream("aac", rate=AUDIO_RATE, layout="stereo")
        aus.codec_context.bit_rate = 96_000
        aus.codec_context.options = {"flags": "+bitexact"}

    frames = int(round(seconds * FPS))
    for i in range(frames):
        rgb = to_rgb(video_frame(scenes, i / FPS, seconds, lang))
        frame = av.VideoFrame.from_ndarray(rgb, format="rgb24").reformat(format="yuv420p")
        frame.pts = i
        frame.time_base = Fraction(1, FPS)
        for packet in vs.encode(frame):
            container.mux(packet)
        if i % (FPS * 10) == 0:
            print(f"    {path.name}: {i / FPS:4.0f} s", flush=True)
    for packet in vs.encode(None):
        container.mux(packet)

    if aus is not None:
        samples = pad_audio(seconds)
        block = 1024
        for start in range(0, samples.shape[1], block):
            chunk = np.ascontiguousarray(samples[:, start : start + block])
            af = av.AudioFrame.from_ndarray(chunk, format="fltp", layout="stereo")
            af.sample_rate = AUDIO_RATE
            af.pts = start
            af.time_base = Fraction(1, AUDIO_RATE)
            for packet in aus.encode(af):
                container.mux(packet)
        for packet in aus.encode(None):
            container.mux(packet)
    container.close()
    print(f"  wrote {path.relative_to(ROOT)} ({path.stat().st_size // 1024} KB)")


def make_videos() -> list[dict[str, str]]:
    """Both films with their side files; returns their metadata.csv rows."""
    VIDEO.mkdir(parents=True, exist_ok=True)
    check_cues(STORY_CUES, STORY_SECONDS)

    for lang in LANGUAGES:
        dot = "" if lang == "en" else f".{lang}"
        encode_video(VIDEO / f"membership-story{dot}.mp4", STORY_SCENES, STORY_SECONDS, lang, audio=True)
        poster = video_frame(STORY_SCENES, 43.0, STORY_SECONDS, lang)  # the intake bars, fully drawn
        save_still(poster, VIDEO / f"membership-story{dot}.jpg")
    write_vtt(VIDEO / "membership-story.vtt", STORY_CUES, "en")
    write_vtt(VIDEO / "membership-story.ru.vtt", STORY_CUES, "ru")
    write_text(VIDEO / "membership-story.txt", story_transcript("en"))
    write_text(VIDEO / "membership-story.ru.txt", story_transcript("ru"))

    for lang in LANGUAGES:
        dot = "" if lang == "en" else f".{lang}"
        encode_video(VIDEO / f"title-animation{dot}.mp4", TITLE_SCENES, TITLE_SECONDS, lang, audio=False)
        save_still(video_frame(TITLE_SCENES, 14.0, TITLE_SECONDS, lang), VIDEO / f"title-animation{dot}.png")
    write_text(VIDEO / "title-animation.txt", TITLE_TRANSCRIPT["en"])
    write_text(VIDEO / "title-animation.ru.txt", TITLE_TRANSCRIPT["ru"])

    return [
        {
            "file": "membership-story.mp4",
            "order": "1",
            "title": "The Lenin Enrollment in numbers",
            "caption": "A one-minute animated film: from a party with few workers in 1922 to slightly "
            "over one million members (approximate) in January 1926. Quiet music, captions on screen.",
            "credit": CREDIT_EN,
            "alt": "Animated infographic film: percentage bars for the 1922 party census, a timeline of "
            "December 1923 and January 1924, bars counting up to 638,070 entrants and 439,715 workers "
            "against the 100,000 target, and membership growing from 446,089 to about one million.",
            "title_ru": "Ленинский призыв в цифрах",
            "caption_ru": "Анимационный фильм длиной около минуты: от партии, где в 1922 году было мало "
            "рабочих, до немногим более миллиона членов (приблизительно) в январе 1926 года. Тихая музыка, "
            "субтитры на экране.",
            "credit_ru": CREDIT_RU,
            "alt_ru": "Анимированная инфографика: столбцы с процентами по переписи партии 1922 года, "
            "хронология декабря 1923 и января 1924 года, столбцы, отсчитывающие 638 070 вступивших и "
            "439 715 рабочих на фоне цели в 100 000, и рост партии с 446 089 до примерно миллиона членов.",
        },
        {
            "file": "title-animation.mp4",
            "order": "2",
            "title": "Title animation",
            "caption": "A short silent title sequence for the demo exhibit, with three key dates of the campaign.",
            "credit": CREDIT_EN,
            "alt": "Silent animation: the title Lenin Enrollment and its Russian name appear on a dark "
            "brown background, followed by three dates: December 1923, 21 January 1924 and 1924–1925.",
            "title_ru": "Титульная анимация",
            "caption_ru": "Короткая титульная заставка без звука с тремя ключевыми датами кампании.",
            "credit_ru": CREDIT_RU,
            "alt_ru": "Анимация без звука: на тёмно-коричневом фоне появляется заголовок «Ленинский призыв», "
            "затем три даты: декабрь 1923, 21 января 1924 и 1924–1925.",
        },
    ]


# =============================================================================================
def write_metadata(path: Path, rows: list[dict[str, str]]) -> None:
    """metadata.csv as docs/content.md describes it: UTF-8, header first, quoted by the csv
    module (so commas and quotes inside captions survive a spreadsheet round trip)."""
    fields = ["file", "order", "title", "caption", "credit", "alt", "title_ru", "caption_ru", "credit_ru", "alt_ru"]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"  wrote {path.relative_to(ROOT)}")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    _app = start_qt()
    only = set(args)  # optional: "images" or "video" to rebuild just one part
    if not only or "images" in only:
        print("images:")
        write_metadata(IMAGES / "metadata.csv", make_images())
    if not only or "video" in only:
        print("video:")
        write_metadata(VIDEO / "metadata.csv", make_videos())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
