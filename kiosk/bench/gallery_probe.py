"""The Images tab's figures, measured in one fresh process; prints one JSON object.

    python -m kiosk.bench.gallery_probe first-screen IMAGES CACHE
        ms from building the gallery to its first screen of thumbnails painted (warm the CACHE
        with a run before measuring)
    python -m kiosk.bench.gallery_probe fling IMAGES CACHE
        the longest UI-thread stall (ms) while the grid is flung and thumbnails load (cold CACHE)
    python -m kiosk.bench.gallery_probe open IMAGES CACHE
        ms from tapping a picture (the first in IMAGES: a 24-megapixel JPEG) to it painted sharp
    python -m kiosk.bench.gallery_probe browse IMAGES CACHE
        resident memory growth (MB) over opening every picture in turn in the viewer
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QEventLoop, QPointF, Qt, QTimer
from PySide6.QtWidgets import QApplication, QScroller

from kiosk.core.imageprobe import IMAGE_SUFFIXES
from kiosk.core.model import ImageItem, Localized, MediaInfo, Subject
from kiosk.ui.metrics import Metrics
from kiosk.ui.tabs.base import TabContext
from kiosk.ui.tabs.images import ImagesTab
from kiosk.ui.theme import apply_theme

TAB_SIZE = (1920, 860)  # the tab's area on a 1080p screen, under the header and above the bar


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _subject(folder: Path) -> Subject:
    paths = sorted(p for p in folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
    text = Localized.plain
    images = tuple(ImageItem(p, i, MediaInfo(text(f"Picture {i + 1}"), text("A generated picture."),
                                             text("Generated for kiosk bench"), text("Noise")))
                   for i, p in enumerate(paths))
    return Subject(id="bench", path=folder, title=text("Bench"), subtitle=text(""), year="",
                   summary=text(""), credit=text(""), licence="", default_language="en",
                   languages=("en",), tabs=("images",), idle_timeout_s=None, images=images)


def _wait(app: QApplication, done: Callable[[], bool], timeout_s: float = 120) -> None:
    deadline = time.perf_counter() + timeout_s
    while not done():
        if time.perf_counter() > deadline:
            raise TimeoutError("the gallery did not finish in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)


def _tab(app: QApplication, images: Path, cache: Path) -> ImagesTab:
    tab = ImagesTab(_subject(images), TabContext(Metrics(), "en"), thumbnail_dir=cache)
    tab.resize(*TAB_SIZE)
    tab.show()
    return tab


def first_screen(app: QApplication, images: Path, cache: Path) -> dict[str, float]:
    started = time.perf_counter()
    tab = _tab(app, images, cache)
    _wait(app, tab.grid.is_complete)
    return {"first_screen_ms": (time.perf_counter() - started) * 1000,
            "cards": float(len(tab.grid.visible_paths()))}


def fling(app: QApplication, images: Path, cache: Path) -> dict[str, float]:
    tab = _tab(app, images, cache)
    _wait(app, tab.grid.is_complete)
    clock = QElapsedTimer()
    ticks: list[int] = []
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(4)
    timer.timeout.connect(lambda: ticks.append(clock.elapsed()))
    bar = tab.grid.verticalScrollBar()
    scroller = QScroller.scroller(tab.grid.viewport())
    target = min(bar.maximum(), tab.grid.gridSize().height() * 60)
    clock.start()
    timer.start()
    scroller.scrollTo(QPointF(0, target), 4000)
    _wait(app, lambda: clock.elapsed() > 4500)
    scroller.scrollTo(QPointF(0, 0), 1500)
    _wait(app, lambda: clock.elapsed() > 6500)
    timer.stop()
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    return {"max_frame_ms": float(max(gaps)), "scrolled_px": float(target),
            "thumbnails_pending": float(tab.thumbnails.pending())}


def open_picture(app: QApplication, images: Path, cache: Path) -> dict[str, float]:
    tab = _tab(app, images, cache)
    _wait(app, tab.grid.is_complete)
    canvas = tab.viewer.canvas
    shown: list[float] = []
    canvas.picture_shown.connect(lambda: shown.append(time.perf_counter()))
    started = time.perf_counter()
    tab.open_picture(0)
    _wait(app, lambda: bool(shown) and not canvas.image().isNull())
    return {"open_ms": (shown[-1] - started) * 1000, "decoded_w": float(canvas.image().width()),
            "full_w": float(canvas.view().image_w)}


def browse(app: QApplication, images: Path, cache: Path) -> dict[str, float]:
    tab = _tab(app, images, cache)
    _wait(app, tab.grid.is_complete)
    baseline = peak = _rss_mb()
    canvas = tab.viewer.canvas
    shown: list[int] = []
    canvas.picture_shown.connect(lambda: shown.append(tab.viewer.current_index()))
    total = tab.grid.row_count()
    tab.open_picture(0)
    for index in range(total):
        if index:
            tab.viewer.step(1)
        _wait(app, lambda i=index: bool(shown) and shown[-1] == i and not canvas.image().isNull())
        peak = max(peak, _rss_mb())
    return {"rss_growth_mb": peak - baseline, "baseline_mb": baseline, "pictures": float(total)}


MODES = {"first-screen": first_screen, "fling": fling, "open": open_picture, "browse": browse}


def main(argv: list[str]) -> int:
    mode, images, cache = argv[0], Path(argv[1]), Path(argv[2])
    app = QApplication(["gallery-probe"])
    apply_theme(app, Metrics())
    result = MODES[mode](app, images, cache)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
