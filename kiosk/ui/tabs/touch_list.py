"""A list made for fingers: tall rows with a title and a credit or source line, kinetic scrolling.

Rows are painted by a delegate (title up to two lines, the credit line under it, a thumbnail or a
small drawn glyph on the left). Sizes come from the style sheet through ``qproperty-*`` values,
so the theme stays in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    Property,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImageReader,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QScroller,
    QScrollerProperties,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from kiosk.ui.theme import color

TITLE_ROLE = Qt.ItemDataRole.UserRole + 1
META_ROLE = Qt.ItemDataRole.UserRole + 2
THUMB_ROLE = Qt.ItemDataRole.UserRole + 3
GLYPH_ROLE = Qt.ItemDataRole.UserRole + 4

TITLE_LINES = 2
META_LINES = 2


@dataclass(frozen=True)
class ListRow:
    """One row as the visitor sees it."""

    title: str
    meta: str = ""
    thumbnail: Path | None = None
    glyph: str = ""  # "text", "film", "chart" or "bars": drawn when there is no thumbnail


class TouchList(QListView):
    """The content list of a tab. Emits ``row_selected`` when a row is tapped or chosen by key."""

    row_selected = Signal(int)
    row_opened = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._caption_px = 27
        self._thumb_px = 96
        self._row_pad = 16
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self.setItemDelegate(_RowDelegate(self))
        self.setObjectName("touchList")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.selectionModel().currentRowChanged.connect(self._on_selection_current_row_changed)
        self.activated.connect(self._on_view_activated)
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        scroller = QScroller.scroller(self.viewport())
        props = scroller.scrollerProperties()
        off = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
        props.setScrollMetric(QScrollerProperties.ScrollMetric.VerticalOvershootPolicy, off)
        props.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy, off)
        scroller.setScrollerProperties(props)

    # -- sizes from the style sheet ---------------------------------------------------------
    def _get_caption_px(self) -> int:
        return self._caption_px

    def _set_caption_px(self, value: int) -> None:
        self._caption_px = value
        self.scheduleDelayedItemsLayout()

    def _get_thumb_px(self) -> int:
        return self._thumb_px

    def _set_thumb_px(self, value: int) -> None:
        self._thumb_px = value
        self.scheduleDelayedItemsLayout()

    def _get_row_pad(self) -> int:
        return self._row_pad

    def _set_row_pad(self, value: int) -> None:
        self._row_pad = value
        self.scheduleDelayedItemsLayout()

    captionPx = Property(int, _get_caption_px, _set_caption_px)
    thumbPx = Property(int, _get_thumb_px, _set_thumb_px)
    rowPad = Property(int, _get_row_pad, _set_row_pad)

    # -- content ----------------------------------------------------------------------------
    def set_rows(self, rows: list[ListRow]) -> None:
        """Replace the rows, keeping the selected row and scroll position where they can stay."""
        current = self.current_row()
        scroll = self.verticalScrollBar().value()
        blocker = self.selectionModel().blockSignals(True)
        self._model.clear()
        for row in rows:
            item = QStandardItem()
            item.setData(row.title, TITLE_ROLE)
            item.setData(row.meta, META_ROLE)
            item.setData(str(row.thumbnail) if row.thumbnail else "", THUMB_ROLE)
            item.setData(row.glyph, GLYPH_ROLE)
            item.setData(f"{row.title}. {row.meta}" if row.meta else row.title,
                         Qt.ItemDataRole.AccessibleTextRole)
            item.setData(row.title, Qt.ItemDataRole.DisplayRole)
            self._model.appendRow(item)
        self.selectionModel().blockSignals(blocker)
        if 0 <= current < len(rows):
            self.setCurrentIndex(self._model.index(current, 0))
        self.verticalScrollBar().setValue(scroll)

    def row_count(self) -> int:
        return self._model.rowCount()

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        if 0 <= row < self._model.rowCount():
            index = self._model.index(row, 0)
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def open_current(self) -> None:
        """Open the current row (Enter in classroom mode)."""
        if self.current_row() >= 0:
            self.row_opened.emit(self.current_row())

    def row_rect(self, row: int) -> QRect:
        """Where a row is drawn, in viewport coordinates (for tests that tap like a visitor)."""
        return self.visualRect(self._model.index(row, 0))

    def reset_view(self) -> None:
        QScroller.scroller(self.viewport()).stop()
        self.select_row(0)
        self.scrollToTop()

    def _on_selection_current_row_changed(self, current: QModelIndex, _old: QModelIndex) -> None:
        if current.isValid():
            self.row_selected.emit(current.row())

    def _on_view_activated(self, index: QModelIndex) -> None:
        self.row_opened.emit(index.row())


class _ThumbnailCache:
    """Decodes each thumbnail once, at the size it is drawn (never the full picture)."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, int], QPixmap] = {}

    def get(self, path: str, size: int) -> QPixmap:
        key = (path, size)
        if key not in self._cache:
            reader = QImageReader(path)
            reader.setAutoTransform(True)
            src = reader.size()
            if src.isValid() and src.width() > 0 and src.height() > 0:
                scale = max(size / src.width(), size / src.height())
                reader.setScaledSize(QSize(max(1, round(src.width() * scale)),
                                           max(1, round(src.height() * scale))))
            image = reader.read()
            self._cache[key] = QPixmap.fromImage(image) if not image.isNull() else QPixmap()
        return self._cache[key]


class _RowDelegate(QStyledItemDelegate):
    def __init__(self, view: TouchList) -> None:
        super().__init__(view)
        self._view = view
        self._thumbs = _ThumbnailCache()

    def _fonts(self) -> tuple[QFont, QFont]:
        title = QFont(self._view.font())
        title.setWeight(QFont.Weight.DemiBold)
        meta = QFont(self._view.font())
        meta.setPixelSize(self._view.captionPx)
        meta.setWeight(QFont.Weight.Normal)
        return title, meta

    def _has_visual(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        return bool(index.data(THUMB_ROLE) or index.data(GLYPH_ROLE))

    def _text_width(self, total: int, index: QModelIndex | QPersistentModelIndex) -> int:
        pad = self._view.rowPad
        visual = self._view.thumbPx + pad if self._has_visual(index) else 0
        return max(50, total - 2 * pad - visual - self._bar())

    def _bar(self) -> int:
        return max(4, self._view.rowPad // 3)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        width = self._view.viewport().width()
        title_font, meta_font = self._fonts()
        text_w = self._text_width(width, index)
        h = _wrapped_height(title_font, index.data(TITLE_ROLE) or "", text_w, TITLE_LINES)
        meta = index.data(META_ROLE) or ""
        if meta:
            h += self._view.rowPad // 3 + _wrapped_height(meta_font, meta, text_w, META_LINES)
        pad = self._view.rowPad
        visual = self._view.thumbPx if self._has_visual(index) else 0
        return QSize(width, max(h, visual) + 2 * pad)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect
        pad = self._view.rowPad
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, color("selected"))
            painter.fillRect(QRect(rect.left(), rect.top(), self._bar(), rect.height()),
                             color("accent"))
        painter.setPen(QPen(color("line"), 1))
        painter.drawLine(rect.left() + pad, rect.bottom(), rect.right() - pad, rect.bottom())
        x = rect.left() + pad + self._bar()
        if self._has_visual(index):
            box = QRect(x, rect.top() + pad, self._view.thumbPx, self._view.thumbPx)
            self._paint_visual(painter, box, index)
            x += self._view.thumbPx + pad
        text_w = self._text_width(rect.width(), index)
        title_font, meta_font = self._fonts()
        title = index.data(TITLE_ROLE) or ""
        th = _wrapped_height(title_font, title, text_w, TITLE_LINES)
        y = rect.top() + pad
        painter.setFont(title_font)
        painter.setPen(color("accent") if selected else color("text"))
        _draw_wrapped(painter, QRect(x, y, text_w, th), title, TITLE_LINES)
        meta = index.data(META_ROLE) or ""
        if meta:
            y += th + pad // 3
            mh = _wrapped_height(meta_font, meta, text_w, META_LINES)
            painter.setFont(meta_font)
            painter.setPen(color("muted"))
            _draw_wrapped(painter, QRect(x, y, text_w, mh), meta, META_LINES)
        if option.state & QStyle.StateFlag.State_HasFocus and self._view.hasFocus():
            painter.setPen(QPen(color("accent"), 3, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(2, 2, -2, -2))
        painter.restore()

    def _paint_visual(
        self, painter: QPainter, box: QRect, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        path = QPainterPath()
        radius = max(4, box.width() // 12)
        path.addRoundedRect(QRectF(box), radius, radius)
        painter.fillPath(path, color("raised"))
        thumb = index.data(THUMB_ROLE)
        pixmap = self._thumbs.get(thumb, box.width()) if thumb else QPixmap()
        if not pixmap.isNull():
            painter.save()
            painter.setClipPath(path)
            src = QRect(0, 0, box.width(), box.height())
            src.moveCenter(pixmap.rect().center())
            painter.drawPixmap(box, pixmap, src)
            painter.restore()
            return
        draw_glyph(painter, QRectF(box), index.data(GLYPH_ROLE) or "text")


def draw_glyph(painter: QPainter, box: QRectF, glyph: str) -> None:
    """Small drawn icons (no image files): lines of text, a play triangle, a rising chart."""
    painter.save()
    ink = QColor(color("accent"))
    pen = QPen(ink, max(2.0, box.width() / 22), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
               Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    m = box.width() * 0.26
    inner = box.adjusted(m, m, -m, -m)
    if glyph == "film":
        painter.setBrush(ink)
        tri = QPainterPath()
        tri.moveTo(inner.left() + inner.width() * 0.2, inner.top())
        tri.lineTo(inner.right(), inner.center().y())
        tri.lineTo(inner.left() + inner.width() * 0.2, inner.bottom())
        tri.closeSubpath()
        painter.drawPath(tri)
    elif glyph == "bars":
        painter.drawLine(inner.bottomLeft(), inner.bottomRight())
        painter.setBrush(ink)
        width = inner.width() / 5
        for i, frac in enumerate((0.35, 0.9, 0.6)):
            left = inner.left() + width * (0.5 + i * 1.5)
            painter.drawRect(QRectF(left, inner.bottom() - inner.height() * frac, width * 0.9,
                                    inner.height() * frac))
    elif glyph == "chart":
        painter.drawLine(inner.bottomLeft(), inner.bottomRight())
        pts = [(0.0, 0.75), (0.3, 0.55), (0.55, 0.62), (1.0, 0.1)]
        poly = [QPointF(inner.left() + fx * inner.width(), inner.top() + fy * inner.height())
                for fx, fy in pts]
        for a, b in zip(poly, poly[1:]):
            painter.drawLine(a, b)
    else:
        for i, frac in enumerate((1.0, 0.8, 1.0, 0.55)):
            y = inner.top() + i * inner.height() / 3
            painter.drawLine(QPointF(inner.left(), y), QPointF(inner.left() + inner.width() * frac, y))
    painter.restore()


def _wrap(fm: QFontMetrics, text: str, width: int, max_lines: int) -> list[str]:
    """Greedy word wrap; what does not fit in ``max_lines`` goes on the last line (elided)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if fm.horizontalAdvance(trial) <= width or not current:
            current = trial
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[: max_lines - 1] + [" ".join(lines[max_lines - 1 :])]
    return [fm.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines] or [""]


def _wrapped_height(font: QFont, text: str, width: int, max_lines: int) -> int:
    fm = QFontMetrics(font)
    return fm.lineSpacing() * len(_wrap(fm, text, width, max_lines))


def _draw_wrapped(painter: QPainter, rect: QRect, text: str, max_lines: int) -> None:
    fm = painter.fontMetrics()
    y = rect.top()
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    for line in _wrap(fm, text, rect.width(), max_lines):
        painter.drawText(QRect(rect.left(), y, rect.width(), fm.lineSpacing()), flags, line)
        y += fm.lineSpacing()
