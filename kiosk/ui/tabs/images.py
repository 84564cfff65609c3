"""The Images tab: a gallery grid of thumbnails; a tap opens the picture in the viewer.

Thumbnails are decoded on worker threads and cached on disk; the viewer decodes at screen size
and zooms. Every picture keeps its caption and credit in view, and its alt text is the viewer's
accessible description.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QStackedLayout

from kiosk.core.model import ImageItem, Subject
from kiosk.ui.gallery.grid import GalleryGrid
from kiosk.ui.gallery.thumbnail_loader import ThumbnailLoader
from kiosk.ui.gallery.viewer import ImageViewer
from kiosk.ui.metrics import Metrics
from kiosk.ui.tabs.base import TabContext, TabPage
from kiosk.ui.tabs.touch_list import ListRow

# A card's picture on the glass: large enough to recognise, small enough for a grid.
THUMB_MM = (75.0, 56.0)


def media_title(item: ImageItem, language: str) -> str:
    return item.info.title.get(language) or item.info.caption.get(language) or item.name


class ImagesTab(TabPage):
    def __init__(self, subject: Subject, context: TabContext, *,
                 thumbnail_dir: Path | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(subject, context)
        metrics = context.metrics
        ratio = self.devicePixelRatioF()
        box = (round(metrics.px(THUMB_MM[0]) * ratio), round(metrics.px(THUMB_MM[1]) * ratio))
        self.thumbnails = ThumbnailLoader(box, thumbnail_dir, parent=self)
        self.grid = GalleryGrid(self.thumbnails, metrics.px(8), self)
        self.viewer = ImageViewer(subject.images, metrics, self.language, clock=clock, parent=self)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self.grid)
        self._stack.addWidget(self.viewer)
        self.grid.row_opened.connect(self._on_grid_row_opened)
        self.viewer.close_requested.connect(self._on_viewer_close_requested)
        self.viewer.picture_changed.connect(self._on_viewer_picture_changed)
        self.grid.set_rows(self._rows())
        self.viewer.panel.set_low_reach(context.low_reach)

    def _rows(self) -> list[ListRow]:
        return [ListRow(media_title(item, self.language), item.info.credit.get(self.language),
                        thumbnail=item.path_for(self.language)) for item in self.subject.images]

    # -- what visitors do -------------------------------------------------------------------
    def open_picture(self, index: int) -> None:
        self._stack.setCurrentWidget(self.viewer)
        self.viewer.show_index(index)

    def close_viewer(self) -> None:
        if self.viewer_open():
            self._stack.setCurrentWidget(self.grid)
            self.viewer.reset()
            self.grid.select_row(self.viewer.current_index())

    def viewer_open(self) -> bool:
        return self._stack.currentWidget() is self.viewer

    # -- the tab interface -------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        if language == self.language:
            return
        super().set_language(language)
        self.grid.set_rows(self._rows())
        self.viewer.set_language(language)

    def set_appearance(self, metrics: Metrics, low_reach: bool) -> None:
        super().set_appearance(metrics, low_reach)
        self.viewer.panel.set_low_reach(low_reach)
        self.grid.viewport().update()

    def reset(self) -> None:
        self.viewer.forget()
        self._stack.setCurrentWidget(self.grid)
        self.grid.reset_view()

    def deactivate(self) -> None:
        self.viewer.reset()

    # -- handlers ---------------------------------------------------------------------------
    def _on_grid_row_opened(self, row: int) -> None:
        self.open_picture(row)

    def _on_viewer_close_requested(self) -> None:
        self.close_viewer()

    def _on_viewer_picture_changed(self, index: int) -> None:
        self.item_opened.emit(self.item_key(self.subject.images[index].path))
