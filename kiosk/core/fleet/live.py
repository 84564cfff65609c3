"""What a kiosk has live, subject by subject: its local version, the fleet version it came from
and the content hash, read from the import record `kiosk import` leaves in every version."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from kiosk.core.fleet.manifest import content_hash
from kiosk.core.importer import RECORD

FLEET_VERSION_KEY = "fleet_version"


@dataclass(frozen=True)
class LiveVersion:
    subject: str
    local_version: str  # "v0004-20261204-101500", or "" for a subject as shipped (a plain folder)
    fleet_version: str  # the fleet version it was imported from, or "" (shipped, a USB stick)
    content_sha256: str  # over every file's name and SHA-256; "" when never imported
    imported_at: str
    path: Path  # the version folder itself


class LiveReader:
    """Reads the live records, again only when a subject's link or record changed (cheap to poll)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._cache: dict[str, tuple[tuple[str, int], LiveVersion]] = {}

    def read(self, subject: str) -> LiveVersion | None:
        link = self.root / subject
        try:
            target = os.readlink(link) if link.is_symlink() else ""
            folder = (self.root / target) if target else link
            if not folder.is_dir():
                return None
            record_path = folder / RECORD
            try:
                mtime = record_path.stat().st_mtime_ns
            except FileNotFoundError:
                mtime = 0
        except OSError:
            return None
        key = (target, mtime)
        cached = self._cache.get(subject)
        if cached and cached[0] == key:
            return cached[1]
        record: dict[str, object] = {}
        if mtime:
            try:
                loaded = json.loads(record_path.read_text(encoding="utf-8"))
                record = loaded if isinstance(loaded, dict) else {}
            except (OSError, ValueError):
                record = {}
        live = LiveVersion(
            subject=subject,
            local_version=Path(target).name if target else "",
            fleet_version=str(record.get(FLEET_VERSION_KEY, "") or ""),
            content_sha256=_record_hash(record),
            imported_at=str(record.get("imported_at", "") or ""),
            path=folder.resolve(),
        )
        self._cache[subject] = (key, live)
        return live

    def read_all(self) -> dict[str, LiveVersion]:
        from kiosk.core.importer import subjects_in

        try:
            subjects = subjects_in(self.root)
        except OSError:
            return {}
        out = {}
        for subject in subjects:
            live = self.read(subject)
            if live is not None:
                out[subject] = live
        return out


def _record_hash(record: dict[str, object]) -> str:
    sha = record.get("sha256")
    if not isinstance(sha, dict) or not sha:
        return ""
    return content_hash({str(rel): str(d) for rel, d in sha.items()})
