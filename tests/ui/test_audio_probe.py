"""Whether films have sound is asked of a child process, so a slow sound server cannot freeze the
exhibit at a visitor's first film; the player takes that answer, and a late "yes" still counts."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.ui.video import backend
from kiosk.ui.video.audio_probe import MAX_FAILED_CHECKS, AudioProbe, parse_answer
from tests.ui.test_video_player import MEDIA_LOG

media_log = pytest.mark.qt_log_ignore(MEDIA_LOG)  # Qt Multimedia on a machine with no sound card


@pytest.fixture(autouse=True)
def no_answer_yet() -> Iterator[None]:
    """Each test starts with no audio answer, as a kiosk does, and leaves none behind."""
    saved = backend.known_audio()
    backend.remember_audio(None)
    yield
    backend.remember_audio(saved)


def _children() -> set[int]:
    """Processes this test process has started and that are still there."""
    me = os.getpid()
    text = Path(f"/proc/{me}/task/{me}/children").read_text()
    return {int(pid) for pid in text.split()}


def _script(tmp_path: Path, body: str) -> list[str]:
    script = tmp_path / "child.py"
    script.write_text(body, encoding="utf-8")
    return [sys.executable, str(script)]


def test_the_answer_lines() -> None:
    assert parse_answer("noise\naudio-outputs 2\n") is True
    assert parse_answer("audio-outputs 0") is False
    assert parse_answer("audio-outputs many") is None
    assert parse_answer("") is None


@media_log
def test_the_child_answers_what_qt_says_here(qtbot: Any) -> None:
    """The real check (python -m kiosk.ui.video.audio_probe) agrees with Qt in this process."""
    probe = AudioProbe()
    with qtbot.waitSignal(probe.answered, timeout=20_000) as answered:
        probe.start()
    in_process = bool(backend.multimedia().QMediaDevices.audioOutputs())
    assert answered.args == [in_process]
    assert backend.known_audio() is in_process and backend.has_audio_device() is in_process


def test_the_player_takes_the_answer_without_asking_qt(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> None:
        raise AssertionError("the sound system was asked on the UI thread")

    backend.remember_audio(True)
    monkeypatch.setattr(backend, "multimedia", refuse)
    assert backend.has_audio_device() is True


def test_a_silent_child_is_stopped_and_asked_again_after_the_next_visit(
        qtbot: Any, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A sound server that never answers: films play silently, nothing hangs, no child is left,
    the log says why, and the question is asked again; once answered, that answer holds."""
    flag = tmp_path / "server-up"
    command = _script(tmp_path, (
        "import pathlib, time\n"
        f"if pathlib.Path({str(flag)!r}).exists():\n"
        "    print('audio-outputs 1', flush=True)\n"
        "else:\n"
        "    time.sleep(60)\n"))
    before = _children()
    probe = AudioProbe(timeout_ms=4000, command=command)
    with qtbot.waitSignal(probe.answered, timeout=15_000) as answered:
        probe.start()
    assert answered.args == [False] and backend.known_audio() is False
    assert not probe.running() and _children() <= before
    assert backend.has_audio_device() is False
    assert "the sound system did not answer: videos play silently" in caplog.text

    flag.touch()
    with qtbot.waitSignal(probe.answered, timeout=15_000) as answered:
        probe.start()  # what the kiosk does after each visit
    assert answered.args == [True] and backend.known_audio() is True
    probe.start()  # answered: nothing more is asked
    assert not probe.running()


def test_while_the_child_asks_a_film_plays_silently_without_asking_qt(
        qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The player never asks the sound server on the UI thread while the child does (they can
    wait on each other for seconds): the film is silent, and nothing says there is no device."""
    probe = AudioProbe(command=_script(tmp_path, "import time\ntime.sleep(60)\n"))
    probe.start()
    real = backend.multimedia

    def refuse() -> None:
        raise AssertionError("the sound system was asked on the UI thread")

    monkeypatch.setattr(backend, "multimedia", refuse)
    try:
        assert backend.has_audio_device() is False
    finally:
        probe.stop()
    monkeypatch.setattr(backend, "multimedia", real)
    assert backend.known_audio() is None  # stopped unanswered: the player may ask Qt again


def test_a_child_that_fails_leaves_the_question_to_the_player(qtbot: Any, tmp_path: Path,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    """A check that crashes is logged, gives no answer, and is given up after a few tries."""
    probe = AudioProbe(command=_script(tmp_path, "import sys\nsys.exit(3)\n"))
    answers: list[bool] = []
    probe.answered.connect(answers.append)
    for _ in range(MAX_FAILED_CHECKS):
        probe.start()
        assert probe.running()
        qtbot.waitUntil(lambda: not probe.running(), timeout=10_000)
    probe.start()
    assert not probe.running()
    assert answers == [] and backend.known_audio() is None
    assert caplog.text.count("exited with code 3") == MAX_FAILED_CHECKS


@media_log
def test_a_late_yes_gives_the_next_film_its_sound(qtbot: Any, tmp_path: Path) -> None:
    from kiosk.ui.video.service import PlaybackService

    backend.remember_audio(False)
    service = PlaybackService()
    assert not service.has_sound_output
    backend.remember_audio(True)
    assert service.is_unloaded()
    with qtbot.waitSignal(service.failed, timeout=5000):
        service.play(tmp_path / "missing.mp4")  # no film needed: the output is made before loading
    assert service.has_sound_output
    service.deleteLater()
