"""Pictures for the viewer, decoded off the UI thread at the size the screen shows them.

A request names a picture and a box (the viewport, or a capped multiple of it when zoomed in);
the answer arrives as ``picture_ready``. Recent decodes stay in a memory cache bounded by bytes,
so going back and forth is instant and browsing a thousand pictures does not grow memory.
When a visit ends the cache is emptied (``forget``): the next visitor starts from a kiosk holding
no picture of the last one, and memory between visits does not depend on what was looked at.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QImage

from kiosk.core.lru import ByteLRU
from kiosk.ui.gallery.decode import read_fitted

log = logging.getLogger("kiosk.gallery")

MEMORY_BUDGET_BYTES = 72 * 1024 * 1024

Key = tuple[str, int, int]


class _Relay(QObject):
    finished = Signal(str, int, int, QImage, int, int, str, int)


class _Job(QRunnable):
    def __init__(self, relay: _Relay, path: str, box: tuple[int, int], generation: int) -> None:
        super().__init__()
        self._relay, self._path, self._box, self._generation = relay, path, box, generation

    def run(self) -> None:
        try:
            image, (w, h), error = read_fitted(Path(self._path), *self._box)
        except Exception as exc:  # noqa: BLE001 - a worker must always report back
            image, (w, h), error = QImage(), (0, 0), f"{exc.__class__.__name__}: {exc}"
        self._relay.finished.emit(self._path, self._box[0], self._box[1], image, w, h, error,
                                  self._generation)


class PictureLoader(QObject):
    """``picture_ready(path, box_w, box_h)``: fetch it with ``get``; a null image means failed."""

    picture_ready = Signal(str, int, int)

    def __init__(self, memory_budget: int = MEMORY_BUDGET_BYTES,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._memory: ByteLRU[Key, tuple[QImage, tuple[int, int]]] = ByteLRU(
            memory_budget, lambda entry: entry[0].sizeInBytes())
        self._failed: dict[str, str] = {}
        self._pending: set[Key] = set()
        self._generation = 0  # raised by forget(): answers to older requests are dropped
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay()
        self._relay.finished.connect(self._on_job_finished)

    def get(self, path: str, box: tuple[int, int]) -> tuple[QImage, tuple[int, int]] | None:
        """The decoded picture and its full upright size, if ready (a null image: undecodable)."""
        if path in self._failed:
            return QImage(), (0, 0)
        return self._memory.get((path, *box))

    def request(self, path: str, box: tuple[int, int], *, urgent: bool = True) -> None:
        key = (path, *box)
        if key in self._pending or key in self._memory or path in self._failed:
            return
        self._pending.add(key)
        self._pool.start(_Job(self._relay, path, box, self._generation), 1 if urgent else 0)

    def memory_bytes(self) -> int:
        return self._memory.total_bytes

    def forget(self) -> None:
        """Drop every decoded picture, queued decode and decode under way (the visit is over)."""
        self._pool.clear()
        self._generation += 1
        self._pending.clear()
        self._memory.clear()

    def shutdown(self) -> None:
        self._pool.clear()
        self._pool.waitForDone()
        self._pending.clear()

    def _on_job_finished(self, path: str, box_w: int, box_h: int, image: QImage, w: int, h: int,
                         error: str, generation: int) -> None:
        if generation != self._generation:
            return
        self._pending.discard((path, box_w, box_h))
        if image.isNull():
            if path not in self._failed:
                log.warning("picture cannot be shown: %s (%s)", path, error)
            self._failed[path] = error
        else:
            self._memory.put((path, box_w, box_h), (image, (w, h)))
        self.picture_ready.emit(path, box_w, box_h)
