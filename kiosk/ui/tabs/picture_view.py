"""A picture scaled to fit its box, decoded once at a bounded size (EXIF orientation applied)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui.tabs.touch_list import draw_glyph
from kiosk.ui.theme import color

MAX_DECODE_PX = 2048
CACHED_PICTURES = 6
#: A picture filling its box is cut by at most this share of its width or height: a card
#: never loses the words or faces at the edge of a picture of another shape.
MAX_COVER_CROP = 0.12


def read_picture(path: Path, max_px: int = MAX_DECODE_PX) -> QImage:
    """Decode ``path`` no larger than ``max_px`` on its longer side; a null image on failure."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > max_px:
        reader.setScaledSize(size.scaled(QSize(max_px, max_px), Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


class PictureView(QWidget):
    """Shows one picture, letterboxed on the theme's raised colour, or a drawn glyph."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pictureView")
        self._pixmap = QPixmap()
        self._glyph = ""
        self._source: Path | None = None
        self._cover = False
        self._cache: dict[Path, QPixmap] = {}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(120)

    def set_picture(self, path: Path | None, glyph: str = "", description: str = "") -> None:
        self._pixmap = self._load(path) if path else QPixmap()
        self._source = path if not self._pixmap.isNull() else None
        self._glyph = glyph if self._pixmap.isNull() else ""
        self.setAccessibleDescription(description)
        self.update()

    def _load(self, path: Path) -> QPixmap:
        """Decoded once per path: going back and forth between items must stay instant."""
        if path not in self._cache:
            if len(self._cache) >= CACHED_PICTURES:
                self._cache.pop(next(iter(self._cache)))
            image = read_picture(path)
            self._cache[path] = QPixmap.fromImage(image) if not image.isNull() else QPixmap()
        return self._cache[path]

    def has_picture(self) -> bool:
        return not self._pixmap.isNull()

    def source(self) -> Path | None:
        """The file whose picture is shown (None for the drawn glyph)."""
        return self._source

    def set_cover(self, cover: bool) -> None:
        """Fill the box, cutting at most MAX_COVER_CROP off the picture's edges (cards in a
        grid), instead of showing all of it letterboxed."""
        self._cover = cover
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self._pixmap.isNull():
            pw, ph = self._pixmap.width(), self._pixmap.height()
            scale = min(self.width() / pw, self.height() / ph)
            if self._cover:
                most = min(self.width() / (pw * (1 - MAX_COVER_CROP)), self.height() / (ph * (1 - MAX_COVER_CROP)))
                scale = min(max(self.width() / pw, self.height() / ph), most)
            painter.setClipRect(self.rect())
            target = QRectF(0, 0, pw * scale, ph * scale)
            target.moveCenter(QRectF(self.rect()).center())
            painter.drawPixmap(target, self._pixmap, QRectF(self._pixmap.rect()))
        elif self._glyph:
            painter.fillRect(self.rect(), color("raised"))
            side = min(self.width(), self.height()) * 0.45
            box = QRectF(0, 0, side, side)
            box.moveCenter(QRectF(self.rect()).center())
            draw_glyph(painter, box, self._glyph)
        painter.end()
