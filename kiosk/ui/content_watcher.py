"""Noticing changed content: a file watcher where the system offers one, polling as a fallback.

Changes are debounced (staff copy many files at once) and announced with `changed`; the shell
checks the content again and applies it at the next idle reset, never during a visit.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from kiosk.core.reload import content_fingerprint

log = logging.getLogger(__name__)
DEBOUNCE_MS = 2000
POLL_MS = 30_000
WATCH_DEPTH = 2  # the root, each subject, each subject's folders
MAX_WATCHED_FILES = 4000  # inotify watches are a per-user budget; polling covers the rest


class ContentWatcher(QObject):
    changed = Signal()
    _polled = Signal(str)

    def __init__(self, root: Path, *, debounce_ms: int = DEBOUNCE_MS, poll_ms: int = POLL_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = root
        self._fingerprint = content_fingerprint(root)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._on_watcher_changed)
        self._watcher.fileChanged.connect(self._on_watcher_changed)
        self._debounce = QTimer(self)
        self._debounce.setObjectName("contentDebounce")
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self._on_debounce_timeout)
        self._poll = QTimer(self)
        self._poll.setObjectName("contentPoll")
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self._on_poll_timeout)
        self._polled.connect(self._on_self_polled)
        self._polling = False
        self._watch_tree()

    def start(self) -> None:
        self._poll.start()

    def stop(self) -> None:
        self._poll.stop()
        self._debounce.stop()

    def _watch_tree(self) -> None:
        """Watch the folders down to each subject's media folders, and the files in them (a
        file's contents can change without its folder changing); polling covers the rest."""
        folders: list[str] = []
        files: list[str] = []
        level = [str(self._root)]
        for depth in range(WATCH_DEPTH + 1):
            folders += level
            nxt = []
            for folder in level:
                try:
                    for entry in os.scandir(folder):
                        if entry.name.startswith("."):
                            continue
                        if entry.is_dir(follow_symlinks=True):
                            nxt.append(entry.path)
                        elif len(files) < MAX_WATCHED_FILES:
                            files.append(entry.path)
                except OSError:
                    pass
            level = nxt if depth < WATCH_DEPTH else []
        for old in (self._watcher.directories(), self._watcher.files()):
            if old:
                self._watcher.removePaths(old)
        failed = self._watcher.addPaths(folders + files)
        if failed:
            log.info("not watching %d paths; polling every %d s covers them", len(failed),
                     self._poll.interval() // 1000)

    def _on_watcher_changed(self, _path: str) -> None:
        self._debounce.start()

    def _on_debounce_timeout(self) -> None:
        self._check(content_fingerprint(self._root))

    def _on_poll_timeout(self) -> None:
        if self._polling:
            return
        self._polling = True
        # Walking a large tree takes a moment: do it off the GUI thread.
        threading.Thread(target=lambda: self._polled.emit(content_fingerprint(self._root)),
                         name="content-poll", daemon=True).start()

    def _on_self_polled(self, fingerprint: str) -> None:
        self._polling = False
        self._check(fingerprint)

    def _check(self, fingerprint: str) -> None:
        if fingerprint == self._fingerprint:
            return
        self._fingerprint = fingerprint
        self._watch_tree()  # new folders (an imported subject) are watched from now on
        log.info("content changed under %s", self._root)
        self.changed.emit()
