"""Where the film is seen: the newest picture from the video sink, or the poster, letterboxed.

Painting sink frames ourselves is the cheapest path without a GPU (no OpenGL surface), and it
means widget grabs and screenshots show the real picture. While a film plays, frames are scaled
with the fast transform (25 times a second); a still poster or a paused frame is smoothed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QImage, QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from kiosk.ui.tabs.touch_list import draw_glyph
from kiosk.ui.theme import color


class FrameView(QWidget):
    """Emits ``tapped`` when the picture is touched (play or pause, as on any video player)."""

    tapped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("videoFrame")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 90)
        self._poster = QImage()
        self._provider: Callable[[QSize | None], QImage] | None = None
        self._moving = False
        self._show_play_mark = True
        self._aspect = QSize(16, 9)

    # -- what the pane says -----------------------------------------------------------------
    def set_poster(self, poster: QImage, aspect: QSize | None = None) -> None:
        self._poster = poster
        if aspect is not None and aspect.isValid() and not aspect.isEmpty():
            self._aspect = aspect
        elif not poster.isNull():
            self._aspect = poster.size()
        self._provider = None
        self.relayout()
        self.update()

    def set_frame_provider(self, provider: Callable[[QSize | None], QImage] | None) -> None:
        """While a film is loaded, pictures come from ``provider`` (the last one stays up)."""
        self._provider = provider
        self.update()

    def set_moving(self, moving: bool) -> None:
        """Playing: fast scaling, no play mark. Paused or stopped: smooth, with the mark."""
        self._moving = moving
        self._show_play_mark = not moving
        self.update()

    def picture(self) -> QImage:
        """The film's own picture (full size) or the poster: what tests compare with the sink."""
        if self._provider is not None:
            image = self._provider(None)
            if not image.isNull():
                return image
        return self._poster

    def aspect(self) -> QSize:
        return QSize(self._aspect)

    def video_rect(self) -> QRect:
        size = self._aspect.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        rect = QRect(0, 0, size.width(), size.height())
        rect.moveCenter(self.rect().center())
        return rect

    def place_caption(self, label: QLabel) -> None:
        """Centre a caption near the bottom of the picture, inside it."""
        box = self.video_rect()
        hint = label.sizeHint()
        width = min(hint.width(), box.width() - 16)
        x = box.center().x() - width // 2
        y = box.bottom() - hint.height() - max(8, box.height() // 18)
        label.setGeometry(x, max(box.top(), y), width, hint.height())

    # -- Qt -----------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.black)
        target = QRectF(self.video_rect())
        image = self._provider(self.video_rect().size()) if self._provider is not None else QImage()
        if image.isNull():
            image = self._poster
        if not image.isNull():
            if not self._moving:
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(target, image)
        else:
            painter.fillRect(target, color("raised"))
        if self._show_play_mark:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            side = min(target.width(), target.height()) * 0.28
            mark = QRectF(0, 0, side, side)
            mark.moveCenter(target.center())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color("scrim"))
            painter.drawEllipse(mark)
            draw_glyph(painter, mark.adjusted(side * 0.06, 0, side * 0.06, 0), "film")
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.relayout()

    def relayout(self) -> None:
        for child in self.findChildren(QLabel, "videoCaption"):
            if child.isVisible():
                self.place_caption(child)
        card = self.findChild(QWidget, "videoErrorCard")
        if card is not None:
            box = self.video_rect()
            width = min(box.width() - 32, max(360, box.width() * 2 // 3))
            card.setFixedWidth(max(200, width))
            card.adjustSize()
            geo = card.geometry()
            geo.moveCenter(box.center())
            card.setGeometry(geo)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.tapped.emit()
        super().mouseReleaseEvent(event)
