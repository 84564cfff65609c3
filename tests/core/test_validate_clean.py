"""A clean pack validates with nothing to report, and loads into the content model."""

from __future__ import annotations

from pathlib import Path

from kiosk.core.findings import Severity
from kiosk.core.loader import load_library


def test_clean_pack_has_no_errors_or_warnings(pack: Path) -> None:
    """Staff who follow docs/content.md get a report with no errors and no warnings."""
    result = load_library(pack)
    assert [f for f in result.findings if f.severity >= Severity.WARNING] == []


def test_clean_pack_loads_every_item(pack: Path) -> None:
    """Every article, picture, film, series and chart in a clean pack reaches the exhibit."""
    subject = load_library(pack).library.subjects[0]
    assert subject.title.get() == "Test subject"
    assert subject.title.get("ru") == "Тестовая тема"
    assert subject.subtitle.get("ru") == "A pack for tests"  # falls back to the default language
    assert [a.id for a in subject.articles] == ["overview"]
    assert subject.articles[0].text("ru").title == "Обзор"
    assert subject.articles[0].text("de").title == "Overview"
    assert [i.name for i in subject.images] == ["one.jpg", "two.png"]
    assert subject.images[0].info.caption.get("ru") == "Первая картинка"
    assert subject.images[1].info.caption.get("ru") == "The second picture"
    assert (subject.images[0].width, subject.images[0].height) == (64, 48)
    video = subject.videos[0]
    assert video.has_audio and 0.9 < video.duration_s < 1.5
    assert video.captions["en"].name == "clip.vtt" and video.transcripts["en"].name == "clip.txt"
    points = subject.series["members"].points
    assert [p.value for p in points] == [446089, 1000000]
    assert [p.approximate for p in points] == [False, True]
    assert points[0].source == "Test source" and points[0].line == 2
    assert subject.charts[0].references[0].value == 100000
    assert subject.visible_tabs() == ("texts", "images", "video", "charts")


def test_content_root_with_several_subjects(tmp_path: Path) -> None:
    """A content root holds several subjects; each is found by its subject.toml."""
    from tests.core.packs import make_pack

    make_pack(tmp_path, "alpha")
    make_pack(tmp_path, "beta")
    (tmp_path / "notes").mkdir()
    result = load_library(tmp_path)
    assert [s.id for s in result.library.subjects] == ["alpha", "beta"]
    assert any(f.file == "notes" and f.severity is Severity.INFO for f in result.findings)


def test_fast_pass_lists_media_without_probing(pack: Path) -> None:
    """The start-up pass lists media without opening them, so the title screen paints first."""
    (pack / "images" / "one.jpg").write_bytes(b"not an image")
    fast = load_library(pack, media_checks=False)
    assert [i.name for i in fast.library.subjects[0].images] == ["one.jpg", "two.png"]
    full = load_library(pack, media_checks=True)
    assert [i.name for i in full.library.subjects[0].images] == ["two.png"]


def test_tab_hidden_without_content(pack: Path) -> None:
    """A tab with nothing to show is left out; the order follows subject.toml."""
    import shutil

    shutil.rmtree(pack / "video")
    text = (pack / "subject.toml").read_text()
    (pack / "subject.toml").write_text('tabs = ["charts", "images", "texts", "video"]\n' + text)
    subject = load_library(pack).library.subjects[0]
    assert subject.visible_tabs() == ("charts", "images", "texts")
