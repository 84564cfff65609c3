"""The kiosk in a fleet: new versions applied at idle moments, and its status written for the staff PC.

Wires the fleet watcher (kiosk.ui.fleet_watcher) and the status roll-up (kiosk.core.fleet.status)
to the window's signals: a visit under way holds an import back; an idle reset, or the title
screen standing untouched for an idle timeout, lets it through. After an import the content is
read again, and the window shows it from the title screen, never in the middle of a visit.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt, QTimer

from kiosk.core.doctor import Check, check_autostart, check_disk
from kiosk.core.findings import Finding, Severity
from kiosk.core.fleet.status import (
    STATUS_EVERY_S,
    VisitTally,
    build_status,
    fleet_errors,
    fleet_rows,
    kiosk_identity,
    status_folder,
    table_lines,
    visits_from_database,
    write_status,
)
from kiosk.core.fleet.tracker import ApplyGate, FleetTracker, Track
from kiosk.core.idle import DEFAULT_TIMEOUT_S, effective_timeout
from kiosk.core.model import Library
from kiosk.core.settings import Settings
from kiosk.ui.fleet_watcher import FleetWatcher

log = logging.getLogger("kiosk.fleet")
STATUS_EVERY_MS = round(STATUS_EVERY_S * 1000)
STATUS_SOON_MS = 1500
SCREENSHOT_WIDTH = 320
SCREENSHOT_EVERY_S = 3600.0


class FleetService(QObject):
    def __init__(self, settings: Settings, window: QObject, content_root: Path, *,
                 reload: Callable[[], None], database: Path | None = None, updates: bool = True,
                 notices: Sequence[str] = (),
                 clock: Callable[[], float] = time.monotonic,
                 wall_clock: Callable[[], dt.datetime] = lambda: dt.datetime.now().astimezone(),
                 status_every_ms: int = STATUS_EVERY_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._root = content_root
        self._reload = reload
        self._wall = wall_clock
        self._started_at = wall_clock()
        self._offline_after_s = settings.fleet_offline_after_s
        self._fleet_dir = settings.fleet_dir.expanduser() if settings.fleet_dir else None
        self._notices = list(notices)
        self._status_dir = status_folder(settings)
        self._kiosk_id, self._kiosk_name = kiosk_identity(settings)
        self._library: Library | None = None
        self._findings: list[Finding] = []
        self._awaiting_show: dict[str, str] = {}  # subject -> local version imported, not yet on screen
        self._shot_at = -SCREENSHOT_EVERY_S
        self._shot_wanted = True
        self._clock = clock
        today, last = visits_from_database(database, wall_clock().date()) if database else (0, "")
        self.tally = VisitTally(lambda: self._wall().replace(tzinfo=None), today=today, last_visit=last)
        quiet = effective_timeout(settings.idle_timeout_s, None) or DEFAULT_TIMEOUT_S
        self.gate = ApplyGate(quiet, clock)
        self.tracker: FleetTracker | None = None
        self.watcher: FleetWatcher | None = None
        if self._fleet_dir is not None and (content_root / "subject.toml").exists():
            self._notices.append(f"the content folder {content_root} is one subject, not a folder of subjects: "
                                 "a kiosk in a fleet needs a content folder (set content_dir to its parent)")
            updates = False
        if self._fleet_dir is not None and updates:
            self.tracker = FleetTracker(self._fleet_dir, content_root, clock=clock)
            self.watcher = FleetWatcher(self.tracker, self.gate, syncthing_config=settings.syncthing_config,
                                        parent=self)
            self.watcher.changed.connect(self._on_watcher_changed)
            self.watcher.applied.connect(self._on_watcher_applied)
        self._status_timer = QTimer(self)
        self._status_timer.setObjectName("fleetStatusEvery")
        self._status_timer.setInterval(status_every_ms)
        self._status_timer.timeout.connect(self._on_status_timer_timeout)
        self._status_soon = QTimer(self)
        self._status_soon.setObjectName("fleetStatusSoon")
        self._status_soon.setSingleShot(True)
        self._status_soon.setInterval(STATUS_SOON_MS)
        self._status_soon.timeout.connect(self._on_status_soon_timeout)
        window.screen_changed.connect(self._on_window_screen_changed)  # type: ignore[attr-defined]
        window.reset_done.connect(self._on_window_reset_done)  # type: ignore[attr-defined]
        window.visit_started.connect(self._on_window_visit_started)  # type: ignore[attr-defined]
        window.language_changed.connect(self._on_window_activity)  # type: ignore[attr-defined]
        window.appearance_changed.connect(self._on_window_activity)  # type: ignore[attr-defined]

    # -- control ------------------------------------------------------------------------------
    def start(self) -> None:
        if self.watcher is not None:
            log.info("fleet: watching %s as kiosk '%s'", self._fleet_dir, self._kiosk_id)
            self.watcher.start()
        if self._status_dir is not None:
            self._status_timer.start()
            self._status_soon.start()

    def stop(self) -> None:
        self._status_timer.stop()
        self._status_soon.stop()
        if self.watcher is not None:
            self.watcher.stop()
        if self._status_dir is not None:
            self._write_status(final=True)  # the last word: up to the moment it stopped

    def content_loaded(self, library: Library, findings: Sequence[Finding], complete: bool) -> None:
        """What the window shows now (ContentSource.loaded)."""
        self._library, self._findings = library, list(findings)
        shown = {s.id: s.path.name for s in library.subjects}
        for subject, version in list(self._awaiting_show.items()):
            if shown.get(subject) == version:
                del self._awaiting_show[subject]
                log.info("fleet: %s %s is on show", subject, version)
        if complete:
            self._shot_wanted = True
            self._soon()

    # -- the window ---------------------------------------------------------------------------
    def _on_window_screen_changed(self, name: str) -> None:
        self.gate.screen(name)
        if name == "title" and self._shot_wanted:
            self._soon()
        if self.watcher is not None:
            self.watcher.pump()

    def _on_window_reset_done(self) -> None:
        if self._window.screen_name() in ("title", "unavailable"):  # type: ignore[attr-defined]
            self.gate.reset()
            if self.watcher is not None:
                self.watcher.pump()

    def _on_window_visit_started(self, _subject: str) -> None:
        self.tally.visit_started()

    def _on_window_activity(self, *_args: object) -> None:
        self.gate.activity()

    # -- the watcher --------------------------------------------------------------------------
    def _on_watcher_changed(self) -> None:
        self._soon()

    def _on_watcher_applied(self, subject: str, local_version: str) -> None:
        self._awaiting_show[subject] = local_version
        self._reload()

    # -- the status ---------------------------------------------------------------------------
    def _soon(self) -> None:
        if self._status_dir is not None or self.tracker is not None:
            self._status_soon.start()

    def _on_status_timer_timeout(self) -> None:
        self._write_status()

    def _on_status_soon_timeout(self) -> None:
        self._write_status()

    def _write_status(self, *, final: bool = False) -> None:
        tracks = self.tracker.tracks() if self.tracker else []
        content_errors = [f"{f.file}{f':{f.line}' if f.line else ''}: {f.message}"
                          for f in self._findings if f.severity is Severity.ERROR]
        errors = self._notices + fleet_errors(tracks, self.tracker.folder_problem if self.tracker else "",
                                              content_errors)
        if self._status_dir is not None:
            try:
                self._status_dir.mkdir(exist_ok=True)  # its parent must exist: a typo makes no folders
                png = None if final else self._screenshot()
                from kiosk import __version__
                from kiosk.core.fleet.live import LiveReader

                live = self.tracker.live_versions() if self.tracker else LiveReader(self._root).read_all()
                picture = f"{self._kiosk_id}.png"
                has_picture = png is not None or (self._status_dir / picture).exists()
                doc = build_status(
                    kiosk_id=self._kiosk_id, name=self._kiosk_name, app_version=__version__, now=self._wall(),
                    started_at=self._started_at, live=live,
                    showing={s.id: s.path for s in (self._library.subjects if self._library else ())},
                    tracks=tracks, visits_today=self.tally.today(), last_visit=self.tally.last_visit,
                    health=self._health(), errors=errors,
                    screenshot=picture if has_picture else "",
                )
                write_status(self._status_dir, self._kiosk_id, doc, png)
            except OSError as exc:
                log.warning("fleet: the status could not be written to %s (%s)", self._status_dir,
                            exc.strerror or exc)
        self._show_table(tracks)

    def _show_table(self, tracks: list[Track]) -> None:
        here = [f"This kiosk: {self._kiosk_name} ({self._kiosk_id})."]
        here += [f"{t.subject} {t.version}: {t.phase} — {t.detail}" for t in tracks]
        if self.tracker and self.tracker.folder_problem:
            here.append(self.tracker.folder_problem)
        rows: list[tuple[str, str, str, str, tuple[str, ...]]] = []
        if self._fleet_dir is not None:
            try:
                _, fleet = fleet_rows(self._fleet_dir, self._wall(), self._offline_after_s, self._status_dir)
                rows = table_lines(fleet)
            except OSError:
                rows = []
        self._window.set_fleet_status("\n".join(here), rows)  # type: ignore[attr-defined]

    def _health(self) -> list[Check]:
        checks = []
        screen = self._window.screen() if hasattr(self._window, "screen") else None  # type: ignore[attr-defined]
        if screen is not None:
            size = screen.geometry()
            checks.append(Check("display", True, f"{screen.name() or 'screen'} {size.width()}×{size.height()}"))
        disk_paths = [self._root] + ([self._status_dir] if self._status_dir else [])
        checks += check_disk(disk_paths)
        from kiosk.core.autostart import config_home

        checks.append(check_autostart(config_home()))
        content_errors = sum(1 for f in self._findings if f.severity is Severity.ERROR)
        subjects = len(self._library.subjects) if self._library else 0
        checks.append(Check("content", content_errors == 0 and subjects > 0,
                            f"{subjects} subject{'s' if subjects != 1 else ''} on show, {content_errors} "
                            f"error{'s' if content_errors != 1 else ''}", "see the staff panel"))
        return checks  # the fleet's own problems are in the errors

    def _screenshot(self) -> bytes | None:
        """A small PNG of the title screen: when the content changed and otherwise hourly, and only
        while the title screen shows (never a visitor's screen)."""
        now = self._clock()
        if self._window.screen_name() != "title":  # type: ignore[attr-defined]
            return None
        if not self._shot_wanted and now - self._shot_at < SCREENSHOT_EVERY_S:
            return None
        pixmap = self._window.grab()  # type: ignore[attr-defined]
        if pixmap.isNull():
            return None
        small = pixmap.scaledToWidth(SCREENSHOT_WIDTH, Qt.TransformationMode.SmoothTransformation)
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        small.save(buffer, "PNG")
        buffer.close()
        self._shot_wanted, self._shot_at = False, now
        return bytes(data.data())

