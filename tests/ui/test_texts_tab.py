"""The Texts tab: a reader for arm's length, A−/A+, kinetic scrolling, links that go nowhere."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QDesktopServices, QFontMetricsF, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QScroller

from kiosk.core.loader import load_library
from kiosk.core.model import Article, ArticleText, Subject
from kiosk.ui.reader.reader_body import ReaderBody
from kiosk.ui.tabs.base import TabContext
from kiosk.ui.tabs.texts import TextsTab
from kiosk.ui.tabs.touch_list import TouchList
from tests.ui.helpers import (
    LANDSCAPE,
    METRICS,
    PORTRAIT,
    FakeClock,
    WindowFactory,
    find,
    screenshot,
    tap,
)

ASSETS = Path(__file__).resolve().parents[2] / "assets"
LONG = ("In 1924 and 1925 the party opened its doors to factory workers. "
        "Within two years membership more than doubled. ") * 5


def _article(folder: Path, body: str) -> Article:
    text = ArticleText("en", "Links and pictures", "Exhibit Kiosk project",
                       "Siegelbaum, Lenin Enrollment", folder / "texts" / "links.md", body)
    return Article("links", 0, {"en": text}, "en")


def _tab(qtbot: Any, subject: Subject, size: tuple[int, int] = (1600, 850)) -> TextsTab:
    tab = TextsTab(subject, TabContext(METRICS, "en"))
    qtbot.addWidget(tab)
    tab.resize(*size)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def _body(tab: TextsTab) -> ReaderBody:
    body = tab.findChild(ReaderBody, "detailBody")
    assert body is not None
    return body


def _click_text(qtbot: Any, body: ReaderBody, text: str) -> None:
    cursor = body.document().find(text)
    assert not cursor.isNull(), text
    cursor.setPosition(cursor.selectionStart() + 1)
    body.ensureCursorVisible()
    rect = body.cursorRect(cursor)
    QTest.mouseClick(body.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(rect.center().x() + 2, rect.center().y()))
    qtbot.wait(1)


def test_articles_are_listed_overview_first_with_author(qtbot: Any, subject: Subject) -> None:
    """The list starts with the overview; each row names the author; the reader shows the source."""
    tab = _tab(qtbot, subject)
    touch_list = tab.findChild(TouchList)
    assert touch_list is not None
    rows = [touch_list.model().index(i, 0).data(0x0B) for i in range(touch_list.row_count())]
    assert rows[0].startswith("Overview") and all("Exhibit Kiosk project" in r for r in rows)
    assert find(tab, "detailTitle").text() == "Overview"
    assert "Source: Lewis Siegelbaum" in find(tab, "detailMeta").text()
    tap(touch_list.viewport(), touch_list.row_rect(2).center())
    assert find(tab, "detailTitle").text() == "Who joined, and why it mattered to the party"


def test_body_type_is_big_enough_and_lines_45_to_55_characters(qtbot: Any, subject: Subject) -> None:
    """Capitals at least 4.8 mm tall; a full line of the text holds 45–55 characters."""
    tab = _tab(qtbot, subject)
    body = _body(tab)
    font = body.document().defaultFont()
    assert QFontMetricsF(font).capHeight() >= 4.8 * METRICS.px_per_mm - 0.5
    block = body.document().findBlock(body.document().find("party").position())
    layout = block.layout()
    lengths = [layout.lineAt(i).textLength() for i in range(layout.lineCount() - 1)]
    assert lengths and 45 <= sum(lengths) / len(lengths) <= 57


def test_a_plus_and_a_minus_change_the_size_and_reset_restores_it(qtbot: Any,
                                                                  subject: Subject) -> None:
    """A+ enlarges the text, A− shrinks it, and the reset goes back to the default size."""
    tab = _tab(qtbot, subject)
    body = _body(tab)
    default = body.document().defaultFont().pixelSize()
    steps: list[int] = []
    tab.text_size_changed.connect(steps.append)
    tap(find(tab, "readerLarger"))
    tap(find(tab, "readerLarger"))
    assert body.document().defaultFont().pixelSize() > default
    tap(find(tab, "readerSmaller"))
    assert steps == [1, 2, 1]
    for _ in range(5):
        tap(find(tab, "readerSmaller"))
    assert not find(tab, "readerSmaller").isEnabled()
    assert body.document().defaultFont().pixelSize() < default
    tab.reset()
    assert body.document().defaultFont().pixelSize() == default


def test_text_scrolls_kinetically_and_by_page_buttons_and_reset_returns_to_top(
        qtbot: Any, subject: Subject) -> None:
    """The text has a kinetic scroller; ▼ pages down, ▲ up; the reset scrolls back to the top."""
    tab = _tab(qtbot, subject, (1600, 500))
    body = _body(tab)
    assert QScroller.hasScroller(body.viewport())
    bar = body.verticalScrollBar()
    assert bar.maximum() > 0 and bar.isVisible()
    assert not find(tab, "readerPageUp").isEnabled()
    tap(find(tab, "readerPageDown"))
    assert bar.value() > 0 and find(tab, "readerPageUp").isEnabled()
    tap(find(tab, "readerPageDown"))
    tab.reset()
    assert bar.value() == 0


def test_links_never_open_anything_and_anchors_scroll(qtbot: Any, subject: Subject,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Tapping a web link does nothing at all; tapping an internal link scrolls to its heading."""
    def fail(*_args: object) -> bool:
        pytest.fail("QDesktopServices.openUrl was reached")

    monkeypatch.setattr(QDesktopServices, "openUrl", fail)
    body_md = (f"[Open the web](https://example.com/) and [a file](file:///etc/passwd) "
               f"and [jump down](#later-on).\n\n{LONG}\n\n{LONG}\n\n## Later on\n\n{LONG}")
    tab = _tab(qtbot, replace(subject, articles=(_article(subject.path, body_md),)), (1600, 600))
    body = _body(tab)
    before = body.toHtml()
    _click_text(qtbot, body, "Open the web")
    _click_text(qtbot, body, "a file")
    assert body.toHtml() == before and body.source().isEmpty()
    assert body.verticalScrollBar().value() == 0
    _click_text(qtbot, body, "jump down")
    assert body.verticalScrollBar().value() > 0


def test_raw_html_shows_as_text_and_pictures_come_only_from_the_subject(
        qtbot: Any, subject: Subject, tmp_path: Path) -> None:
    """A script tag reads as text; a picture from the subject shows, one from outside does not."""
    inside = subject.path / "images" / "in-text.png"
    picture = QImage(2400, 600, QImage.Format.Format_RGB32)
    picture.fill(QColor("#3366aa"))
    assert picture.save(str(inside))
    outside = tmp_path / "outside.png"
    assert picture.save(str(outside))
    body_md = ("<script>alert('x')</script>\n\n![A poster](../images/in-text.png)\n\n"
               f"![Not ours]({Path('../../..') / outside.relative_to('/')})")
    tab = _tab(qtbot, replace(subject, articles=(_article(subject.path, body_md),)))
    body = _body(tab)
    assert "<script>alert('x')</script>" in body.toPlainText()
    assert "Not ours" in body.toPlainText()
    html = body.toHtml()
    assert html.count("<img") == 1 and "kiosk-image:0" in html
    image = body.loadResource(2, "kiosk-image:0")
    assert isinstance(image, QImage) and 0 < image.width() <= body.column()[1]
    assert body.loadResource(2, f"file://{outside}") is None


def test_idle_reset_restores_text_size_scroll_and_first_article(make_window: WindowFactory,
                                                                clock: FakeClock, qtbot: Any) -> None:
    """After the visitor leaves: overview, default size, scrolled to the top."""
    window = make_window(size=(1920, 700))
    tap(find(window, "touchToBegin"))
    page = find(window, "tabPage_texts")
    touch_list = page.findChild(TouchList)
    assert touch_list is not None
    tap(touch_list.viewport(), touch_list.row_rect(1).center())
    body = find(page, "detailBody")
    assert isinstance(body, ReaderBody)
    default = body.document().defaultFont().pixelSize()
    tap(find(page, "readerLarger"))
    tap(find(page, "readerPageDown"))
    assert body.verticalScrollBar().value() > 0
    clock.advance(90)
    qtbot.waitUntil(lambda: window.screen_name() == "title")
    tap(find(window, "touchToBegin"))
    assert find(page, "detailTitle").text() == "Overview"
    assert body.document().defaultFont().pixelSize() == default
    assert body.verticalScrollBar().value() == 0


@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
def test_reader_screenshot_with_the_demo_exhibit(make_window: WindowFactory, qtbot: Any,
                                                 size: tuple[int, int]) -> None:
    """The reader with the demo exhibit renders at kiosk sizes (artifacts/screenshots)."""
    library = load_library(ASSETS).library
    window = make_window(size=size, content=library)
    tap(find(window, "touchToBegin"))
    page = find(window, "tabPage_texts")
    touch_list = page.findChild(TouchList)
    assert touch_list is not None
    tap(touch_list.viewport(), touch_list.row_rect(1).center())
    qtbot.wait(1)
    path = screenshot(window, f"reader-{size[0]}x{size[1]}")
    assert path.stat().st_size > 10_000
