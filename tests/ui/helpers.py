"""Helpers for the shell's tests: a fake clock, a hand-made subject, and visitor actions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from kiosk.core.model import (
    Annotation,
    Article,
    ArticleText,
    ChartDef,
    DataPoint,
    ImageItem,
    Localized,
    MediaInfo,
    ReferenceLine,
    Series,
    Subject,
    VideoItem,
)
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.metrics import REFERENCE_DPI, Metrics

WindowFactory = Callable[..., KioskWindow]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
LANDSCAPE = (1920, 1080)
PORTRAIT = (1080, 1920)


METRICS = Metrics(REFERENCE_DPI)




class FakeClock:
    """A monotonic clock that moves only when a test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds



def _picture(path: Path, label: str, hue: int, size: tuple[int, int] = (1200, 800)) -> Path:
    image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    image.fill(QColor.fromHsv(hue, 90, 120))
    painter = QPainter(image)
    painter.setPen(QColor("#f2ebdc"))
    font = QFont("DejaVu Serif")
    font.setPixelSize(size[1] // 8)
    painter.setFont(font)
    painter.drawRect(image.rect().adjusted(30, 30, -31, -31))
    painter.drawText(image.rect(), int(Qt.AlignmentFlag.AlignCenter), label)
    painter.end()
    image.save(str(path))
    return path


def _info(title: str, caption: str, credit: str, alt: str, ru_title: str = "") -> MediaInfo:
    return MediaInfo(
        title=Localized({"en": title, "ru": ru_title} if ru_title else {"en": title}),
        caption=Localized({"en": caption}),
        credit=Localized({"en": credit}),
        alt=Localized({"en": alt}),
    )


def _article(folder: Path, aid: str, order: float, title: str, ru_title: str, body: str) -> Article:
    source = "Lewis Siegelbaum, \"Lenin Enrollment\", Seventeen Moments in Soviet History, CC BY-SA 4.0"
    en = ArticleText("en", title, "Exhibit Kiosk project", source, folder / f"{aid}.md", body)
    ru = ArticleText("ru", ru_title, "Проект Exhibit Kiosk", source, folder / f"{aid}.ru.md",
                     "Текст статьи на русском языке.\n\n" * 3)
    return Article(aid, order, {"en": en, "ru": ru}, "en")


def make_subject(root: Path, subject_id: str = "lenin-enrollment", *, title: str = "Lenin Enrollment",
                 tabs: tuple[str, ...] = ("texts", "images", "video", "charts"),
                 with_media: bool = True) -> Subject:
    folder = root / subject_id
    for sub in ("texts", "images", "video"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    paragraph = ("In 1924 and 1925 the party opened its doors to factory workers. "
                 "Within two years membership more than doubled. ")
    articles = (
        _article(folder / "texts", "overview", 1, "Overview", "Обзор", "## Why\n\n" + paragraph * 6),
        _article(folder / "texts", "campaign", 2, "The campaign", "Кампания", paragraph * 4),
        _article(folder / "texts", "who-joined", 3, "Who joined, and why it mattered to the party",
                 "Кто вступил", paragraph * 3),
    )
    images: tuple[ImageItem, ...] = ()
    videos: tuple[VideoItem, ...] = ()
    if with_media:
        images = tuple(
            ImageItem(_picture(folder / "images" / f"{name}.png", label, hue), i, _info(
                label, caption, "Made for the Exhibit Kiosk demo (CC BY-SA 4.0)", f"A card: {label}",
                ru_title=f"{label} (рус.)"))
            for i, (name, label, caption, hue) in enumerate((
                ("membership", "Membership doubled",
                 "446,089 members on 1 January 1924; slightly over a million by January 1926.", 30),
                ("census", "The 1922 census", "Only 15% of members worked in industry.", 200),
                ("recruits", "Moscow recruits", "Mostly skilled men under 34.", 110),
            ), start=1)
        )
        poster = _picture(folder / "video" / "story.jpg", "Membership story", 15, (1280, 720))
        videos = (
            VideoItem(folder / "video" / "story.mp4", 1, _info(
                "How membership grew", "A short animated chart of the figures.",
                "Made for the Exhibit Kiosk demo", "Animated chart"), duration_s=95.0,
                has_audio=True, captions={"en": folder / "video" / "story.vtt",
                                          "ru": folder / "video" / "story.ru.vtt"},
                transcripts={"en": folder / "video" / "story.txt"}, poster=poster),
            VideoItem(folder / "video" / "title.mp4", 2, _info(
                "Title animation", "The exhibit's title card.", "Made for the demo", ""),
                duration_s=12.0, has_audio=False),
        )
    src = "Siegelbaum, Lenin Enrollment (CC BY-SA 4.0)"
    members = Series("members", (
        DataPoint("members", 446089, src, folder / "data/m.csv", 2, dt.date(1924, 1, 1)),
        DataPoint("members", 1000000, src, folder / "data/m.csv", 3, dt.date(1926, 1, 1), "month",
                  approximate=True),
    ))
    share = Series("share", (
        DataPoint("share", 15, src, folder / "data/c.csv", 2, category=Localized({"en": "Workers"}),
                  unit="%"),
        DataPoint("share", 63, src, folder / "data/c.csv", 3,
                  category=Localized({"en": "White-collar"}), unit="%"),
    ))
    charts = (
        ChartDef("membership", "line", Localized({"en": "Party membership, 1924–1926",
                                                  "ru": "Численность партии"}),
                 ("members",), Localized({"en": "Date"}), Localized({"en": "Members"}),
                 references=(ReferenceLine(100000, Localized({"en": "Target: 100,000 workers"})),),
                 annotations=(Annotation(dt.date(1924, 1, 21), Localized({"en": "Lenin dies"})),)),
        ChartDef("census", "bar", Localized({"en": "Who the members were, 1922"}), ("share",),
                 Localized({"en": "Occupation"}), Localized({"en": "Share of members"}), "%"),
    )
    return Subject(
        id=subject_id, path=folder, title=Localized({"en": title, "ru": "Ленинский призыв"}),
        subtitle=Localized({"en": "How the party recruited a hundred thousand workers",
                            "ru": "Как партия приняла сто тысяч рабочих"}),
        year="1924–1925",
        summary=Localized({"en": "In 1924 and 1925 the party opened its doors to factory workers. "
                                 "Membership more than doubled."}),
        credit=Localized({"en": "Lewis Siegelbaum, Seventeen Moments in Soviet History"}),
        licence="CC BY-SA 4.0", default_language="en", languages=("en", "ru"), tabs=tabs,
        idle_timeout_s=None, articles=articles, images=images, videos=videos,
        series={"members": members, "share": share}, charts=charts,
    )


# -- acting like a visitor ------------------------------------------------------------------------


def find(root: QWidget, name: str) -> QWidget:
    """The visible widget called ``name`` (objectName) under ``root``."""
    matches = [w for w in root.findChildren(QWidget, name) if w.isVisible()]
    assert matches, f"no visible widget named {name!r}"
    return matches[0]


def tap(widget: QWidget, pos: QPoint | None = None) -> None:
    """A touch, as Qt delivers it to widgets: a press and release of the left button."""
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     pos if pos is not None else widget.rect().center())


def screenshot(widget: QWidget, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    assert widget.grab().save(str(path)), f"could not save {path}"
    return path
