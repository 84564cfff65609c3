"""Loads the content through the validator: a fast structural pass before the first paint, the
full media check afterwards in a child process (kiosk.core.check_worker) watched from a worker
thread, delivered back on the GUI thread."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from kiosk.core.findings import Finding, Severity
from kiosk.core.model import Library

log = logging.getLogger(__name__)

LoadFunction = Callable[..., object]


class ContentSource(QObject):
    #: (library, findings, complete): complete is False after the fast pass.
    loaded = Signal(object, object, bool)
    _delivered = Signal(object, object, bool)

    def __init__(self, root: Path, parent: QObject | None = None, *,
                 pinned: Mapping[str, Path] | None = None) -> None:
        super().__init__(parent)
        self._root = root
        self._pinned = dict(pinned) if pinned else None
        self._thread: threading.Thread | None = None
        self._last_good: Library | None = None
        self._again = False  # a change arrived while a check was running: check once more
        self._delivered.connect(self._on_self_delivered)

    @property
    def root(self) -> Path:
        return self._root

    def load_now(self, *, media_checks: bool) -> tuple[Library, list[Finding]]:
        """Load on this thread (the fast pass before the first paint)."""
        library, findings = self._load(media_checks)
        if library.subjects:
            self._last_good = library
        self.loaded.emit(library, findings, media_checks)
        return library, findings

    def load_in_background(self, *, reload: bool = False) -> None:
        """The full check on a worker thread; ``loaded`` fires on the GUI thread when done.

        A reload keeps each subject's last good version while its new version has errors.
        """
        if self._thread is not None and self._thread.is_alive():
            self._again = self._again or reload
            return
        self._thread = threading.Thread(target=self._work, args=(reload,), name="content-check", daemon=True)
        self._thread.start()

    def wait(self, timeout_s: float = 30.0) -> None:
        if self._thread is not None:
            self._thread.join(timeout_s)

    def _work(self, reload: bool) -> None:
        from kiosk.core.check_worker import check_in_child
        from kiosk.core.reload import merge_reload

        result = check_in_child(self._root, self._pinned)
        findings = list(result.findings)
        if reload and self._last_good is not None:
            library, notes = merge_reload(self._last_good, result)
            findings = notes + findings
        elif not result.library.subjects and self._last_good is not None:
            # The check itself failed (crash, hang): keep showing what the fast pass found.
            library = self._last_good
            log.error("the full content check failed; keeping the content listed at start")
        else:
            library = result.library
        self._delivered.emit(library, findings, True)

    def _on_self_delivered(self, library: Library, findings: list[Finding], complete: bool) -> None:
        if self._thread is not None:
            self._thread.join(5)  # it has delivered; let it finish so a new check can start
        if library.subjects:
            self._last_good = library
        self.loaded.emit(library, findings, complete)
        if self._again:
            self._again = False
            self.load_in_background(reload=True)

    def _load(self, media_checks: bool) -> tuple[Library, list[Finding]]:
        try:
            from kiosk.core.loader import load_library

            result = load_library(self._root, media_checks=media_checks, pinned=self._pinned)
        except Exception as exc:  # noqa: BLE001 - the kiosk must come up whatever the content
            log.exception("loading content from %s failed", self._root)
            finding = Finding(str(self._root), None, Severity.ERROR,
                              f"the content could not be loaded ({exc.__class__.__name__}: {exc})")
            return Library(self._root, ()), [finding]
        return result.library, list(result.findings)
