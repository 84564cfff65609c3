"""Thumbnail cache keys: a replaced picture gets a new thumbnail (Qt-free)."""

from __future__ import annotations

import os
from pathlib import Path

from kiosk.core.thumbkey import thumbnail_key, thumbnail_key_for, thumbnail_suffix


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
