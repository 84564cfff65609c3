"""The kiosk's side of the fleet, as a state machine per subject, with the clock injected.

For each subject in the fleet folder the newest version with a manifest is the candidate. It is
*current* when the kiosk's live version came from it. Otherwise it is *waiting* while its files
arrive (compared with the manifest by name and size: cheap, no file is read), *stalled* when
nothing has arrived for a long while (reported), *checking* while a worker copies it, compares
every SHA-256 and validates the copy, *ready* once that is clean, *applying* while the worker
imports it at an idle moment, and *refused* when it is corrupt or has errors (reported; the last
good version keeps showing, and the version is checked again only if its files change).

The Qt service (kiosk.ui.fleet_watcher) only feeds this: it calls `refresh()` when the folder
changes or a timer fires, runs the workers it asks for, and reports what they said.
"""

from __future__ import annotations

import enum
import os
import shutil
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.core.digest import blake2b
from kiosk.core.findings import Finding
from kiosk.core.fleet.layout import CONTENT, MANIFEST, parse_version, subjects_in, versions_of
from kiosk.core.fleet.live import LiveReader, LiveVersion
from kiosk.core.fleet.manifest import FleetManifest, ManifestError, read_manifest

INCOMING = ".fleet-incoming"  # in the content root: checked copies waiting for an idle moment
STALL_AFTER_S = 30 * 60.0  # a version with nothing new arriving for this long is reported
ARRIVING_POLL_S = 5.0  # look this often while files are arriving (inotify usually comes first)
QUIET_POLL_S = 60.0  # and this often otherwise: a fallback for missed file-system events
CHECK_BACKOFF_S = (5.0, 10.0, 20.0, 40.0, 60.0)  # Syncthing not yet at 100 %: ask again
FAILED_RETRY_S = 600.0  # a check or import that failed for a machine reason (disk full)
PROGRESS_FRESH_S = 60.0


class Phase(enum.Enum):
    CURRENT = "current"
    WAITING = "waiting"
    STALLED = "stalled"
    CHECKING = "checking"
    READY = "ready"
    APPLYING = "applying"
    REFUSED = "refused"

    def __str__(self) -> str:
        return self.value


PROBLEM_PHASES = (Phase.STALLED, Phase.REFUSED)


@dataclass(frozen=True)
class Arrival:
    """How much of a version is here: files present under their final names, and their bytes."""

    files: int
    files_total: int
    bytes: int
    bytes_total: int
    fingerprint: str  # changes whenever any listed file appears, changes size or is rewritten

    @property
    def complete(self) -> bool:
        return self.files == self.files_total

    def describe(self) -> str:
        return (f"{self.files} of {self.files_total} files "
                f"({self.bytes / 1e6:.1f} of {self.bytes_total / 1e6:.1f} MB) have arrived")


def measure_arrival(version_dir: Path, manifest: FleetManifest) -> Arrival:
    """Stat each file the manifest lists (links and folders do not count). Reads no file."""
    base = version_dir / manifest.subject
    digest = blake2b(digest_size=16)
    files = done = 0
    for rel in sorted(manifest.files):
        expected = manifest.files[rel].size
        try:
            st = os.lstat(base / rel)
        except OSError:
            digest.update(f"{rel}|-\n".encode())
            continue
        if not stat.S_ISREG(st.st_mode):
            digest.update(f"{rel}|not a file\n".encode())
            continue
        files += 1
        done += min(st.st_size, expected)
        digest.update(f"{rel}|{st.st_size}|{st.st_mtime_ns}|{st.st_ino}\n".encode())
    return Arrival(files, len(manifest.files), done, manifest.total_bytes, digest.hexdigest())


@dataclass
class Track:
    """One subject's candidate version and where it stands."""

    subject: str
    version: str
    folder: Path  # FLEET/content/SUBJECT/VERSION
    manifest: FleetManifest | None
    manifest_key: tuple[int, int, int]
    phase: Phase = Phase.WAITING
    detail: str = ""
    since: float = 0.0  # when this phase began (monotonic)
    first_seen: float = 0.0
    progress_at: float = 0.0  # when more of it last arrived
    arrival: Arrival | None = None
    refused_fingerprint: str = ""
    findings: list[Finding] = field(default_factory=list)
    prepared: Path | None = None  # the checked copy (INCOMING/VERSION/SUBJECT), once ready
    check_at: float = 0.0  # not before this (backoff while Syncthing finishes)
    retry_at: float | None = None  # a refused version is checked again then (None: once it changes)
    backoff: int = 0
    local_version: str = ""  # once applied


@dataclass(frozen=True)
class Change:
    subject: str
    version: str
    before: Phase | None
    after: Phase
    detail: str


class FleetTracker:
    """Every subject of one fleet folder against one content root."""

    def __init__(self, fleet_dir: Path, content_root: Path, *, clock: Callable[[], float] = time.monotonic,
                 stall_after_s: float = STALL_AFTER_S) -> None:
        self.fleet_dir = fleet_dir
        self.content = fleet_dir / CONTENT
        self.root = content_root
        self.clock = clock
        self.stall_after_s = stall_after_s
        self.live = LiveReader(content_root)
        self._tracks: dict[str, Track] = {}
        self._manifests: dict[Path, tuple[tuple[int, int, int], FleetManifest | str]] = {}
        self.folder_problem = ""

    # -- what the service asks ------------------------------------------------------------------
    def tracks(self) -> list[Track]:
        return [self._tracks[s] for s in sorted(self._tracks)]

    def track(self, subject: str) -> Track | None:
        return self._tracks.get(subject)

    def next_check(self) -> Track | None:
        """A version whose files have all arrived and that is due to be checked by the worker."""
        now = self.clock()
        for track in self.tracks():
            if (track.phase in (Phase.WAITING, Phase.STALLED) and track.arrival is not None
                    and track.arrival.complete and now >= track.check_at):
                return track
        return None

    def ready(self) -> list[Track]:
        return [t for t in self.tracks() if t.phase is Phase.READY]

    def next_wake_s(self) -> float:
        """How long the service may sleep before it should call refresh() again."""
        now = self.clock()
        waits = [QUIET_POLL_S]
        for t in self._tracks.values():
            if t.phase in (Phase.WAITING, Phase.STALLED):
                if now - t.progress_at < PROGRESS_FRESH_S:
                    waits.append(ARRIVING_POLL_S)
                if t.arrival is not None and t.arrival.complete:
                    waits.append(max(0.5, t.check_at - now))
                if t.phase is Phase.WAITING:
                    waits.append(max(0.5, t.progress_at + self.stall_after_s - now))
            elif t.phase is Phase.REFUSED and t.retry_at is not None:
                waits.append(max(0.5, t.retry_at - now))
        return min(waits)

    def problems(self) -> list[str]:
        """Open errors in words for staff: the fleet folder, stalled and refused versions."""
        out = [self.folder_problem] if self.folder_problem else []
        out += [f"{t.subject} {t.version}: {t.detail}" for t in self.tracks() if t.phase in PROBLEM_PHASES]
        return out

    def watch_paths(self, limit: int = 400) -> list[Path]:
        """The folders worth a file-system watch: the content folder, each subject's folder (new
        versions appear there), versions still without a manifest (it arrives last), and every
        folder of a version whose files are arriving. Never the whole tree of live content."""
        if not self.content.is_dir():
            return [self.fleet_dir] if self.fleet_dir.is_dir() else []
        out = [self.content]
        for subject in subjects_in(self.content):
            folder = self.content / subject
            out.append(folder)
            track = self._tracks.get(subject)
            current = parse_version(track.version) if track is not None else None
            for v in versions_of(folder):
                if current is None or v > current:
                    out.append(folder / v.name)  # its manifest has not arrived yet
            if track is not None and track.phase in (Phase.WAITING, Phase.STALLED):
                out.append(track.folder)
                for dirpath, dirnames, _ in os.walk(track.folder / subject):
                    dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                    out.append(Path(dirpath))
                    if len(out) >= limit:
                        break
        return out[:limit]

    # -- the folder -----------------------------------------------------------------------------
    def refresh(self) -> list[Change]:
        """Look at the fleet folder and the live content again; what changed, for the log."""
        now = self.clock()
        changes: list[Change] = []
        if not self.content.is_dir():
            problem = (f"the fleet folder {self.fleet_dir} has no '{CONTENT}' folder yet: is Syncthing "
                       "running and sharing it with this kiosk? (docs/fleet.md)")
            if problem != self.folder_problem:
                changes.append(Change("", "", None, Phase.STALLED, problem))
            self.folder_problem = problem
            return changes
        self.folder_problem = ""
        seen: set[str] = set()
        for subject in subjects_in(self.content):
            candidate = self._candidate(subject)
            if candidate is None:
                continue
            seen.add(subject)
            change = self._update(subject, *candidate, now)
            if change is not None:
                changes.append(change)
        for gone in set(self._tracks) - seen:
            track = self._tracks.pop(gone)
            if track.phase not in (Phase.CHECKING, Phase.APPLYING):
                self._discard_prepared(track)
        return changes

    def _candidate(self, subject: str) -> tuple[Path, tuple[int, int, int]] | None:
        folder = self.content / subject
        for version in reversed(versions_of(folder)):
            try:
                st = os.stat(folder / version.name / MANIFEST)
            except OSError:
                continue  # still arriving (its manifest comes last), or an interrupted publish
            return folder / version.name, (st.st_mtime_ns, st.st_size, st.st_ino)
        return None

    def _manifest(self, path: Path, key: tuple[int, int, int]) -> FleetManifest | str:
        cached = self._manifests.get(path)
        if cached and cached[0] == key:
            return cached[1]
        try:
            parsed: FleetManifest | str = read_manifest(path)
        except ManifestError as exc:
            parsed = str(exc)
        self._manifests[path] = (key, parsed)
        return parsed

    def _update(self, subject: str, folder: Path, key: tuple[int, int, int], now: float) -> Change | None:
        track = self._tracks.get(subject)
        if track is not None and track.phase in (Phase.CHECKING, Phase.APPLYING):
            return None  # the worker's answer comes first; a newer version is taken after it
        before: Phase | None = track.phase if track is not None else None
        if track is None or track.folder != folder or track.manifest_key != key:
            if track is not None:
                self._discard_prepared(track)
            parsed = self._manifest(folder / MANIFEST, key)
            track = Track(subject, folder.name, folder, parsed if isinstance(parsed, FleetManifest) else None,
                          key, since=now, first_seen=now, progress_at=now)
            self._tracks[subject] = track
            before = None
            if isinstance(parsed, str):
                return self._set(track, Phase.REFUSED, parsed, now, before=None)
        live = self.live.read(subject)
        if live is not None and live.fleet_version == track.version:
            track.local_version = live.local_version
            if track.phase is Phase.CURRENT and before is not None:
                return None
            self._discard_prepared(track)
            return self._set(track, Phase.CURRENT, f"on show as {live.local_version}", now, before=before)
        if track.manifest is None or track.phase is Phase.READY:
            return None
        arrival = measure_arrival(folder, track.manifest)
        changed = track.arrival is None or arrival.fingerprint != track.arrival.fingerprint
        if track.arrival is not None and changed:
            track.progress_at = now
        track.arrival = arrival
        if track.phase is Phase.REFUSED and before is not None:
            unchanged = arrival.fingerprint == track.refused_fingerprint
            if unchanged and (track.retry_at is None or now < track.retry_at):
                return None
            track.retry_at, track.check_at, track.backoff = None, 0.0, 0
        elif track.phase is Phase.WAITING and before is not None and not changed and arrival.complete:
            return None  # all here: the check is due (or Syncthing asked to be given a moment)
        if arrival.complete:
            phase, detail = Phase.WAITING, "every file has arrived; checking it next"
        elif now - track.progress_at >= self.stall_after_s:
            phase = Phase.STALLED
            detail = (f"incomplete for {duration_text(now - track.first_seen)}, nothing new for "
                      f"{duration_text(now - track.progress_at)}: {arrival.describe()}. Is Syncthing running "
                      "and connected to the staff PC?")
            if track.phase is Phase.STALLED and before is not None:
                track.detail = detail  # only the durations moved on: no new log line
                return None
        else:
            phase, detail = Phase.WAITING, arrival.describe()
        return self._set(track, phase, detail, now, before=before)

    def _set(self, track: Track, phase: Phase, detail: str, now: float, *, before: Phase | None) -> Change | None:
        if track.phase is phase and track.detail == detail and before is not None:
            return None
        if track.phase is not phase:
            track.since = now
        track.phase, track.detail = phase, detail
        return Change(track.subject, track.version, before, phase, detail)

    # -- what the workers said -------------------------------------------------------------------
    def begin_check(self, track: Track) -> None:
        self._set(track, Phase.CHECKING, "copying and checking every file", self.clock(), before=track.phase)

    def check_done(self, track: Track, outcome: str, detail: str, *, findings: list[Finding] | None = None,
                   prepared: Path | None = None) -> Change | None:
        """The worker's answer: "ready", "waiting" (Syncthing not done), "corrupt", "refused"
        (errors in the content) or "failed" (the machine: disk full, a crash)."""
        now = self.clock()
        if self._tracks.get(track.subject) is not track:
            self._discard_prepared(track, prepared)
            return None  # superseded while the worker ran
        track.findings = list(findings or [])
        if outcome == "ready" and prepared is not None:
            track.prepared = prepared
            track.backoff = 0
            return self._set(track, Phase.READY, "checked clean; shown from the next idle moment", now,
                             before=Phase.CHECKING)
        self._discard_prepared(track, prepared)
        if outcome == "waiting":
            track.check_at = now + CHECK_BACKOFF_S[min(track.backoff, len(CHECK_BACKOFF_S) - 1)]
            track.backoff += 1
            return self._set(track, Phase.WAITING, detail, now, before=Phase.CHECKING)
        self._refuse(track, outcome, now)
        return self._set(track, Phase.REFUSED, detail, now, before=Phase.CHECKING)

    def begin_apply(self, track: Track) -> None:
        self._set(track, Phase.APPLYING, "importing", self.clock(), before=track.phase)

    def apply_done(self, track: Track, outcome: str, detail: str, *, local_version: str = "",
                   findings: list[Finding] | None = None) -> Change | None:
        now = self.clock()
        self._discard_prepared(track)
        if outcome == "applied":
            track.local_version = local_version
            return self._set(track, Phase.CURRENT, f"on show as {local_version}", now, before=Phase.APPLYING)
        track.findings = list(findings or [])
        self._refuse(track, outcome, now)
        return self._set(track, Phase.REFUSED, detail, now, before=Phase.APPLYING)

    def _refuse(self, track: Track, outcome: str, now: float) -> None:
        """Checked again once its files change; after a machine failure, also after a while."""
        if track.manifest is not None:
            track.refused_fingerprint = measure_arrival(track.folder, track.manifest).fingerprint
        track.retry_at = now + FAILED_RETRY_S if outcome == "failed" else None

    # -- tidying --------------------------------------------------------------------------------
    def clean_incoming(self) -> None:
        """At start: checked copies from a previous run are not trusted; they are made again."""
        shutil.rmtree(self.root / INCOMING, ignore_errors=True)

    def _discard_prepared(self, track: Track, prepared: Path | None = None) -> None:
        for path in {p for p in (track.prepared, prepared) if p is not None}:
            shutil.rmtree(path.parent if path.parent.parent.name == INCOMING else path, ignore_errors=True)
        track.prepared = None

    def live_versions(self) -> dict[str, LiveVersion]:
        return self.live.read_all()


def duration_text(seconds: float) -> str:
    """"45 s", "12 min", "3 h 5 min", "8 days": for staff, not to the second."""
    seconds = max(0, int(seconds))
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 7200:
        return f"{seconds // 60} min"
    if seconds < 2 * 86400:
        hours, minutes = seconds // 3600, seconds % 3600 // 60
        return f"{hours} h" + (f" {minutes} min" if minutes else "")
    return f"{seconds // 86400} days"


class ApplyGate:
    """When a checked version may be applied: at an idle reset, or once the kiosk has stood on its
    title screen untouched for `quiet_s` (no visitor there to see the content change)."""

    def __init__(self, quiet_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.quiet_s = quiet_s
        self.clock = clock
        self._quiet_since: float | None = clock()
        self._just_reset = False

    def screen(self, name: str) -> None:
        if name in ("title", "unavailable"):
            if self._quiet_since is None:
                self._quiet_since = self.clock()
        else:
            self._quiet_since = None
            self._just_reset = False

    def activity(self) -> None:
        """A visitor did something on the title screen (language, text size)."""
        if self._quiet_since is not None:
            self._quiet_since = self.clock()
        self._just_reset = False

    def reset(self) -> None:
        """An idle reset has just put the title screen back: the moment to apply."""
        self._quiet_since = self.clock()
        self._just_reset = True

    def may_apply(self) -> bool:
        if self._quiet_since is None:
            return False
        return self._just_reset or self.clock() - self._quiet_since >= self.quiet_s

    def wait_s(self) -> float | None:
        """Seconds until it may apply, if nothing happens meanwhile; None during a visit."""
        if self._quiet_since is None:
            return None
        if self._just_reset:
            return 0.0
        return max(0.0, self._quiet_since + self.quiet_s - self.clock())

