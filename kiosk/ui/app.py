"""Starting the shell: application, theme, window, content, readiness, and the services around it.

Order matters for the start time: the fast structural content pass, then the window, then the
first paint (systemd hears READY=1 right after it). Everything else waits for that paint: the full
media check (in a child process), the content watcher, systemd's watchdog, and the warm-up of
the chart and video libraries, which would otherwise cost the visitor's first tap.
"""

from __future__ import annotations

import datetime as dt
import importlib
import linecache
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer
from PySide6.QtGui import QCursor, QGuiApplication, QPixmapCache, QScreen
from PySide6.QtWidgets import QApplication

from kiosk.core.crashguard import CRASH_WINDOW_S, GOOD_AFTER_S, CrashGuard, default_state_file
from kiosk.core.findings import Finding
from kiosk.core.model import Library
from kiosk.core.notify import notify
from kiosk.core.settings import Settings, default_content_dir
from kiosk.ui import heap
from kiosk.ui.content_source import ContentSource
from kiosk.ui.error_guard import ErrorGuard
from kiosk.ui.main_window import KioskWindow, classroom_size
from kiosk.ui.metrics import Metrics
from kiosk.ui.theme import apply_theme
from kiosk.ui.unix_signals import QuitOnSignals

log = logging.getLogger(__name__)
state_log = logging.getLogger("kiosk.state")

# Tab modules whose slow imports run after the first paint, while the attract loop plays:
# pyqtgraph (about 350 ms) and the text-to-speech check. QtMultimedia is not among them: its
# import takes about 15 ms but 5 MB, so the Video tab imports it when first opened (the FFmpeg
# backend itself starts with the first film in any case).
PRELOAD_MODULES = ("kiosk.ui.tabs.charts", "kiosk.ui.tabs.texts")
PRELOAD_DELAY_MS = 150
TRIM_AFTER_VISIT_MS = 250


def choose_screen(index: int) -> QScreen:
    screens = QGuiApplication.screens()
    if 0 <= index < len(screens):
        return screens[index]
    log.warning("there is no screen %d (found %d); using the primary screen", index, len(screens))
    return QGuiApplication.primaryScreen()


def preload_tabs(then: Callable[[], None] | None = None) -> None:
    """Import what the tabs need while the attract loop runs, one module per event-loop turn;
    ``then`` runs once all are in."""
    pending = list(PRELOAD_MODULES)

    def next_one() -> None:
        if not pending:
            release_free_memory()
            state_log.info("warmed up")
            if then is not None:
                then()
            return
        name = pending.pop(0)
        linecache.clearcache()  # see release_free_memory: freed early, the space is reused
        try:
            preload = getattr(importlib.import_module(name), "preload", None)
            if preload is not None:
                started = time.perf_counter()
                preload()
                log.debug("preloaded %s in %.0f ms", name, (time.perf_counter() - started) * 1000)
        except Exception:  # noqa: BLE001 - a failed warm-up only means the tab loads it itself
            log.exception("preloading %s failed", name)
        QTimer.singleShot(PRELOAD_DELAY_MS, next_one)

    QTimer.singleShot(PRELOAD_DELAY_MS, next_one)


def release_free_memory() -> None:
    """Hand the heap that start-up freed back to the system (glibc keeps it otherwise): the kiosk
    then sits on its title screen for hours at its real size. Does nothing off glibc."""
    import gc

    # PySide's import hook reads the source of every module imported after it (to look for
    # `from __feature__ import`), and linecache keeps each file's lines: megabytes of text that
    # nothing needs once the imports are done.
    linecache.clearcache()
    gc.collect()
    # Qt's shared pixmap cache still holds what building and polishing every screen drew at
    # start (megabytes); what the title screen paints from now on fills it again as needed.
    release_drawn_memory()


def release_drawn_memory() -> None:
    """Empty Qt's shared pixmap cache (up to 10 MB of styled buttons, icons and glyphs drawn so
    far) and hand the heap's free memory back to the system. At start, and after each visit: the
    kiosk's size between visits then does not depend on which screens the last visitor saw."""
    QPixmapCache.clear()
    heap.trim()


def metrics_for(settings: Settings, screen: QScreen) -> Metrics:
    """Sizes on the glass for a kiosk; a classroom window smaller than the exhibit's layout
    (a laptop, a projector) gets all of them scaled to fit its first size."""
    metrics = Metrics.for_screen(screen)
    if not settings.windowed:
        return metrics
    size = classroom_size(screen)
    return metrics.fitted(size.width(), size.height())


def safe_mode_notice(guard: CrashGuard) -> str:
    when = ""
    if guard.state.last_good_at:
        when = " (as shown on " + dt.datetime.fromtimestamp(guard.state.last_good_at).strftime("%d %b %Y, %H:%M") + ")"
    return (f"Safe mode: the kiosk stopped unexpectedly {guard.recent_crashes} times within "
            f"{CRASH_WINDOW_S / 60:.0f} minutes, so it shows the last content that ran well{when} and does "
            "not reload content by itself. See the log files, check the content with kiosk validate, "
            "then exit here and start the kiosk again.")


def _prune_thumbnail_cache() -> None:
    """On a pool thread after start: thumbnails not shown for a month go (kiosk.core.thumbkey)."""
    from kiosk.core.thumbkey import prune_thumbnails
    from kiosk.ui.gallery.thumbnail_loader import default_cache_dir

    deleted = prune_thumbnails(default_cache_dir(), time.time())
    if deleted:
        log.info("thumbnail cache: %d thumbnails not shown for a month deleted", deleted)


class _Services(QObject):
    """What runs beside the window once it has painted; stopped together at exit."""

    def __init__(self, app: QApplication, window: KioskWindow, settings: Settings, content: ContentSource,
                 guard: CrashGuard, safe_mode: bool) -> None:
        super().__init__(app)
        self.window, self.content, self.guard = window, content, guard
        self.visit_log = None
        self.watcher = None
        self.watchdog = None
        if settings.analytics:
            from kiosk.core.analytics import default_database
            from kiosk.ui.visit_log import VisitLog

            try:
                self.visit_log = VisitLog(default_database(), window)
            except Exception:  # noqa: BLE001 - no analytics is better than no exhibit
                log.exception("visit analytics are off: the database could not be opened")
        if settings.live_reload and not safe_mode:
            from kiosk.ui.content_watcher import ContentWatcher

            self.watcher = ContentWatcher(content.root, parent=self)
            self.watcher.changed.connect(self._on_watcher_changed)
        from kiosk.ui.watchdog import SystemdWatchdog, watchdog_interval_ms

        interval = watchdog_interval_ms(os.environ)
        if interval:
            self.watchdog = SystemdWatchdog(interval, self)
        self.good_timer = QTimer(self)
        self.good_timer.setObjectName("markContentGood")
        self.good_timer.setSingleShot(True)
        self.good_timer.setInterval(int(GOOD_AFTER_S * 1000))
        self.good_timer.timeout.connect(self._on_good_timer_timeout)
        # Just after a visit ends (its film unloaded), on the title screen, what the visit left in
        # Qt's pixmap cache goes and the heap is trimmed.
        self.trim_timer = QTimer(self)
        self.trim_timer.setObjectName("trimHeapAfterVisit")
        self.trim_timer.setSingleShot(True)
        self.trim_timer.setInterval(TRIM_AFTER_VISIT_MS)
        self.trim_timer.timeout.connect(self._on_trim_timer_timeout)
        # Whether films have sound, asked of a child process (the sound server can be slow).
        from kiosk.ui.video.audio_probe import AudioProbe

        self.audio_probe = AudioProbe(self)
        window.visit_ended.connect(self._on_window_visit_ended)
        window.reset_done.connect(self._on_window_reset_done)
        self.library: Library | None = None
        self.fleet = None
        self._fleet_args = (settings, safe_mode)  # the fleet starts after the first paint

    def after_first_paint(self) -> None:
        self._start_fleet(*self._fleet_args)
        self.content.load_in_background()
        if self.watcher is not None:
            self.watcher.start()
        if self.watchdog is not None:
            self.watchdog.start()
        self.good_timer.start()
        preload_tabs(then=self.audio_probe.start)
        QThreadPool.globalInstance().start(_prune_thumbnail_cache)

    def _start_fleet(self, settings: Settings, safe_mode: bool) -> None:
        """A kiosk of a fleet (docs/fleet.md): new versions at idle moments, its status reported.
        In safe mode it still reports (saying so), but takes no new version."""
        if not (settings.fleet_dir or settings.fleet_status_dir):
            return
        from kiosk.core.analytics import default_database
        from kiosk.ui.fleet_service import FleetService

        self.fleet = FleetService(settings, self.window, self.content.root, parent=self, updates=not safe_mode,
                                  notices=[safe_mode_notice(self.guard)] if safe_mode else [],
                                  reload=lambda: self.content.load_in_background(reload=True),
                                  database=default_database() if settings.analytics else None)
        self.content.loaded.connect(self.fleet.content_loaded)
        self.fleet.start()

    def stop(self) -> None:
        self.good_timer.stop()
        self.trim_timer.stop()
        self.audio_probe.stop()
        if self.fleet is not None:
            self.fleet.stop()
        if self.watcher is not None:
            self.watcher.stop()
        if self.watchdog is not None:
            self.watchdog.stop()
        if self.visit_log is not None:
            self.visit_log.close()

    def _on_watcher_changed(self) -> None:
        self.content.load_in_background(reload=True)

    def _on_window_visit_ended(self, _reason: str) -> None:
        self.trim_timer.start()
        self.audio_probe.start()  # only if the last check went unanswered

    def _on_window_reset_done(self) -> None:
        self.trim_timer.start()  # also the reset after Home, which puts the visitor's language back

    def _on_trim_timer_timeout(self) -> None:
        if self.window.screen_name() == "title":
            started = time.perf_counter()
            release_drawn_memory()
            log.debug("pixmap cache emptied and heap trimmed in %.1f ms",
                      (time.perf_counter() - started) * 1000)

    def _on_good_timer_timeout(self) -> None:
        if self.library is not None and self.library.subjects:
            self.guard.mark_good({s.id: str(s.path) for s in self.library.subjects})


def run_app(settings: Settings, *, started: float | None = None) -> int:
    """Run the kiosk until staff exit it (or the classroom window closes). Returns the exit code."""
    started = started if started is not None else time.perf_counter()
    linecache.clearcache()  # the source lines of the start-up imports (see release_free_memory)
    guard = CrashGuard(default_state_file())
    safe_mode = guard.starting()
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Exhibit Kiosk")
    app.setDesktopFileName("exhibit-kiosk")
    quitter = QuitOnSignals(app)
    screen = choose_screen(settings.screen)
    metrics = metrics_for(settings, screen)
    apply_theme(app, metrics)
    window = KioskWindow(settings, metrics, visit_summary=_visit_summary if settings.analytics else None)
    root = Path(settings.content_dir or default_content_dir())
    content = ContentSource(root, parent=window, pinned=guard.state.last_good if safe_mode else None)
    services = _Services(app, window, settings, content, guard, safe_mode)

    def on_loaded(library: Library, findings: list[Finding], complete: bool) -> None:
        services.library = library
        _on_content_loaded(window, library, findings, complete)

    content.loaded.connect(on_loaded)
    window.reload_requested.connect(lambda: content.load_in_background(reload=True))
    if safe_mode:
        log.error("safe mode: %d crashes within %.0f minutes", guard.recent_crashes, CRASH_WINDOW_S / 60)
        window.set_staff_notice(safe_mode_notice(guard))
    content.load_now(media_checks=False)

    def on_first_paint() -> None:
        state_log.info("painted ms=%.0f", (time.perf_counter() - started) * 1000)
        if notify("READY=1"):
            log.info("told systemd the kiosk is ready")
        services.after_first_paint()

    window.first_painted.connect(on_first_paint)
    error_guard = ErrorGuard(window.recover)
    error_guard.install()
    if settings.cursor_hidden:
        app.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
    window.present(screen)
    try:
        code = app.exec()
    finally:
        services.stop()
        error_guard.uninstall()
        quitter.uninstall()
        if settings.cursor_hidden:
            app.restoreOverrideCursor()
    guard.clean_exit()
    return code


def _visit_summary():  # type: ignore[no-untyped-def]
    from kiosk.core.analytics import default_database, summarise

    db = default_database()
    return summarise(db) if db.exists() else None


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
