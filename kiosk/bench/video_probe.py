"""One fresh process that measures one video figure and prints it as JSON (used by bench.video).

    python -m kiosk.bench.video_probe first-frame --demo assets
    python -m kiosk.bench.video_probe source-changes --demo assets --workdir /tmp/x --changes 500
    python -m kiosk.bench.video_probe cpu --demo assets --seconds 20 [--path kiosk|videowidget|graphicsitem|sink-smooth]
    python -m kiosk.bench.video_probe compare --demo assets --seconds 15   (under X: every path, same run)

The kiosk path is the real Video tab in a 1920×1080 window; the other paths are throwaway players
of the same film in a box of the same size, for comparison only.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

DEMO_FILM = "lenin-enrollment/video/membership-story.mp4"
PATHS = ("kiosk", "sink-smooth", "videowidget", "graphicsitem")
BOX = (1280, 720)


def _app() -> Any:
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    qInstallMessageHandler(lambda *_: None)  # FFmpeg and audio notices are not figures
    return QApplication.instance() or QApplication(sys.argv[:1])


def _tab(demo: Path, size: tuple[int, int] = (1920, 1080)) -> Any:
    from kiosk.core.loader import load_library
    from kiosk.ui.metrics import Metrics
    from kiosk.ui.tabs.base import TabContext
    from kiosk.ui.tabs.video import VideoTab
    from kiosk.ui.theme import apply_theme

    app = _app()
    metrics = Metrics()
    apply_theme(app, metrics)
    subject = next(s for s in load_library(demo).library.subjects if s.videos)
    tab = VideoTab(subject, TabContext(metrics, subject.default_language))
    tab.resize(*size)
    tab.show()
    return tab


def _cpu_s() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _run_until(app: Any, done: Any, timeout_s: float) -> bool:
    """Spin the event loop (from C++, with Python's lock released) until ``done()``."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    check = QTimer()
    check.timeout.connect(lambda: loop.quit() if done() else None)
    check.start(2)
    give_up = QTimer()
    give_up.setSingleShot(True)
    give_up.timeout.connect(loop.quit)
    give_up.start(int(timeout_s * 1000))
    loop.exec()
    check.stop()
    give_up.stop()
    return bool(done())


def first_frame(args: argparse.Namespace) -> dict[str, float]:
    app = _app()
    tab = _tab(args.demo)  # QtMultimedia is imported on the first play, as in the kiosk
    _run_until(app, lambda: False, 0.3)
    started = time.perf_counter()
    tab.player.controls.play_button.click()
    ok = _run_until(app, lambda: tab.player.service.frames_shown > 0, 5.0)
    took = (time.perf_counter() - started) * 1000
    tab.deactivate()
    _run_until(app, tab.player.service.is_unloaded, 5.0)
    if not ok:
        raise SystemExit("no frame within 5 s")
    return {"video_first_frame_ms": round(took, 1)}


def _clips(workdir: Path, count: int) -> list[Path]:
    from kiosk.reliability.corpus import _video

    workdir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = workdir / f"clip-{i}.mp4"
        if not path.exists():
            path.write_bytes(_video(1.0 + i * 0.5, audio=i % 2 == 0, faststart=i % 3 == 0))
        paths.append(path)
    return paths


def source_changes(args: argparse.Namespace) -> dict[str, float]:
    from dataclasses import replace

    from PySide6.QtCore import QTimer

    from kiosk.core.model import Localized, MediaInfo, VideoItem

    app = _app()
    tab = _tab(args.demo)
    info = MediaInfo(Localized({"en": "clip"}), Localized({}), Localized({}), Localized({}))
    extra = tuple(VideoItem(p, 10 + i, info, duration_s=1.0 + i * 0.5)
                  for i, p in enumerate(_clips(args.workdir, 4)))
    videos = tab.subject.videos + extra
    tab.subject = replace(tab.subject, videos=videos)
    worst = [0.0]
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        worst[0] = max(worst[0], (now - last[0]) * 1000)
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setTimerType(heartbeat.timerType().PreciseTimer)
    heartbeat.timeout.connect(beat)
    warm = max(10, args.changes // 10)
    rss_warm = 0.0
    heartbeat.start(5)
    for i in range(args.changes):
        if i == warm:
            rss_warm = _rss_mb()
            worst[0] = 0.0
        tab.player.show_item(videos[i % len(videos)])
        tab.player.toggle()
        service = tab.player.service
        _run_until(app, lambda: service.frames_shown > 0 or service.state == "error", 3.0)
        last[0] = time.perf_counter()  # the stall we measure is inside the loop, not between runs
    tab.deactivate()
    _run_until(app, tab.player.service.is_unloaded, 5.0)
    heartbeat.stop()
    import gc

    gc.collect()
    _run_until(app, lambda: False, 0.5)
    return {"video_source_changes_rss_growth_mb": round(_rss_mb() - rss_warm, 2),
            "ui_stall_max_ms": round(worst[0], 1)}


def _throwaway(path_name: str, film: Path) -> Any:
    """The comparison players: the same film in a 1280×720 box, by another rendering path."""
    from PySide6.QtCore import QRectF, Qt, QUrl
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

    from kiosk.ui.video.backend import multimedia

    qm = multimedia()
    from PySide6.QtMultimediaWidgets import QGraphicsVideoItem, QVideoWidget

    window = QWidget()
    window.resize(1920, 1080)
    player = qm.QMediaPlayer(window)
    if path_name == "videowidget":
        view: Any = QVideoWidget(window)
        player.setVideoOutput(view)
    elif path_name == "graphicsitem":
        scene = QGraphicsScene(window)
        item = QGraphicsVideoItem()
        item.setSize(QRectF(0, 0, *BOX).size())
        scene.addItem(item)
        view = QGraphicsView(scene, window)
        player.setVideoOutput(item)
    else:  # sink-smooth: our own paint path, but smoothing every frame and converting every frame

        class View(QWidget):
            image = QImage()

            def on_frame(self, frame: Any) -> None:
                self.image = frame.toImage()
                self.update()

            def paintEvent(self, _event: Any) -> None:
                painter = QPainter(self)
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                painter.fillRect(self.rect(), Qt.GlobalColor.black)
                painter.drawImage(QRectF(self.rect()), self.image)
                painter.end()

        view = View(window)
        sink = qm.QVideoSink(window)
        player.setVideoSink(sink)
        sink.videoFrameChanged.connect(view.on_frame)
    view.setGeometry(40, 40, *BOX)
    window.show()
    player.setSource(QUrl.fromLocalFile(str(film)))
    player.play()
    return window, player


def cpu(args: argparse.Namespace) -> dict[str, float]:
    app = _app()
    film = (args.demo / DEMO_FILM).resolve()
    if args.path == "kiosk":
        tab = _tab(args.demo)
        tab.player.toggle()
        service = tab.player.service
        playing = lambda: service.frames_shown > 0  # noqa: E731
    else:
        window, player = _throwaway(args.path, film)
        playing = lambda: player.position() > 0  # noqa: E731
    if not _run_until(app, playing, 5.0):
        raise SystemExit("the film did not start")
    _run_until(app, lambda: False, args.warmup)
    cpu0, t0 = _cpu_s(), time.perf_counter()
    _run_until(app, lambda: False, args.seconds)
    value = (_cpu_s() - cpu0) / (time.perf_counter() - t0)
    if args.path == "kiosk":
        tab.deactivate()
        _run_until(app, service.is_unloaded, 5.0)
    else:
        player.stop()  # a throwaway; its process ends right after
    return {"video_cpu_s_per_s": round(value, 3), "path": args.path}  # type: ignore[dict-item]


def compare(args: argparse.Namespace) -> dict[str, Any]:
    """Every rendering path, each in its own process, with and without OpenGL, one after another."""
    rows: dict[str, Any] = {}
    for gl in ("default", "no-gl"):
        env = dict(os.environ)
        if gl == "no-gl":
            env["QT_XCB_GL_INTEGRATION"] = "none"
        for path_name in PATHS:
            out = subprocess.run(
                [sys.executable, "-m", "kiosk.bench.video_probe", "cpu", "--demo", str(args.demo),
                 "--seconds", str(args.seconds), "--path", path_name],
                capture_output=True, text=True, env=env, timeout=args.seconds + 60)
            rows[f"{path_name}/{gl}"] = (json.loads(out.stdout.strip().splitlines()[-1])
                                         ["video_cpu_s_per_s"] if out.returncode == 0
                                         else out.stderr.strip()[-200:])
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="video_probe")
    parser.add_argument("mode", choices=("first-frame", "source-changes", "cpu", "compare"))
    parser.add_argument("--demo", type=Path, default=Path("assets"))
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/kiosk-video-probe"))
    parser.add_argument("--changes", type=int, default=500)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--path", choices=PATHS, default="kiosk")
    args = parser.parse_args(argv)
    if args.mode != "cpu" or "DISPLAY" not in os.environ:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    run = {"first-frame": first_frame, "source-changes": source_changes, "cpu": cpu,
           "compare": compare}[args.mode]
    print(json.dumps(run(args)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
