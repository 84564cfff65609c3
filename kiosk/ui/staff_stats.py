"""Visits at a glance for staff: visits per day and the most opened items, drawn with pyqtgraph.

pyqtgraph is imported only when staff open the panel, never on a visitor's path.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.core.analytics import Summary

DAYS_SHOWN = 14
ITEMS_SHOWN = 5


class VisitStats(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitStats")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._heading = QLabel("Visits", self)
        self._heading.setObjectName("staffSubheading")
        self._summary = QLabel(self)
        self._summary.setObjectName("staffStatus")
        self._summary.setWordWrap(True)
        self._top = QLabel(self)
        self._top.setObjectName("staffTopItems")
        self._top.setWordWrap(True)
        self._layout.addWidget(self._heading)
        self._layout.addWidget(self._summary)
        self._plot = None
        self._bars = None
        self._layout.addWidget(self._top)
        self._layout.addStretch(1)

    def show_summary(self, summary: Summary | None) -> None:
        if summary is None or not summary.visits_per_day:
            self._summary.setText("No visits recorded yet.")
            self._top.setText("")
            if self._plot is not None:
                self._plot.hide()
            return
        days = summary.visits_per_day[-DAYS_SHOWN:]
        total = sum(n for _, n in summary.visits_per_day)
        self._summary.setText(f"{total} visits in all; the median visit lasts {summary.median_visit_s:.0f} s.")
        self._draw(days)
        top = summary.top_items[:ITEMS_SHOWN]
        self._top.setText("Most opened:\n" + "\n".join(f"{n}×  {item}" for item, n in top) if top else "")

    def visits_drawn(self) -> list[tuple[str, int]]:
        """The bars on show, as (day, visits): what staff read off the chart."""
        if self._bars is None:
            return []
        heights = self._bars.opts["height"]
        return [(label, int(h)) for label, h in zip(self._labels, heights, strict=True)]

    def _draw(self, days: list[tuple[str, int]]) -> None:
        import pyqtgraph as pg

        if self._plot is None:
            self._plot = pg.PlotWidget(parent=self, background=None)
            self._plot.setObjectName("visitsPlot")
            self._plot.setMenuEnabled(False)
            self._plot.hideButtons()
            self._plot.setMouseEnabled(False, False)
            self._plot.setMinimumHeight(220)
            self._layout.insertWidget(2, self._plot, 1)
        self._plot.show()
        self._plot.clear()
        self._labels = [d[5:] for d, _ in days]  # MM-DD
        xs = list(range(len(days)))
        self._bars = pg.BarGraphItem(x=xs, height=[n for _, n in days], width=0.7, brush="#e6b85c", pen=None)
        self._plot.addItem(self._bars)
        axis = self._plot.getAxis("bottom")
        axis.setTicks([[(x, label) for x, label in zip(xs, self._labels, strict=True)]])
        self._plot.setYRange(0, max(n for _, n in days) * 1.15, padding=0)
