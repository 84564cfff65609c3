"""Names of cached thumbnails: a replaced picture (other size or time) gets a new thumbnail."""

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
