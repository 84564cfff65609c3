"""Every screen in Russian: no interface English left, nothing clipped, content in the visitor's
language with fallback, screenshots (ru-*, hc-*, large-*), and the idle reset putting back the
default language, text size, contrast and layout."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from babel.messages.pofile import read_po
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from kiosk.core.appearance import Appearance
from kiosk.core.loader import load_library
from kiosk.core.model import Library
from kiosk.ui.i18n import LOCALE_DIR
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import HIGH_CONTRAST, PALETTE, palette
from tests.ui.helpers import FakeClock, WindowFactory, find, make_subject, screenshot, tap

ASSETS = Path(__file__).resolve().parents[2] / "assets"
STAFF_ONLY = ("pinPad", "staffPanel")  # staff screens may stay English
# Names that stay in their own language in Russian text (authors, titles of works, licences).
PROPER_NAMES = (
    'Lewis Siegelbaum, "Lenin Enrollment", Seventeen Moments in Soviet History '
    "(soviethistory.msu.edu), CC BY-SA 4.0",
    'Lewis Siegelbaum, "Lenin Enrollment", Seventeen Moments in Soviet History, CC BY-SA 4.0',
    "Seventeen Moments in Soviet History", "Lenin Enrollment", "Lewis Siegelbaum", "Siegelbaum",
    "Exhibit Kiosk", "CC BY-SA 4.0", "English", "soviethistory.msu.edu",
    'The Great Soviet Encyclopedia, 3rd edition (1970–1979; English translation, Macmillan, '
    '1973–1983), article "Lenin Enrollment in the Party"',
    "US Embassy Moscow, airgram of 1 November 1947, Foreign Relations of the United States, 1947, "
    "vol. IV, document 419 (summarising Soviet party figures)",
)


@pytest.fixture(scope="module")
def demo(qapp: QApplication) -> Library:
    return load_library(ASSETS, media_checks=False).library


def _english_patterns() -> list[re.Pattern[str]]:
    """Every interface msgid whose Russian differs from the English, as a pattern."""
    with (LOCALE_DIR / "ru" / "LC_MESSAGES" / "kiosk.po").open("rb") as fp:
        catalog = read_po(fp)
    patterns = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for msgid in ids:
            if msgid in strings:
                continue
            body = re.escape(msgid).replace(r"\{", "{").replace(r"\}", "}")
            body = re.sub(r"{\w+}", ".+?", body)
            patterns.append(re.compile(rf"(?<![\w]){body}(?![\w])"))
    return patterns


ENGLISH = _english_patterns()


def _in_staff_overlay(widget: QWidget) -> bool:
    w: QWidget | None = widget
    while w is not None:
        if w.objectName() in STAFF_ONLY:
            return True
        w = w.parentWidget()
    return False


def _words(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every visible label, button text, accessible name and description."""
    found = []
    for w in window.findChildren(QWidget):
        if not w.isVisible() or _in_staff_overlay(w):
            continue
        where = w.objectName() or type(w).__name__
        if isinstance(w, (QLabel, QAbstractButton)):
            found.append((where, w.text()))
        found.append((where + "/name", w.accessibleName()))
        found.append((where + "/description", w.accessibleDescription()))
    return [(where, text) for where, text in found if text.strip()]


def untranslated(window: QWidget, *, content: bool = True) -> list[str]:
    """Interface English (a msgid) or, with ``content``, runs of English words that are not
    proper names (content that exists in Russian but was not shown in it)."""
    problems = []
    for where, text in _words(window):
        rest = text
        for name in PROPER_NAMES:
            rest = rest.replace(name, " ")
        if any(p.search(rest) for p in ENGLISH):
            problems.append(f"{where}: {text!r} (interface English)")
        elif content and re.search(r"[A-Za-z]{3,}(?:[\s,.;:]+[A-Za-z]{2,}){2,}", rest):
            problems.append(f"{where}: {text!r} (English words)")
    return problems


def clipped(window: QWidget) -> list[str]:
    """Visible buttons and one-line labels whose text is wider than the widget shows."""
    problems = []
    for w in window.findChildren(QWidget):
        if not w.isVisible() or not w.width() or _in_staff_overlay(w):
            continue
        if isinstance(w, QAbstractButton) and w.text():
            if w.sizeHint().width() > w.width() + 1:
                problems.append(f"{w.objectName()}: {w.text()!r} {w.sizeHint().width()} > {w.width()}")
        elif isinstance(w, QLabel) and w.text() and not w.wordWrap() and w.pixmap().isNull():
            if w.sizeHint().width() > w.width() + 1:
                problems.append(f"{w.objectName()}: {w.text()!r} {w.sizeHint().width()} > {w.width()}")
    return problems


def _check(window: KioskWindow, qtbot: Any, name: str, *, english: bool = True) -> None:
    _check_screen(window, qtbot, name, english=english)


def _check_screen(window: KioskWindow, qtbot: Any, name: str, *, english: bool = True) -> None:
    qtbot.wait(1)
    if english:
        assert untranslated(window) == [], name
    assert clipped(window) == [], name
    assert screenshot(window, name).stat().st_size > 10_000


def _open_every_tab(window: KioskWindow, qtbot: Any, prefix: str, *, english: bool = True) -> None:
    def _check(window: KioskWindow, qtbot: Any, name: str) -> None:
        _check_screen(window, qtbot, name, english=english)

    tap(find(window, "touchToBegin"))
    for tab in ("texts", "images", "video", "charts"):
        tap(find(window, f"tab_{tab}"))
        _check(window, qtbot, f"{prefix}-tab-{tab}")
        page = find(window, f"tabPage_{tab}")
        if tab == "images":
            grid = find(page, "galleryGrid")
            tap(grid.viewport(), grid.row_rect(1).center())  # type: ignore[attr-defined]
            _check(window, qtbot, f"{prefix}-viewer")
            tap(find(page, "viewerClose"))
        elif tab == "video":
            tap(find(page, "videoTranscriptButton"))
            _check(window, qtbot, f"{prefix}-transcript")
            tap(find(page, "videoTranscriptButton"))
        elif tab == "charts":
            plot = page.panel.plot()  # type: ignore[attr-defined]
            tap(plot.viewport(), plot.position_of(0))
            qtbot.waitUntil(page.panel.callout().isVisible)  # type: ignore[attr-defined]
            _check(window, qtbot, f"{prefix}-chart-callout")


def test_every_screen_in_russian(make_window: WindowFactory, demo: Library, clock: FakeClock,
                                 qtbot: Any) -> None:
    """In Russian no screen shows interface English or a clipped label, and tabs show content in
    Russian (screenshots ru-*)."""
    window = make_window(content=demo, reduced_motion=True, idle_timeout_s=90)
    tap(find(window, "languageButton_ru"))
    _check(window, qtbot, "ru-title")
    _open_every_tab(window, qtbot, "ru")
    assert find(window, "detailTitle").text() != ""  # the chart's title, in Russian
    clock.advance(75)
    qtbot.waitUntil(lambda: find(window, "stillThereOverlay").isVisible())
    _check(window, qtbot, "ru-still-there")
    assert "секунд" in find(window, "overlayNote").text()


def test_chooser_and_unavailable_in_russian(make_window: WindowFactory, demo: Library,
                                            content_root: Path, tmp_path: Path, qtbot: Any) -> None:
    """The chooser and the "resting" screen have a language switch and speak Russian."""
    second = make_subject(content_root, "new-economic-policy", title="The New Economic Policy",
                          with_media=False)
    window = make_window(content=Library(demo.root, (*demo.subjects, second)))
    tap(find(window, "languageButton_ru"))
    assert find(window, "chooserHeading").text() == "Коснитесь темы, чтобы начать"
    # The second, made-up subject has its summary in English only: a fallback, not a fault.
    assert untranslated(window, content=False) == []
    _check(window, qtbot, "ru-chooser", english=False)
    window.exit_kiosk()
    resting = make_window(content=Library(tmp_path, ()))
    tap(find(resting, "languageButton_ru"))
    assert find(resting, "unavailableTitle").text() == "Выставка временно недоступна"
    _check(resting, qtbot, "ru-unavailable")


def test_high_contrast_screens(make_window: WindowFactory, demo: Library, qtbot: Any) -> None:
    """High contrast turns every screen black, white and yellow (screenshots hc-*)."""
    window = make_window(content=demo, reduced_motion=True)
    tap(find(window, "accessContrast"))
    assert palette() is HIGH_CONTRAST
    _check(window, qtbot, "hc-title", english=False)
    _open_every_tab(window, qtbot, "hc", english=False)
    grab = window.grab().toImage()
    assert grab.pixelColor(5, window.height() // 2).name() == HIGH_CONTRAST["bg"]


def test_largest_text_in_russian(make_window: WindowFactory, demo: Library, qtbot: Any) -> None:
    """At the largest text size, in Russian, nothing is clipped (screenshots large-*)."""
    window = make_window(content=demo, reduced_motion=True)
    tap(find(window, "languageButton_ru"))
    body_px = window.font().pixelSize()
    while find(window, "accessLarger").isEnabled():
        tap(find(window, "accessLarger"))
    assert window.font().pixelSize() > body_px * 1.3
    _check(window, qtbot, "large-title")
    _open_every_tab(window, qtbot, "large")


def test_a_field_missing_in_russian_falls_back_to_the_default(make_window: WindowFactory) -> None:
    """A caption with no Russian version shows in English; its Russian title shows in Russian."""
    window = make_window()
    tap(find(window, "languageButton_ru"))
    tap(find(window, "touchToBegin"))
    tap(find(window, "tab_images"))
    page = find(window, "tabPage_images")
    grid = find(page, "galleryGrid")
    tap(grid.viewport(), grid.row_rect(0).center())  # type: ignore[attr-defined]
    assert find(page, "viewerTitle").text() == "Membership doubled (рус.)"
    assert find(page, "viewerCaption").text().startswith("446,089 members")
    assert find(window, "tab_images").text() == "Изображения"


def test_idle_reset_restores_language_size_contrast_and_reach(make_window: WindowFactory,
                                                              clock: FakeClock, qtbot: Any) -> None:
    """After a visitor chose Russian, larger text, high contrast and low reach, the idle reset
    brings back the defaults on every screen."""
    window = make_window(idle_timeout_s=90)
    default_px = window.font().pixelSize()
    tap(find(window, "touchToBegin"))
    tap(find(window, "languageButton_ru"))
    tap(find(window, "accessLarger"))
    tap(find(window, "accessContrast"))
    tap(find(window, "accessLowReach"))
    assert window.appearance() == Appearance(1, True, True)
    assert window.font().pixelSize() > default_px and palette() is HIGH_CONTRAST
    clock.advance(90)
    qtbot.waitUntil(lambda: window.screen_name() == "title")
    assert window.appearance() == Appearance()
    assert palette() is PALETTE and window.font().pixelSize() == default_px
    assert window.styleSheet() == ""  # the application's own look again, nothing of the visitor's
    assert find(window, "touchToBegin").text() == "Touch to begin"
    assert find(window, "languageButton_en").isChecked()
    assert not find(window, "accessContrast").isChecked()
    assert not find(window, "accessLowReach").isChecked()
    assert not find(window, "accessSmaller").isEnabled()
    tap(find(window, "touchToBegin"))
    assert find(window, "tab_texts").text() == "Texts"
    reader_buttons = find(window, "readerControls")
    assert find(reader_buttons, "readerLarger").y() < reader_buttons.height() // 2


def test_settings_can_make_high_contrast_and_low_reach_the_default(make_window: WindowFactory,
                                                                   qtbot: Any) -> None:
    """`high_contrast` and `low_reach` in the settings are what the kiosk goes back to."""
    window = make_window(high_contrast=True, low_reach=True)
    assert palette() is HIGH_CONTRAST and window.appearance() == Appearance(0, True, True)
    assert find(window, "accessContrast").isChecked()
    for _ in range(5):
        tap(window, QPoint(5, 5))
    card = find(find(window, "pinPad"), "overlayCard")
    assert card.geometry().bottom() > window.height() * 0.85  # the PIN pad sits low
    window.reset_visit()
    assert palette() is HIGH_CONTRAST and window.appearance().low_reach
