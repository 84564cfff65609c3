"""Visit analytics in the shell: the window's signals written to the local database in batches.

Nothing about a visitor is recorded but what they did on the screen, and nothing leaves the
machine. Writes are batched: the recorder flushes every FLUSH_MS and at the end of each visit.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from kiosk.core.analytics import VisitRecorder

log = logging.getLogger(__name__)
FLUSH_MS = 3000


class VisitLog(QObject):
    def __init__(self, database: Path, window: QObject, *, flush_ms: int = FLUSH_MS) -> None:
        super().__init__(window)
        self._recorder = VisitRecorder(database)
        self._flush = QTimer(self)
        self._flush.setObjectName("analyticsFlush")
        self._flush.setInterval(flush_ms)
        self._flush.timeout.connect(self._on_flush_timeout)
        window.visit_started.connect(self._on_window_visit_started)  # type: ignore[attr-defined]
        window.visit_ended.connect(self._on_window_visit_ended)  # type: ignore[attr-defined]
        window.screen_changed.connect(self._on_window_screen_changed)  # type: ignore[attr-defined]
        window.language_changed.connect(self._on_window_language_changed)  # type: ignore[attr-defined]
        window.item_opened.connect(self._on_window_item_opened)  # type: ignore[attr-defined]
        window.video_progress.connect(self._on_window_video_progress)  # type: ignore[attr-defined]
        window.text_size_changed.connect(self._on_window_text_size_changed)  # type: ignore[attr-defined]

    def close(self) -> None:
        self._flush.stop()
        try:
            if self._recorder.in_visit:
                self._recorder.end_visit("exit")
            self._recorder.close()
        except Exception:  # noqa: BLE001 - analytics must never stop the kiosk
            log.exception("closing the analytics database failed")

    def _safely(self, action, *args) -> None:  # type: ignore[no-untyped-def]
        try:
            action(*args)
        except Exception:  # noqa: BLE001 - a full disk must not end the visit
            log.exception("recording a visit event failed")

    def _on_window_visit_started(self, subject_id: str) -> None:
        self._safely(self._recorder.start_visit, subject_id)
        self._flush.start()

    def _on_window_visit_ended(self, reason: str) -> None:
        self._safely(self._recorder.end_visit, reason)
        self._flush.stop()

    def _on_window_screen_changed(self, name: str) -> None:
        if name.startswith("exhibit/"):
            self._safely(self._recorder.record, "tab", name.split("/", 1)[1])

    def _on_window_language_changed(self, language: str) -> None:
        self._safely(self._recorder.record, "language", language)

    def _on_window_item_opened(self, item: str) -> None:
        self._safely(self._recorder.record, "item", item)

    def _on_window_video_progress(self, item: str, fraction: float) -> None:
        self._safely(self._recorder.record, "video_progress", item, max(0.0, min(1.0, fraction)))

    def _on_window_text_size_changed(self, step: int) -> None:
        self._safely(self._recorder.record, "text_size", "", float(step))

    def _on_flush_timeout(self) -> None:
        self._safely(self._recorder.flush)
