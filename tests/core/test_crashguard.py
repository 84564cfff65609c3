"""The crash-loop guard: three crashes within ten minutes start the kiosk in safe mode."""

from __future__ import annotations

from pathlib import Path

from kiosk.core.crashguard import CRASH_WINDOW_S, CrashGuard


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_three_crashes_in_window_mean_safe_mode(tmp_path: Path) -> None:
    """Starts that follow three unclean exits within ten minutes come up in safe mode."""
    clock = Clock()
    state = tmp_path / "guard.json"
    results = []
    for _ in range(4):  # each start after the first finds the previous run did not exit cleanly
        results.append(CrashGuard(state, clock).starting())
        clock.now += 30
    assert results == [False, False, False, True]


def test_clean_exits_are_not_crashes(tmp_path: Path) -> None:
    """A kiosk that is stopped cleanly never counts a crash."""
    clock = Clock()
    for _ in range(5):
        guard = CrashGuard(tmp_path / "g.json", clock)
        assert guard.starting() is False
        guard.clean_exit()
        clock.now += 10


def test_old_crashes_forgotten(tmp_path: Path) -> None:
    """Crashes spread over more than ten minutes do not trigger safe mode."""
    clock = Clock()
    for _ in range(4):
        assert CrashGuard(tmp_path / "g.json", clock).starting() is False
        clock.now += CRASH_WINDOW_S / 2 + 1


def test_last_good_content_remembered(tmp_path: Path) -> None:
    """The content a healthy run showed is remembered for safe mode, across restarts."""
    clock = Clock()
    guard = CrashGuard(tmp_path / "g.json", clock)
    guard.starting()
    guard.mark_good({"lenin-enrollment": "/content/.versions/lenin-enrollment/v0001"})
    again = CrashGuard(tmp_path / "g.json", clock)
    assert again.state.last_good == {"lenin-enrollment": "/content/.versions/lenin-enrollment/v0001"}


def test_damaged_state_file_is_a_fresh_start(tmp_path: Path) -> None:
    """A damaged state file (power cut) never stops the kiosk from starting."""
    (tmp_path / "g.json").write_text("{not json")
    assert CrashGuard(tmp_path / "g.json", Clock()).starting() is False
