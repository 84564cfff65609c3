"""What a kiosk spends watching an unchanged fleet folder, in one fresh process; prints one JSON object.

    python -m kiosk.bench.fleet_probe watch WORKDIR SECONDS
        The demo subject is published into a fleet folder and imported, so the kiosk is on the
        newest version. Then the kiosk's own watching (kiosk.ui.fleet_watcher, with its real
        timers and file-system watches) runs in an event loop for SECONDS while nothing
        changes, and the process's CPU time over that window (user and system, every thread)
        is scaled to an hour (looks every 60 s that a short window did not see are added at the
        measured cost of one). Also: how many times it looked, and the CPU of one look.
    python -m kiosk.bench.fleet_probe status WORKDIR WRITES
        The CPU of one status write (JSON and, hourly, the title screen's PNG), from a real
        kiosk window on the demo subject.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _current_fleet(workdir: Path) -> tuple[Path, Path]:
    """A fleet folder with the demo published, and a content root already showing it."""
    from kiosk.core.fleet.publish import Publisher
    from kiosk.core.fleet.worker import apply, prepare

    fleet, root = workdir / "fleet", workdir / "root"
    shutil.rmtree(fleet, ignore_errors=True)
    shutil.rmtree(root, ignore_errors=True)
    fleet.mkdir(parents=True)
    root.mkdir(parents=True)
    folder = Publisher(ROOT / "assets" / "lenin-enrollment", fleet).run().folder
    prepared = prepare(folder, root, ask_syncthing=False)
    assert prepared["outcome"] == "ready", prepared
    applied = apply(Path(prepared["prepared"]), root)
    assert applied["outcome"] == "applied", applied
    return fleet, root


def watch(workdir: Path, seconds: float) -> dict[str, float]:
    from PySide6.QtCore import QCoreApplication, QTimer

    from kiosk.core.fleet.tracker import QUIET_POLL_S, ApplyGate, FleetTracker, Phase
    from kiosk.ui.fleet_watcher import FleetWatcher

    fleet, root = _current_fleet(workdir)
    app = QCoreApplication(sys.argv[:1])
    tracker = FleetTracker(fleet, root)
    looks = [0]
    original = tracker.refresh

    def counted():  # type: ignore[no-untyped-def]
        looks[0] += 1
        return original()

    tracker.refresh = counted  # type: ignore[method-assign]
    watcher = FleetWatcher(tracker, ApplyGate(90))
    watcher.start()
    assert [t.phase for t in tracker.tracks()] == [Phase.CURRENT], tracker.tracks()
    looks[0] = 0
    QTimer.singleShot(round(seconds * 1000), app.quit)
    cpu0, wall0 = time.process_time(), time.monotonic()
    app.exec()
    cpu, wall = time.process_time() - cpu0, time.monotonic() - wall0
    watcher.stop()
    # One look on its own, many times over, for the breakdown.
    started = time.process_time()
    for _ in range(200):
        original()
    per_look = (time.process_time() - started) / 200
    # For a window shorter than an hour's looks, the looks it did not see are added at their
    # measured cost (a quick run's 20 s sees none of the looks every 60 s).
    missed = max(0.0, 3600 / QUIET_POLL_S - looks[0] * 3600 / wall)
    return {"fleet_watch_cpu_s_per_h": cpu * 3600 / wall + missed * per_look,
            "window_s": wall, "looks": looks[0],
            "look_cpu_ms": per_look * 1000, "looks_per_h": 3600 / QUIET_POLL_S,
            "window_cpu_ms": cpu * 1000}


def status(workdir: Path, writes: int) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from kiosk.core.fleet.status import STATUS_EVERY_S
    from kiosk.core.loader import load_library
    from kiosk.core.settings import Settings
    from kiosk.ui.fleet_service import FleetService
    from kiosk.ui.main_window import KioskWindow
    from kiosk.ui.metrics import Metrics
    from kiosk.ui.theme import apply_theme

    fleet, root = _current_fleet(workdir)
    app = QApplication(sys.argv[:1])
    metrics = Metrics.for_screen(app.primaryScreen())
    apply_theme(app, metrics)
    window = KioskWindow(Settings(), metrics)
    result = load_library(root)
    window.set_content(result.library, result.findings)
    window.resize(1920, 1080)
    settings = Settings(fleet_dir=fleet, kiosk_id="bench")
    service = FleetService(settings, window, root, reload=lambda: None, updates=False)
    service.content_loaded(result.library, result.findings, True)
    started = time.process_time()
    service._write_status()  # the first write also takes the title screen's picture
    with_picture = time.process_time() - started
    started = time.process_time()
    for _ in range(writes):
        service._write_status()
    per_write = (time.process_time() - started) / writes
    per_hour = per_write * (3600 / STATUS_EVERY_S - 1) + with_picture
    del app
    return {"status_write_ms": per_write * 1000, "status_write_with_picture_ms": with_picture * 1000,
            "fleet_status_cpu_s_per_h": per_hour,
            "png_bytes": float((fleet / "status" / "bench.png").stat().st_size),
            "written_at_ok": float(bool(json.loads((fleet / "status" / "bench.json").read_text())["written_at"]))}


def main(argv: list[str]) -> int:
    step, workdir = argv[0], Path(argv[1])
    workdir.mkdir(parents=True, exist_ok=True)
    if step == "watch":
        out = watch(workdir, float(argv[2]))
    else:
        out = status(workdir, int(argv[2]))
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
