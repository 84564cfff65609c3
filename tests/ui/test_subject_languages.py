"""A subject in some languages only, and media in the visitor's language, as visitors meet them."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QPushButton, QWidget

from kiosk.core.loader import load_library
from kiosk.core.model import Library
from kiosk.ui.main_window import KioskWindow
from tests.ui.helpers import LANDSCAPE, PORTRAIT, WindowFactory, find, screenshot, tap

SUBJECTS = Path(__file__).resolve().parents[1] / "subjects"
ASSETS = Path(__file__).resolve().parents[2] / "assets"


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """The demo (English, Russian), an English-only subject and one in three languages."""
    root = tmp_path_factory.mktemp("mixed")
    for folder in (ASSETS / "lenin-enrollment", SUBJECTS / "one-language", SUBJECTS / "three-languages"):
        shutil.copytree(folder, root / folder.name)
    return load_library(root).library


def _language_buttons(window: QWidget) -> list[str]:
    return [b.objectName().removeprefix("languageButton_") for b in window.findChildren(QPushButton)
            if b.objectName().startswith("languageButton_") and b.isVisible()]


def _open(window: KioskWindow, subject_id: str) -> None:
    tap(find(window, f"subjectCard_{subject_id}"))
    assert window.screen_name().startswith("exhibit/")


@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
def test_an_english_only_subject_says_so_in_russian(make_window: WindowFactory, mixed: Library,
                                                   size: tuple[int, int]) -> None:
    """A Russian visitor opening an English-only subject reads, in Russian, that it is in English
    only; its content is in English, the buttons in Russian, and the switch offers English."""
    window = make_window(size=size, content=mixed)
    tap(find(window, "languageButton_ru"))
    _open(window, "one-language")
    notice = find(window, "languageNotice")
    assert notice.text() == "Эта тема есть только на английском языке"  # type: ignore[attr-defined]
    assert find(window, "exhibitTitle").text().startswith("The Lighthouse Keepers")  # type: ignore[attr-defined]
    assert find(window, "tab_texts").text() == "Тексты"  # type: ignore[attr-defined]
    assert _language_buttons(window) == ["en"]
    title = find(window, "exhibitTitle")
    assert window.rect().contains(title.geometry().translated(title.parentWidget().mapTo(window, QPoint(0, 0))))
    assert window.width() == size[0]  # a long title wraps; it never widens the window
    screenshot(window, f"english-only-in-russian-{size[0]}x{size[1]}")
    tap(find(window, "languageButton_en"))
    assert not any(w.isVisible() for w in window.findChildren(QWidget, "languageNotice"))
    assert find(window, "tab_texts").text() == "Texts"  # type: ignore[attr-defined]
    assert _language_buttons(window) == []  # nothing left to switch to


def test_the_switch_offers_the_subjects_languages(make_window: WindowFactory, mixed: Library) -> None:
    """The chooser offers every language some subject has; each exhibit only its own."""
    window = make_window(content=mixed)
    assert _language_buttons(window) == ["en", "ru", "de"]
    _open(window, "three-languages")
    assert _language_buttons(window) == ["en", "ru", "de"]
    tap(find(window, "languageButton_de"))
    assert find(window, "exhibitTitle").text() == "Der Marktplatz"  # type: ignore[attr-defined]
    assert not any(w.isVisible() for w in window.findChildren(QWidget, "languageNotice"))
    tap(find(window, "homeButton"))
    _open(window, "lenin-enrollment")
    assert _language_buttons(window) == ["en", "ru"]
    notice = find(window, "languageNotice")  # a German visitor: shown in English, and told so
    assert "English" in notice.text()  # type: ignore[attr-defined]


def test_the_notice_goes_at_the_idle_reset(make_window: WindowFactory, mixed: Library) -> None:
    """The next visitor, in the default language, sees no notice."""
    window = make_window(content=mixed)
    tap(find(window, "languageButton_ru"))
    _open(window, "one-language")
    window.reset_visit()
    _open(window, "one-language")
    assert not any(w.isVisible() for w in window.findChildren(QWidget, "languageNotice"))


def _same_picture(image: QImage, path: Path) -> bool:
    expected = QImage(str(path))
    if image.isNull() or expected.isNull():
        return False
    scaled = expected.scaled(image.size())
    points = [(image.width() * fx // 8, image.height() * fy // 8) for fx in (1, 4, 7) for fy in (1, 4, 7)]
    return all(abs(image.pixelColor(x, y).hue() - scaled.pixelColor(x, y).hue()) <= 8 for x, y in points)


def test_the_film_and_its_poster_in_the_visitors_language(make_window: WindowFactory, mixed: Library) -> None:
    """The video tab shows the Russian poster to a Russian visitor, the German one to a German."""
    window = make_window(content=mixed)
    _open(window, "three-languages")
    tap(find(window, "tab_video"))
    frame = find(window, "videoPlayer").frame  # type: ignore[attr-defined]
    video = SUBJECTS / "three-languages" / "video"
    assert _same_picture(frame.picture(), video / "market.jpg")
    tap(find(window, "languageButton_ru"))
    assert _same_picture(frame.picture(), video / "market.ru.jpg")
    assert not _same_picture(frame.picture(), video / "market.jpg")
    tap(find(window, "languageButton_de"))
    assert _same_picture(frame.picture(), video / "market.de.jpg")


def test_the_gallery_in_the_visitors_language(make_window: WindowFactory, mixed: Library, qtbot: Any) -> None:
    """Thumbnails and the opened picture are the Russian versions for a Russian visitor."""
    window = make_window(content=mixed)
    tap(find(window, "languageButton_ru"))
    _open(window, "lenin-enrollment")
    tap(find(window, "tab_images"))
    grid = find(window, "tabPage_images").grid  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: bool(grid.visible_paths()))
    assert all(Path(p).name.endswith(".ru.png") for p in grid.visible_paths())
    tap(find(window, "languageButton_en"))
    assert not any(Path(p).name.endswith(".ru.png") for p in grid.visible_paths())
