"""Import and rollback: the live content is never half-copied, and a failed import changes nothing."""

from __future__ import annotations

import hashlib
import os
import random
import threading
from pathlib import Path

import pytest

from kiosk.core import importer
from kiosk.core.importer import ImportError_, ImportRefused, ImportTransaction, list_versions, rollback
from kiosk.core.loader import load_library
from tests.core.packs import make_pack


def _tree_digest(root: Path) -> dict[str, str]:
    """Every file and link under root with its content hash (links by target)."""
    out = {}
    for dirpath, _, files in os.walk(root):
        for name in files:
            p = Path(dirpath) / name
            rel = p.relative_to(root).as_posix()
            out[rel] = "link:" + os.readlink(p) if p.is_symlink() else hashlib.sha256(p.read_bytes()).hexdigest()
    for p in root.iterdir():
        if p.is_symlink():
            out[p.name] = "link:" + os.readlink(p)
    return out


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, Path]:
    """A content root with one subject as shipped, and a new version of it on a 'USB stick'."""
    root = tmp_path / "content"
    root.mkdir()
    make_pack(root, "subject")
    stick = tmp_path / "stick"
    stick.mkdir()
    new = make_pack(stick, "subject")
    (new / "subject.toml").write_text((new / "subject.toml").read_text().replace("Test subject", "New title"))
    return root, new


def _title(root: Path) -> str:
    return load_library(root).library.subjects[0].title.get()


def test_import_swaps_in_new_version_and_keeps_old(setup: tuple[Path, Path]) -> None:
    """After an import the kiosk reads the new version; the shipped one is kept for rollback."""
    root, new = setup
    progress: list[tuple[int, int]] = []
    version = ImportTransaction(new, root, progress=lambda d, t: progress.append((d, t))).run()
    assert _title(root) == "New title"
    assert (root / "subject").is_symlink() and version.live
    assert [v.version for v in list_versions(root, "subject")] == [version.version, "v0000-original"]
    assert progress[-1][0] == progress[-1][1] > 0
    assert not list(root.glob(".staging-*"))


def test_rollback_restores_previous(setup: tuple[Path, Path]) -> None:
    """Rollback shows the version before the last import again."""
    root, new = setup
    ImportTransaction(new, root).run()
    back = rollback(root, "subject")
    assert back.version == "v0000-original" and _title(root) == "Test subject"
    with pytest.raises(ImportError_):
        rollback(root, "subject")


def test_import_refused_on_errors(setup: tuple[Path, Path]) -> None:
    """A source with errors is refused with its findings; nothing changes."""
    root, new = setup
    (new / "images" / "one.jpg").write_bytes(b"")
    before = _tree_digest(root)
    with pytest.raises(ImportRefused) as refused:
        ImportTransaction(new, root).run()
    assert any(f.file == "images/one.jpg" for f in refused.value.findings)
    assert _tree_digest(root) == before


@pytest.mark.parametrize("seed", range(8))
def test_io_error_at_random_point_changes_nothing(setup: tuple[Path, Path], seed: int) -> None:
    """A USB stick pulled or a full disk at any point: staging removed, live content byte for byte the same."""
    root, new = setup
    ImportTransaction(new, root).run()  # a live imported version exists too
    before = _tree_digest(root)
    rng = random.Random(seed)
    calls = {"n": 0}
    fail_at = rng.randrange(1, 12)
    where = rng.choice(["copy", "hash"])

    def flaky_copy(src: Path, dst: Path) -> tuple[int, str]:
        calls["n"] += 1
        if where == "copy" and calls["n"] == fail_at:
            dst.write_bytes(b"partial")
            raise OSError(28, "No space left on device")
        return importer._copy_and_hash(src, dst)

    def flaky_hash(path: Path) -> tuple[int, str]:
        calls["n"] += 1
        if where == "hash" and calls["n"] >= fail_at:
            raise OSError(5, "Input/output error")
        return importer._hash(path)

    with pytest.raises(ImportError_):
        ImportTransaction(new, root, copy_file=flaky_copy, hash_file=flaky_hash).run()
    assert _tree_digest(root) == before
    assert not list(root.glob(".staging-*"))


def test_corrupted_copy_is_detected(setup: tuple[Path, Path]) -> None:
    """A copy whose bytes differ from the source (a bad stick) is caught by SHA-256 and not swapped in."""
    root, new = setup
    before = _tree_digest(root)

    def bitflip_copy(src: Path, dst: Path) -> tuple[int, str]:
        result = importer._copy_and_hash(src, dst)
        if src.name == "overview.md":
            data = bytearray(dst.read_bytes())
            data[0] ^= 1
            dst.write_bytes(bytes(data))
        return result

    with pytest.raises(ImportError_, match="differs"):
        ImportTransaction(new, root, copy_file=bitflip_copy).run()
    assert _tree_digest(root) == before


def test_reader_never_sees_mixed_subject(tmp_path: Path) -> None:
    """A reader loading the content during 1,000 swaps always sees one whole version."""
    root = tmp_path / "content"
    root.mkdir()
    make_pack(root, "subject")
    importer.adopt_plain_folder(root, "subject")
    versions = root / importer.VERSIONS / "subject"
    second = versions / "v0001-b"
    import shutil

    shutil.copytree(versions / importer.ORIGINAL, second)
    for path, title in ((versions / importer.ORIGINAL, "Alpha"), (second, "Beta")):
        (path / "subject.toml").write_text((path / "subject.toml").read_text().replace("Test subject", title))
        (path / "texts" / "overview.md").write_text(
            (path / "texts" / "overview.md").read_text().replace("A short paragraph", f"{title} paragraph"))
    stop = threading.Event()
    mixed: list[str] = []
    reads = {"n": 0}

    def reader() -> None:
        while not stop.is_set():
            lib = load_library(root, media_checks=False).library
            if not lib.subjects:
                mixed.append("missing")
                continue
            s = lib.subjects[0]
            body = s.articles[0].text().markdown
            if f"{s.title.get()} paragraph" not in body:
                mixed.append(f"{s.title.get()} / {body[:20]}")
            reads["n"] += 1

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        for i in range(1000):
            importer.switch_live(root, "subject", "v0001-b" if i % 2 == 0 else importer.ORIGINAL)
    finally:
        stop.set()
        thread.join(timeout=30)
    assert mixed == []
    assert reads["n"] > 0


def test_stale_staging_cleaned(tmp_path: Path) -> None:
    """Staging left by a power cut mid-import is removed before the next import."""
    (tmp_path / ".staging-x-1234").mkdir()
    (tmp_path / ".staging-x-1234" / "f").write_text("partial")
    assert importer.clean_stale_staging(tmp_path)
    assert not list(tmp_path.glob(".staging-*"))


def test_old_versions_pruned(setup: tuple[Path, Path]) -> None:
    """Only the live version and the two before it are kept."""
    root, new = setup
    for _ in range(4):
        ImportTransaction(new, root).run()
    versions = list_versions(root, "subject")
    assert len(versions) == importer.KEEP_VERSIONS and versions[0].live
