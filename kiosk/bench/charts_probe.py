"""The Charts tab's figures, measured in one fresh process; prints one JSON object.

    python -m kiosk.bench.charts_probe open CONTENT_ROOT
        milliseconds from tapping the Charts tab (pyqtgraph preloaded after the title screen
        painted, as the app does) to the tab fully painted
    python -m kiosk.bench.charts_probe replot CONTENT_ROOT N
        resident memory growth over N redraws of the membership chart with setData
"""

from __future__ import annotations

import gc
import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from kiosk.core.chartdata import drawable_charts, layout_chart
from kiosk.core.loader import load_library
from kiosk.core.settings import Settings
from kiosk.ui.metrics import Metrics
from kiosk.ui.theme import apply_theme


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _tap(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(widget.width() // 2, widget.height() // 2))


def measure_open(app: QApplication, content: Path) -> dict[str, float]:
    from kiosk.ui.main_window import KioskWindow
    from kiosk.ui.tabs.charts import preload

    screen = QGuiApplication.primaryScreen()
    metrics = Metrics.for_screen(screen)
    apply_theme(app, metrics)
    window = KioskWindow(Settings(content_dir=content, hide_cursor=False), metrics)
    result = load_library(content, media_checks=False)
    window.set_content(result.library, result.findings)
    window.present(screen)
    app.processEvents()
    window.repaint()
    t0 = time.perf_counter()
    preload()  # what the app does once the title screen has painted
    preload_ms = (time.perf_counter() - t0) * 1000
    begin = window.findChild(QPushButton, "touchToBegin")
    assert begin is not None, "no Touch to begin button"
    _tap(begin)
    app.processEvents()
    window.repaint()
    button = window.findChild(QPushButton, "tab_charts")
    assert button is not None, "the demo has no Charts tab"
    t0 = time.perf_counter()
    _tap(button)
    app.processEvents()
    window.repaint()  # synchronous: the time includes drawing the chart's first frame
    open_ms = (time.perf_counter() - t0) * 1000
    window.exit_kiosk()
    return {"chart_tab_open_ms": open_ms, "preload_ms": preload_ms}


def measure_replot(app: QApplication, content: Path, n: int) -> dict[str, float]:
    from kiosk.ui.charts.chart_panel import ChartPanel

    metrics = Metrics()
    apply_theme(app, metrics)
    subject = load_library(content, media_checks=False).library.subjects[0]
    chart = next(c for c in drawable_charts(subject) if c.kind == "line")
    panel = ChartPanel(metrics, subject.default_language, animate=False)
    panel.resize(1400, 800)
    panel.show()
    panel.show_chart(layout_chart(chart, subject.series))
    plot = panel.plot()

    def replot(count: int) -> None:
        for i in range(count):
            plot.set_progress((i % 50) / 49)  # setData on every curve, markers and labels
            if i % 10 == 0:
                app.processEvents()  # paint now and then, as the draw-in does
    replot(500)  # warm: caches, first paints
    gc.collect()
    app.processEvents()
    before = _rss_mb()
    replot(n)
    gc.collect()
    app.processEvents()
    after = _rss_mb()
    panel.close()
    return {"chart_replot_rss_growth_mb": after - before, "replots": float(n)}


def main(argv: list[str]) -> dict[str, float]:
    app = QApplication(sys.argv[:1])
    what, content = argv[0], Path(argv[1])
    if what == "open":
        return measure_open(app, content)
    if what == "replot":
        return measure_replot(app, content, int(argv[2]))
    raise SystemExit(f"unknown probe {what!r}: open or replot")


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:])))
