"""Decoding pictures at the size they are shown, upright, with Qt's allocation limit in force.

These functions run on worker threads: they touch no widget and return a null QImage (and a
reason) instead of raising, so one corrupt file never stops the gallery.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader

from kiosk.core.imagefit import ALLOCATION_LIMIT_MB, fit_size
from kiosk.core.thumbkey import mark_used, thumbnail_key_for, thumbnail_suffix

log = logging.getLogger("kiosk.gallery")


def _reader(path: Path) -> QImageReader:
    QImageReader.setAllocationLimit(ALLOCATION_LIMIT_MB)
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    return reader


def _upright_size(reader: QImageReader) -> tuple[int, int, bool]:
    """The picture's size as shown (EXIF rotation applied) and whether it is rotated by 90°."""
    size = reader.size()
    rotated = bool(reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90)
    if rotated:
        return size.height(), size.width(), True
    return size.width(), size.height(), False


def picture_size(path: Path) -> tuple[int, int]:
    """The upright size from the header alone (0, 0 when unreadable)."""
    reader = _reader(path)
    w, h, _ = _upright_size(reader)
    return (w, h) if w > 0 and h > 0 else (0, 0)


def _read(reader: QImageReader, upright: tuple[int, int], rotated: bool) -> QImage:
    w, h = upright
    if w > 0 and h > 0:
        reader.setScaledSize(QSize(h, w) if rotated else QSize(w, h))
    return reader.read()


def read_fitted(path: Path, box_w: int, box_h: int) -> tuple[QImage, tuple[int, int], str]:
    """Decode ``path`` to fit the box (never enlarged). Returns (image, full upright size, error)."""
    reader = _reader(path)
    src_w, src_h, rotated = _upright_size(reader)
    if src_w <= 0 or src_h <= 0:
        return QImage(), (0, 0), reader.errorString() or "unreadable picture"
    image = _read(reader, fit_size(src_w, src_h, box_w, box_h), rotated)
    if image.isNull():
        return QImage(), (src_w, src_h), reader.errorString() or "the picture could not be decoded"
    return _display_format(image), (src_w, src_h), ""


def _display_format(image: QImage) -> QImage:
    """Formats the raster engine draws fastest, so painting stays cheap on the UI thread."""
    target = (QImage.Format.Format_ARGB32_Premultiplied if image.hasAlphaChannel()
              else QImage.Format.Format_RGB32)
    return image if image.format() == target else image.convertToFormat(target)


def thumbnail(path: Path, box_w: int, box_h: int, cache_dir: Path | None) -> tuple[QImage, str]:
    """A thumbnail that fits the card (whole, never cropped: exhibit pictures are often charts
    and cards with text to the edges), from the disk cache or decoded and then stored there."""
    key = thumbnail_key_for(path, box_w, box_h)
    if key is None:
        return QImage(), "the file cannot be read"
    cached = cache_dir / f"{key}{thumbnail_suffix(path)}" if cache_dir is not None else None
    if cached is not None and cached.exists():
        image = QImage(str(cached))
        if not image.isNull() and image.width() <= box_w and image.height() <= box_h:
            mark_used(cached)
            return _display_format(image), ""
    image, _, error = read_fitted(path, box_w, box_h)
    if not image.isNull() and cached is not None:
        _store(image, cached)
    return image, error


def _store(image: QImage, target: Path) -> None:
    """Write atomically (a half-written thumbnail is never read back); a full disk is no error."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".thumb-", suffix=target.suffix, dir=target.parent)
        os.close(fd)
        if image.save(tmp, None, 88):
            os.replace(tmp, target)
        else:
            os.unlink(tmp)
    except OSError as exc:
        log.debug("thumbnail not cached: %s (%s)", target, exc)
