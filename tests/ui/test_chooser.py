"""The chooser for many subjects: equal cards with pictures and summaries, and a clear sign of
more, at kiosk sizes, in a classroom window, in both languages and at the largest text."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from kiosk.core.appearance import TEXT_SCALES
from kiosk.core.loader import load_library
from kiosk.core.model import Library
from kiosk.ui.chooser_screen import ChooserScreen
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.subject_card import SubjectCard
from tests.ui.helpers import LANDSCAPE, METRICS, PORTRAIT, WindowFactory, find, screenshot, tap

SUBJECTS = Path(__file__).resolve().parents[1] / "subjects"
ASSETS = Path(__file__).resolve().parents[2] / "assets"
CLASSROOM = (1366, 768)


@pytest.fixture(scope="module")
def twelve() -> Library:
    return load_library(SUBJECTS / "twelve").library


@pytest.fixture(scope="module")
def four(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """The demo beside three test subjects of other shapes (a film only, long names, 3 languages)."""
    root = tmp_path_factory.mktemp("four")
    for folder in (ASSETS / "lenin-enrollment", *(SUBJECTS / n for n in ("one-tab", "one-language",
                                                                           "three-languages"))):
        shutil.copytree(folder, root / folder.name)
    return load_library(root).library


def _window(make_window: WindowFactory, content: Library, size: tuple[int, int]) -> KioskWindow:
    if size == CLASSROOM:  # a classroom window: sizes fitted to it, as `kiosk run --windowed` does
        return make_window(size=size, content=content, metrics=METRICS.fitted(*size), windowed=True)
    return make_window(size=size, content=content)


def _chooser(window: KioskWindow) -> ChooserScreen:
    chooser = find(window, "chooserScreen")
    assert isinstance(chooser, ChooserScreen)
    return chooser


def _shown(chooser: ChooserScreen) -> list[SubjectCard]:
    return [c for c in chooser.cards() if c.isVisible()]


def _rect(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _check_page(window: KioskWindow, chooser: ChooserScreen) -> list[SubjectCard]:
    """The page's cards: one size, inside the window, apart, each with its whole words."""
    cards = _shown(chooser)
    assert cards
    rects = [_rect(c, window) for c in cards]
    assert len({(r.width(), r.height()) for r in rects}) == 1, rects
    for i, r in enumerate(rects):
        assert window.rect().contains(r), (r, window.rect())
        assert not any(r.intersects(o) for o in rects[i + 1:])
    for card in cards:
        assert card.picture.has_picture(), card.objectName()  # never a placeholder glyph here
        year, title, summary = card.labels()
        for label in (title, summary):
            if label.text():
                assert label.height() >= label.heightForWidth(label.width()), (card.objectName(), label.text())
                assert card.rect().contains(QRect(label.mapTo(card, QPoint(0, 0)), label.size()))
        assert title.width() >= max(title.fontMetrics().horizontalAdvance(w) for w in title.text().split())
    return cards


def _bigger_text(window: KioskWindow, qtbot: Any, steps: int) -> None:
    for _ in range(steps):
        tap(find(window, "accessLarger"))
    qtbot.wait(1)  # the new sizes reach every label through posted events


@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT, CLASSROOM], ids=["landscape", "portrait", "classroom"])
@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("step", range(len(TEXT_SCALES)), ids=[f"text{s}" for s in TEXT_SCALES])
def test_twelve_subjects_page_by_page(make_window: WindowFactory, qtbot: Any, twelve: Library,
                                      size: tuple[int, int], language: str, step: int) -> None:
    """Twelve subjects: each page shows equal whole cards inside the window, the strip says
    which page of how many, and "More subjects" leads through every card exactly once."""
    window = _window(make_window, twelve, size)
    if language == "ru":  # half of the twelve are offered in Russian: the chooser offers it
        tap(find(window, "languageButton_ru"))
    if step:
        _bigger_text(window, qtbot, step)
    chooser = _chooser(window)
    seen: list[str] = []
    for page in range(chooser.page_count()):
        cards = _check_page(window, chooser)
        seen += [c.subject_id() for c in cards]
        if chooser.page_count() > 1:
            strip = find(window, "pageStrip")
            assert window.rect().contains(_rect(strip, window))
            dots = find(strip, "pageDots")
            assert f"{page + 1}" in dots.text() and "●" in dots.text()  # type: ignore[attr-defined]
            more = find(strip, "pageNext")
            assert more.isEnabled() == (page < chooser.page_count() - 1)
            assert more.height() >= METRICS.fitted(*size).target() - 1 if size == CLASSROOM else METRICS.target()
            if more.isEnabled():
                tap(more)
    assert seen == [s.id for s in twelve.subjects]
    name = f"chooser-twelve-{size[0]}x{size[1]}-{language}-text{TEXT_SCALES[step]}"
    qtbot.wait(1)  # painted as a visitor sees it, pending layouts done
    screenshot(window, name)


def test_four_subjects_fit_one_screen_with_their_summaries(make_window: WindowFactory, four: Library) -> None:
    """Four subjects of different shapes at 1920×1080: every card on screen, no strip, each card
    showing its summary, a film-only subject its film's poster."""
    window = _window(make_window, four, LANDSCAPE)
    chooser = _chooser(window)
    cards = _check_page(window, chooser)
    assert len(cards) == 4 and chooser.page_count() == 1
    assert not any(w.isVisible() for w in window.findChildren(QWidget, "pageStrip"))
    by_id = {c.subject_id(): c for c in cards}
    for subject in four.subjects:
        assert by_id[subject.id].labels()[2].text() == subject.summary.get("en")
    ferry = by_id["one-tab"].picture.source()
    assert ferry is not None and ferry.name == "ferry.jpg"
    screenshot(window, "chooser-four-1920x1080")


def test_the_card_picture_follows_the_language(make_window: WindowFactory, four: Library) -> None:
    """The `card` named in subject.toml is shown, in its Russian version for a Russian visitor."""
    window = _window(make_window, four, LANDSCAPE)
    card = find(window, "subjectCard_three-languages")
    assert card.picture.source().name == "square.jpg"  # type: ignore[attr-defined]
    tap(find(window, "languageButton_ru"))
    assert card.picture.source().name == "square.ru.jpg"  # type: ignore[attr-defined]
    demo = find(window, "subjectCard_lenin-enrollment")
    assert demo.picture.source().name == "title-card.ru.png"  # type: ignore[attr-defined]
    assert demo.labels()[1].text() == "Ленинский призыв"  # type: ignore[attr-defined]


def test_a_swipe_turns_the_page_without_opening_a_subject(make_window: WindowFactory, twelve: Library) -> None:
    """Dragging across a card goes to the next page; only a tap opens a subject."""
    window = _window(make_window, twelve, PORTRAIT)
    chooser = _chooser(window)
    assert chooser.page_count() > 1
    card = _shown(chooser)[0]
    start = card.rect().center()
    QTest.mousePress(card, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseRelease(card, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       start - QPoint(card.width() // 2, 0))
    assert chooser.page() == 1 and window.screen_name() == "title"
    tap(find(window, "pagePrevious"))
    assert chooser.page() == 0
    tap(_shown(chooser)[1])
    assert window.screen_name().startswith("exhibit/")
    assert find(window, "exhibitTitle").text() == twelve.subjects[1].title.get()  # type: ignore[attr-defined]


def test_arrow_keys_turn_the_page_in_a_classroom(make_window: WindowFactory, twelve: Library) -> None:
    """In a classroom window, → and ← page through the subjects too."""
    window = _window(make_window, twelve, CLASSROOM)
    chooser = _chooser(window)
    QTest.keyClick(window, Qt.Key.Key_Right)
    assert chooser.page() == 1
    QTest.keyClick(window, Qt.Key.Key_Left)
    assert chooser.page() == 0


def test_the_idle_reset_goes_back_to_the_first_page(make_window: WindowFactory, twelve: Library,
                                                    clock: Any, qtbot: Any) -> None:
    """The next visitor finds the first page again."""
    window = _window(make_window, twelve, LANDSCAPE)
    chooser = _chooser(window)
    tap(find(window, "pageNext"))
    assert chooser.page() == 1
    window.reset_visit()
    assert chooser.page() == 0 and _shown(chooser)[0].subject_id() == twelve.subjects[0].id


def test_drafts_and_order(tmp_path: Path, make_window: WindowFactory) -> None:
    """Cards follow `order`; a draft subject has no card."""
    root = tmp_path / "root"
    root.mkdir()
    for name in ("tram", "bakers", "bridges"):
        shutil.copytree(SUBJECTS / "twelve" / name, root / name)
    draft = root / "draft"
    draft.mkdir()
    (draft / "subject.toml").write_text('title = "Not yet"\ndraft = true\ncredit = "x"\n')
    (draft / "texts").mkdir()
    (draft / "texts" / "a.md").write_text("---\ntitle: A\nsource: S\n---\nText.\n")
    library = load_library(root).library
    window = _window(make_window, library, LANDSCAPE)
    ids = [c.subject_id() for c in _shown(_chooser(window))]
    assert ids == ["bridges", "bakers", "tram"]
