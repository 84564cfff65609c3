"""Local visitor analytics: what visitors do, never who they are, and never off this machine.

Events are queued in memory and written in one transaction per flush (the shell flushes every
few seconds and at each idle reset), to SQLite in WAL mode: a power cut loses at most the last
unflushed seconds and never corrupts the database.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS visits (
    id INTEGER PRIMARY KEY,
    subject TEXT NOT NULL,
    started_at TEXT NOT NULL,      -- local time, ISO 8601
    ended_at TEXT,
    duration_s REAL,
    ended_by TEXT                  -- 'idle' or 'home'
);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    visit_id INTEGER REFERENCES visits(id),
    at TEXT NOT NULL,
    kind TEXT NOT NULL,            -- tab, item, video_progress, language, text_size
    item TEXT NOT NULL DEFAULT '',
    value REAL
);
CREATE INDEX IF NOT EXISTS events_kind ON events(kind, item);
CREATE INDEX IF NOT EXISTS visits_started ON visits(started_at);
"""

EVENT_KINDS = frozenset({"tab", "item", "video_progress", "language", "text_size"})


def default_database() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("exhibit-kiosk")) / "analytics.sqlite3"


def connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, timeout=5, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.executescript(SCHEMA)
    return db


class VisitRecorder:
    """Buffers one visit's events; `flush` writes them. Time comes from injected clocks."""

    def __init__(
        self,
        path: Path,
        *,
        wall_clock: Callable[[], dt.datetime] = dt.datetime.now,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.db = connect(path)
        self.wall_clock = wall_clock
        self.monotonic = monotonic
        self._pending: list[tuple[str, tuple[object, ...]]] = []
        self._visit_id: int | None = None
        self._visit_started: float = 0.0

    @property
    def in_visit(self) -> bool:
        return self._visit_id is not None

    def _now(self) -> str:
        return self.wall_clock().isoformat(timespec="seconds")

    def start_visit(self, subject: str) -> None:
        if self.in_visit:
            self.end_visit("home")
        cur = self.db.execute("INSERT INTO visits(subject, started_at) VALUES (?, ?)", (subject, self._now()))
        self._visit_id = cur.lastrowid
        self._visit_started = self.monotonic()

    def record(self, kind: str, item: str = "", value: float | None = None) -> None:
        if kind not in EVENT_KINDS:
            raise ValueError(f"unknown analytics event kind {kind!r}")
        if self._visit_id is None:
            return
        self._pending.append(("INSERT INTO events(visit_id, at, kind, item, value) VALUES (?, ?, ?, ?, ?)",
                              (self._visit_id, self._now(), kind, item, value)))

    def end_visit(self, ended_by: str) -> None:
        if self._visit_id is None:
            return
        duration = max(0.0, self.monotonic() - self._visit_started)
        self._pending.append(("UPDATE visits SET ended_at=?, duration_s=?, ended_by=? WHERE id=?",
                              (self._now(), duration, ended_by, self._visit_id)))
        self._visit_id = None
        self.flush()

    def flush(self) -> None:
        if not self._pending:
            return
        pending, self._pending = self._pending, []
        self.db.execute("BEGIN")
        try:
            for sql, params in pending:
                self.db.execute(sql, params)
            self.db.execute("COMMIT")
        except sqlite3.Error:
            self.db.execute("ROLLBACK")
            raise

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self.db.close()


@dataclass(frozen=True)
class Summary:
    visits_per_day: list[tuple[str, int]]
    median_visit_s: float
    top_items: list[tuple[str, int]]
    video_completion: list[tuple[str, int, float]]  # video, plays, share watched to the end
    tab_views: list[tuple[str, int]]
    languages: list[tuple[str, int]]


def summarise(path: Path, since: dt.date | None = None) -> Summary:
    db = connect(path)
    try:
        since_text = since.isoformat() if since else "0000"
        per_day = db.execute(
            "SELECT substr(started_at, 1, 10) d, COUNT(*) FROM visits WHERE started_at >= ? GROUP BY d ORDER BY d",
            (since_text,)).fetchall()
        durations = [r[0] for r in db.execute(
            "SELECT duration_s FROM visits WHERE duration_s IS NOT NULL AND started_at >= ?", (since_text,))]

        def counts(kind: str, limit: int = 10) -> list[tuple[str, int]]:
            return [(str(a), int(b)) for a, b in db.execute(
                "SELECT item, COUNT(*) c FROM events WHERE kind=? AND at >= ? GROUP BY item ORDER BY c DESC, item "
                "LIMIT ?", (kind, since_text, limit))]

        video_rows = db.execute(
            "SELECT item, COUNT(*), AVG(CASE WHEN value >= 0.95 THEN 1.0 ELSE 0.0 END) FROM "
            "(SELECT visit_id, item, MAX(value) value FROM events WHERE kind='video_progress' AND at >= ? "
            " GROUP BY visit_id, item) GROUP BY item ORDER BY 2 DESC", (since_text,)).fetchall()
        return Summary(
            visits_per_day=[(str(d), int(n)) for d, n in per_day],
            median_visit_s=float(statistics.median(durations)) if durations else 0.0,
            top_items=counts("item"),
            video_completion=[(str(i), int(n), float(c or 0)) for i, n, c in video_rows],
            tab_views=counts("tab"),
            languages=counts("language"),
        )
    finally:
        db.close()


def export_csv(path: Path, out: Path, since: dt.date | None = None) -> int:
    """Every visit, one row each, for a spreadsheet. Returns the number of rows written."""
    import csv

    db = connect(path)
    try:
        rows: Iterable[tuple[object, ...]] = db.execute(
            "SELECT v.id, v.subject, v.started_at, v.ended_at, v.duration_s, v.ended_by, "
            "(SELECT COUNT(*) FROM events e WHERE e.visit_id = v.id AND e.kind='item') "
            "FROM visits v WHERE v.started_at >= ? ORDER BY v.started_at",
            (since.isoformat() if since else "0000",)).fetchall()
        with out.open("w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(["visit", "subject", "started_at", "ended_at", "duration_s", "ended_by", "items_opened"])
            n = 0
            for row in rows:
                writer.writerow(row)
                n += 1
        return n
    finally:
        db.close()
