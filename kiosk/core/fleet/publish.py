"""`kiosk publish`: a subject written into the fleet's shared folder as a new, complete version.

The subject is copied into a staging folder beside the shared one (Syncthing never sees it),
every copy is hashed and read back, and the copy — not the source — is validated, so what is
checked is exactly what is sent. A copy with errors is refused and removed. A clean one is
renamed into `content/SUBJECT/` under the next version number, its manifest is written after it
(last, atomically), and versions beyond the number to keep are removed, oldest first.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
import shutil
import socket
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.core.findings import Finding, Severity
from kiosk.core.fleet.layout import (
    CONTENT,
    MANIFEST,
    PUBLISHING_PREFIX,
    is_subject_id,
    is_syncthing_file,
    version_name,
    versions_of,
)
from kiosk.core.fleet.manifest import FileEntry, FleetManifest, ManifestError, read_manifest, write_manifest
from kiosk.core.importer import _copy_and_hash, _hash

STALE_STAGING_S = 3600.0
Progress = Callable[[int, int], None]


class PublishError(Exception):
    """A publish that could not be completed; the shared folder is as it was."""


class PublishRefused(PublishError):
    def __init__(self, findings: list[Finding]) -> None:
        super().__init__("the subject has errors")
        self.findings = findings


@dataclass(frozen=True)
class Published:
    manifest: FleetManifest
    folder: Path  # FLEET/content/SUBJECT/VERSION
    findings: list[Finding] = field(default_factory=list)  # warnings and notes (no errors)
    pruned: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PublishedVersion:
    manifest: FleetManifest | None  # None: its manifest has not arrived or cannot be read
    folder: Path
    problem: str = ""


def who() -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "unknown"
    return f"{user}@{socket.gethostname()}"


def tool_version() -> str:
    from kiosk import __version__

    return f"exhibit-kiosk {__version__}"


def source_files(source: Path) -> list[Path]:
    """What a subject folder holds as content: no hidden files, links or Syncthing files."""
    out: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(source):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not is_syncthing_file(d)
                             and not (Path(dirpath) / d).is_symlink())
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if name.startswith(".") or is_syncthing_file(name) or path.is_symlink():
                continue
            out.append(path)
    return out


def published_versions(fleet_dir: Path, subject: str) -> list[PublishedVersion]:
    """A subject's versions in the fleet folder, oldest first, each with its manifest if readable."""
    folder = fleet_dir / CONTENT / subject
    out = []
    for v in versions_of(folder):
        path = folder / v.name
        if not (path / MANIFEST).is_file():
            out.append(PublishedVersion(None, path, "no manifest (still arriving, or an interrupted publish)"))
            continue
        try:
            out.append(PublishedVersion(read_manifest(path / MANIFEST), path))
        except ManifestError as exc:
            out.append(PublishedVersion(None, path, str(exc)))
    return out


@dataclass
class Publisher:
    """One subject published into one fleet folder (clock and identity injectable for tests)."""

    source: Path
    fleet_dir: Path
    keep: int = 3
    progress: Progress | None = None
    clock: Callable[[], dt.datetime] = lambda: dt.datetime.now().astimezone()
    publisher: str = field(default_factory=who)
    rollback_of: str = ""

    def run(self) -> Published:
        source = self.source.resolve()
        subject = source.name
        if not is_subject_id(subject):
            raise PublishError(f"'{subject}' cannot name a subject in the fleet: use letters, digits, "
                               "'-', '_' and '.'")
        if not self.fleet_dir.is_dir():
            raise PublishError(f"{self.fleet_dir}: no such folder. Make the fleet folder and share its "
                               f"'{CONTENT}' folder with Syncthing first (docs/fleet.md)")
        remove_stale_staging(self.fleet_dir)
        staging = self.fleet_dir / f"{PUBLISHING_PREFIX}{uuid.uuid4().hex[:10]}"
        try:
            staged = staging / subject
            staged.mkdir(parents=True)
            files = self._copy(source, staged)
            from kiosk.core.loader import validate

            findings = validate(staged)
            if any(f.severity is Severity.ERROR for f in findings):
                raise PublishRefused(findings)
            manifest, folder = self._place(staging, subject, files)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        pruned = prune_versions(self.fleet_dir, subject, self.keep, protect=manifest.version)
        return Published(manifest, folder, findings, pruned)

    def _copy(self, source: Path, staged: Path) -> dict[str, FileEntry]:
        paths = source_files(source)
        total = sum(p.stat().st_size for p in paths)
        files: dict[str, FileEntry] = {}
        done = 0
        for path in paths:
            rel = path.relative_to(source).as_posix()
            target = staged / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                size, sha = _copy_and_hash(path, target)
                if _hash(target) != (size, sha):
                    raise PublishError(f"the copy of {rel} differs from the source (size or SHA-256)")
            except OSError as exc:
                raise PublishError(f"copying {rel} failed: {exc.strerror or exc}") from exc
            files[rel] = FileEntry(size, sha)
            done += size
            if self.progress:
                self.progress(done, total)
        if not files:
            raise PublishError(f"{source}: there are no files to publish")
        return files

    def _place(self, staging: Path, subject: str, files: dict[str, FileEntry]) -> tuple[FleetManifest, Path]:
        """Rename the checked copy into the shared folder under the next number; the manifest last."""
        subject_dir = self.fleet_dir / CONTENT / subject
        subject_dir.mkdir(parents=True, exist_ok=True)
        now = self.clock()
        sequence = max((v.sequence for v in versions_of(subject_dir)), default=0) + 1
        name = version_name(sequence, now.strftime("%Y%m%d-%H%M%S"))
        if (subject_dir / name).exists():
            name = version_name(sequence, now.strftime("%Y%m%d-%H%M%S"), uuid.uuid4().hex[:4])
        folder = subject_dir / name
        try:
            os.rename(staging, folder)
        except OSError as exc:
            raise PublishError(f"moving the checked copy into {subject_dir} failed: {exc.strerror or exc} "
                               f"(the fleet folder and its '{CONTENT}' folder must be on one disk)") from exc
        manifest = FleetManifest(
            subject=subject, version=name, sequence=sequence,
            published_at=now.isoformat(timespec="seconds"), published_by=self.publisher,
            tool=tool_version(), files=files, rollback_of=self.rollback_of,
        )
        try:
            write_manifest(folder, manifest)
        except OSError as exc:
            shutil.rmtree(folder, ignore_errors=True)
            raise PublishError(f"writing the manifest failed: {exc.strerror or exc}") from exc
        return manifest, folder


def prune_versions(fleet_dir: Path, subject: str, keep: int, *, protect: str = "") -> list[str]:
    """Keep the newest `keep` published versions; remove older ones and left-over folders that never
    got a manifest (an interrupted publish). A version's manifest goes first, so no kiosk starts on
    a version while its files are being removed."""
    versions = published_versions(fleet_dir, subject)
    complete = [v for v in versions if v.manifest is not None]
    newest = complete[-1].manifest.sequence if complete and complete[-1].manifest else 0
    doomed = [v.folder for v in complete[:max(0, len(complete) - max(1, keep))]
              if v.folder.name != protect]
    doomed += [v.folder for v in versions if v.manifest is None and v.folder.name != protect
               and _sequence(v.folder.name) < newest]
    for folder in doomed:
        (folder / MANIFEST).unlink(missing_ok=True)
        shutil.rmtree(folder, ignore_errors=True)
    return sorted(f.name for f in doomed)


def _sequence(name: str) -> int:
    from kiosk.core.fleet.layout import parse_version

    parsed = parse_version(name)
    return parsed.sequence if parsed else 0


def remove_stale_staging(fleet_dir: Path, now: float | None = None) -> None:
    """Staging folders an interrupted publish left behind (an hour old: never one under way)."""
    now = time.time() if now is None else now
    for entry in fleet_dir.glob(f"{PUBLISHING_PREFIX}*"):
        try:
            if now - entry.stat().st_mtime > STALE_STAGING_S:
                shutil.rmtree(entry, ignore_errors=True)
        except OSError:
            pass


def rollback_target(fleet_dir: Path, subject: str, to: str | None = None) -> PublishedVersion:
    """The version a fleet rollback publishes again: `to`, else the one before what the newest shows.

    A version that is itself a rollback stands for the version it repeats, so rolling back twice
    goes two versions back, not back and forth."""
    complete = [v for v in published_versions(fleet_dir, subject) if v.manifest is not None]
    if not complete:
        raise PublishError(f"'{subject}' has no published versions in {fleet_dir / CONTENT}")
    if to is not None:
        for v in complete:
            if v.folder.name == to:
                return v
        raise PublishError(f"'{subject}' has no published version {to}; kept: "
                           + ", ".join(v.folder.name for v in complete))
    by_name = {v.folder.name: v for v in complete}
    shown = complete[-1]
    while shown.manifest and shown.manifest.rollback_of in by_name:
        shown = by_name[shown.manifest.rollback_of]
    older = [v for v in complete if v.manifest and shown.manifest
             and v.manifest.sequence < shown.manifest.sequence and not v.manifest.rollback_of]
    if not older:
        raise PublishError(f"'{subject}' has no version before {shown.folder.name} in the fleet folder "
                           "to go back to (older ones were pruned); publish the old content again instead")
    return older[-1]


def rollback(fleet_dir: Path, subject: str, *, to: str | None = None, keep: int = 3,
             progress: Progress | None = None) -> Published:
    """Publish an earlier version again as the newest: every kiosk goes back at its next idle reset."""
    target = rollback_target(fleet_dir, subject, to)
    return Publisher(target.folder / subject, fleet_dir, keep=keep, progress=progress,
                     rollback_of=target.folder.name).run()
