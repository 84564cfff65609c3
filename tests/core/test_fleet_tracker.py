"""The kiosk's side of the fleet without a display: a new version waits until every file has
arrived, is checked, applied only at an idle moment, and refused (and reported) when corrupt."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from kiosk.core.fleet.layout import CONTENT, MANIFEST
from kiosk.core.fleet.live import LiveReader
from kiosk.core.fleet.manifest import FileEntry, FleetManifest, content_hash, write_manifest
from kiosk.core.fleet.publish import Publisher
from kiosk.core.fleet.tracker import (
    ARRIVING_POLL_S,
    INCOMING,
    QUIET_POLL_S,
    ApplyGate,
    FleetTracker,
    Phase,
    Track,
)
from kiosk.core.fleet.worker import apply, findings_from_json, prepare
from tests.core.packs import make_pack


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def setup(tmp_path: Path, clock: Clock) -> tuple[Path, Path, Path, FleetTracker]:
    """A fleet folder, a kiosk content root with the subject as shipped, and a tracker."""
    fleet, root = tmp_path / "fleet", tmp_path / "root"
    fleet.mkdir()
    root.mkdir()
    make_pack(root, "subject")
    source = make_pack(tmp_path / "src", "subject")
    return fleet, root, source, FleetTracker(fleet, root, clock=clock, stall_after_s=600)


def publish(source: Path, fleet: Path, minute: int = 0) -> Path:
    when = dt.datetime(2026, 12, 4, 10, minute, tzinfo=dt.timezone.utc)
    return Publisher(source, fleet, clock=lambda: when, publisher="test@pc").run().folder


def run_worker(tracker: FleetTracker, track: Track) -> None:
    """What the Qt service does with the worker's answer (here called in-process)."""
    tracker.begin_check(track)
    result = prepare(track.folder, tracker.root, ask_syncthing=False)
    tracker.check_done(track, result["outcome"], result["detail"], findings=findings_from_json(result.get("findings")),
                       prepared=Path(result["prepared"]) if result.get("prepared") else None)


def run_apply(tracker: FleetTracker, track: Track) -> dict:  # type: ignore[type-arg]
    tracker.begin_apply(track)
    assert track.prepared is not None
    result = apply(track.prepared, tracker.root)
    tracker.apply_done(track, result["outcome"], result["detail"], local_version=result.get("local_version", ""))
    return result


def test_a_version_waits_until_every_file_has_arrived(setup, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    """Files still arriving: waiting, with how much is here; nothing is checked until all are."""
    fleet, root, source, tracker = setup
    folder = publish(source, fleet)
    held = folder.parent.parent.parent / "held"
    shutil.move(folder / "subject" / "video", held)  # not yet arrived
    tracker.refresh()
    track = tracker.track("subject")
    assert track is not None and track.phase is Phase.WAITING
    assert "of 11 files" in track.detail and "have arrived" in track.detail
    assert tracker.next_check() is None
    assert tracker.next_wake_s() == ARRIVING_POLL_S
    shutil.move(held, folder / "subject" / "video")
    clock.now += 3
    tracker.refresh()
    assert tracker.next_check() is track


def test_a_clean_version_is_applied_and_becomes_current(setup, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    """Checked, then imported with `kiosk import`'s swap: the live record names the fleet version,
    and the content hash is the manifest's."""
    fleet, root, source, tracker = setup
    folder = publish(source, fleet)
    tracker.refresh()
    track = tracker.next_check()
    assert track is not None
    run_worker(tracker, track)
    assert track.phase is Phase.READY and tracker.ready() == [track]
    assert (root / "subject").is_dir() and not (root / "subject").is_symlink()  # not applied yet
    result = run_apply(tracker, track)
    assert result["outcome"] == "applied"
    live = LiveReader(root).read("subject")
    assert live is not None and live.fleet_version == folder.name
    manifest = json.loads((folder / MANIFEST).read_text())
    assert live.content_sha256 == manifest["content_sha256"]
    assert not any((root / INCOMING).iterdir()), "the checked copy is removed after the import"
    clock.now += 1
    tracker.refresh()
    assert track.phase is Phase.CURRENT and tracker.next_wake_s() == QUIET_POLL_S
    assert tracker.problems() == []


def test_a_corrupt_file_is_refused_reported_and_not_checked_again_until_it_changes(setup, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    """A file that differs from the manifest: refused, named, the live content untouched; once
    the file changes (fixed), the version is checked again."""
    fleet, root, source, tracker = setup
    folder = publish(source, fleet)
    picture = folder / "subject" / "images" / "one.jpg"
    good = picture.read_bytes()
    picture.write_bytes(good[:-1] + bytes([good[-1] ^ 1]))
    tracker.refresh()
    track = tracker.next_check()
    assert track is not None
    run_worker(tracker, track)
    assert track.phase is Phase.REFUSED
    assert "subject/images/one.jpg differs from the published manifest" in track.detail
    assert tracker.problems() == [f"subject {folder.name}: {track.detail}"]
    assert not (root / "subject").is_symlink()
    clock.now += 3600
    tracker.refresh()
    assert tracker.next_check() is None and track.phase is Phase.REFUSED
    picture.write_bytes(good)
    tracker.refresh()
    assert tracker.next_check() is track
    run_worker(tracker, track)
    assert track.phase is Phase.READY


def test_content_with_errors_is_refused_with_its_findings(setup, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    """A version whose files match but whose content has errors (published by an older tool)
    is refused the way `kiosk import` refuses it, with the findings."""
    fleet, root, source, tracker = setup
    folder = publish(source, fleet)
    bad = b"series,date,value,source\nmembers,1924,x,S\n"
    (folder / "subject" / "data" / "members.csv").write_bytes(bad)
    _rewrite_manifest(folder, "data/members.csv", bad)
    tracker.refresh()
    track = tracker.next_check()
    assert track is not None
    run_worker(tracker, track)
    assert track.phase is Phase.REFUSED and "data/members.csv, line 2" in track.detail
    assert any(f.file == "data/members.csv" and f.line == 2 for f in track.findings)


def _rewrite_manifest(folder: Path, rel: str, data: bytes) -> None:
    import hashlib

    raw = json.loads((folder / MANIFEST).read_text())
    files = {k: FileEntry(v["size"], v["sha256"]) for k, v in raw["files"].items()}
    files[rel] = FileEntry(len(data), hashlib.sha256(data).hexdigest())
    write_manifest(folder, FleetManifest(raw["subject"], raw["version"], raw["sequence"], raw["published_at"],
                                         raw["published_by"], raw["tool"], files))


def test_conflict_and_temporary_files_are_never_read(setup, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    """Syncthing's conflict copies and half-downloaded files beside a version's files do not make
    it incomplete, and are neither copied nor imported."""
    fleet, root, source, tracker = setup
    folder = publish(source, fleet)
    texts = folder / "subject" / "texts"
    (texts / "overview.sync-conflict-20261204-101010-ABCDEFG.md").write_text("---\ntitle: Stray\n---\nNo.\n")
    (texts / ".syncthing.extra.md.tmp").write_text("half")
    (folder / "manifest.sync-conflict-20261204-101010-ABCDEFG.json").write_text("{}")
    tracker.refresh()
    track = tracker.next_check()
    assert track is not None
    run_worker(tracker, track)
    assert track.phase is Phase.READY
    assert track.prepared is not None
    copied = {p.name for p in track.prepared.rglob("*")}
    assert not [n for n in copied if "sync-conflict" in n or n.startswith(".syncthing")]
    run_apply(tracker, track)
    live = (root / "subject").resolve()
    assert not [p for p in live.rglob("*") if "sync-conflict" in p.name or ".syncthing" in p.name]


def test_the_newest_version_with_a_manifest_is_the_one_taken(setup, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    """A newer version whose manifest has not arrived is not taken yet; once it has, a checked
    copy of the older one is set aside for it."""
    fleet, root, source, tracker = setup
    first = publish(source, fleet, 0)
    tracker.refresh()
    track = tracker.next_check()
    assert track is not None
    run_worker(tracker, track)
    assert track.phase is Phase.READY and track.prepared is not None
    prepared = track.prepared
    second = publish(source, fleet, 1)
    (second / MANIFEST).rename(second.parent / "manifest-held.json")
    tracker.refresh()
    assert tracker.track("subject") is track
    assert second in tracker.watch_paths(), "the arriving version is watched for its manifest"
    (second.parent / "manifest-held.json").rename(second / MANIFEST)
    tracker.refresh()
    newer = tracker.track("subject")
    assert newer is not None and newer.version == second.name != first.name
    assert not prepared.exists()


def test_a_version_that_stops_arriving_is_reported_as_stalled(setup, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    """Nothing new for the stall time: reported (what has arrived, and what to check); progress
    puts it back to waiting."""
    fleet, root, source, tracker = setup
    folder = publish(source, fleet)
    held = folder.parent.parent.parent / "held"
    shutil.move(folder / "subject" / "images", held)
    tracker.refresh()
    clock.now += 601
    tracker.refresh()
    track = tracker.track("subject")
    assert track is not None and track.phase is Phase.STALLED
    assert "Is Syncthing running" in track.detail and "10 min" in track.detail
    assert tracker.problems() and tracker.problems()[0].startswith(f"subject {folder.name}: incomplete for")
    assert tracker.next_wake_s() == QUIET_POLL_S  # no fast polling of a folder that does not change
    shutil.move(held, folder / "subject" / "images")
    tracker.refresh()
    assert track.phase is Phase.WAITING and tracker.problems() == []


def test_a_missing_content_folder_is_reported(tmp_path: Path, clock: Clock) -> None:
    """Before Syncthing has shared anything: one problem, naming the folder and what to check."""
    tracker = FleetTracker(tmp_path / "fleet", tmp_path, clock=clock)
    tracker.refresh()
    assert tracker.problems() and f"no '{CONTENT}' folder" in tracker.problems()[0]


def test_a_broken_manifest_is_refused(setup, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    """A manifest that cannot be trusted refuses the version, with the reason."""
    fleet, root, source, tracker = setup
    folder = publish(source, fleet)
    (folder / MANIFEST).write_text("{not json")
    tracker.refresh()
    track = tracker.track("subject")
    assert track is not None and track.phase is Phase.REFUSED and "not valid JSON" in track.detail


def test_watching_an_applied_version_costs_a_few_folders(setup, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    """Once current, only the content folder and the subject's folder are watched (not its files)."""
    fleet, root, source, tracker = setup
    publish(source, fleet)
    tracker.refresh()
    track = tracker.next_check()
    assert track is not None
    run_worker(tracker, track)
    run_apply(tracker, track)
    tracker.refresh()
    assert tracker.watch_paths() == [fleet / CONTENT, fleet / CONTENT / "subject"]


def test_the_apply_gate_waits_for_an_idle_moment(clock: Clock) -> None:
    """Never during a visit; right after an idle reset; or after the title has stood untouched
    for the quiet time (a language tap on the title starts it again)."""
    gate = ApplyGate(90, clock)
    assert not gate.may_apply() and gate.wait_s() == 90
    gate.screen("exhibit/texts")
    clock.now += 500
    assert not gate.may_apply() and gate.wait_s() is None
    gate.reset()
    assert gate.may_apply()
    gate.screen("exhibit/images")
    assert not gate.may_apply()
    gate.screen("title")
    clock.now += 60
    gate.activity()
    clock.now += 60
    assert not gate.may_apply() and gate.wait_s() == 30
    clock.now += 30
    assert gate.may_apply()


def test_content_hash_ignores_order() -> None:
    """One hash per version, whichever order the files are listed in."""
    assert content_hash({"a": "1", "b": "2"}) == content_hash({"b": "2", "a": "1"}) != content_hash({"a": "2", "b": "1"})


def test_the_kiosks_side_of_the_fleet_loads_no_openssl() -> None:
    """Watching and reporting need no hashing library in the kiosk's process: OpenSSL (about 3 MB)
    is loaded only by the worker child and the staff commands (kiosk.core.digest)."""
    import subprocess
    import sys

    code = ("import sys, kiosk.core.fleet.tracker, kiosk.core.fleet.status, kiosk.core.fleet.worker;"
            "print(sorted(m for m in ('_hashlib', '_ssl', 'hashlib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr
