"""Names of cached thumbnails: a replaced picture (other size or time) gets a new thumbnail.

A thumbnail nobody has shown for a while (its picture was replaced or removed, or the way
thumbnails are made changed) is deleted by ``prune_thumbnails``, so the cache of a kiosk that
runs for years holds what it shows, not everything it ever showed."""

from __future__ import annotations

import os
from pathlib import Path

from kiosk.core.digest import blake2b

# Bump when the way thumbnails are made changes, so old files are no longer used.
THUMB_FORMAT_VERSION = 3


def thumbnail_key(path: Path | str, file_size: int, mtime_ns: int, box_w: int, box_h: int,
                  version: int = THUMB_FORMAT_VERSION) -> str:
    """A stable file-name-safe key for one picture file at one thumbnail size."""
    text = f"v{version}\0{os.fspath(path)}\0{file_size}\0{mtime_ns}\0{box_w}x{box_h}"
    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


def thumbnail_key_for(path: Path, box_w: int, box_h: int) -> str | None:
    """The key for a file on disk, or None when it cannot be read."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return thumbnail_key(path, st.st_size, st.st_mtime_ns, box_w, box_h)


def thumbnail_suffix(path: Path) -> str:
    """Photographs keep JPEG thumbnails (small, fast); drawings and transparency keep PNG."""
    return ".jpg" if path.suffix.lower() in (".jpg", ".jpeg") else ".png"


UNUSED_DAYS = 30.0
THUMB_SUFFIXES = (".jpg", ".png")


def mark_used(cached: Path) -> None:
    """Note that a cached thumbnail was shown (its modification time), for the pruning."""
    try:
        os.utime(cached)
    except OSError:
        pass


def prune_thumbnails(cache_dir: Path, now: float, unused_days: float = UNUSED_DAYS) -> int:
    """Delete the thumbnails in ``cache_dir`` not shown for ``unused_days``; the number deleted.
    Only the cache's own files (a key and a picture suffix) are touched; errors are skipped."""
    limit = now - unused_days * 86_400
    deleted = 0
    try:
        entries = list(os.scandir(cache_dir))
    except OSError:
        return 0
    for entry in entries:
        stem, suffix = os.path.splitext(entry.name)
        if suffix not in THUMB_SUFFIXES or len(stem) != 40 or not entry.is_file(follow_symlinks=False):
            continue
        try:
            if entry.stat(follow_symlinks=False).st_mtime < limit:
                os.unlink(entry.path)
                deleted += 1
        except OSError:
            continue
    return deleted
