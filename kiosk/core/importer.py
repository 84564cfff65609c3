"""Importing a subject into a content root without the running kiosk ever seeing half of it.

Layout of a content root that has had imports:

    ROOT/lenin-enrollment -> .versions/lenin-enrollment/20261128-101500   (a symlink)
    ROOT/.versions/lenin-enrollment/20261128-101500/   the live version
    ROOT/.versions/lenin-enrollment/20261120-090000/   the previous one, kept for rollback

An import validates the source, copies it into a staging folder inside the content root, checks
the size and SHA-256 of every copied file against the source, and then re-points the subject's
symlink with one atomic rename. Any failure on the way removes the staging folder and leaves the
live content byte for byte as it was. A subject that is still a plain folder (as shipped) is moved
into `.versions/` on its first import.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from kiosk.core.findings import Finding, Severity
from kiosk.core.loader import SUBJECT_FILE, validate

VERSIONS = ".versions"
STAGING_PREFIX = ".staging-"
RECORD = ".kiosk-import.json"
KEEP_VERSIONS = 3
ORIGINAL = "v0000-original"
_CHUNK = 1 << 20

Progress = Callable[[int, int], None]  # bytes copied, bytes in all


class ImportError_(Exception):
    """An import that could not be completed; the live content is unchanged."""


class ImportRefused(ImportError_):
    def __init__(self, findings: list[Finding]) -> None:
        super().__init__("the source has errors")
        self.findings = findings


@dataclass(frozen=True)
class VersionInfo:
    subject: str
    version: str
    path: Path
    imported_at: str
    source: str
    files: int
    bytes: int
    live: bool


def _now_stamp(clock: Callable[[], dt.datetime]) -> str:
    return clock().strftime("%Y%m%d-%H%M%S")


def _copy_and_hash(src: Path, dst: Path) -> tuple[int, str]:
    import hashlib  # OpenSSL, loaded only where files are hashed: not in the kiosk (kiosk.core.digest)

    digest = hashlib.sha256()
    size = 0
    with src.open("rb") as fin, dst.open("wb") as fout:
        while chunk := fin.read(_CHUNK):
            digest.update(chunk)
            fout.write(chunk)
            size += len(chunk)
        fout.flush()
        os.fsync(fout.fileno())
    shutil.copystat(src, dst, follow_symlinks=False)
    return size, digest.hexdigest()


def _hash(path: Path) -> tuple[int, str]:
    import hashlib

    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@dataclass
class ImportTransaction:
    """One subject copied into a content root: validate, stage, verify, swap."""

    source: Path
    root: Path
    progress: Progress | None = None
    clock: Callable[[], dt.datetime] = dt.datetime.now
    copy_file: Callable[[Path, Path], tuple[int, str]] = _copy_and_hash  # injectable for I/O-error tests
    hash_file: Callable[[Path], tuple[int, str]] = _hash
    record_extra: Mapping[str, object] | None = None  # more for the version's record (fleet version)

    @property
    def subject_id(self) -> str:
        return self.source.resolve().name

    def run(self) -> VersionInfo:
        findings = validate(self.source)
        errors = [f for f in findings if f.severity is Severity.ERROR]
        if errors:
            raise ImportRefused(findings)
        files = self._source_files()
        total = sum(size for _, size in files)
        staging = self.root / f"{STAGING_PREFIX}{self.subject_id}-{uuid.uuid4().hex[:8]}"
        try:
            staging.mkdir(parents=True)
            manifest = self._copy(files, staging, total)
            self._verify(staging, manifest)
            version = self._swap_in(staging, len(files), total)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        prune_versions(self.root, self.subject_id)
        return version

    def _source_files(self) -> list[tuple[Path, int]]:
        out: list[tuple[Path, int]] = []
        base = self.source.resolve()
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if name.startswith("."):
                    continue
                path = Path(dirpath) / name
                if path.is_symlink():
                    continue  # the validator already refused links leaving the subject
                out.append((path, path.stat().st_size))
        return out

    def _copy(self, files: list[tuple[Path, int]], staging: Path, total: int) -> dict[str, tuple[int, str]]:
        base = self.source.resolve()
        manifest: dict[str, tuple[int, str]] = {}
        done = 0
        for path, _size in files:
            rel = path.relative_to(base)
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                manifest[rel.as_posix()] = self.copy_file(path, target)
            except OSError as exc:
                raise ImportError_(f"copying {rel.as_posix()} failed: {exc.strerror or exc}") from exc
            done += manifest[rel.as_posix()][0]
            if self.progress:
                self.progress(done, total)
        return manifest

    def _verify(self, staging: Path, manifest: dict[str, tuple[int, str]]) -> None:
        for rel, (size, digest) in manifest.items():
            try:
                got = self.hash_file(staging / rel)
            except OSError as exc:
                raise ImportError_(f"checking {rel} failed: {exc.strerror or exc}") from exc
            if got != (size, digest):
                raise ImportError_(f"the copy of {rel} differs from the source (size or SHA-256)")
        record = {
            "subject": self.subject_id,
            "source": str(self.source.resolve()),
            "imported_at": self.clock().isoformat(timespec="seconds"),
            "files": len(manifest),
            "bytes": sum(s for s, _ in manifest.values()),
            "sha256": {rel: d for rel, (_, d) in manifest.items()},
            **(self.record_extra or {}),
        }
        (staging / RECORD).write_text(json.dumps(record, indent=1), encoding="utf-8")
        _fsync_dir(staging)

    def _swap_in(self, staging: Path, files: int, total: int) -> VersionInfo:
        adopt_plain_folder(self.root, self.subject_id)
        versions = self.root / VERSIONS / self.subject_id
        versions.mkdir(parents=True, exist_ok=True)
        version = f"v{_next_number(versions):04d}-{_now_stamp(self.clock)}"
        os.rename(staging, versions / version)
        switch_live(self.root, self.subject_id, version)
        return next(v for v in list_versions(self.root, self.subject_id) if v.version == version)


def _number(name: str) -> int:
    try:
        return int(name[1:5]) if name.startswith("v") else -1
    except ValueError:
        return -1


def _next_number(versions: Path) -> int:
    return max((_number(p.name) for p in versions.iterdir()), default=0) + 1


def adopt_plain_folder(root: Path, subject_id: str) -> None:
    """Move a subject shipped as a plain folder into .versions/ as v0000, leaving a symlink in its place.

    This one move is not atomic: for an instant the subject is missing (never mixed). It happens
    once per subject, on its first import.
    """
    live = root / subject_id
    if live.is_symlink() or not live.is_dir():
        return
    versions = root / VERSIONS / subject_id
    versions.mkdir(parents=True, exist_ok=True)
    os.rename(live, versions / ORIGINAL)
    switch_live(root, subject_id, ORIGINAL)


def switch_live(root: Path, subject_id: str, version: str) -> None:
    """Point ROOT/SUBJECT at a version with one atomic rename of a fresh symlink over the old one."""
    tmp = root / f"{STAGING_PREFIX}link-{subject_id}-{uuid.uuid4().hex[:8]}"
    os.symlink(Path(VERSIONS) / subject_id / version, tmp)
    try:
        os.replace(tmp, root / subject_id)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(root)


def list_versions(root: Path, subject_id: str) -> list[VersionInfo]:
    """A subject's kept versions, newest first."""
    folder = root / VERSIONS / subject_id
    live = root / subject_id
    live_name = Path(os.readlink(live)).name if live.is_symlink() else None
    if not folder.is_dir():
        return []
    out: list[VersionInfo] = []
    for version in sorted((p for p in folder.iterdir() if p.is_dir()), key=lambda p: _number(p.name), reverse=True):
        record: dict[str, object] = {}
        try:
            record = json.loads((version / RECORD).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
        out.append(VersionInfo(
            subject_id, version.name, version,
            str(record.get("imported_at", "shipped with the kiosk")),
            str(record.get("source", "")), int(str(record.get("files", 0) or 0)),
            int(str(record.get("bytes", 0) or 0)), version.name == live_name,
        ))
    return out


def rollback(root: Path, subject_id: str) -> VersionInfo:
    """Make the version before the live one live again."""
    versions = list_versions(root, subject_id)
    live = next((v for v in versions if v.live), None)
    if live is None:
        raise ImportError_(f"'{subject_id}' has no imported versions to roll back")
    older = [v for v in versions if _number(v.version) < _number(live.version)]
    if not older:
        raise ImportError_(f"'{subject_id}' has no earlier version to go back to")
    switch_live(root, subject_id, older[0].version)
    return next(v for v in list_versions(root, subject_id) if v.live)


def prune_versions(root: Path, subject_id: str, keep: int = KEEP_VERSIONS) -> None:
    """Keep the live version and the newest others, `keep` in all."""
    others = [v for v in list_versions(root, subject_id) if not v.live]
    for old in others[max(0, keep - 1):]:
        shutil.rmtree(old.path, ignore_errors=True)


def clean_stale_staging(root: Path) -> list[Path]:
    """Remove staging folders an interrupted import left behind (power cut mid-copy)."""
    removed = []
    for entry in root.glob(f"{STAGING_PREFIX}*"):
        if entry.is_symlink():
            entry.unlink(missing_ok=True)
        else:
            shutil.rmtree(entry, ignore_errors=True)
        removed.append(entry)
    return removed


def subjects_in(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if not p.name.startswith(".") and (p / SUBJECT_FILE).exists())
