"""The content model: what a subject holds once its folder has been read and checked.

Everything here is plain, immutable data. The Qt shell receives these objects and never reads
content files on its own, so what the validator accepted is exactly what visitors see.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

TAB_NAMES: tuple[str, ...] = ("texts", "images", "video", "charts")


@dataclass(frozen=True)
class Localized:
    """One field of content in several languages, falling back to the default language."""

    values: Mapping[str, str]
    default_language: str = "en"

    def get(self, language: str | None = None) -> str:
        if language and self.values.get(language):
            return self.values[language]
        if self.values.get(self.default_language):
            return self.values[self.default_language]
        return next((v for v in self.values.values() if v), "")

    def has(self, language: str) -> bool:
        return bool(self.values.get(language))

    def __bool__(self) -> bool:
        return any(self.values.values())

    @classmethod
    def plain(cls, text: str, language: str = "en") -> Localized:
        return cls({language: text} if text else {}, language)


@dataclass(frozen=True)
class ArticleText:
    """One language version of an article."""

    language: str
    title: str
    author: str
    source: str
    path: Path
    markdown: str


@dataclass(frozen=True)
class Article:
    id: str
    order: float
    versions: Mapping[str, ArticleText]
    default_language: str

    def text(self, language: str | None = None) -> ArticleText:
        if language and language in self.versions:
            return self.versions[language]
        if self.default_language in self.versions:
            return self.versions[self.default_language]
        return next(iter(self.versions.values()))


@dataclass(frozen=True)
class MediaInfo:
    """The columns of a metadata.csv row that every picture and film carries."""

    title: Localized
    caption: Localized
    credit: Localized
    alt: Localized


def pick_variant(default: Path, variants: Mapping[str, Path], language: str | None) -> Path:
    """The file for ``language`` (``NAME.ru.png`` beside ``NAME.png``), else the default one."""
    return variants.get(language, default) if language else default


@dataclass(frozen=True)
class ImageItem:
    path: Path  # the default language's file; it also names the item (analytics, metadata.csv)
    order: float
    info: MediaInfo
    width: int = 0
    height: int = 0
    orientation: int = 1  # EXIF orientation tag, 1 = upright
    variants: Mapping[str, Path] = field(default_factory=dict)  # language -> NAME.XX.png

    @property
    def name(self) -> str:
        return self.path.name

    def path_for(self, language: str | None) -> Path:
        """The picture a visitor reading ``language`` sees."""
        return pick_variant(self.path, self.variants, language)


@dataclass(frozen=True)
class VideoItem:
    path: Path
    order: float
    info: MediaInfo
    duration_s: float = 0.0
    has_audio: bool = False
    width: int = 0
    height: int = 0
    captions: Mapping[str, Path] = field(default_factory=dict)
    transcripts: Mapping[str, Path] = field(default_factory=dict)
    poster: Path | None = None
    variants: Mapping[str, Path] = field(default_factory=dict)  # language -> NAME.XX.mp4
    posters: Mapping[str, Path] = field(default_factory=dict)  # language -> NAME.XX.jpg

    @property
    def name(self) -> str:
        return self.path.name

    def path_for(self, language: str | None) -> Path:
        """The film a visitor reading ``language`` plays."""
        return pick_variant(self.path, self.variants, language)

    def poster_for(self, language: str | None) -> Path | None:
        """The poster for ``language``: its own, else the default poster."""
        if language and language in self.posters:
            return self.posters[language]
        return self.poster

    @property
    def silent(self) -> bool:
        return not self.has_audio


@dataclass(frozen=True)
class DataPoint:
    """One figure, always with its source. `x` is a date for line charts, or None for bars."""

    series: str
    value: float
    source: str
    file: Path
    line: int
    x: dt.date | None = None
    x_precision: str = "day"  # "year", "month" or "day": how the date was written
    category: Localized | None = None
    approximate: bool = False
    unit: str = ""
    note: Localized = field(default_factory=lambda: Localized({}))


@dataclass(frozen=True)
class Series:
    name: str
    points: tuple[DataPoint, ...]

    @property
    def is_dated(self) -> bool:
        return all(p.x is not None for p in self.points)


@dataclass(frozen=True)
class ReferenceLine:
    value: float
    label: Localized
    source: str = ""


@dataclass(frozen=True)
class Annotation:
    x: dt.date
    label: Localized


@dataclass(frozen=True)
class ChartDef:
    id: str
    kind: str  # "line" or "bar"
    title: Localized
    series: tuple[str, ...]
    x_label: Localized
    y_label: Localized
    y_unit: str = ""
    references: tuple[ReferenceLine, ...] = ()
    annotations: tuple[Annotation, ...] = ()


@dataclass(frozen=True)
class Subject:
    id: str
    path: Path
    title: Localized
    subtitle: Localized
    year: str
    summary: Localized
    credit: Localized
    licence: str
    default_language: str
    languages: tuple[str, ...]
    tabs: tuple[str, ...]
    idle_timeout_s: float | None
    articles: tuple[Article, ...] = ()
    images: tuple[ImageItem, ...] = ()
    videos: tuple[VideoItem, ...] = ()
    series: Mapping[str, Series] = field(default_factory=dict)
    charts: tuple[ChartDef, ...] = ()
    order: float = float("inf")  # place among the subjects of a content root
    draft: bool = False  # checked by the validator, never shown to visitors
    card: Path | None = None  # the chooser card's picture named in subject.toml
    card_variants: Mapping[str, Path] = field(default_factory=dict)

    def offers(self, language: str) -> bool:
        return language in self.languages

    def card_picture(self, language: str | None) -> Path | None:
        """The chooser card's picture: the `card` named in subject.toml, else the first
        picture, else the first film's poster (each in the visitor's language if it has one)."""
        if self.card is not None:
            return pick_variant(self.card, self.card_variants, language)
        if self.images:
            return self.images[0].path_for(language)
        return next((p for v in self.videos if (p := v.poster_for(language)) is not None), None)

    def visible_tabs(self) -> tuple[str, ...]:
        """Tabs in the subject's order, leaving out those with nothing to show."""
        has = {
            "texts": bool(self.articles),
            "images": bool(self.images),
            "video": bool(self.videos),
            "charts": bool(self.charts),
        }
        return tuple(t for t in self.tabs if has.get(t))


@dataclass(frozen=True)
class Library:
    """Every usable subject under one content root."""

    root: Path
    subjects: tuple[Subject, ...]
    drafts: tuple[Subject, ...] = ()  # checked, but never shown to visitors (draft = true)

    def subject(self, subject_id: str) -> Subject | None:
        return next((s for s in self.subjects if s.id == subject_id), None)
