"""`kiosk publish` on the staff PC: a checked, complete version with its manifest written last,
old versions pruned, bad content refused, and a fleet rolled back by publishing again."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path

import pytest

from kiosk.core.fleet import publish as publish_module
from kiosk.core.fleet.layout import CONTENT, MANIFEST, is_syncthing_file, safe_relative
from kiosk.core.fleet.manifest import ManifestError, read_manifest
from kiosk.core.fleet.publish import (
    Publisher,
    PublishError,
    PublishRefused,
    published_versions,
    rollback,
)
from tests.core.packs import make_pack

WHEN = dt.datetime(2026, 12, 4, 10, 15, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))


@pytest.fixture
def fleet(tmp_path: Path) -> Path:
    folder = tmp_path / "fleet"
    folder.mkdir()
    return folder


def publish(source: Path, fleet: Path, keep: int = 3, when: dt.datetime = WHEN) -> publish_module.Published:
    return Publisher(source, fleet, keep=keep, clock=lambda: when, publisher="anna@staff-pc").run()


def test_a_version_lists_every_file_with_its_size_and_sha256(tmp_path: Path, fleet: Path) -> None:
    """The manifest names each file of the subject with its real size and SHA-256, the version,
    who published it, when, and with which tool."""
    source = make_pack(tmp_path / "src", "subject")
    published = publish(source, fleet)
    manifest = read_manifest(published.folder / MANIFEST)
    assert published.folder == fleet / CONTENT / "subject" / "0001-20261204-101500"
    expected = {p.relative_to(source).as_posix(): p for p in source.rglob("*") if p.is_file()}
    assert set(manifest.files) == set(expected)
    for rel, path in expected.items():
        data = path.read_bytes()
        assert manifest.files[rel].size == len(data)
        assert manifest.files[rel].sha256 == hashlib.sha256(data).hexdigest()
        assert (published.folder / "subject" / rel).read_bytes() == data
    assert (manifest.version, manifest.sequence) == ("0001-20261204-101500", 1)
    assert manifest.published_at == "2026-12-04T10:15:00+01:00"
    assert manifest.published_by == "anna@staff-pc"
    assert manifest.tool.startswith("exhibit-kiosk ")
    assert not list(fleet.glob(".publishing-*")), "the staging folder is gone"


def test_the_manifest_is_written_last_and_atomically(tmp_path: Path, fleet: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """When the manifest is written every file is already in place; a failed write leaves no
    manifest (and no half-written one) and no version."""
    source = make_pack(tmp_path / "src", "subject")
    seen: list[tuple[bool, int]] = []
    original = publish_module.write_manifest

    def checking(folder: Path, manifest):  # type: ignore[no-untyped-def]
        seen.append(((folder / MANIFEST).exists(),
                     sum(1 for rel in manifest.files if (folder / "subject" / rel).is_file())))
        return original(folder, manifest)

    monkeypatch.setattr(publish_module, "write_manifest", checking)
    published = publish(source, fleet)
    assert seen == [(False, len(published.manifest.files))]

    def failing_replace(src, dst):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(publish_module, "write_manifest", original)
    monkeypatch.setattr("kiosk.core.fleet.manifest.os.replace", failing_replace)
    with pytest.raises(PublishError, match="No space left"):
        publish(source, fleet, when=WHEN + dt.timedelta(minutes=1))
    folders = sorted(p.name for p in (fleet / CONTENT / "subject").iterdir())
    assert folders == [published.folder.name]
    assert [p for p in (fleet / CONTENT).rglob("*") if is_syncthing_file(p.name)] == []


def test_content_with_errors_is_refused_and_nothing_is_written(tmp_path: Path, fleet: Path) -> None:
    """As `kiosk import` does: the report names the file and line, the fleet folder is untouched."""
    source = make_pack(tmp_path / "src", "subject")
    (source / "data" / "members.csv").write_text("series,date,value,source\nmembers,1924,x,S\n")
    with pytest.raises(PublishRefused) as refused:
        publish(source, fleet)
    assert any(f.file == "data/members.csv" and f.line == 2 for f in refused.value.findings)
    assert list(fleet.iterdir()) == []


def test_syncthing_and_hidden_files_in_the_source_are_not_published(tmp_path: Path, fleet: Path) -> None:
    """A staff folder that Syncthing itself keeps in step may hold its conflict and temporary
    files: they are never sent as content (nor checked as such)."""
    source = make_pack(tmp_path / "src", "subject")
    (source / "texts" / "overview.sync-conflict-20261204-101010-ABCDEFG.md").write_text("stray")
    (source / "images" / ".syncthing.one.jpg.tmp").write_bytes(b"half")
    (source / ".stfolder").mkdir()
    (source / ".notes.txt").write_text("private")
    manifest = publish(source, fleet).manifest
    assert not [rel for rel in manifest.files if "sync" in rel or rel.startswith(".") or "/." in rel]


def test_old_versions_are_pruned_to_the_number_kept(tmp_path: Path, fleet: Path) -> None:
    """With keep=2, publishing four times leaves the two newest, numbered in order; a version a
    power cut left without its manifest goes too."""
    source = make_pack(tmp_path / "src", "subject")
    names, pruned = [], []
    for i in range(3):
        done = publish(source, fleet, keep=2, when=WHEN + dt.timedelta(minutes=i))
        names.append(done.manifest.version)
        pruned.append(done.pruned)
    assert pruned == [[], [], [names[0]]]
    leftover = fleet / CONTENT / "subject" / "0004-20261204-110000"
    (leftover / "subject").mkdir(parents=True)
    last = publish(source, fleet, keep=2, when=WHEN + dt.timedelta(minutes=9))
    assert last.manifest.sequence == 5  # never reuses the leftover's number
    kept = [v.folder.name for v in published_versions(fleet, "subject")]
    assert kept == [names[2], last.manifest.version]
    assert set(last.pruned) == {names[1], leftover.name}


def test_rollback_publishes_the_version_before_again(tmp_path: Path, fleet: Path) -> None:
    """Rolling back publishes the previous version's files as the newest version; rolling back
    again goes one further back, not back and forth."""
    source = make_pack(tmp_path / "src", "subject")
    versions = []
    for i, title in enumerate(("First", "Second", "Third")):
        (source / "subject.toml").write_text((source / "subject.toml").read_text().replace(
            'title = "Test subject"' if i == 0 else f'title = "{("First", "Second")[i - 1]}"', f'title = "{title}"'))
        versions.append(publish(source, fleet, keep=5, when=WHEN + dt.timedelta(minutes=i)).manifest)
    back = rollback(fleet, "subject", keep=5)
    assert back.manifest.rollback_of == versions[1].version and back.manifest.sequence == 4
    assert back.manifest.content_sha256 == versions[1].content_sha256
    assert 'title = "Second"' in (back.folder / "subject" / "subject.toml").read_text()
    again = rollback(fleet, "subject", keep=5)
    assert again.manifest.rollback_of == versions[0].version
    chosen = rollback(fleet, "subject", to=versions[2].version, keep=5)
    assert chosen.manifest.content_sha256 == versions[2].content_sha256
    with pytest.raises(PublishError, match="no published version 9999"):
        rollback(fleet, "subject", to="9999-20260101-000000")


def test_a_missing_fleet_folder_is_a_clear_error(tmp_path: Path) -> None:
    """A mistyped fleet folder is not created silently."""
    with pytest.raises(PublishError, match="no such folder"):
        publish(make_pack(tmp_path / "src", "subject"), tmp_path / "nowhere")


@pytest.mark.parametrize(("edit", "why"), [
    (lambda m: m["files"].update({"../outside.txt": {"size": 1, "sha256": "0" * 64}}), "cannot be used"),
    (lambda m: m["files"]["subject.toml"].update({"sha256": "f" * 64}), "altered"),
    (lambda m: m.update({"format": 99}), "format"),
    (lambda m: m.update({"version": "0002-20261204-101500"}), "not for the folder"),
    (lambda m: m["files"].update({"a.sync-conflict-1-2-X.txt": {"size": 1, "sha256": "0" * 64}}), "cannot be used"),
])
def test_a_damaged_manifest_is_refused_with_its_reason(tmp_path: Path, fleet: Path, edit, why) -> None:  # type: ignore[no-untyped-def]
    """A manifest that leaves the folder, was altered or belongs elsewhere is never trusted."""
    folder = publish(make_pack(tmp_path / "src", "subject"), fleet).folder
    raw = json.loads((folder / MANIFEST).read_text())
    edit(raw)
    if "content_sha256" in raw and why != "altered":
        from kiosk.core.fleet.manifest import content_hash

        raw["content_sha256"] = content_hash({k: v["sha256"] for k, v in raw["files"].items()})
    (folder / MANIFEST).write_text(json.dumps(raw))
    with pytest.raises(ManifestError, match=why):
        read_manifest(folder / MANIFEST)


def test_syncthing_names() -> None:
    """Syncthing's marker, temporary and conflict files are recognised; content is not."""
    for name in (".stfolder", ".stignore", ".stversions", ".syncthing.a.jpg.tmp", "~syncthing~a.jpg.tmp",
                 "a.sync-conflict-20261204-101010-ABCDEFG.jpg"):
        assert is_syncthing_file(name), name
    for name in ("a.jpg", "syncthing.md", "conflict.csv"):
        assert not is_syncthing_file(name), name
    assert safe_relative("texts/a.md") is None
    assert safe_relative("/etc/passwd") and safe_relative("a/../b") and safe_relative(".hidden")


def test_staging_left_by_a_power_cut_is_removed(tmp_path: Path, fleet: Path) -> None:
    """An interrupted publish's staging folder (outside the shared folder) goes at the next one."""
    stale = fleet / ".publishing-deadbeef"
    (stale / "subject").mkdir(parents=True)
    old = (dt.datetime.now() - dt.timedelta(hours=2)).timestamp()
    os.utime(stale, (old, old))
    publish(make_pack(tmp_path / "src", "subject"), fleet)
    assert not stale.exists()
