"""Visitor analytics: local, batched, summarised for staff, and unharmed by a power cut."""

from __future__ import annotations

import datetime as dt
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from kiosk.core.analytics import VisitRecorder, export_csv, summarise


class FakeClocks:
    def __init__(self) -> None:
        self.wall = dt.datetime(2026, 11, 28, 10, 0, 0)
        self.mono = 1000.0

    def advance(self, seconds: float) -> None:
        self.wall += dt.timedelta(seconds=seconds)
        self.mono += seconds


def _recorder(tmp_path: Path, clocks: FakeClocks) -> VisitRecorder:
    return VisitRecorder(tmp_path / "a.sqlite3", wall_clock=lambda: clocks.wall, monotonic=lambda: clocks.mono)


def test_visits_summarised(tmp_path: Path) -> None:
    """Staff see visits per day, the median visit, top items and how many watched a video to the end."""
    clocks = FakeClocks()
    rec = _recorder(tmp_path, clocks)
    for length, ended_by in ((30, "idle"), (90, "home"), (60, "idle")):
        rec.start_visit("lenin-enrollment")
        rec.record("tab", "images")
        rec.record("item", "images/title-card.png")
        rec.record("video_progress", "video/story.mp4", 1.0 if length == 90 else 0.4)
        clocks.advance(length)
        rec.end_visit(ended_by)
    clocks.advance(86400)
    rec.start_visit("lenin-enrollment")
    clocks.advance(10)
    rec.end_visit("idle")
    rec.close()
    s = summarise(tmp_path / "a.sqlite3")
    assert s.visits_per_day == [("2026-11-28", 3), ("2026-11-29", 1)]
    assert s.median_visit_s == 45
    assert s.top_items == [("images/title-card.png", 3)]
    assert s.video_completion == [("video/story.mp4", 3, 1 / 3)]
    assert summarise(tmp_path / "a.sqlite3", since=dt.date(2026, 11, 29)).visits_per_day == [("2026-11-29", 1)]
    assert export_csv(tmp_path / "a.sqlite3", tmp_path / "out.csv") == 4


def test_events_batched_until_flush(tmp_path: Path) -> None:
    """Events wait in memory until a flush, so a visit costs one write every few seconds."""
    clocks = FakeClocks()
    rec = _recorder(tmp_path, clocks)
    rec.start_visit("s")
    rec.record("tab", "texts")
    other = sqlite3.connect(tmp_path / "a.sqlite3")
    assert other.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 0
    rec.flush()
    assert other.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 1
    other.close()
    rec.close()


WRITER = """
import sys, itertools
from pathlib import Path
from kiosk.core.analytics import VisitRecorder
rec = VisitRecorder(Path(sys.argv[1]))
for i in itertools.count():
    rec.start_visit("s")
    for j in range(50):
        rec.record("item", f"item-{j}")
    rec.end_visit("idle")
    if i == 20:
        print("running", flush=True)
"""


def test_database_survives_kill_mid_batch(tmp_path: Path) -> None:
    """A writer killed with SIGKILL mid-batch leaves a readable, intact database."""
    db = tmp_path / "a.sqlite3"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "running"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    visits = conn.execute("SELECT COUNT(*) FROM visits WHERE ended_at IS NOT NULL").fetchone()[0]
    events = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    conn.close()
    assert visits >= 21 and events == visits * 50  # every committed visit is whole
    assert summarise(db).visits_per_day
