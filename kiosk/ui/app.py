"""Starting the shell: application, theme, window, content, readiness, error guard.

Order matters for the start time: the fast structural content pass, then the window, then the
first paint (systemd hears READY=1 right after it), then the full media check in the background.
"""

from __future__ import annotations

import logging
import signal
import sys
import time

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor, QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication

from kiosk.core.findings import Finding
from kiosk.core.model import Library
from kiosk.core.notify import notify
from kiosk.core.settings import Settings, default_content_dir
from kiosk.ui.content_source import ContentSource
from kiosk.ui.error_guard import ErrorGuard
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.metrics import Metrics
from kiosk.ui.theme import apply_theme

log = logging.getLogger(__name__)
state_log = logging.getLogger("kiosk.state")


def choose_screen(index: int) -> QScreen:
    screens = QGuiApplication.screens()
    if 0 <= index < len(screens):
        return screens[index]
    log.warning("there is no screen %d (found %d); using the primary screen", index, len(screens))
    return QGuiApplication.primaryScreen()


def run_app(settings: Settings, *, started: float | None = None) -> int:
    """Run the kiosk until staff exit it (or the classroom window closes). Returns the exit code."""
    started = started if started is not None else time.perf_counter()
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C in a terminal ends a classroom run
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Exhibit Kiosk")
    app.setDesktopFileName("exhibit-kiosk")
    screen = choose_screen(settings.screen)
    metrics = Metrics.for_screen(screen)
    apply_theme(app, metrics)
    window = KioskWindow(settings, metrics)
    content = ContentSource(settings.content_dir or default_content_dir(), parent=window)
    content.loaded.connect(lambda library, findings, complete: _on_content_loaded(
        window, library, findings, complete))
    window.reload_requested.connect(content.load_in_background)
    content.load_now(media_checks=False)

    def on_first_paint() -> None:
        state_log.info("painted ms=%.0f", (time.perf_counter() - started) * 1000)
        if notify("READY=1"):
            log.info("told systemd the kiosk is ready")
        content.load_in_background()

    window.first_painted.connect(on_first_paint)
    guard = ErrorGuard(window.recover)
    guard.install()
    if settings.cursor_hidden:
        app.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
    window.present(screen)
    try:
        return app.exec()
    finally:
        guard.uninstall()
        if settings.cursor_hidden:
            app.restoreOverrideCursor()


def _on_content_loaded(
    window: KioskWindow, library: Library, findings: list[Finding], complete: bool
) -> None:
    errors = sum(1 for f in findings if f.severity.name == "ERROR")
    log.info("content %s: %d subjects, %d findings (%d errors)",
             "checked" if complete else "listed", len(library.subjects), len(findings), errors)
    for finding in findings:
        if finding.severity.name == "ERROR":
            log.warning("left out: %s%s: %s", finding.file,
                        f":{finding.line}" if finding.line else "", finding.message)
    window.set_content(library, findings, checking=not complete)
