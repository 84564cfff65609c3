"""The neutral picture a visitor sees where a picture cannot be shown (or is still loading)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen

from kiosk.ui.theme import color


def draw_placeholder(painter: QPainter, box: QRectF, *, broken: bool) -> None:
    """A calm raised panel; a broken picture also gets a drawn landscape outline."""
    painter.save()
    painter.fillRect(box, color("raised"))
    if broken:
        side = min(box.width(), box.height()) * 0.36
        frame = QRectF(0, 0, side * 1.3, side)
        frame.moveCenter(box.center())
        pen = QPen(color("line"), max(2.0, side / 18), Qt.PenStyle.SolidLine,
                   Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(frame, side / 14, side / 14)
        hills = QPainterPath()
        hills.moveTo(frame.left() + frame.width() * 0.1, frame.bottom() - frame.height() * 0.15)
        hills.lineTo(frame.left() + frame.width() * 0.4, frame.top() + frame.height() * 0.45)
        hills.lineTo(frame.left() + frame.width() * 0.6, frame.top() + frame.height() * 0.65)
        hills.lineTo(frame.left() + frame.width() * 0.72, frame.top() + frame.height() * 0.52)
        hills.lineTo(frame.right() - frame.width() * 0.1, frame.bottom() - frame.height() * 0.15)
        painter.drawPath(hills)
        sun = QPointF(frame.left() + frame.width() * 0.72, frame.top() + frame.height() * 0.28)
        painter.drawEllipse(sun, side * 0.08, side * 0.08)
    painter.restore()
