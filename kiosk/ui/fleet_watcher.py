"""Watching the fleet folder for the kiosk: the Qt side of kiosk.core.fleet.tracker.

Cheap by design, since it runs all day on an unchanged folder: a QFileSystemWatcher (inotify) on
a handful of folders says when something arrives, a slow timer looks again in case an event was
missed, and nothing is hashed until a version's files have all arrived. Checking and importing
run in a child process (kiosk.core.fleet.worker) through QProcess, one at a time, so the
interface thread never waits on a disk.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QProcess, QTimer, Signal

from kiosk.core.fleet.tracker import ApplyGate, Change, FleetTracker, Phase, Track
from kiosk.core.fleet.worker import findings_from_json

log = logging.getLogger("kiosk.fleet")
DEBOUNCE_MS = 700
WORKER_TIMEOUT_MS = 15 * 60 * 1000


class FleetWatcher(QObject):
    changed = Signal()  # a version changed phase (status, staff panel)
    applied = Signal(str, str)  # subject, local version: the content should be read again

    def __init__(self, tracker: FleetTracker, gate: ApplyGate, *, syncthing_config: Path | None = None,
                 debounce_ms: int = DEBOUNCE_MS, worker_timeout_ms: int = WORKER_TIMEOUT_MS,
                 python: str = sys.executable, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tracker, self.gate = tracker, gate
        self._syncthing_config = syncthing_config
        self._python = python
        self._fs = QFileSystemWatcher(self)
        self._fs.directoryChanged.connect(self._on_fs_changed)
        self._fs.fileChanged.connect(self._on_fs_changed)
        self._watched: set[str] = set()
        self._debounce = self._timer("fleetDebounce", debounce_ms, self._on_debounce_timeout)
        self._wake = self._timer("fleetWake", 60_000, self._on_wake_timeout)
        self._gate_timer = self._timer("fleetApplyGate", 1000, self._on_gate_timer_timeout)
        self._worker_timeout = self._timer("fleetWorkerTimeout", worker_timeout_ms, self._on_worker_timeout)
        self._process: QProcess | None = None
        self._job: tuple[str, Track] | None = None
        self._running = False

    def _timer(self, name: str, interval_ms: int, slot) -> QTimer:  # type: ignore[no-untyped-def]
        timer = QTimer(self)
        timer.setObjectName(name)
        timer.setSingleShot(True)
        timer.setInterval(interval_ms)
        timer.timeout.connect(slot)
        return timer

    # -- control ------------------------------------------------------------------------------
    def start(self) -> None:
        self._running = True
        self.tracker.clean_incoming()
        self.refresh()

    def stop(self) -> None:
        self._running = False
        for timer in (self._debounce, self._wake, self._gate_timer, self._worker_timeout):
            timer.stop()
        if self._process is not None:
            process, self._process = self._process, None
            process.finished.disconnect()
            process.kill()
            process.waitForFinished(3000)
            process.deleteLater()
        if self._watched:
            self._fs.removePaths(sorted(self._watched))
            self._watched.clear()

    def refresh(self) -> None:
        """Look at the folder now (also what the timers and file-system events end in)."""
        if not self._running:
            return
        for change in self.tracker.refresh():
            self._log(change)
            self.changed.emit()
        self._update_watches()
        self.pump()
        self._wake.start(max(500, round(self.tracker.next_wake_s() * 1000)))

    def pump(self) -> None:
        """Start the next worker if one is due: a check whenever a version is whole, an import
        only when the gate says no visitor is there to see it."""
        if not self._running or self._process is not None:
            return
        track = self.tracker.next_check()
        if track is not None:
            self.tracker.begin_check(track)
            args = ["prepare", str(track.folder), str(self.tracker.root)]
            if self._syncthing_config is not None:
                args += ["--syncthing-config", str(self._syncthing_config)]
            self._run("prepare", track, args)
            return
        ready = self.tracker.ready()
        if not ready:
            self._gate_timer.stop()
            return
        if self.gate.may_apply():
            track = ready[0]
            assert track.prepared is not None
            self.tracker.begin_apply(track)
            log.info("fleet: %s %s: applying it now (no visit under way)", track.subject, track.version)
            self._run("apply", track, ["apply", str(track.prepared), str(self.tracker.root)])
            return
        wait = self.gate.wait_s()
        if wait is not None:
            self._gate_timer.start(max(50, round(wait * 1000) + 50))

    # -- the worker ---------------------------------------------------------------------------
    def _run(self, step: str, track: Track, args: list[str]) -> None:
        self.changed.emit()
        process = QProcess(self)
        process.setProgram(self._python)
        process.setArguments(["-m", "kiosk.core.fleet.worker", *args])
        process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        process.finished.connect(self._on_process_finished)
        self._process, self._job = process, (step, track)
        self._worker_timeout.start()
        process.start()

    def _on_process_finished(self, exit_code: int, _status: QProcess.ExitStatus) -> None:
        process, self._process = self._process, None
        job, self._job = self._job, None
        self._worker_timeout.stop()
        if process is None or job is None:
            return
        out = bytes(process.readAllStandardOutput().data()).decode("utf-8", "replace").strip().splitlines()
        err = bytes(process.readAllStandardError().data()).decode("utf-8", "replace").strip()
        process.deleteLater()
        try:
            result = json.loads(out[-1]) if out else {}
        except ValueError:
            result = {}
        if not result:
            tail = err.splitlines()[-1] if err else f"exit code {exit_code}"
            result = {"outcome": "failed", "detail": f"the fleet worker gave no answer ({tail})"}
        elif err:
            log.debug("fleet worker said: %s", err[-2000:])
        self._finish(*job, result)

    def _on_worker_timeout(self) -> None:
        if self._process is not None:
            log.error("fleet: the worker took longer than %d s and was stopped",
                      self._worker_timeout.interval() // 1000)
            self._process.kill()  # finished() follows, with no answer: "failed"

    def _finish(self, step: str, track: Track, result: dict[str, object]) -> None:
        outcome, detail = str(result.get("outcome", "failed")), str(result.get("detail", ""))
        findings = findings_from_json(result.get("findings"))
        if step == "prepare":
            prepared = Path(str(result["prepared"])) if result.get("prepared") else None
            change = self.tracker.check_done(track, outcome, detail, findings=findings, prepared=prepared)
        else:
            local = str(result.get("local_version", ""))
            change = self.tracker.apply_done(track, outcome, detail, local_version=local, findings=findings)
            if outcome == "applied":
                self.applied.emit(track.subject, local)
        if change is not None:
            self._log(change)
        self.changed.emit()
        self.refresh()

    # -- file-system events ---------------------------------------------------------------------
    def _update_watches(self) -> None:
        wanted = {str(p) for p in self.tracker.watch_paths()}
        gone, new = self._watched - wanted, wanted - self._watched
        if gone:
            self._fs.removePaths(sorted(gone))
        if new:
            failed = set(self._fs.addPaths(sorted(new)))
            if failed:
                log.debug("fleet: not watching %d folders; the timer covers them", len(failed))
            new -= failed
        self._watched = (self._watched - gone) | new

    def _on_fs_changed(self, _path: str) -> None:
        self._debounce.start()

    def _on_debounce_timeout(self) -> None:
        self.refresh()

    def _on_wake_timeout(self) -> None:
        self.refresh()

    def _on_gate_timer_timeout(self) -> None:
        self.pump()

    @staticmethod
    def _log(change: Change) -> None:
        if not change.subject:
            log.error("fleet: %s", change.detail)
            return
        level = logging.ERROR if change.after in (Phase.REFUSED, Phase.STALLED) else logging.INFO
        log.log(level, "fleet: %s %s: %s — %s", change.subject, change.version, change.after, change.detail)
