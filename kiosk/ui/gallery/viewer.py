"""The full-size picture viewer: one picture at a time with its caption and credit.

Pictures are decoded off the UI thread at the viewport's size; zooming in past that asks for a
sharper decode capped at twice the viewport (never the full 24 megapixels). The neighbours are
decoded ahead so a swipe shows the next picture at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QImage, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QWidget

from kiosk.core.imagefit import zoom_decode_box
from kiosk.core.model import ImageItem
from kiosk.ui.gallery.picture_loader import PictureLoader
from kiosk.ui.gallery.viewer_panel import ViewerPanel
from kiosk.ui.gallery.zoom_canvas import ZoomCanvas
from kiosk.ui.metrics import Metrics
from kiosk.ui.orientation import follow_orientation

PANEL_SHARE = 0.34  # of the width in landscape, of the height in portrait


class ImageViewer(QFrame):
    close_requested = Signal()
    picture_changed = Signal(int)

    def __init__(self, images: Sequence[ImageItem], metrics: Metrics, language: str,
                 loader: PictureLoader | None = None, clock: Callable[[], float] = time.monotonic,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageViewer")
        self._images = tuple(images)
        self._language = language
        self._index = -1
        self._box = (0, 0)
        self.loader = loader if loader is not None else PictureLoader(parent=self)
        self.canvas = ZoomCanvas(slop_px=metrics.px(3), swipe_px=metrics.px(15), clock=clock,
                                 parent=self)
        self.panel = ViewerPanel(metrics.spacing, self)
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(metrics.px(6))
        self._layout.addWidget(self.canvas, 1)
        self._layout.addWidget(self.panel)
        self.canvas.swiped.connect(self._on_canvas_swiped)
        self.canvas.zoom_changed.connect(self._on_canvas_zoom_changed)
        self.canvas.sharper_needed.connect(self._on_canvas_sharper_needed)
        self.panel.close_requested.connect(self.close_requested)
        self.panel.step_requested.connect(self._on_panel_step_requested)
        self.panel.zoom_in_requested.connect(self.canvas.zoom_in)
        self.panel.zoom_out_requested.connect(self.canvas.zoom_out)
        self.panel.fit_requested.connect(self.canvas.reset_zoom)
        self.loader.picture_ready.connect(self._on_loader_picture_ready)
        self.panel.set_language(language)

    # -- what the tab asks ----------------------------------------------------------------------
    def show_index(self, index: int) -> None:
        if not 0 <= index < len(self._images):
            return
        self._index = index
        item = self._images[index]
        self.panel.show_item(item, index, len(self._images), self._language)
        self.canvas.setAccessibleName(item.info.title.get(self._language) or item.name)
        self.canvas.setAccessibleDescription(item.info.alt.get(self._language))
        self._box = self._fit_box()
        self._load_current()
        self._prefetch()
        self.picture_changed.emit(index)

    def _path(self, index: int) -> str:
        """The file shown for picture ``index``: its version in the visitor's language."""
        return str(self._images[index].path_for(self._language))

    def _load_current(self) -> None:
        path = self._path(self._index)
        cached = self.loader.get(path, self._box)
        if cached is not None:
            self._show(*cached)
        else:
            self.canvas.set_picture(QImage(), (0, 0))
            self.panel.set_broken(False)
            self.loader.request(path, self._box)

    def current_index(self) -> int:
        return self._index

    def step(self, delta: int) -> None:
        self.show_index(min(max(0, self._index + delta), len(self._images) - 1))

    def set_language(self, language: str) -> None:
        before = self._path(self._index) if self._index >= 0 else ""
        self._language = language
        self.panel.set_language(language)
        if self._index >= 0:
            item = self._images[self._index]
            self.canvas.setAccessibleName(item.info.title.get(language) or item.name)
            self.canvas.setAccessibleDescription(item.info.alt.get(language))
            if self._path(self._index) != before:  # the picture has a version in this language
                self.canvas.reset_zoom()
                self._load_current()

    def reset(self) -> None:
        self.canvas.reset_gestures()
        self.canvas.reset_zoom()

    def forget(self) -> None:
        """The visit is over: no picture of it stays on the canvas or in memory."""
        self.reset()
        self._index = -1
        self.canvas.set_picture(QImage(), (0, 0))
        self.canvas.setAccessibleName("")
        self.canvas.setAccessibleDescription("")
        self.loader.forget()

    # -- decoding ---------------------------------------------------------------------------------
    def _fit_box(self) -> tuple[int, int]:
        """The canvas in device pixels; before the first layout, the screen's size."""
        ratio = self.devicePixelRatioF()
        w, h = self.canvas.width(), self.canvas.height()
        if w < 64 or h < 64 or not self.isVisible():
            screen = self.screen().size() if self.screen() is not None else None
            w, h = (screen.width(), screen.height()) if screen is not None else (1920, 1080)
        return round(w * ratio), round(h * ratio)

    def _show(self, image: QImage, full: tuple[int, int]) -> None:
        self.canvas.set_picture(image, full, broken=image.isNull())
        self.panel.set_broken(self.canvas.is_broken())

    def _prefetch(self) -> None:
        for neighbour in (self._index + 1, self._index - 1):
            if 0 <= neighbour < len(self._images):
                self.loader.request(self._path(neighbour), self._box, urgent=False)

    def _on_loader_picture_ready(self, path: str, box_w: int, box_h: int) -> None:
        if self._index < 0 or path != self._path(self._index):
            return
        entry = self.loader.get(path, (box_w, box_h))
        if entry is None:
            return
        image = entry[0]
        if image.isNull():
            self._show(*entry)
        elif (box_w, box_h) == self._box:
            if self.canvas.image().isNull() or self.canvas.is_broken():
                self._show(*entry)
            elif image.width() > self.canvas.image().width():
                self.canvas.update_image(image)
        elif self.canvas.view().is_zoomed and image.width() > self.canvas.image().width():
            self.canvas.update_image(image)

    def _on_canvas_sharper_needed(self) -> None:
        if self._index >= 0:
            box = zoom_decode_box(*self._box)
            path = self._path(self._index)
            entry = self.loader.get(path, box)
            if entry is not None:
                self.canvas.update_image(entry[0])
            else:
                self.loader.request(path, box)

    def _on_canvas_swiped(self, step: int) -> None:
        self.step(step)

    def _on_panel_step_requested(self, step: int) -> None:
        self.step(step)

    def _on_canvas_zoom_changed(self, zoom: float) -> None:
        view = self.canvas.view()
        self.panel.set_zoom(view.is_zoomed, view.zoom < view.max_zoom - 1e-6)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        size = event.size()
        if follow_orientation(self._layout, size):
            self.panel.setMaximumWidth(16_777_215)
            self.panel.setMinimumWidth(0)
            self.panel.setFixedHeight(round(size.height() * PANEL_SHARE))
        else:
            self.panel.setMinimumHeight(0)
            self.panel.setMaximumHeight(16_777_215)
            self.panel.setFixedWidth(round(size.width() * PANEL_SHARE))
        box = self._fit_box()
        if self._index >= 0 and box != self._box and self.isVisible():
            self._box = box
            self.loader.request(self._path(self._index), box)
