"""The video player with a generated clip: it plays, shows frames and captions, and lets go.

Waits use qtbot only (never QTest.qWait or sleep): QTest.qWait keeps Python's lock while Qt runs
events, and Qt's audio thread needs that lock while a player stops.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from kiosk.core.model import Localized, MediaInfo, Subject, VideoItem
from kiosk.reliability.corpus import _video
from kiosk.ui.tabs.base import TabContext
from kiosk.ui.tabs.video import VideoTab
from tests.ui.helpers import METRICS, tap

# Qt Multimedia on a machine with no sound card, no VA-API and no PulseAudio says so, loudly.
# (A mark on each test: the conftest's own qt_log_ignore mark would hide a module-level one.)
MEDIA_LOG = r"PulseAudio|pa_context|audio device|No HW decoder|RHI backend|FFmpeg|propagateSizeHints"
media_log = pytest.mark.qt_log_ignore(MEDIA_LOG)

CLIP_S = 3.0
CAPTIONS = ("WEBVTT\n\n00:00:00.300 --> 00:00:01.400\nFirst cue\n\n"
            "00:00:01.500 --> 00:00:02.900\nSecond cue\non two lines\n")
CAPTIONS_RU = "WEBVTT\n\n00:00:00.300 --> 00:00:02.900\nРусский текст\n"


def _info(title: str) -> MediaInfo:
    return MediaInfo(Localized({"en": title}), Localized({"en": f"About {title}."}),
                     Localized({"en": "Generated for the tests"}), Localized({}))


@pytest.fixture(scope="session")
def clips(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A captioned clip with sound, a silent one, and the same clip under another name."""
    folder = tmp_path_factory.mktemp("clips")
    (folder / "talk.mp4").write_bytes(_video(CLIP_S, audio=True, faststart=True))
    (folder / "talk.vtt").write_text(CAPTIONS, encoding="utf-8")
    (folder / "talk.ru.vtt").write_text(CAPTIONS_RU, encoding="utf-8")
    (folder / "quiet.mp4").write_bytes(_video(2.0, audio=False))
    return folder


def clip_items(folder: Path) -> tuple[VideoItem, ...]:
    return (
        VideoItem(folder / "talk.mp4", 1, _info("A talk"), duration_s=CLIP_S, has_audio=True,
                  width=96, height=64,
                  captions={"en": folder / "talk.vtt", "ru": folder / "talk.ru.vtt"}),
        VideoItem(folder / "quiet.mp4", 2, _info("A quiet film"), duration_s=2.0, width=96,
                  height=64),
    )


def stop_and_wait(qtbot: Any, tab: VideoTab) -> None:
    """Leave the tab and wait until the player has really let go of its file."""
    tab.deactivate()
    service = tab.player.service
    if service is not None:
        qtbot.waitUntil(service.is_unloaded, timeout=5000)


@pytest.fixture
def video_tab(qtbot: Any, subject: Subject, clips: Path) -> Iterator[VideoTab]:
    tab = VideoTab(replace(subject, videos=clip_items(clips)),
                   TabContext(METRICS, "en", volume_cap_percent=40))
    tab.resize(1400, 800)
    tab.show()
    qtbot.waitExposed(tab)
    yield tab
    stop_and_wait(qtbot, tab)
    tab.close()
    tab.deleteLater()


def play_and_wait(qtbot: Any, tab: VideoTab) -> None:
    with qtbot.waitSignal(tab.idle_pause_requested, timeout=5000) as blocker:
        tap(tab.player.controls.play_button)
    assert blocker.args == [True]
    qtbot.waitUntil(lambda: tab.player.service.frames_shown > 0, timeout=5000)


@media_log
def test_clip_plays_and_frames_reach_the_screen(qtbot: Any, video_tab: VideoTab) -> None:
    """Play: the clip plays, its position advances, and the sink's frames are what is painted."""
    play_and_wait(qtbot, video_tab)
    service = video_tab.player.service
    assert service.state == "playing"
    start = service.position()
    qtbot.waitUntil(lambda: service.position() >= start + 500, timeout=5000)
    picture = video_tab.player.frame.picture()
    assert not picture.isNull() and (picture.width(), picture.height()) == (96, 64)
    assert not video_tab.player.error_card.isVisible()


@media_log
def test_caption_for_a_time_is_on_screen(qtbot: Any, video_tab: VideoTab) -> None:
    """After seeking to a moment, the caption box shows that moment's cue; the toggle hides it."""
    play_and_wait(qtbot, video_tab)
    player = video_tab.player
    tap(player.controls.play_button)  # pause
    qtbot.waitUntil(lambda: player.service.state == "paused", timeout=5000)
    player.service.seek(2000)
    qtbot.waitUntil(lambda: player.caption_text() == "Second cue\non two lines", timeout=5000)
    player.service.seek(800)
    qtbot.waitUntil(lambda: player.caption_text() == "First cue", timeout=5000)
    tap(player.controls.captions_button)
    assert player.caption_text() == ""
    tap(player.controls.captions_button)
    assert player.caption_text() == "First cue"


@media_log
def test_captions_follow_the_visitor_language(qtbot: Any, video_tab: VideoTab) -> None:
    """Russian visitors get the Russian captions; a film without them falls back to English."""
    video_tab.set_language("ru")
    play_and_wait(qtbot, video_tab)
    qtbot.waitUntil(lambda: video_tab.player.caption_text() == "Русский текст", timeout=5000)


@media_log
def test_pause_and_end_release_the_idle_timer(qtbot: Any, video_tab: VideoTab) -> None:
    """Pausing asks for the idle timer back; so does reaching the end (poster again, no error)."""
    play_and_wait(qtbot, video_tab)
    with qtbot.waitSignal(video_tab.idle_pause_requested, timeout=5000) as paused:
        video_tab.play_pause()
    assert paused.args == [False]
    with qtbot.waitSignal(video_tab.idle_pause_requested, timeout=5000) as resumed:
        video_tab.play_pause()
    assert resumed.args == [True]
    with qtbot.waitSignal(video_tab.idle_pause_requested, timeout=8000) as ended:
        pass
    assert ended.args == [False]
    player = video_tab.player
    assert player.service.state == "ended" and not player.error_card.isVisible()
    assert player.controls.elapsed.text() == "0:00"
    assert player.frame.picture().isNull() or player.frame.picture() is not None  # poster again


@media_log
def test_deactivate_and_reset_stop_and_unload(qtbot: Any, video_tab: VideoTab) -> None:
    """Leaving the tab stops and unloads the film; a reset also brings back the default volume."""
    play_and_wait(qtbot, video_tab)
    with qtbot.waitSignal(video_tab.idle_pause_requested, timeout=5000) as stopped:
        video_tab.deactivate()
    assert stopped.args == [False]
    service = video_tab.player.service
    assert service.state == "idle" and service.path is None
    qtbot.waitUntil(service.is_unloaded, timeout=5000)
    play_and_wait(qtbot, video_tab)
    video_tab.player.controls.volume_requested.emit(90)
    tap(video_tab.player.controls.mute_button)
    assert service.is_muted()
    video_tab.reset()
    assert service.state == "idle" and service.volume() == 40 and not service.is_muted()
    qtbot.waitUntil(service.is_unloaded, timeout=5000)


@media_log
def test_volume_starts_capped_with_a_visible_mute(qtbot: Any, video_tab: VideoTab) -> None:
    """Sound never starts loud: the volume starts at the cap, and mute is on screen."""
    controls = video_tab.player.controls
    assert controls.volume.value() == 40 and controls.mute_button.isVisible()
    play_and_wait(qtbot, video_tab)
    assert video_tab.player.service.volume() == 40


@media_log
def test_silent_film_says_so(qtbot: Any, video_tab: VideoTab) -> None:
    """A film without sound shows 'silent' instead of a volume control."""
    tap(video_tab.list.viewport(), video_tab.list.row_rect(1).center())
    controls = video_tab.player.controls
    assert controls.silent_label.isVisible() and controls.silent_label.text() == "silent"
    assert not controls.volume.isVisible()


@media_log
def test_transcript_built_from_captions(qtbot: Any, video_tab: VideoTab) -> None:
    """Without a transcript file, the transcript is made from the captions."""
    tap(video_tab.player.controls.transcript_button)
    text = video_tab.player.transcript.toPlainText()
    assert video_tab.player.transcript.isVisible()
    assert "First cue" in text and "Second cue on two lines" in text
    tap(video_tab.player.controls.transcript_button)
    assert video_tab.player.frame.isVisible()


@media_log
def test_many_source_changes_stay_responsive(qtbot: Any, video_tab: VideoTab) -> None:
    """Switching films quickly never blocks: every change returns at once and the last one plays."""
    for i in range(12):
        tap(video_tab.list.viewport(), video_tab.list.row_rect(i % 2).center())
        tap(video_tab.player.controls.play_button)
    qtbot.waitUntil(lambda: video_tab.player.service.frames_shown > 0, timeout=5000)
    assert video_tab.player.service.path == clip_items(video_tab.player.service.path.parent)[1].path
