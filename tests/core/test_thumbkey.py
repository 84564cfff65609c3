"""Thumbnail cache keys: a replaced picture gets a new thumbnail (Qt-free)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from kiosk.core.thumbkey import mark_used, prune_thumbnails, thumbnail_key, thumbnail_key_for, thumbnail_suffix


def test_key_changes_with_path_size_time_and_thumbnail_size() -> None:
    """Any of path, file size, modification time or thumbnail size gives another key."""
    base = thumbnail_key("/a/b.jpg", 100, 5, 300, 220)
    assert base == thumbnail_key("/a/b.jpg", 100, 5, 300, 220)
    others = {thumbnail_key("/a/c.jpg", 100, 5, 300, 220), thumbnail_key("/a/b.jpg", 101, 5, 300, 220),
              thumbnail_key("/a/b.jpg", 100, 6, 300, 220), thumbnail_key("/a/b.jpg", 100, 5, 320, 220)}
    assert base not in others and len(others) == 4
    assert all(c in "0123456789abcdef" for c in base)


def test_replacing_a_file_changes_its_key(tmp_path: Path) -> None:
    """Copying a new picture over the old file makes the old thumbnail unused."""
    picture = tmp_path / "p.jpg"
    picture.write_bytes(b"one")
    os.utime(picture, ns=(1_000_000_000, 1_000_000_000))
    before = thumbnail_key_for(picture, 300, 220)
    picture.write_bytes(b"second")
    os.utime(picture, ns=(2_000_000_000, 2_000_000_000))
    assert before is not None and thumbnail_key_for(picture, 300, 220) != before
    assert thumbnail_key_for(tmp_path / "missing.jpg", 300, 220) is None


def test_photos_keep_jpeg_thumbnails_and_drawings_png() -> None:
    """JPEG sources get .jpg thumbnails, PNG and WebP get .png (transparency kept)."""
    assert thumbnail_suffix(Path("a.JPG")) == ".jpg"
    assert thumbnail_suffix(Path("a.png")) == ".png" and thumbnail_suffix(Path("a.webp")) == ".png"


def test_thumbnails_not_shown_for_a_month_are_pruned(tmp_path: Path) -> None:
    """A thumbnail of a replaced picture is never shown again and goes after 30 days; one shown
    recently stays, and files that are not the cache's own are never touched."""
    now = time.time()
    old, shown, foreign = (tmp_path / ("a" * 40 + ".jpg"), tmp_path / ("b" * 40 + ".png"),
                           tmp_path / "notes.jpg")
    for path in (old, shown, foreign):
        path.write_bytes(b"x")
        os.utime(path, (now - 40 * 86_400, now - 40 * 86_400))
    mark_used(shown)  # shown just now
    assert prune_thumbnails(tmp_path, now=now + 1) == 1
    assert not old.exists() and shown.exists() and foreign.exists()
    assert prune_thumbnails(tmp_path / "missing", now=now) == 0
