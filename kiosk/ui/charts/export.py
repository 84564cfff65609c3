"""One chart drawn on its own, at a given size, for `kiosk chart export` (handouts, checking).

It is the same panel the Charts tab shows (title, plot, key with every source), fully drawn,
on the kiosk's background, with sizes from the reference screen the guidelines are written for.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from kiosk.core.chartdata import layout_chart
from kiosk.core.model import ChartDef, Subject
from kiosk.ui.charts.chart_panel import ChartPanel
from kiosk.ui.metrics import Metrics

MARGIN_MM = 8


class ChartSheet(QWidget):
    """A chart panel on the kiosk's background with a margin around it."""

    def __init__(self, subject: Subject, chart: ChartDef, language: str, metrics: Metrics) -> None:
        super().__init__()
        self.setObjectName("chartExport")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        self.panel = ChartPanel(metrics, language, animate=False, parent=self)
        layout = QVBoxLayout(self)
        m = metrics.px(MARGIN_MM)
        layout.setContentsMargins(m, m // 2, m, m // 2)
        layout.addWidget(self.panel)
        self._layout = layout_chart(chart, subject.series)

    def render_image(self, width: int, height: int) -> QImage:
        """The chart at exactly ``width`` × ``height`` pixels."""
        self.resize(width, height)
        self.show()  # laid out and polished, never on a screen (WA_DontShowOnScreen)
        self.panel.show_chart(self._layout, animate=False)
        for _ in range(3):  # layouts, the plot's scene and the key settle over a few passes
            QApplication.processEvents()
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.black)
        self.render(image)
        self.hide()
        return image
