"""The title screen's attract loop: the exhibit's own pictures, cross-fading, with captions.

The interval is injected (tests use a few milliseconds); with ``reduced_motion`` slides switch
without a fade. The loop runs only while it is on screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Property, QRect, QRectF, QSize, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QHideEvent,
    QImageReader,
    QPainter,
    QPaintEvent,
    QPixmap,
    QShowEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui.tabs.touch_list import draw_glyph
from kiosk.ui.theme import color

FADE_MS = 1200
CAPTION_LINES = 3
CREDIT_LINES = 2  # a credit names a source and its licence: often more than one line


@dataclass(frozen=True)
class Slide:
    picture: Path | None
    caption: str
    credit: str = ""


class AttractLoop(QWidget):
    slide_changed = Signal(int)

    def __init__(
        self,
        slides: Sequence[Slide],
        *,
        interval_ms: int,
        reduced_motion: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("attractLoop")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._slides = list(slides)
        self._index = 0
        self._previous = -1
        self._fade = 1.0
        self._credit_px = 27
        self._reduced_motion = reduced_motion
        self._pixmaps: dict[tuple[int, int, int], QPixmap] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._animation = QVariantAnimation(self)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(1.0)
        self._animation.setDuration(FADE_MS)
        self._animation.valueChanged.connect(self._on_animation_value_changed)
        self._animation.finished.connect(self._on_animation_finished)

    def _get_credit_px(self) -> int:
        return self._credit_px

    def _set_credit_px(self, value: int) -> None:
        self._credit_px = value
        self.update()

    creditPx = Property(int, _get_credit_px, _set_credit_px)

    # -- control --------------------------------------------------------------------------------
    def current_index(self) -> int:
        return self._index

    def slide_count(self) -> int:
        return len(self._slides)

    def is_fading(self) -> bool:
        return self._animation.state() == QVariantAnimation.State.Running

    def set_slides(self, slides: Sequence[Slide]) -> None:
        """New slides (another language), staying at the same position in the loop."""
        same_pictures = [s.picture for s in slides] == [s.picture for s in self._slides]
        self._slides = list(slides)
        if not same_pictures:  # another loop: a fade under way ends at once
            self._pixmaps.clear()
            self._animation.stop()
            self._index = min(self._index, max(0, len(self._slides) - 1))
            self._previous, self._fade = -1, 1.0
        self.update()

    def restart(self) -> None:
        """Back to the first slide (a new visitor sees the loop from its start)."""
        self._animation.stop()
        self._index, self._previous, self._fade = 0, -1, 1.0
        if self._timer.isActive():
            self._timer.start()
        self.update()

    def advance(self) -> None:
        if len(self._slides) < 2:
            return
        self._previous = self._index
        self._index = (self._index + 1) % len(self._slides)
        if self._reduced_motion or not self.isVisible():
            self._fade = 1.0
        else:
            self._fade = 0.0
            self._animation.stop()
            self._animation.start()
        self.update()
        self.slide_changed.emit(self._index)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if len(self._slides) > 1:
            self._timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._timer.stop()
        self._animation.stop()
        self._fade = 1.0

    def _on_timer_timeout(self) -> None:
        self.advance()

    def _on_animation_finished(self) -> None:
        """The slide that faded out is not painted again until its turn: let its pixmap go (a
        slide at screen size is several megabytes, and the title screen shows for hours)."""
        self._previous = -1
        self._pixmaps = {k: v for k, v in self._pixmaps.items() if k[0] == self._index}

    def _on_animation_value_changed(self, value: float) -> None:
        self._fade = float(value)
        self.update()

    # -- painting -------------------------------------------------------------------------------
    def _credit_font(self) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(self._credit_px)
        font.setItalic(True)
        return font

    def _pixmap(self, index: int, box: QSize) -> QPixmap:
        key = (index, box.width(), box.height())
        if key not in self._pixmaps:
            # Keep only what the cross-fade paints (this slide and the one fading out): a kiosk
            # sits on this screen for hours, and decoded slides are megabytes each.
            # The two slides of a fade have boxes of their own (captions differ in height).
            keep = {self._index, self._previous if self._fade < 1.0 else self._index}
            self._pixmaps = {k: v for k, v in self._pixmaps.items()
                             if k[0] in keep and (k[0] != index or k[1:] == key[1:])}
            picture = self._slides[index].picture
            pixmap = QPixmap()
            if picture is not None:
                reader = QImageReader(str(picture))
                reader.setAutoTransform(True)
                size = reader.size()
                if size.isValid() and not size.isEmpty():
                    reader.setScaledSize(size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio))
                image = reader.read()
                if not image.isNull():
                    pixmap = QPixmap.fromImage(image)
            self._pixmaps[key] = pixmap
        return self._pixmaps[key]

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._slides:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if 0 <= self._previous and self._fade < 1.0:
            painter.setOpacity(1.0 - self._fade)
            self._paint_slide(painter, self._previous)
        painter.setOpacity(self._fade)
        self._paint_slide(painter, self._index)
        painter.end()

    def _paint_slide(self, painter: QPainter, index: int) -> None:
        """The picture with its caption and credit right under it, centred as one block."""
        slide = self._slides[index]
        fm = QFontMetrics(self.font())
        cfm = QFontMetrics(self._credit_font())
        flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                    | Qt.TextFlag.TextWordWrap)
        width = self.width()
        caption_h = min(fm.boundingRect(QRect(0, 0, width, 10_000), flags, slide.caption).height(),
                        fm.lineSpacing() * CAPTION_LINES)
        credit = _fit_lines(cfm, slide.credit, width, CREDIT_LINES) if slide.credit else ""
        credit_h = cfm.lineSpacing() * (credit.count("\n") + 1) if credit else 0
        gap = fm.lineSpacing() // 2
        room = QSize(width, max(1, self.height() - caption_h - credit_h - 2 * gap))
        pixmap = self._pixmap(index, room)
        picture = QSize(pixmap.size()) if not pixmap.isNull() else QSize(
            room.width(), round(min(room.height(), room.width() * 0.6)))
        top = max(0, (self.height() - picture.height() - gap - caption_h - credit_h) // 2)
        box = QRect((width - picture.width()) // 2, top, picture.width(), picture.height())
        if not pixmap.isNull():
            painter.drawPixmap(box.topLeft(), pixmap)
        else:
            painter.fillRect(box, color("raised"))
            side = min(box.width(), box.height()) * 0.4
            glyph_box = QRectF(0, 0, side, side)
            glyph_box.moveCenter(QRectF(box).center())
            draw_glyph(painter, glyph_box, "text")
        y = box.bottom() + gap
        painter.setFont(self.font())
        painter.setPen(color("text"))
        painter.drawText(QRect(0, y, width, caption_h), flags, slide.caption)
        if credit:
            painter.setFont(self._credit_font())
            painter.setPen(color("muted"))
            painter.drawText(QRect(0, y + caption_h + cfm.lineSpacing() // 4, width, credit_h),
                             int(Qt.AlignmentFlag.AlignHCenter), credit)


def _fit_lines(fm: QFontMetrics, text: str, width: int, max_lines: int) -> str:
    """``text`` broken at spaces into at most ``max_lines`` lines of ``width``; the last line
    that still does not fit ends in an ellipsis."""
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < max_lines:
        line = words.pop(0)
        while words and fm.horizontalAdvance(line + " " + words[0]) <= width:
            line += " " + words.pop(0)
        lines.append(line)
    if words:
        lines[-1] = lines[-1] + " " + " ".join(words)
    # A word wider than the slide (a long address) is cut too, on whichever line it stands.
    return "\n".join(fm.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines)
