"""The fleet's roll-up: each kiosk's status file, and the one table the staff PC reads from them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from kiosk.core.analytics import VisitRecorder
from kiosk.core.doctor import Check
from kiosk.core.fleet.layout import STATUS, is_syncthing_file
from kiosk.core.fleet.live import LiveVersion
from kiosk.core.fleet.publish import Publisher
from kiosk.core.fleet.status import (
    VisitTally,
    build_status,
    fleet_rows,
    format_table,
    read_statuses,
    visits_from_database,
    write_status,
)
from tests.core.packs import make_pack

NOW = dt.datetime(2026, 12, 4, 12, 0, 0, tzinfo=dt.timezone.utc)


def status_doc(kiosk_id: str, fleet_version: str, *, written: dt.datetime = NOW, showing: bool = True,
               errors: tuple[str, ...] = (), health_ok: bool = True) -> dict:  # type: ignore[type-arg]
    live = LiveVersion("subject", "v0002-x", fleet_version, "abc", "2026-12-04T11:00:00", Path("/c/v0002-x"))
    return build_status(
        kiosk_id=kiosk_id, name=f"Gallery {kiosk_id}", app_version="0.1.0", now=written,
        started_at=written - dt.timedelta(hours=3), live={"subject": live},
        showing={"subject": Path("/c/v0002-x") if showing else Path("/c/v0001-y")}, tracks=[],
        visits_today=7, last_visit="2026-12-04T11:58:00", errors=errors,
        health=[Check("disk (/srv)", health_ok, "0.2 GB free" if not health_ok else "9 GB free")],
    )


def fleet_with_version(tmp_path: Path) -> tuple[Path, str]:
    fleet = tmp_path / "fleet"
    fleet.mkdir()
    when = dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.timezone.utc)
    folder = Publisher(make_pack(tmp_path / "src", "subject"), fleet, clock=lambda: when).run().folder
    return fleet, folder.name


def test_a_kiosk_writes_its_status_and_title_picture_atomically(tmp_path: Path) -> None:
    """The JSON names what it shows and how it is; the PNG comes first; nothing half-written stays."""
    doc = status_doc("gallery-1", "0003-x")
    path = write_status(tmp_path / STATUS, "gallery-1", doc, b"\x89PNG fake")
    written = json.loads(path.read_text())
    assert written["screenshot"] == "gallery-1.png"
    assert (tmp_path / STATUS / "gallery-1.png").read_bytes() == b"\x89PNG fake"
    assert written["uptime_s"] == 3 * 3600 and written["visits_today"] == 7
    assert written["subjects"]["subject"] == {
        "local_version": "v0002-x", "fleet_version": "0003-x", "content_sha256": "abc",
        "imported_at": "2026-12-04T11:00:00", "showing": True}
    assert not [p for p in (tmp_path / STATUS).iterdir() if is_syncthing_file(p.name)]


def test_the_table_says_who_is_current_behind_offline_and_failing(tmp_path: Path) -> None:
    """Current, behind (with what it shows), not yet on screen, offline after the set time, errors
    and failed health checks: one row per kiosk."""
    fleet, version = fleet_with_version(tmp_path)
    status = fleet / STATUS
    write_status(status, "a", status_doc("a", version))
    write_status(status, "b", status_doc("b", "0000-older"))
    write_status(status, "c", status_doc("c", version, written=NOW - dt.timedelta(hours=2)))
    write_status(status, "d", status_doc("d", version, showing=False, health_ok=False,
                                         errors=("subject 0009-x: images/one.jpg differs",)))
    (status / "e.json").write_text("{broken")
    (status / "a.sync-conflict-20261204-101010-ABCDEFG.json").write_text("{}")
    newest, rows = fleet_rows(fleet, NOW, offline_after_s=900)
    assert newest == {"subject": version}
    by_id = {r.kiosk_id: r for r in rows}
    assert sorted(by_id) == ["a", "b", "c", "d", "e"]
    assert by_id["a"].current and by_id["a"].online and not by_id["a"].errors
    assert not by_id["b"].current and by_id["b"].behind == (f"subject: 0000-older (newest {version})",)
    assert by_id["c"].current and not by_id["c"].online
    assert not by_id["d"].current and "not yet on screen" in by_id["d"].behind[0]
    assert by_id["d"].errors == ("subject 0009-x: images/one.jpg differs",)
    assert by_id["d"].health_problems == ("disk (/srv): 0.2 GB free",)
    assert "cannot be read" in by_id["e"].errors[0]
    text = format_table(newest, rows)
    assert f"published: subject {version}" in text
    assert "2 of 5 kiosks on the current version, 2 offline" in text
    line_c = next(line for line in text.splitlines() if line.startswith("c "))
    assert "2 h ago — OFFLINE" in line_c


def test_a_kiosk_whose_clock_runs_ahead_is_flagged(tmp_path: Path) -> None:
    """A status written "in the future" is shown as online but says the clock is ahead."""
    fleet, version = fleet_with_version(tmp_path)
    write_status(fleet / STATUS, "a", status_doc("a", version, written=NOW + dt.timedelta(minutes=30)))
    _, rows = fleet_rows(fleet, NOW, 900)
    assert rows[0].online and "clock is 30 minutes ahead" in rows[0].errors[0]


def test_no_status_yet_says_what_to_check(tmp_path: Path) -> None:
    fleet, version = fleet_with_version(tmp_path)
    newest, rows = fleet_rows(fleet, NOW, 900)
    assert rows == [] and read_statuses(fleet / STATUS) == []
    assert "no kiosk has reported yet" in format_table(newest, rows)


def test_visits_today_count_from_the_database_and_roll_over_at_midnight(tmp_path: Path) -> None:
    """Read once (read-only) from the analytics database at start, then counted; a new day starts at 0."""
    db = tmp_path / "analytics.sqlite3"
    when = [dt.datetime(2026, 12, 3, 18, 0)]
    recorder = VisitRecorder(db, wall_clock=lambda: when[0])
    for start in (dt.datetime(2026, 12, 3, 18, 0), dt.datetime(2026, 12, 4, 9, 0), dt.datetime(2026, 12, 4, 9, 30)):
        when[0] = start
        recorder.start_visit("subject")
        recorder.end_visit("idle")
    recorder.close()
    assert visits_from_database(db, dt.date(2026, 12, 4)) == (2, "2026-12-04T09:30:00")
    assert visits_from_database(tmp_path / "none.sqlite3", dt.date(2026, 12, 4)) == (0, "")
    assert not (tmp_path / "none.sqlite3").exists()
    now = [dt.datetime(2026, 12, 4, 23, 59)]
    tally = VisitTally(lambda: now[0], today=2, last_visit="2026-12-04T09:30:00")
    tally.visit_started()
    assert tally.today() == 3 and tally.last_visit == "2026-12-04T23:59:00"
    now[0] = dt.datetime(2026, 12, 5, 0, 1)
    assert tally.today() == 0
