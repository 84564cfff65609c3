"""Player icons drawn with QPainter (no image files), sized for the button they sit on."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap


def icon(name: str, px: int, ink: QColor) -> QIcon:
    """``play``, ``pause``, ``back``, ``forward``, ``sound``, ``muted``, ``cc`` or ``text``."""
    pixmap = QPixmap(px, px)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    draw_icon(painter, QRectF(0, 0, px, px), name, ink)
    painter.end()
    return QIcon(pixmap)


def draw_icon(painter: QPainter, box: QRectF, name: str, ink: QColor) -> None:
    w = box.width()
    pen = QPen(ink, max(2.0, w / 12), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
               Qt.PenJoinStyle.RoundJoin)
    painter.save()
    painter.setPen(pen)
    x, y = box.left(), box.top()

    def pt(fx: float, fy: float) -> QPointF:
        return QPointF(x + fx * w, y + fy * w)

    if name == "play":
        path = QPainterPath(pt(0.28, 0.18))
        path.lineTo(pt(0.84, 0.5))
        path.lineTo(pt(0.28, 0.82))
        path.closeSubpath()
        painter.fillPath(path, ink)
    elif name == "pause":
        painter.fillRect(QRectF(pt(0.24, 0.18), pt(0.42, 0.82)), ink)
        painter.fillRect(QRectF(pt(0.58, 0.18), pt(0.76, 0.82)), ink)
    elif name in ("back", "forward"):
        painter.setBrush(Qt.BrushStyle.NoBrush)
        arc = QRectF(pt(0.12, 0.12), pt(0.88, 0.88))
        start, span = (90 * 16, 270 * 16) if name == "back" else (90 * 16, -270 * 16)
        painter.drawArc(arc, start, span)
        tip = pt(0.5, 0.12)
        d = 0.12 * w
        sign = 1 if name == "back" else -1
        painter.drawLine(tip, QPointF(tip.x() + sign * d, tip.y() - d))
        painter.drawLine(tip, QPointF(tip.x() + sign * d, tip.y() + d))
        font = QFont(painter.font())
        font.setPixelSize(round(w * 0.34))
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(QRectF(pt(0.2, 0.3), pt(0.8, 0.72)), int(Qt.AlignmentFlag.AlignCenter), "10")
    elif name in ("sound", "muted"):
        path = QPainterPath(pt(0.12, 0.38))
        for fx, fy in ((0.3, 0.38), (0.52, 0.18), (0.52, 0.82), (0.3, 0.62), (0.12, 0.62)):
            path.lineTo(pt(fx, fy))
        path.closeSubpath()
        painter.fillPath(path, ink)
        if name == "sound":
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawArc(QRectF(pt(0.48, 0.32), pt(0.72, 0.68)), -60 * 16, 120 * 16)
            painter.drawArc(QRectF(pt(0.46, 0.18), pt(0.9, 0.82)), -60 * 16, 120 * 16)
        else:
            painter.drawLine(pt(0.64, 0.36), pt(0.9, 0.64))
            painter.drawLine(pt(0.9, 0.36), pt(0.64, 0.64))
    elif name == "cc":
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(pt(0.08, 0.2), pt(0.92, 0.8)), w * 0.1, w * 0.1)
        font = QFont(painter.font())
        font.setPixelSize(round(w * 0.34))
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(QRectF(pt(0.08, 0.2), pt(0.92, 0.8)), int(Qt.AlignmentFlag.AlignCenter), "CC")
    elif name == "text":
        for i, frac in enumerate((0.76, 0.64, 0.76, 0.5)):
            fy = 0.24 + i * 0.17
            painter.drawLine(pt(0.12, fy), pt(0.12 + frac, fy))
    painter.restore()
