"""The Video tab in the kiosk window: lazy QtMultimedia, the protocol whitelist, screenshots."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kiosk.core.loader import load_library
from kiosk.core.model import Library
from kiosk.ui.tabs.video import VideoTab
from kiosk.ui.video.backend import multimedia
from tests.ui.helpers import LANDSCAPE, PORTRAIT, WindowFactory, find, screenshot, tap
from tests.ui.test_video_player import MEDIA_LOG, stop_and_wait

ASSETS = Path(__file__).resolve().parents[2] / "assets"


@pytest.fixture(scope="session")
def demo() -> Library:
    return load_library(ASSETS).library


def test_kiosk_start_does_not_import_qtmultimedia() -> None:
    """Building the shell and its tabs leaves QtMultimedia unloaded (start-to-title time)."""
    code = ("import sys; import kiosk.ui.app, kiosk.ui.tabs; "
            "sys.exit(1 if 'PySide6.QtMultimedia' in sys.modules else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr.decode()


@pytest.mark.qt_log_ignore(MEDIA_LOG)
def test_multimedia_limits_ffmpeg_to_local_files() -> None:
    """QtMultimedia is loaded (on the first film) with FFmpeg allowed to open local files only."""
    multimedia()
    assert os.environ["QT_FFMPEG_PROTOCOL_WHITELIST"] == "file"
    assert "PySide6.QtMultimedia" in sys.modules


@pytest.mark.qt_log_ignore(MEDIA_LOG)
@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT], ids=["1920x1080", "1080x1920"])
def test_player_screenshot_with_caption(make_window: WindowFactory, qtbot: Any, demo: Library,
                                        size: tuple[int, int]) -> None:
    """The demo film paused at a captioned moment, as a visitor sees it (frame painted by us)."""
    window = make_window(size=size, content=demo, reduced_motion=True)
    tap(find(window, "touchToBegin"))
    tap(find(window, "tab_video"))
    tab = find(window, "tabPage_video")
    assert isinstance(tab, VideoTab)
    try:
        tap(tab.player.controls.play_button)
        service = tab.player.service
        qtbot.waitUntil(lambda: service.frames_shown > 0, timeout=5000)
        tap(tab.player.controls.play_button)
        qtbot.waitUntil(lambda: service.state == "paused", timeout=5000)
        frames = service.frames_shown
        service.seek(9200)
        qtbot.waitUntil(lambda: service.frames_shown > frames and
                        "15 %" in tab.player.caption_text(), timeout=5000)
        qtbot.wait(100)
        image = tab.player.frame.picture()
        assert (image.width(), image.height()) == (1280, 720)
        path = screenshot(window, f"video-player-{size[0]}x{size[1]}")
        assert path.stat().st_size > 50_000
    finally:
        stop_and_wait(qtbot, tab)


@pytest.mark.qt_log_ignore(MEDIA_LOG)
def test_space_plays_and_leaving_the_tab_stops(make_window: WindowFactory, qtbot: Any,
                                               demo: Library) -> None:
    """In the window, the tab's play_pause plays; Home stops and unloads the film."""
    window = make_window(content=demo)
    tap(find(window, "touchToBegin"))
    tap(find(window, "tab_video"))
    tab = find(window, "tabPage_video")
    assert isinstance(tab, VideoTab)
    try:
        tab.play_pause()
        qtbot.waitUntil(lambda: tab.player.is_playing(), timeout=5000)
        tap(find(window, "tab_texts"))
        assert not tab.player.is_playing() and tab.player.service.state == "idle"
    finally:
        stop_and_wait(qtbot, tab)


@pytest.mark.qt_log_ignore(MEDIA_LOG)
def test_playing_a_film_is_counted_for_staff(make_window: WindowFactory, qtbot: Any, demo: Library) -> None:
    """Starting a film counts as opening it, and pausing reports how much of it was watched."""
    window = make_window(content=demo)
    opened: list[str] = []
    watched: list[tuple[str, float]] = []
    window.item_opened.connect(opened.append)
    window.video_progress.connect(lambda item, fraction: watched.append((item, fraction)))
    tap(find(window, "touchToBegin"))
    tap(find(window, "tab_video"))
    tab = find(window, "tabPage_video")
    try:
        tap(tab.player.controls.play_button)
        service = tab.player.service
        qtbot.waitUntil(lambda: service.state == "playing", timeout=5000)
        service.seek(34_000)
        qtbot.waitUntil(lambda: service.position() >= 34_000, timeout=5000)
        tap(tab.player.controls.play_button)
        qtbot.waitUntil(lambda: bool(watched), timeout=5000)
    finally:
        stop_and_wait(qtbot, tab)
    assert opened == ["video/membership-story.mp4"]
    item, fraction = watched[0]
    assert item == "video/membership-story.mp4" and 0.45 < fraction < 0.7
