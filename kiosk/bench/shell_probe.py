"""A scripted visit in one fresh process: tap in, switch tabs, open items, reset; print the figures.

    python -m kiosk.bench.shell_probe CONTENT_ROOT SWITCHES
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from kiosk.core.loader import load_library
from kiosk.core.settings import Settings
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.metrics import Metrics
from kiosk.ui.theme import apply_theme


def _peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _warm_up_like_the_attract_loop() -> None:
    """What the kiosk does after its first paint, while the attract loop runs (kiosk.ui.app)."""
    import importlib

    from kiosk.ui.app import PRELOAD_MODULES

    for name in PRELOAD_MODULES:
        preload = getattr(importlib.import_module(name), "preload", None)
        if preload is not None:
            preload()


def _settle(app: QApplication, window: QWidget) -> None:
    app.processEvents()
    window.repaint()  # a synchronous paint: the time includes drawing what the visitor sees


def _tap(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(widget.width() // 2, widget.height() // 2))


def main(content: Path, switches: int) -> dict[str, float]:
    app = QApplication(sys.argv[:1])
    screen = QGuiApplication.primaryScreen()
    metrics = Metrics.for_screen(screen)
    apply_theme(app, metrics)
    window = KioskWindow(Settings(content_dir=content, hide_cursor=False), metrics)
    result = load_library(content)
    window.set_content(result.library, result.findings)
    window.present(screen)
    _settle(app, window)
    _warm_up_like_the_attract_loop()
    begin = window.findChild(QPushButton, "touchToBegin")
    assert begin is not None, "no Touch to begin button"
    _tap(begin)
    _settle(app, window)
    tabs = [b for b in window.findChildren(QPushButton) if b.objectName().startswith("tab_") and b.isVisible()]
    timings: list[float] = []
    for i in range(switches):
        button = tabs[i % len(tabs)]
        t0 = time.perf_counter()
        _tap(button)
        _settle(app, window)
        timings.append((time.perf_counter() - t0) * 1000)
    first_round = timings[: len(tabs)]  # first opens build each tab: count them too, they are what visitors feel
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    # The access bar with every tab opened: each tap restyles the window (kiosk.ui.theme).
    access: list[float] = []
    for name in ("accessLarger", "accessSmaller", "accessContrast", "accessContrast",
                 "accessLowReach", "accessLowReach"):
        shown = [b for b in window.findChildren(QPushButton, name) if b.isVisible() and b.isEnabled()]
        if not shown:  # every screen has its own access bar: the exhibit's is the one showing
            continue
        button = shown[0]
        t0 = time.perf_counter()
        _tap(button)
        _settle(app, window)
        access.append((time.perf_counter() - t0) * 1000)
    t0 = time.perf_counter()
    window.reset_visit()
    _settle(app, window)
    reset_ms = (time.perf_counter() - t0) * 1000
    out = {"tab_switch_p95_ms": p95, "tab_first_open_max_ms": max(first_round), "idle_reset_ms": reset_ms,
           "peak_rss_mb": _peak_rss_mb(), "access_tap_max_ms": max(access, default=0.0)}
    window.exit_kiosk()
    window.close()
    return out


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), int(sys.argv[2]))))
