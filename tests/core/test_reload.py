"""Live reload decisions: a broken new version never replaces a good one."""

from __future__ import annotations

import os
from pathlib import Path

from kiosk.core.loader import load_library
from kiosk.core.reload import content_fingerprint, merge_reload
from tests.core.packs import make_pack


def test_fingerprint_changes_with_content_not_with_reading(tmp_path: Path) -> None:
    """Editing, adding or removing a file changes the fingerprint; reading does not."""
    pack = make_pack(tmp_path)
    before = content_fingerprint(tmp_path)
    (pack / "texts" / "overview.md").read_text()
    assert content_fingerprint(tmp_path) == before
    article = pack / "texts" / "overview.md"
    article.write_text(article.read_text() + "More.\n")
    after_edit = content_fingerprint(tmp_path)
    assert after_edit != before
    (pack / "images" / "two.png").unlink()
    assert content_fingerprint(tmp_path) != after_edit


def test_fingerprint_follows_a_swapped_symlink(tmp_path: Path) -> None:
    """An import re-pointing a subject's symlink changes the fingerprint."""
    a = make_pack(tmp_path / "versions", "a")
    b = make_pack(tmp_path / "versions", "b")
    root = tmp_path / "root"
    root.mkdir()
    os.symlink(a, root / "subject")
    before = content_fingerprint(root)
    os.unlink(root / "subject")
    os.symlink(b, root / "subject")
    assert content_fingerprint(root) != before


def test_broken_subject_keeps_last_good(tmp_path: Path) -> None:
    """A subject whose new version has errors keeps its last good version; clean ones update."""
    good = make_pack(tmp_path, "alpha")
    other = make_pack(tmp_path, "beta")
    previous = load_library(tmp_path).library
    (good / "images" / "one.jpg").write_bytes(b"")  # now has an error
    (other / "subject.toml").write_text((other / "subject.toml").read_text().replace("Test subject", "Beta 2"))
    library, notes = merge_reload(previous, load_library(tmp_path))
    by_id = {s.id: s for s in library.subjects}
    assert len(by_id["alpha"].images) == 2  # the last good version, both images
    assert by_id["beta"].title.get() == "Beta 2"
    assert [n.file for n in notes] == ["alpha"]


def test_removed_subject_goes(tmp_path: Path) -> None:
    """A subject staff removed on purpose is no longer shown."""
    import shutil

    make_pack(tmp_path, "alpha")
    beta = make_pack(tmp_path, "beta")
    previous = load_library(tmp_path).library
    shutil.rmtree(beta)
    library, notes = merge_reload(previous, load_library(tmp_path))
    assert [s.id for s in library.subjects] == ["alpha"] and notes == []


def test_fingerprint_never_follows_links_out_or_round(tmp_path: Path) -> None:
    """A link to / or a link loop in the content is noted, never walked (the kiosk must start)."""
    pack = make_pack(tmp_path)
    os.symlink("/", pack / "images" / "root.png")
    os.symlink(pack, pack / "texts" / "loop")
    before = content_fingerprint(tmp_path)
    assert content_fingerprint(tmp_path) == before
