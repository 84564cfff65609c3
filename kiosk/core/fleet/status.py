"""The fleet's roll-up: each kiosk writes what it shows and how it is into the status folder, and
the staff PC reads every kiosk's file into one table.

A kiosk writes `status/KIOSK_ID.json` (and `KIOSK_ID.png`, its title screen) atomically every few
minutes and after every change. The table says, per kiosk, whether it shows the newest published
version of every subject, when it was last heard from (offline after a set time), its open errors
and its health. Times are each kiosk's own clock; the table reads them as they are written.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.core.doctor import Check
from kiosk.core.fleet.layout import CONTENT, MANIFEST, STATUS, is_syncthing_file, subjects_in, versions_of
from kiosk.core.fleet.live import LiveVersion
from kiosk.core.fleet.manifest import ManifestError, read_manifest, write_atomically
from kiosk.core.fleet.tracker import PROBLEM_PHASES, Track, duration_text
from kiosk.core.settings import Settings

FORMAT = 1
STATUS_EVERY_S = 180.0  # "every few minutes", and after every change
CLOCK_SKEW_S = 300.0  # a status written this far in the future is flagged (the kiosk's clock)


# -- a kiosk's own status -------------------------------------------------------------------------


def kiosk_identity(settings: Settings) -> tuple[str, str]:
    """The kiosk's id (a file name in the status folder) and the name staff know it by."""
    kiosk_id = settings.kiosk_id
    if not kiosk_id:
        host = socket.gethostname().split(".")[0]
        kiosk_id = "".join(c if c.isalnum() or c in "-_" else "-" for c in host).strip("-_") or "kiosk"
    return kiosk_id, settings.kiosk_name or kiosk_id


def status_folder(settings: Settings) -> Path | None:
    if settings.fleet_status_dir is not None:
        return settings.fleet_status_dir.expanduser()
    return settings.fleet_dir.expanduser() / STATUS if settings.fleet_dir is not None else None



class VisitTally:
    """Visits today and the last visit, from the analytics database at start and counted after."""

    def __init__(self, wall_clock: Callable[[], dt.datetime] = dt.datetime.now, *, today: int = 0,
                 last_visit: str = "") -> None:
        self.wall_clock = wall_clock
        self._day = wall_clock().date()
        self._today = today
        self.last_visit = last_visit

    def visit_started(self) -> None:
        now = self.wall_clock()
        self._roll(now.date())
        self._today += 1
        self.last_visit = now.isoformat(timespec="seconds")

    def today(self) -> int:
        self._roll(self.wall_clock().date())
        return self._today

    def _roll(self, day: dt.date) -> None:
        if day != self._day:
            self._day, self._today = day, 0


def visits_from_database(path: Path, day: dt.date) -> tuple[int, str]:
    """Visits started on ``day`` and the last visit's start, read-only (nothing is created)."""
    if not path.is_file():
        return 0, ""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=2)
        try:
            count = db.execute("SELECT COUNT(*) FROM visits WHERE substr(started_at, 1, 10) = ?",
                               (day.isoformat(),)).fetchone()[0]
            last = db.execute("SELECT MAX(started_at) FROM visits").fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:
        return 0, ""
    return int(count or 0), str(last or "")


def check_json(check: Check) -> dict[str, object]:
    return {"name": check.name, "ok": check.ok, "detail": check.detail, "fix": check.fix, "severe": check.severe}


def build_status(
    *,
    kiosk_id: str,
    name: str,
    app_version: str,
    now: dt.datetime,
    started_at: dt.datetime,
    live: Mapping[str, LiveVersion],
    showing: Mapping[str, Path],
    tracks: Iterable[Track],
    visits_today: int,
    last_visit: str,
    health: Iterable[Check],
    errors: Iterable[str],
    screenshot: str = "",
) -> dict[str, Any]:
    """The document a kiosk writes. ``showing`` maps each subject on screen to the version folder it
    was read from (the window's library); ``live`` is what the content root has live."""
    tracks = list(tracks)
    subjects: dict[str, dict[str, object]] = {}
    for sid in sorted(set(live) | set(showing)):
        lv = live.get(sid)
        subjects[sid] = {
            "local_version": lv.local_version if lv else "",
            "fleet_version": lv.fleet_version if lv else "",
            "content_sha256": lv.content_sha256 if lv else "",
            "imported_at": lv.imported_at if lv else "",
            "showing": sid in showing and (lv is None or showing[sid] == lv.path),
        }
    return {
        "format": FORMAT,
        "kiosk_id": kiosk_id,
        "name": name,
        "app_version": app_version,
        "written_at": now.isoformat(timespec="seconds"),
        "started_at": started_at.isoformat(timespec="seconds"),
        "uptime_s": round(max(0.0, (now - started_at).total_seconds())),
        "subjects": subjects,
        "fleet": [{"subject": t.subject, "version": t.version, "phase": str(t.phase), "detail": t.detail}
                  for t in tracks],
        "last_visit": last_visit,
        "visits_today": visits_today,
        "health": [check_json(c) for c in health],
        "errors": list(errors),
        "screenshot": screenshot,
    }


def fleet_errors(tracks: Iterable[Track], folder_problem: str, content_errors: Iterable[str]) -> list[str]:
    out = [folder_problem] if folder_problem else []
    out += [f"{t.subject} {t.version}: {t.detail}" for t in tracks if t.phase in PROBLEM_PHASES]
    return out + list(content_errors)


def write_status(folder: Path, kiosk_id: str, document: Mapping[str, Any], png: bytes | None = None) -> Path:
    """The picture first, then the JSON that names it: both renamed into place, never half-written."""
    folder.mkdir(parents=True, exist_ok=True)
    doc = dict(document)
    if png is not None:
        write_atomically(folder / f"{kiosk_id}.png", png)
        doc["screenshot"] = f"{kiosk_id}.png"
    path = folder / f"{kiosk_id}.json"
    write_atomically(path, (json.dumps(doc, indent=1, ensure_ascii=False) + "\n").encode())
    return path


# -- the staff PC's table -------------------------------------------------------------------------


@dataclass(frozen=True)
class FleetRow:
    kiosk_id: str
    name: str
    current: bool  # shows the newest published version of every subject in the fleet
    behind: tuple[str, ...]  # "subject: 0002-… (newest 0003-…)"
    last_seen: str  # the status's written_at
    seen_ago_s: float | None
    online: bool
    errors: tuple[str, ...]
    health_problems: tuple[str, ...]
    document: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "kiosk_id": self.kiosk_id, "name": self.name, "current": self.current, "behind": list(self.behind),
            "last_seen": self.last_seen, "seen_ago_s": self.seen_ago_s, "online": self.online,
            "errors": list(self.errors), "health_problems": list(self.health_problems),
            "status": dict(self.document),
        }


def newest_versions(fleet_dir: Path) -> dict[str, str]:
    """Each subject's newest published version (with a readable manifest) in the fleet folder."""
    content = fleet_dir / CONTENT
    out: dict[str, str] = {}
    for subject in subjects_in(content):
        for version in reversed(versions_of(content / subject)):
            try:
                read_manifest(content / subject / version.name / MANIFEST)
            except ManifestError:
                continue
            out[subject] = version.name
            break
    return out


def read_statuses(status_dir: Path) -> list[dict[str, Any]]:
    """Every kiosk's status document; an unreadable one as {"kiosk_id": …, "unreadable": why}."""
    out: list[dict[str, Any]] = []
    try:
        entries = sorted(os.scandir(status_dir), key=lambda e: e.name)
    except OSError:
        return out
    for entry in entries:
        if (not entry.name.endswith(".json") or entry.name.startswith(".") or is_syncthing_file(entry.name)
                or not entry.is_file()):
            continue
        kiosk_id = entry.name[:-len(".json")]
        try:
            doc = json.loads(Path(entry.path).read_bytes())
            if not isinstance(doc, dict):
                raise ValueError("not a JSON object")
        except (OSError, ValueError) as exc:
            out.append({"kiosk_id": kiosk_id, "unreadable": str(exc)})
            continue
        doc.setdefault("kiosk_id", kiosk_id)
        out.append(doc)
    return out


def _parse_time(text: object) -> dt.datetime | None:
    try:
        when = dt.datetime.fromisoformat(str(text))
    except ValueError:
        return None
    return when if when.tzinfo else when.astimezone()


def fleet_rows(fleet_dir: Path, now: dt.datetime, offline_after_s: float,
               status_dir: Path | None = None) -> tuple[dict[str, str], list[FleetRow]]:
    """The newest version of each subject, and one row per kiosk that has written a status."""
    newest = newest_versions(fleet_dir)
    rows = [_row(doc, newest, now, offline_after_s) for doc in read_statuses(status_dir or fleet_dir / STATUS)]
    return newest, rows


def _row(doc: Mapping[str, Any], newest: Mapping[str, str], now: dt.datetime, offline_after_s: float) -> FleetRow:
    kiosk_id = str(doc.get("kiosk_id", "?"))
    if "unreadable" in doc:
        return FleetRow(kiosk_id, "", False, (), "", None, False, (f"its status file cannot be read: {doc['unreadable']}",),
                        (), doc)
    subjects = doc.get("subjects") if isinstance(doc.get("subjects"), dict) else {}
    assert isinstance(subjects, dict)
    behind = []
    for subject, version in sorted(newest.items()):
        mine = subjects.get(subject) if isinstance(subjects.get(subject), dict) else None
        if mine is None:
            behind.append(f"{subject}: not on this kiosk (newest {version})")
        elif mine.get("fleet_version") != version:
            behind.append(f"{subject}: {mine.get('fleet_version') or mine.get('local_version') or 'as shipped'} "
                          f"(newest {version})")
        elif not mine.get("showing"):
            behind.append(f"{subject}: {version} imported, not yet on screen")
    written = _parse_time(doc.get("written_at"))
    ago = (now - written).total_seconds() if written else None
    errors = [str(e) for e in doc.get("errors", []) if e] if isinstance(doc.get("errors"), list) else []
    if ago is not None and ago < -CLOCK_SKEW_S:
        errors.append(f"its clock is {(-ago) / 60:.0f} minutes ahead of this PC's")
    health = [f"{h.get('name')}: {h.get('detail')}" for h in doc.get("health", [])
              if isinstance(h, dict) and not h.get("ok") and h.get("severe", True)]
    online = ago is not None and ago <= offline_after_s
    return FleetRow(kiosk_id, str(doc.get("name", "")), not behind, tuple(behind),
                    str(doc.get("written_at", "")), ago, online, tuple(errors), tuple(health), doc)


def ago_text(seconds: float | None) -> str:
    return "never" if seconds is None else f"{duration_text(seconds)} ago"


def table_lines(rows: Iterable[FleetRow]) -> list[tuple[str, str, str, str, tuple[str, ...]]]:
    """The table, the same for the terminal and the staff panel: kiosk, name, version, last seen,
    and its problems (errors, then failed health checks)."""
    out = []
    for r in rows:
        version = "current" if r.current else "BEHIND: " + "; ".join(r.behind)
        seen = ago_text(r.seen_ago_s) + ("" if r.online else " — OFFLINE")
        problems = tuple(r.errors) + tuple(f"health: {h}" for h in r.health_problems)
        out.append((r.kiosk_id, r.name, version, seen, problems))
    return out


def format_table(newest: Mapping[str, str], rows: list[FleetRow]) -> str:
    head = ["published: " + (", ".join(f"{s} {v}" for s, v in sorted(newest.items())) or "nothing yet")]
    if not rows:
        return "\n".join(head + ["no kiosk has reported yet (is the status folder shared? docs/fleet.md)"])
    cells = [("KIOSK", "NAME", "VERSION", "LAST SEEN", "ERRORS"),
             *[(*c[:4], " | ".join(c[4]) or "none") for c in table_lines(rows)]]
    widths = [min(60, max(len(c[i]) for c in cells)) for i in range(4)]
    lines = [
        "  ".join(c[i].ljust(widths[i]) for i in range(4)) + "  " + c[4]
        for c in cells
    ]
    current = sum(r.current for r in rows)
    offline = sum(not r.online for r in rows)
    lines.append(f"{current} of {len(rows)} kiosks on the current version, {offline} offline")
    return "\n".join(head + lines)
