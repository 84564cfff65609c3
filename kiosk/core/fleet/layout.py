"""Names in a fleet folder, and the files Syncthing keeps there that are never content."""

from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass
from pathlib import Path

CONTENT = "content"
STATUS = "status"
MANIFEST = "manifest.json"
PUBLISHING_PREFIX = ".publishing-"

# Syncthing's own files: its folder marker, ignore file and versions archive, the temporary files
# it writes a download into (renamed into place once every block checked out), and the copies it
# keeps when two devices changed a file at once. None of them is ever read as content.
_SYNCTHING_NAMES = frozenset({".stfolder", ".stignore", ".stversions", ".stglobalignore"})
_SYNCTHING_PATTERNS = (".syncthing.*.tmp", "~syncthing~*.tmp", "*.sync-conflict-*")

_VERSION = re.compile(r"^(\d{4,9})-(\d{8}-\d{6})(?:-[a-z0-9]{1,8})?$")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")


def is_syncthing_file(name: str) -> bool:
    """True for Syncthing's marker, temporary and conflict files (a name, not a path)."""
    return name in _SYNCTHING_NAMES or any(fnmatch.fnmatchcase(name, p) for p in _SYNCTHING_PATTERNS)


def temp_name(name: str) -> str:
    """A name for writing ``name`` before renaming it into place that Syncthing never sends:
    its own temporary-file pattern, which its scanner skips."""
    return f".syncthing.{name}.tmp"


def is_subject_id(name: str) -> bool:
    return bool(_ID.match(name)) and not is_syncthing_file(name)


@dataclass(frozen=True, order=True)
class VersionName:
    """A version folder's name: a sequence number (the order kiosks go by) and when it was made."""

    sequence: int
    name: str

    @property
    def stamp(self) -> str:
        return self.name.split("-", 1)[1]


def parse_version(name: str) -> VersionName | None:
    m = _VERSION.match(name)
    return VersionName(int(m.group(1)), name) if m else None


def version_name(sequence: int, stamp: str, suffix: str = "") -> str:
    return f"{sequence:04d}-{stamp}" + (f"-{suffix}" if suffix else "")


def subjects_in(content: Path) -> list[str]:
    """The subject folders of a fleet's content folder (Syncthing's own files left out)."""
    try:
        entries = sorted(os.scandir(content), key=lambda e: e.name)
    except OSError:
        return []
    return [e.name for e in entries
            if not e.name.startswith(".") and is_subject_id(e.name) and e.is_dir(follow_symlinks=False)]


def versions_of(subject_dir: Path) -> list[VersionName]:
    """A subject's version folders, oldest first (whether or not their manifest has arrived)."""
    try:
        entries = list(os.scandir(subject_dir))
    except OSError:
        return []
    found = [parse_version(e.name) for e in entries if e.is_dir(follow_symlinks=False)]
    return sorted(v for v in found if v is not None)


def safe_relative(rel: str) -> str | None:
    """Why a file name from a manifest cannot be used (leaves the folder, hidden, Syncthing's), or None."""
    if not rel or rel.startswith("/") or "\\" in rel or "\0" in rel:
        return "not a relative path with / separators"
    for part in rel.split("/"):
        if part in ("", ".", ".."):
            return "has an empty, '.' or '..' part"
        if part.startswith("."):
            return "names a hidden file or folder"
        if is_syncthing_file(part):
            return "names one of Syncthing's own files"
    return None
