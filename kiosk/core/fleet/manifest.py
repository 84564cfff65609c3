"""A published version's manifest: every file's size and SHA-256, who published it, when, with what.

The manifest is the last thing `kiosk publish` writes, and it is written atomically (a temporary
file Syncthing never sends, renamed into place), so a kiosk that has it knows exactly what the
version holds; whether every file has arrived is then a matter of comparing.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.core.fleet.layout import is_subject_id, parse_version, safe_relative, temp_name
from kiosk.core.importer import _fsync_dir

FORMAT = 1

try:  # the builtin SHA-256: the kiosk's own process hashes only short texts and never loads OpenSSL
    from _sha2 import sha256 as _small_sha256  # type: ignore[import-not-found]  # Python 3.12+
except ImportError:  # pragma: no cover - depends on the Python version
    try:
        from _sha256 import sha256 as _small_sha256  # type: ignore[import-not-found,no-redef]
    except ImportError:
        from hashlib import sha256 as _small_sha256  # type: ignore[assignment]


class ManifestError(ValueError):
    """A manifest that cannot be used; the message says why."""


@dataclass(frozen=True)
class FileEntry:
    size: int
    sha256: str


@dataclass(frozen=True)
class FleetManifest:
    subject: str
    version: str
    sequence: int
    published_at: str  # ISO 8601 with the publishing PC's UTC offset
    published_by: str  # user@host
    tool: str  # "exhibit-kiosk 0.1.0"
    files: Mapping[str, FileEntry] = field(default_factory=dict)  # relative to VERSION/SUBJECT/
    rollback_of: str = ""

    @property
    def total_bytes(self) -> int:
        return sum(f.size for f in self.files.values())

    @property
    def content_sha256(self) -> str:
        return content_hash({rel: f.sha256 for rel, f in self.files.items()})

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "subject": self.subject,
            "version": self.version,
            "sequence": self.sequence,
            "published_at": self.published_at,
            "published_by": self.published_by,
            "tool": self.tool,
            "rollback_of": self.rollback_of,
            "files": {rel: {"size": f.size, "sha256": f.sha256} for rel, f in sorted(self.files.items())},
            "bytes": self.total_bytes,
            "content_sha256": self.content_sha256,
        }


def content_hash(files: Mapping[str, str]) -> str:
    """One SHA-256 for a whole version: of each file's name and SHA-256, in name order.

    The kiosk computes the same from its import record, so the hash it reports says what it
    really shows, whichever way the content arrived."""
    digest = _small_sha256()
    for rel in sorted(files):
        digest.update(f"{rel}\0{files[rel]}\n".encode())
    return digest.hexdigest()


def read_manifest(path: Path) -> FleetManifest:
    """Parse and check a manifest; ManifestError says what is wrong with it."""
    try:
        raw = json.loads(path.read_bytes())
    except OSError as exc:
        raise ManifestError(f"the manifest cannot be read ({exc.strerror or exc})") from None
    except ValueError as exc:
        raise ManifestError(f"the manifest is not valid JSON ({exc})") from None
    if not isinstance(raw, dict):
        raise ManifestError("the manifest is not a JSON object")
    if raw.get("format") != FORMAT:
        raise ManifestError(f"the manifest's format {raw.get('format')!r} is not {FORMAT}: "
                            "publish with the same version of the kiosk software")
    subject, version = raw.get("subject"), raw.get("version")
    if not isinstance(subject, str) or not is_subject_id(subject):
        raise ManifestError("the manifest names no valid subject")
    if not isinstance(version, str) or parse_version(version) is None:
        raise ManifestError("the manifest names no valid version")
    if path.parent.name != version or path.parent.parent.name != subject:
        raise ManifestError(f"the manifest is for {subject}/{version}, not for the folder it is in")
    files_raw = raw.get("files")
    if not isinstance(files_raw, dict) or not files_raw:
        raise ManifestError("the manifest lists no files")
    files: dict[str, FileEntry] = {}
    for rel, entry in files_raw.items():
        why = safe_relative(rel) if isinstance(rel, str) else "not a name"
        if why:
            raise ManifestError(f"the manifest names a file that cannot be used ({rel!r}: {why})")
        size = entry.get("size") if isinstance(entry, dict) else None
        sha = entry.get("sha256") if isinstance(entry, dict) else None
        if (not isinstance(size, int) or isinstance(size, bool) or size < 0 or not isinstance(sha, str)
                or len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha)):
            raise ManifestError(f"the manifest's entry for {rel} has no valid size and SHA-256")
        files[rel] = FileEntry(size, sha)
    manifest = FleetManifest(
        subject=subject, version=version, sequence=int(raw.get("sequence") or parse_version(version).sequence),  # type: ignore[union-attr]
        published_at=str(raw.get("published_at", "")), published_by=str(raw.get("published_by", "")),
        tool=str(raw.get("tool", "")), files=files, rollback_of=str(raw.get("rollback_of") or ""),
    )
    claimed = raw.get("content_sha256")
    if claimed is not None and claimed != manifest.content_sha256:
        raise ManifestError("the manifest's content hash does not match its list of files (it was altered)")
    return manifest


def write_atomically(path: Path, data: bytes) -> None:
    """Write a file so that a reader (or Syncthing) sees the old one or the new one, never half:
    a temporary file in Syncthing's own pattern, flushed, then renamed over the target."""
    tmp = path.parent / temp_name(path.name)
    try:
        with tmp.open("wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def write_manifest(folder: Path, manifest: FleetManifest) -> Path:
    from kiosk.core.fleet.layout import MANIFEST

    path = folder / MANIFEST
    write_atomically(path, (json.dumps(manifest.to_json(), indent=1, ensure_ascii=False) + "\n").encode())
    return path
