"""How one gallery card is painted: the thumbnail (or a placeholder) and the title under it.

Thumbnails arrive already scaled to fit the card, so painting is a plain copy, centred on a mat.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from kiosk.ui.gallery.placeholder import draw_placeholder
from kiosk.ui.tabs.touch_list import THUMB_ROLE, TITLE_ROLE
from kiosk.ui.theme import color

if TYPE_CHECKING:
    from kiosk.ui.gallery.grid import GalleryGrid

TITLE_LINES = 2


class CardDelegate(QStyledItemDelegate):
    def __init__(self, grid: GalleryGrid) -> None:
        super().__init__(grid)
        self._grid = grid

    def title_font(self) -> QFont:
        font = QFont(self._grid.font())
        font.setPixelSize(self._grid.captionPx)
        font.setWeight(QFont.Weight.DemiBold)
        return font

    def title_height(self) -> int:
        return QFontMetrics(self.title_font()).lineSpacing() * TITLE_LINES

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        return self._grid.gridSize()

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        grid = self._grid
        box_w, box_h = grid.thumb_box()
        cell = option.rect
        x = cell.left() + (cell.width() - box_w) // 2
        y = cell.top() + grid.card_gap() // 2
        picture = QRect(x, y, box_w, box_h)
        path = index.data(THUMB_ROLE) or ""
        image = grid.loader.get(path) if path else None
        if image is not None and not image.isNull():
            painter.fillRect(picture, color("surface"))
            painter.drawImage(x + (box_w - image.width()) // 2,
                              y + (box_h - image.height()) // 2, image)
        else:
            draw_placeholder(painter, QRectF(picture), broken=bool(path) and grid.loader.failed(path))
        pad = grid.card_gap() // 3
        text = QRect(x, y + box_h + pad, box_w, self.title_height())
        painter.save()
        painter.setFont(self.title_font())
        painter.setPen(color("text"))
        painter.drawText(text, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                                   | Qt.TextFlag.TextWordWrap), _elided(painter, text,
                                                                          index.data(TITLE_ROLE) or ""))
        if option.state & QStyle.StateFlag.State_HasFocus and grid.hasFocus():
            painter.setPen(QPen(color("accent"), 3, Qt.PenStyle.DashLine))
            painter.drawRect(picture.adjusted(-4, -4, 4, 4))
        painter.restore()


def _elided(painter: QPainter, rect: QRect, text: str) -> str:
    """The title on at most two lines, the second one cut with an ellipsis if need be."""
    fm = painter.fontMetrics()
    words, lines, current = text.split(), [], ""
    for word in words:
        trial = f"{current} {word}".strip()
        if fm.horizontalAdvance(trial) <= rect.width() or not current:
            current = trial
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > TITLE_LINES:
        lines = lines[: TITLE_LINES - 1] + [" ".join(lines[TITLE_LINES - 1:])]
    return "\n".join(fm.elidedText(line, Qt.TextElideMode.ElideRight, rect.width())
                     for line in lines)
