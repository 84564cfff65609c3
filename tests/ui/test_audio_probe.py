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
from kiosk.ui.video.audio_probe import AudioProbe, parse_answer
from tests.ui.test_video_player import MEDIA_LOG

media_log = pytest.mark.qt_log_ignore(MEDIA_LOG)  # Qt Multimedia on a machine with no sound card


@pytest.fixture(autouse=True)
def no_answer_yet() -> Iterator[None]:
    """Each test starts with no audio answer, as a kiosk does, and leaves none behind."""
    saved = {k: backend._state.pop(k) for k in ("audio", "told_no_audio") if k in backend._state}
    yield
    backend._state.pop("audio", None)
    backend._state.pop("told_no_audio", None)
    backend._state.update(saved)


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


def test_a_silent_child_is_stopped_and_asked_again_after_the_next_visit(qtbot: Any,
                                                                        tmp_path: Path) -> None:
    """A sound server that never answers: films play silently, nothing hangs, no child is left,
    and the question is asked again; when it is answered, that answer holds."""
    flag = tmp_path / "server-up"
    pid_file = tmp_path / "pid"
    command = _script(tmp_path, (
        "import os, pathlib, time\n"
        f"pathlib.Path({str(pid_file)!r}).write_text(str(os.getpid()))\n"
        f"if pathlib.Path({str(flag)!r}).exists():\n"
        "    print('audio-outputs 1', flush=True)\n"
        "else:\n"
        "    time.sleep(60)\n"))
    probe = AudioProbe(timeout_ms=1500, command=command)
    with qtbot.waitSignal(probe.answered, timeout=10_000) as answered:
        probe.start()
    assert answered.args == [False] and backend.known_audio() is False
    hung_pid = int(pid_file.read_text())
    qtbot.waitUntil(lambda: not _alive(hung_pid), timeout=5000)

    flag.touch()
    with qtbot.waitSignal(probe.answered, timeout=10_000) as answered:
        probe.start()  # what the kiosk does after each visit
    assert answered.args == [True] and backend.known_audio() is True
    pid_file.unlink()
    probe.start()  # answered: nothing more is asked
    qtbot.wait(300)
    assert not pid_file.exists()


def test_a_child_that_fails_leaves_the_question_to_the_player(qtbot: Any, tmp_path: Path,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    probe = AudioProbe(command=_script(tmp_path, "import sys\nsys.exit(3)\n"))
    answers: list[bool] = []
    probe.answered.connect(answers.append)
    probe.start()
    qtbot.waitUntil(lambda: not probe.running(), timeout=10_000)
    assert answers == [] and backend.known_audio() is None
    assert "exited with code 3" in caplog.text


@media_log
def test_a_late_yes_gives_the_next_film_its_sound(qtbot: Any, tmp_path: Path) -> None:
    from kiosk.ui.video.service import PlaybackService

    backend.remember_audio(False)
    service = PlaybackService()
    assert not service.has_sound_output
    backend.remember_audio(True)
    with qtbot.waitSignal(service.failed, timeout=5000):
        service.play(tmp_path / "missing.mp4")  # no film needed: the output is made before loading
    assert service.has_sound_output
    service.deleteLater()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}").exists() and "zombie" not in Path(f"/proc/{pid}/status").read_text()
