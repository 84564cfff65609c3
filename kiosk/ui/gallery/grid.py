"""The gallery grid: picture cards in rows, scrolled kinetically, opened with a tap.

A TouchList shown as a grid: same model, kinetic scroller and keyboard behaviour as the other
tabs' lists, with cards painted by CardDelegate. The grid tells its thumbnail loader which cards
are on screen so work for cards flung past is skipped.
"""

from __future__ import annotations

from PySide6.QtCore import Property, QModelIndex, QSize, Signal
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from kiosk.ui.gallery.card_delegate import CardDelegate
from kiosk.ui.gallery.thumbnail_loader import ThumbnailLoader
from kiosk.ui.tabs.touch_list import THUMB_ROLE, ListRow, TouchList

PREFETCH_ROWS = 1


class GalleryGrid(TouchList):
    #: Every card on screen shows its thumbnail (or its placeholder, if it cannot be shown).
    screen_complete = Signal()

    def __init__(self, loader: ThumbnailLoader, card_gap: int, parent: QWidget | None = None) -> None:
        self.loader = loader
        self._card_gap = card_gap
        self._complete = False
        super().__init__(parent)
        self.setObjectName("galleryGrid")
        self._delegate = CardDelegate(self)
        self.setItemDelegate(self._delegate)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        self.setSpacing(0)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setWordWrap(False)
        self.clicked.connect(self._on_view_clicked)
        self.verticalScrollBar().valueChanged.connect(self._on_scroll_value_changed)
        loader.thumbnail_ready.connect(self._on_loader_thumbnail_ready)
        self._update_grid()

    # -- layout ---------------------------------------------------------------------------
    def thumb_box(self) -> tuple[int, int]:
        return self.loader.box

    def card_gap(self) -> int:
        return self._card_gap

    def _get_gap(self) -> int:
        return self._card_gap

    def _set_gap(self, value: int) -> None:
        self._card_gap = value
        self._update_grid()

    cardGap = Property(int, _get_gap, _set_gap)

    def _usable_width(self) -> int:
        """QListView keeps room for a scroll bar when it wraps items, shown or not."""
        return self.viewport().width() - self.verticalScrollBar().sizeHint().width() - 2

    def columns(self) -> int:
        pitch = self.loader.box[0] + self._card_gap
        return max(1, self._usable_width() // pitch)

    def _update_grid(self) -> None:
        box_w, box_h = self.loader.box
        cols = self.columns()
        width = max(box_w + self._card_gap, self._usable_width() // cols)
        height = box_h + self._card_gap + self._card_gap // 3 + self._delegate.title_height()
        if self.gridSize() != QSize(width, height):
            self.setGridSize(QSize(width, height))
        self._update_wanted()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_grid()

    # -- what is on screen -------------------------------------------------------------------
    def visible_rows(self, extra_rows: int = 0) -> range:
        grid = self.gridSize()
        if grid.height() <= 0 or self.row_count() == 0:
            return range(0)
        cols = self.columns()
        top = self.verticalScrollBar().value()
        first = max(0, top // grid.height() - extra_rows)
        last = (top + self.viewport().height()) // grid.height() + extra_rows
        return range(first * cols, min(self.row_count(), (last + 1) * cols))

    def visible_paths(self, extra_rows: int = 0) -> list[str]:
        model = self.model()
        paths = (model.index(r, 0).data(THUMB_ROLE) for r in self.visible_rows(extra_rows))
        return [p for p in paths if p]

    def _update_wanted(self) -> None:
        self.loader.set_wanted(self.visible_paths(PREFETCH_ROWS))
        self._complete = False

    def set_rows(self, rows: list[ListRow]) -> None:
        super().set_rows(rows)
        self._update_wanted()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._complete and self.isVisible():
            loader = self.loader
            if all(loader.failed(p) or loader.get(p) is not None for p in self.visible_paths()):
                self._complete = True
                self.screen_complete.emit()

    def is_complete(self) -> bool:
        return self._complete

    # -- handlers ---------------------------------------------------------------------------
    def _on_view_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.row_opened.emit(index.row())

    def _on_scroll_value_changed(self, _value: int) -> None:
        self._update_wanted()

    def _on_loader_thumbnail_ready(self, path: str) -> None:
        self.viewport().update()
