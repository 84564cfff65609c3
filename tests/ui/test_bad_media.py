"""Broken films never hang the kiosk: each ends in a calm error card within 5 seconds."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from kiosk.core.model import Subject, VideoItem
from kiosk.reliability.corpus import write_corpus
from kiosk.ui.tabs.base import TabContext
from kiosk.ui.tabs.video import VideoTab
from tests.ui.helpers import METRICS, tap
from tests.ui.test_video_player import MEDIA_LOG, _info, stop_and_wait

CORPUS_VIDEOS = (
    [f"truncated-{n}.mp4" for n in (1, 5, 30, 45, 60, 75, 90)]
    + [f"faststart-truncated-{n}.mp4" for n in (1, 5, 30, 45, 60, 75, 90)]
    + ["zero.mp4", "random.mp4", "random.webm", "jpeg.mp4", "text.mp4", "missing.mp4"]
)
ERROR_WITHIN_S = 5.0


@pytest.fixture(scope="session")
def bad_videos(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    write_corpus(root)
    folder = root / "bad" / "video"
    (folder / "text.mp4").write_bytes(b"This is not a film.\n" * 50)
    return folder


def _tab(qtbot: Any, subject: Subject, path: Path, duration_s: float = 2.0) -> VideoTab:
    item = VideoItem(path, 1, _info(path.stem), duration_s=duration_s, has_audio=True)
    tab = VideoTab(replace(subject, videos=(item,)), TabContext(METRICS, "en"))
    tab.resize(1200, 700)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


@pytest.fixture
def open_tabs(qtbot: Any) -> Iterator[list[VideoTab]]:
    tabs: list[VideoTab] = []
    yield tabs
    for tab in tabs:
        stop_and_wait(qtbot, tab)
        tab.close()
        tab.deleteLater()


def _expect_error_card(qtbot: Any, tab: VideoTab) -> float:
    signals: list[bool] = []
    tab.idle_pause_requested.connect(signals.append)
    started = time.monotonic()
    tap(tab.player.controls.play_button)
    qtbot.waitUntil(tab.player.error_card.isVisible, timeout=int(ERROR_WITHIN_S * 1000))
    took = time.monotonic() - started
    assert tab.player.error_card.heading() in ("This film cannot be shown", "This film stops early")
    assert tab.player.service.state == "error" and not tab.player.is_playing()
    assert not signals or signals[-1] is False
    return took


@pytest.mark.qt_log_ignore(MEDIA_LOG)
@pytest.mark.parametrize("name", CORPUS_VIDEOS)
def test_bad_file_ends_in_an_error_card(qtbot: Any, subject: Subject, bad_videos: Path,
                                        open_tabs: list[VideoTab], name: str) -> None:
    """Truncated, empty, random, mislabelled or missing: an error card, the UI still answers."""
    tab = _tab(qtbot, subject, bad_videos / name)
    open_tabs.append(tab)
    assert _expect_error_card(qtbot, tab) < ERROR_WITHIN_S
    tap(tab.player.controls.captions_button)  # the rest of the tab still answers


@pytest.mark.qt_log_ignore(MEDIA_LOG)
@pytest.mark.parametrize(("name", "heading"), [
    ("faststart-truncated-90.mp4", "This film stops early"),  # plays part, then ends early
    ("faststart-truncated-30.mp4", "This film cannot be shown"),  # loads, never a picture
    ("truncated-45.mp4", "This film cannot be shown"),
    ("random.webm", "This film cannot be shown"),
])
def test_player_guards_catch_what_the_file_check_misses(
        qtbot: Any, subject: Subject, bad_videos: Path, open_tabs: list[VideoTab],
        monkeypatch: pytest.MonkeyPatch, name: str, heading: str) -> None:
    """With the container check out of the way (a file changed after it), the player's own
    watchdogs and its early-end check still end in a card within 5 s."""
    import kiosk.ui.video.service as service_module

    monkeypatch.setattr(service_module, "container_problem", lambda _path: None)
    tab = _tab(qtbot, subject, bad_videos / name)
    open_tabs.append(tab)
    assert _expect_error_card(qtbot, tab) < ERROR_WITHIN_S
    assert tab.player.error_card.heading() == heading


@pytest.mark.qt_log_ignore(MEDIA_LOG)
def test_a_good_film_plays_after_a_bad_one(qtbot: Any, subject: Subject, bad_videos: Path,
                                           open_tabs: list[VideoTab]) -> None:
    """After an error card, choosing a sound film plays it with the same player."""
    good = bad_videos.parent.parent / "good" / "video" / "fine.mp4"
    bad = VideoItem(bad_videos / "zero.mp4", 1, _info("zero"), duration_s=2.0)
    fine = VideoItem(good, 2, _info("fine"), duration_s=2.0)
    tab = VideoTab(replace(subject, videos=(bad, fine)), TabContext(METRICS, "en"))
    open_tabs.append(tab)
    tab.resize(1200, 700)
    tab.show()
    qtbot.waitExposed(tab)
    _expect_error_card(qtbot, tab)
    tap(tab.list.viewport(), tab.list.row_rect(1).center())
    assert not tab.player.error_card.isVisible()
    tap(tab.player.controls.play_button)
    qtbot.waitUntil(lambda: tab.player.service.frames_shown > 0, timeout=5000)
