"""The Images tab: a gallery of thumbnails made off the UI thread and cached on disk, opening
into the viewer; placeholders for broken files; reset and language."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage

from kiosk.core.loader import load_library
from kiosk.core.model import ImageItem, Subject
from kiosk.ui.gallery import thumbnail_loader
from kiosk.ui.gallery.grid import GalleryGrid
from kiosk.ui.tabs.base import TabContext
from kiosk.ui.tabs.images import ImagesTab
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
CORRUPT_LOG = pytest.mark.qt_log_ignore("propagateSizeHints", ".*JPEG.*", ".*jpeg.*", ".*libpng.*")


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Tabs built by the window keep their thumbnails in this test's own cache folder."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    return tmp_path / "xdg-cache" / "exhibit-kiosk" / "thumbnails"


def _tab(qtbot: Any, subject: Subject, cache: Path, size: tuple[int, int] = (780, 560)) -> ImagesTab:
    tab = ImagesTab(subject, TabContext(METRICS, "en"), thumbnail_dir=cache)
    qtbot.addWidget(tab)
    tab.resize(*size)
    with qtbot.waitSignal(tab.grid.screen_complete, timeout=10_000):
        tab.show()
    return tab


def _grid(tab: ImagesTab) -> GalleryGrid:
    grid = tab.findChild(GalleryGrid, "galleryGrid")
    assert grid is not None
    return grid


def _open_images(window: Any) -> ImagesTab:
    tap(find(window, "touchToBegin"))
    tap(find(window, "tab_images"))
    page = find(window, "tabPage_images")
    assert isinstance(page, ImagesTab)
    return page


def test_thumbnails_are_made_off_the_ui_thread_and_cached_on_disk(
        qtbot: Any, subject: Subject, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every picture gets a card; thumbnails are decoded on workers and reused from disk."""
    threads: set[int] = set()
    original = thumbnail_loader.thumbnail

    def recording(*args: Any) -> Any:
        threads.add(threading.get_ident())
        return original(*args)

    monkeypatch.setattr(thumbnail_loader, "thumbnail", recording)
    cache = tmp_path / "thumbs"
    tab = _tab(qtbot, subject, cache)
    grid = _grid(tab)
    assert grid.row_count() == 3 and threading.get_ident() not in threads
    files = sorted(cache.iterdir())
    assert len(files) == 3
    made = [(f.stat().st_ino, f.read_bytes()) for f in files]  # a rewrite is a new file (os.replace)
    box_w, box_h = tab.thumbnails.box
    assert all(QImage(str(f)).width() <= box_w and QImage(str(f)).height() <= box_h for f in files)
    again = _tab(qtbot, subject, cache)
    assert sorted(cache.iterdir()) == files and [(f.stat().st_ino, f.read_bytes()) for f in files] == made
    assert again.thumbnails.memory_bytes() > 0


def test_a_replaced_picture_gets_a_new_thumbnail(qtbot: Any, subject: Subject,
                                                 tmp_path: Path) -> None:
    """Copying a new file over a picture makes a fresh thumbnail, not the stale one."""
    folder = tmp_path / "pics"
    folder.mkdir()
    path = folder / "swap.png"
    image = QImage(900, 600, QImage.Format.Format_RGB32)
    image.fill(QColor("#aa2222"))
    image.save(str(path))
    one = replace(subject, images=(replace(subject.images[0], path=path),))
    cache = tmp_path / "thumbs"
    _tab(qtbot, one, cache)
    image = QImage(600, 900, QImage.Format.Format_RGB32)
    image.fill(QColor("#2222aa"))
    image.save(str(path))
    tab = _tab(qtbot, one, cache)
    assert len(list(cache.iterdir())) == 2
    thumb = tab.thumbnails.get(str(path))
    assert thumb is not None and thumb.height() > thumb.width()
    assert QColor(thumb.pixel(thumb.width() // 2, thumb.height() // 2)).blue() > 150


def test_tapping_a_card_opens_the_viewer_with_caption_and_credit(make_window: WindowFactory) -> None:
    """A tap on a card opens that picture with its caption and credit; Close goes back."""
    window = make_window()
    page = _open_images(window)
    opened: list[str] = []
    page.item_opened.connect(opened.append)
    grid = _grid(page)
    tap(grid.viewport(), grid.row_rect(1).center())
    assert page.viewer_open()
    assert find(page, "viewerTitle").text() == "The 1922 census"
    assert find(page, "viewerCaption").text() == "Only 15% of members worked in industry."
    assert "Exhibit Kiosk demo" in find(page, "viewerCredit").text()
    assert opened == ["images/census.png"]
    tap(find(page, "viewerClose"))
    assert not page.viewer_open() and grid.isVisible()


@CORRUPT_LOG
def test_a_corrupt_picture_is_a_placeholder_and_logged(qtbot: Any, subject: Subject,
                                                       tmp_path: Path,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    """An undecodable file shows a neutral card and viewer placeholder; the rest still work."""
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4)
    item = ImageItem(broken, 9, subject.images[0].info)
    with_broken = replace(subject, images=(*subject.images[:1], item, *subject.images[1:]))
    with caplog.at_level("WARNING", logger="kiosk.gallery"):
        tab = _tab(qtbot, with_broken, tmp_path / "thumbs")
    assert tab.thumbnails.failed(str(broken)) and "broken.jpg" in caplog.text
    assert len(list((tmp_path / "thumbs").iterdir())) == 3
    tab.open_picture(1)
    qtbot.waitUntil(tab.viewer.canvas.is_broken, timeout=5000)
    with qtbot.waitSignal(tab.viewer.canvas.picture_shown, timeout=5000):
        tap(find(tab, "viewerNext"))
    assert tab.viewer.current_index() == 2 and not tab.viewer.canvas.is_broken()


def test_idle_reset_closes_the_viewer_and_zoom(make_window: WindowFactory, clock: FakeClock,
                                               qtbot: Any) -> None:
    """After the visitor leaves, the gallery shows again from the top with nothing zoomed."""
    window = make_window()
    page = _open_images(window)
    grid = _grid(page)
    tap(grid.viewport(), grid.row_rect(2).center())
    qtbot.waitUntil(lambda: not page.viewer.canvas.image().isNull(), timeout=5000)
    tap(find(page, "viewerZoomIn"))
    assert page.viewer.canvas.view().is_zoomed
    clock.advance(90)
    qtbot.waitUntil(lambda: window.screen_name() == "title")
    assert not page.viewer_open()
    assert not page.viewer.canvas.view().is_zoomed
    assert grid.verticalScrollBar().value() == 0 and grid.current_row() == 0


def test_idle_reset_keeps_no_picture_of_the_last_visit(make_window: WindowFactory, clock: FakeClock,
                                                       qtbot: Any) -> None:
    """The next visitor's kiosk holds none of the pictures the last one looked at (and its memory
    between visits does not depend on which they were); the gallery opens them again at once."""
    window = make_window()
    page = _open_images(window)
    grid = _grid(page)
    tap(grid.viewport(), grid.row_rect(1).center())
    qtbot.waitUntil(lambda: not page.viewer.canvas.image().isNull(), timeout=5000)
    qtbot.waitUntil(lambda: page.viewer.loader.memory_bytes() > page.viewer.canvas.image().sizeInBytes(),
                    timeout=5000)  # the neighbours decoded ahead
    clock.advance(90)
    qtbot.waitUntil(lambda: window.screen_name() == "title")
    assert page.viewer.canvas.image().isNull()
    assert page.viewer.loader.memory_bytes() == 0
    tap(find(window, "touchToBegin"))
    tap(find(window, "tab_images"))
    tap(grid.viewport(), grid.row_rect(1).center())
    qtbot.waitUntil(lambda: not page.viewer.canvas.image().isNull(), timeout=5000)
    assert page.viewer.current_index() == 1


def test_language_switch_relabels_cards_and_caption(make_window: WindowFactory) -> None:
    """Choosing Русский shows the Russian titles in the grid and viewer."""
    window = make_window()
    page = _open_images(window)
    tap(find(window, "languageButton_ru"))
    grid = _grid(page)
    assert grid.model().index(0, 0).data(0x0B).startswith("Membership doubled (рус.)")
    tap(grid.viewport(), grid.row_rect(0).center())
    assert find(page, "viewerTitle").text() == "Membership doubled (рус.)"
    assert find(page, "viewerClose").accessibleName() == "Закрыть"


@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
def test_gallery_and_viewer_screenshots_with_the_demo_exhibit(make_window: WindowFactory,
                                                              qtbot: Any,
                                                              size: tuple[int, int]) -> None:
    """The gallery and the viewer with the demo exhibit render at kiosk sizes."""
    window = make_window(size=size, content=load_library(ASSETS).library)
    page = _open_images(window)
    grid = _grid(page)
    qtbot.waitUntil(grid.is_complete, timeout=10_000)
    tag = f"{size[0]}x{size[1]}"
    assert screenshot(window, f"gallery-{tag}").stat().st_size > 10_000
    tap(grid.viewport(), grid.row_rect(1).center())
    qtbot.waitUntil(lambda: not page.viewer.canvas.image().isNull(), timeout=5000)
    qtbot.wait(1)
    assert screenshot(window, f"viewer-{tag}").stat().st_size > 10_000
