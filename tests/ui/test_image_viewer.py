"""The image viewer: swipe, pinch, double tap and buttons; upright EXIF pictures; screen-size
decoding; a placeholder for a corrupt file."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from kiosk.core.model import ImageItem, Localized, MediaInfo
from kiosk.ui.gallery import picture_loader
from kiosk.ui.gallery.viewer import ImageViewer
from tests.ui.helpers import METRICS, FakeClock, find, tap

CORRUPT_LOG = pytest.mark.qt_log_ignore("propagateSizeHints", ".*JPEG.*", ".*jpeg.*", ".*libpng.*")


def _info(title: str) -> MediaInfo:
    return MediaInfo(Localized({"en": title, "ru": f"{title} (рус.)"}),
                     Localized({"en": f"Caption of {title}", "ru": f"Подпись: {title}"}),
                     Localized({"en": f"Credit for {title}"}), Localized({"en": f"Alt of {title}"}))


def _png(path: Path, colour: str, size: tuple[int, int] = (1200, 800)) -> Path:
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path))
    return path


def _rotated_jpeg(path: Path) -> Path:
    """Stored 400×200, left half red and right half blue, with EXIF orientation 6 (90° CW)."""
    image = Image.new("RGB", (400, 200), (220, 0, 0))
    image.paste((0, 0, 220), (200, 0, 400, 200))
    exif = Image.Exif()
    exif[0x0112] = 6
    image.save(path, exif=exif.tobytes(), quality=95)
    return path


@pytest.fixture
def pictures(tmp_path: Path) -> list[ImageItem]:
    paths = [_png(tmp_path / "a.png", "#884422"), _png(tmp_path / "b.png", "#224488"),
             _png(tmp_path / "c.png", "#228844")]
    return [ImageItem(p, i, _info(p.stem)) for i, p in enumerate(paths)]


def _viewer(qtbot: Any, items: list[ImageItem], clock: FakeClock | None = None,
            size: tuple[int, int] = (780, 560)) -> ImageViewer:
    # Within the offscreen platform's 800×600 screen: touch points off the screen are dropped.
    viewer = ImageViewer(items, METRICS, "en", clock=clock or FakeClock())
    qtbot.addWidget(viewer)
    viewer.resize(*size)
    viewer.show()
    qtbot.waitExposed(viewer)
    return viewer


def _open(qtbot: Any, viewer: ImageViewer, index: int) -> None:
    with qtbot.waitSignal(viewer.canvas.picture_shown, timeout=5000):
        viewer.show_index(index)


def _swipe(widget: QWidget, start: QPoint, end: QPoint) -> None:
    device = QTest.createTouchDevice()
    QTest.touchEvent(widget, device).press(0, start, widget).commit()
    for i in range(1, 5):
        point = start + (end - start) * (i / 4)
        QTest.touchEvent(widget, device).move(0, point, widget).commit()
    QTest.touchEvent(widget, device).release(0, end, widget).commit()


def _pinch(widget: QWidget, centre: QPoint, start_gap: int, end_gap: int) -> None:
    device = QTest.createTouchDevice()
    a, b = QPoint(-start_gap // 2, 0), QPoint(start_gap // 2, 0)
    QTest.touchEvent(widget, device).press(0, centre + a, widget).press(1, centre + b, widget).commit()
    for i in range(1, 5):
        gap = start_gap + (end_gap - start_gap) * i // 4
        QTest.touchEvent(widget, device).move(0, centre - QPoint(gap // 2, 0), widget) \
            .move(1, centre + QPoint(gap // 2, 0), widget).commit()
    QTest.touchEvent(widget, device).release(0, centre - QPoint(end_gap // 2, 0), widget) \
        .release(1, centre + QPoint(end_gap // 2, 0), widget).commit()


def test_swiping_left_and_right_changes_the_picture(qtbot: Any, pictures: list[ImageItem]) -> None:
    """A finger swiped left shows the next picture, swiped right the previous one."""
    viewer = _viewer(qtbot, pictures)
    _open(qtbot, viewer, 0)
    canvas = viewer.canvas
    middle = canvas.rect().center()
    with qtbot.waitSignal(canvas.picture_shown, timeout=5000):
        _swipe(canvas, middle + QPoint(200, 0), middle - QPoint(200, 0))
    assert viewer.current_index() == 1
    assert find(viewer, "viewerCaption").text() == "Caption of b"
    _swipe(canvas, middle - QPoint(200, 0), middle + QPoint(200, 0))
    assert viewer.current_index() == 0
    _swipe(canvas, middle - QPoint(200, 0), middle + QPoint(200, 0))
    assert viewer.current_index() == 0  # the first picture stays first


def test_previous_and_next_buttons_do_what_swipes_do(qtbot: Any, pictures: list[ImageItem]) -> None:
    """‹ and › step through the pictures and are disabled at either end."""
    viewer = _viewer(qtbot, pictures)
    _open(qtbot, viewer, 0)
    assert not find(viewer, "viewerPrevious").isEnabled()
    tap(find(viewer, "viewerNext"))
    tap(find(viewer, "viewerNext"))
    assert viewer.current_index() == 2 and not find(viewer, "viewerNext").isEnabled()
    assert find(viewer, "viewerPosition").text() == "3 of 3"
    tap(find(viewer, "viewerPrevious"))
    assert viewer.current_index() == 1


def test_pinch_zooms_and_a_drag_then_pans_without_changing_picture(
        qtbot: Any, pictures: list[ImageItem]) -> None:
    """Two fingers spreading zoom in; one finger then moves the picture instead of swiping."""
    viewer = _viewer(qtbot, pictures)
    _open(qtbot, viewer, 1)
    canvas = viewer.canvas
    middle = canvas.rect().center()
    _pinch(canvas, middle, 100, 250)
    assert canvas.view().zoom == pytest.approx(2.5, rel=0.05)
    centre_before = canvas.view().centre()
    _swipe(canvas, middle, middle + QPoint(200, 100))
    assert viewer.current_index() == 1
    after = canvas.view().centre()
    assert after[0] < centre_before[0] and after[1] < centre_before[1]
    assert find(viewer, "viewerFit").isEnabled()
    tap(find(viewer, "viewerFit"))
    assert not canvas.view().is_zoomed


def test_double_tap_zooms_in_and_back_out(qtbot: Any, pictures: list[ImageItem]) -> None:
    """A double tap zooms in on that spot; another shows the whole picture again."""
    clock = FakeClock()
    viewer = _viewer(qtbot, pictures, clock)
    _open(qtbot, viewer, 0)
    canvas = viewer.canvas
    spot = canvas.rect().center() + QPoint(100, 50)
    tap(canvas, spot)
    clock.advance(0.2)
    tap(canvas, spot)
    assert canvas.view().is_zoomed
    clock.advance(2)
    tap(canvas, spot)
    clock.advance(0.2)
    tap(canvas, spot)
    assert not canvas.view().is_zoomed
    tap(canvas, spot)
    clock.advance(1.0)
    tap(canvas, spot)
    assert not canvas.view().is_zoomed  # two slow taps are not a double tap


def test_zoom_buttons_and_the_mouse_wheel(qtbot: Any, pictures: list[ImageItem]) -> None:
    """+ zooms in, − zooms out, Fit shows the whole picture; a wheel zooms too."""
    viewer = _viewer(qtbot, pictures)
    _open(qtbot, viewer, 0)
    canvas = viewer.canvas
    assert not find(viewer, "viewerZoomOut").isEnabled()
    tap(find(viewer, "viewerZoomIn"))
    tap(find(viewer, "viewerZoomIn"))
    assert canvas.view().zoom == pytest.approx(2.25)
    tap(find(viewer, "viewerZoomOut"))
    assert canvas.view().zoom == pytest.approx(1.5)
    tap(find(viewer, "viewerFit"))
    assert canvas.view().zoom == 1.0


def test_an_exif_rotated_photo_is_shown_upright(qtbot: Any, tmp_path: Path) -> None:
    """A JPEG stored sideways with EXIF orientation 6 is shown portrait, red half on top."""
    item = ImageItem(_rotated_jpeg(tmp_path / "sideways.jpg"), 0, _info("sideways"), 400, 200, 6)
    viewer = _viewer(qtbot, [item])
    _open(qtbot, viewer, 0)
    image = viewer.canvas.image()
    assert image.height() > image.width()
    top = QColor(image.pixel(image.width() // 2, image.height() // 5))
    bottom = QColor(image.pixel(image.width() // 2, image.height() * 4 // 5))
    assert top.red() > 150 and top.blue() < 80
    assert bottom.blue() > 150 and bottom.red() < 80


def test_large_pictures_are_decoded_at_screen_size_and_zoom_is_capped(qtbot: Any,
                                                                       tmp_path: Path) -> None:
    """A 4000×3000 photo is decoded to fit the viewer, and zooming decodes at most twice that."""
    big = tmp_path / "big.jpg"
    Image.new("RGB", (4000, 3000), (90, 120, 60)).save(big, quality=80)
    viewer = _viewer(qtbot, [ImageItem(big, 0, _info("big"))])
    _open(qtbot, viewer, 0)
    canvas = viewer.canvas
    fitted = canvas.image()
    assert fitted.width() <= canvas.width() and fitted.height() <= canvas.height()
    assert canvas.view().image_w == 4000
    for _ in range(4):
        tap(find(viewer, "viewerZoomIn"))
    qtbot.waitUntil(lambda: canvas.image().width() > fitted.width(), timeout=5000)
    assert canvas.image().width() <= 2 * canvas.width() + 1
    assert canvas.image().height() <= 2 * canvas.height() + 1


def test_alt_text_is_the_accessible_description_and_follows_language(
        qtbot: Any, pictures: list[ImageItem]) -> None:
    """The picture's alt text is its accessible description; captions switch language."""
    viewer = _viewer(qtbot, pictures)
    _open(qtbot, viewer, 2)
    assert viewer.canvas.accessibleDescription() == "Alt of c"
    assert find(viewer, "viewerCredit").text() == "Credit for c"
    viewer.set_language("ru")
    assert find(viewer, "viewerCaption").text() == "Подпись: c"
    assert find(viewer, "viewerTitle").text() == "c (рус.)"


@CORRUPT_LOG
def test_a_corrupt_picture_shows_a_placeholder_and_browsing_goes_on(
        qtbot: Any, pictures: list[ImageItem], tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    """A broken file shows a neutral placeholder and a notice; staff find it in the log."""
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0" + b"not a picture at all" * 20)
    items = [pictures[0], ImageItem(broken, 1, _info("broken")), pictures[2]]
    viewer = _viewer(qtbot, items)
    _open(qtbot, viewer, 0)
    with caplog.at_level("WARNING", logger="kiosk.gallery"):
        with qtbot.waitSignal(viewer.canvas.picture_shown, timeout=5000):
            tap(find(viewer, "viewerNext"))
    assert viewer.canvas.is_broken() and find(viewer, "viewerNotice").isVisible()
    assert "broken.jpg" in caplog.text
    with qtbot.waitSignal(viewer.canvas.picture_shown, timeout=5000):
        tap(find(viewer, "viewerNext"))
    assert viewer.current_index() == 2 and not viewer.canvas.is_broken()
    assert not find(viewer, "viewerCaption").parent().findChild(QWidget, "viewerNotice").isVisible()


def test_reset_puts_the_zoom_back(qtbot: Any, pictures: list[ImageItem]) -> None:
    """The idle reset leaves the picture whole again."""
    viewer = _viewer(qtbot, pictures)
    _open(qtbot, viewer, 0)
    viewer.canvas.zoom_in()
    viewer.canvas.pan_by(100, 50)
    viewer.reset()
    assert not viewer.canvas.view().is_zoomed and viewer.canvas.view().centre() == (600, 400)



def test_a_decode_under_way_at_the_reset_is_not_kept_after_it(qtbot: Any, pictures: list[ImageItem],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A picture still being decoded when the visit ends does not land in memory afterwards."""
    slow = str(pictures[2].path)
    started, release = threading.Event(), threading.Event()
    real = picture_loader.read_fitted

    def held_decode(path: Path, w: int, h: int):  # type: ignore[no-untyped-def]
        if str(path) == slow:
            started.set()
            release.wait(10)
        return real(path, w, h)

    monkeypatch.setattr(picture_loader, "read_fitted", held_decode)
    viewer = _viewer(qtbot, pictures)
    loader = viewer.loader
    loader.request(slow, (640, 480))
    assert started.wait(10)  # the decode is under way on the loader's thread
    viewer.forget()
    release.set()
    loader.request(str(pictures[1].path), (640, 480))  # the next visitor's picture, decoded after
    with qtbot.waitSignal(loader.picture_ready, timeout=5000,
                          check_params_cb=lambda path, *_: path == str(pictures[1].path)):
        pass
    assert loader.get(slow, (640, 480)) is None
    assert loader.get(str(pictures[1].path), (640, 480)) is not None
