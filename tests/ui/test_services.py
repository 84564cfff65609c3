"""The services around the window: live reload, visit analytics, systemd's watchdog, safe mode."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from kiosk.core.loader import load_library
from kiosk.ui.content_source import ContentSource
from kiosk.ui.content_watcher import ContentWatcher
from kiosk.ui.visit_log import VisitLog
from kiosk.ui.watchdog import watchdog_interval_ms
from tests.core.packs import make_pack
from tests.ui.helpers import WindowFactory


def _tap(widget) -> None:  # type: ignore[no-untyped-def]
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(widget.width() // 2, widget.height() // 2))


def test_watcher_notices_a_changed_file(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Staff saving a file into the content folder is noticed within the debounce interval."""
    pack = make_pack(tmp_path)
    watcher = ContentWatcher(tmp_path, debounce_ms=50, poll_ms=60_000)
    with qtbot.waitSignal(watcher.changed, timeout=5000):
        (pack / "texts" / "overview.md").write_text((pack / "texts" / "overview.md").read_text() + "\nMore.\n")
    watcher.stop()


def test_polling_catches_what_the_watcher_misses(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Where file watching is unavailable, polling finds the change."""
    pack = make_pack(tmp_path)
    watcher = ContentWatcher(tmp_path, debounce_ms=60_000, poll_ms=50)
    watcher.start()
    with qtbot.waitSignal(watcher.changed, timeout=5000):
        (pack / "data" / "members.csv").write_text((pack / "data" / "members.csv").read_text() + "\n")
    watcher.stop()


def test_reload_with_errors_keeps_last_good(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A reload whose content has errors keeps the last good subject and tells staff why."""
    pack = make_pack(tmp_path)
    source = ContentSource(tmp_path)
    source.load_now(media_checks=True)
    (pack / "subject.toml").write_text('title = "Broken\n')
    with qtbot.waitSignal(source.loaded, timeout=30_000) as blocker:
        source.load_in_background(reload=True)
    library, findings, complete = blocker.args
    assert complete and [s.title.get() for s in library.subjects] == ["Test subject"]
    assert any("last good version" in f.message for f in findings)
    assert any(f.file == "subject/subject.toml" and f.line == 1 for f in findings)


def test_reload_applies_at_the_idle_reset_not_during_a_visit(make_window: WindowFactory, tmp_path: Path) -> None:
    """New content waits while a visitor browses and appears after the reset."""
    window = make_window()
    _tap(window.findChild(QPushButton, "touchToBegin"))
    assert window.screen_name().startswith("exhibit")
    pack = make_pack(tmp_path, "other")
    (pack / "subject.toml").write_text((pack / "subject.toml").read_text().replace("Test subject", "New exhibit"))
    result = load_library(tmp_path)
    window.set_content(result.library, result.findings)
    assert window.screen_name().startswith("exhibit")  # the visit goes on undisturbed
    window.reset_visit()
    assert window.screen_name() == "title"
    from PySide6.QtWidgets import QLabel

    shown = [label.text() for label in window.findChildren(QLabel, "titleHeading") if label.isVisible()]
    assert shown == ["New exhibit"]


def test_visits_recorded(make_window: WindowFactory, tmp_path: Path) -> None:
    """A visit, its tabs and how it ended are recorded locally; nothing about the visitor."""
    window = make_window()
    db = tmp_path / "visits.sqlite3"
    log = VisitLog(db, window, flush_ms=10)
    _tap(window.findChild(QPushButton, "touchToBegin"))
    tabs = [b for b in window.findChildren(QPushButton) if b.objectName().startswith("tab_") and b.isVisible()]
    for button in tabs[1:3]:
        _tap(button)
    window.reset_visit()
    log.close()
    conn = sqlite3.connect(db)
    visits = conn.execute("SELECT subject, ended_by FROM visits").fetchall()
    tabs_seen = [r[0] for r in conn.execute("SELECT item FROM events WHERE kind='tab' ORDER BY id")]
    conn.close()
    assert visits == [("lenin-enrollment", "idle")]
    assert tabs_seen[1:] == [b.objectName().removeprefix("tab_") for b in tabs[1:3]]


@pytest.mark.parametrize(("env", "expected"), [
    ({}, None), ({"WATCHDOG_USEC": "30000000"}, 15000), ({"WATCHDOG_USEC": "x"}, None),
    ({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "1"}, None),
])
def test_watchdog_interval(env: dict[str, str], expected: int | None) -> None:
    """The watchdog pings at half systemd's interval, and only when systemd asks this process."""
    assert watchdog_interval_ms(env) == expected


def test_safe_mode_notice_in_staff_panel(make_window: WindowFactory) -> None:
    """In safe mode the staff panel says so, in words staff can act on."""
    from kiosk.core.crashguard import CrashGuard
    from kiosk.ui.app import safe_mode_notice

    window = make_window()
    guard = CrashGuard.__new__(CrashGuard)
    from kiosk.core.crashguard import GuardState

    guard.state = GuardState(crashes=[1.0, 2.0, 3.0], last_good_at=None)
    window.set_staff_notice(safe_mode_notice(guard))
    from PySide6.QtWidgets import QLabel

    notice = window.findChild(QLabel, "staffNotice")
    assert "Safe mode" in notice.text() and "3 times within 10 minutes" in notice.text()


def test_staff_panel_shows_visits_per_day(make_window: WindowFactory) -> None:
    """Behind the PIN, staff see visits per day as a chart and the most opened items."""
    from kiosk.core.analytics import Summary
    from kiosk.ui.staff_stats import VisitStats
    from tests.ui.helpers import find, tap
    from tests.ui.test_lockdown import _corner_taps, _enter_pin

    summary = Summary(visits_per_day=[("2026-11-27", 12), ("2026-11-28", 30)], median_visit_s=75,
                      top_items=[("images/title-card.png", 9)], video_completion=[], tab_views=[], languages=[])
    window = make_window(visit_summary=lambda: summary)
    _corner_taps(window)
    _enter_pin(window, "2468")
    stats = window.findChild(VisitStats)
    assert stats.isVisible()
    assert stats.visits_drawn() == [("11-27", 12), ("11-28", 30)]
    texts = [w.text() for w in stats.findChildren(type(find(window, "staffStatus")))]
    assert any("42 visits in all" in t for t in texts) and any("images/title-card.png" in t for t in texts)
    tap(find(window, "staffCloseButton"))


def _start_until_painted(env: dict[str, str]) -> tuple[subprocess.Popen[str], list[str]]:
    import sys

    root = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen([sys.executable, "-m", "kiosk", "run", "--content", str(root / "assets")],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    lines: list[str] = []
    assert proc.stderr is not None
    for line in proc.stderr:
        lines.append(line)
        if "painted ms=" in line:
            break
    return proc, lines


def test_crash_loop_starts_in_safe_mode(tmp_path: Path) -> None:
    """After three crashes within ten minutes the kiosk comes up in safe mode; a clean stop is no crash."""
    import os
    import signal

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_STATE_HOME=str(tmp_path / "state"),
               XDG_DATA_HOME=str(tmp_path / "data"))
    proc, _ = _start_until_painted(env)
    proc.terminate()  # systemd's stop: a clean quit
    assert proc.wait(30) == 0
    for _ in range(3):
        proc, lines = _start_until_painted(env)
        assert not any("safe mode" in ln for ln in lines)
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    proc, lines = _start_until_painted(env)
    proc.terminate()
    proc.wait(30)
    assert any("safe mode: 3 crashes" in ln for ln in lines)
