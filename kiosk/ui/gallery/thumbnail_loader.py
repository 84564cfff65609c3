"""Thumbnails decoded on worker threads, kept on disk between runs and in memory within limits.

The grid asks for a thumbnail when it paints a card; the loader answers from memory at once, or
queues a job and announces ``thumbnail_ready`` when the picture arrives. Jobs for cards that have
scrolled out of sight by the time a worker reaches them are dropped, so a long fling never builds
a backlog. A picture that cannot be decoded is logged once for staff and drawn as a placeholder.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

import platformdirs
from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal
from PySide6.QtGui import QImage

from kiosk.core.lru import ByteLRU
from kiosk.ui.gallery.decode import thumbnail

log = logging.getLogger("kiosk.gallery")

MEMORY_BUDGET_BYTES = 48 * 1024 * 1024


def default_cache_dir() -> Path:
    """Thumbnails live in the platform's cache folder (safe to delete at any time)."""
    return Path(platformdirs.user_cache_dir("exhibit-kiosk")) / "thumbnails"


class _Relay(QObject):
    """Carries results from workers to the UI thread. Owned by Python, not by the widget tree,
    so a worker finishing after its gallery was deleted reports to nobody instead of crashing."""

    finished = Signal(str, QImage, str)
    dropped = Signal(str)


class _Job(QRunnable):
    def __init__(self, relay: _Relay, path: str, box: tuple[int, int], cache_dir: Path | None,
                 wanted: Callable[[str], bool]) -> None:
        super().__init__()
        self._relay, self._path, self._box, self._cache_dir = relay, path, box, cache_dir
        self._wanted = wanted

    def run(self) -> None:
        if not self._wanted(self._path):
            self._relay.dropped.emit(self._path)
            return
        try:
            image, error = thumbnail(Path(self._path), self._box[0], self._box[1], self._cache_dir)
        except Exception as exc:  # noqa: BLE001 - a worker must always report back
            image, error = QImage(), f"{exc.__class__.__name__}: {exc}"
        self._relay.finished.emit(self._path, image, error)


class ThumbnailLoader(QObject):
    """Card-sized thumbnails for one gallery. ``box`` is the card's picture size in pixels."""

    thumbnail_ready = Signal(str)

    def __init__(self, box: tuple[int, int], cache_dir: Path | None = None,
                 memory_budget: int = MEMORY_BUDGET_BYTES, threads: int | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.box = box
        self.cache_dir = cache_dir if cache_dir is not None else default_cache_dir()
        self._memory: ByteLRU[str, QImage] = ByteLRU(memory_budget, lambda i: i.sizeInBytes())
        self._pending: set[str] = set()
        self._failed: set[str] = set()
        self._wanted: frozenset[str] | None = None
        self._lock = threading.Lock()
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(threads or max(1, min(3, QThread.idealThreadCount() - 1)))
        self._relay = _Relay()
        self._relay.finished.connect(self._on_job_finished)
        self._relay.dropped.connect(self._on_job_dropped)

    def get(self, path: str) -> QImage | None:
        """The thumbnail if it is in memory; otherwise None, and it is fetched in the background."""
        image = self._memory.get(path)
        if image is None and path not in self._failed and path not in self._pending:
            self._pending.add(path)
            self._pool.start(_Job(self._relay, path, self.box, self.cache_dir, self._is_wanted))
        return image

    def failed(self, path: str) -> bool:
        return path in self._failed

    def set_wanted(self, paths: Iterable[str] | None) -> None:
        """The cards now on screen (and just beyond): queued jobs for others are skipped."""
        with self._lock:
            self._wanted = frozenset(paths) if paths is not None else None

    def _is_wanted(self, path: str) -> bool:
        with self._lock:
            return self._wanted is None or path in self._wanted

    def memory_bytes(self) -> int:
        return self._memory.total_bytes

    def pending(self) -> int:
        return len(self._pending)

    def clear_memory(self) -> None:
        self._memory.clear()

    def shutdown(self) -> None:
        """Stop handing out work and wait for the jobs already running (at most one each)."""
        self.set_wanted(())
        self._pool.clear()
        self._pool.waitForDone()
        self._pending.clear()

    def _on_job_finished(self, path: str, image: QImage, error: str) -> None:
        self._pending.discard(path)
        if image.isNull():
            if path not in self._failed:
                log.warning("picture cannot be shown: %s (%s)", path, error)
            self._failed.add(path)
        else:
            self._memory.put(path, image)
        self.thumbnail_ready.emit(path)

    def _on_job_dropped(self, path: str) -> None:
        self._pending.discard(path)
