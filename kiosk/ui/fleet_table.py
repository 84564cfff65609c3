"""The fleet on the staff panel: this kiosk's own fleet state and the table `kiosk fleet status`
prints, from the status files this machine has (every kiosk's on the staff PC).

Labels in a grid rather than an item view: a kiosk's problems are sentences naming files, and
they wrap under its row at full width instead of being cut short.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QScroller, QVBoxLayout, QWidget

COLUMNS = ("Kiosk", "Name", "Version", "Last seen")  # then each problem on a line of its own
Row = tuple[str, str, str, str, Sequence[str]]


class FleetTable(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fleetStatus")
        heading = QLabel("Fleet", self)
        heading.setObjectName("staffSubheading")
        self._summary = QLabel(self)
        self._summary.setObjectName("staffStatus")
        self._summary.setWordWrap(True)
        self._scroll = QScrollArea(self)
        self._scroll.setObjectName("fleetTable")
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        QScroller.grabGesture(self._scroll.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        self._rows: list[Row] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self._summary)
        layout.addWidget(self._scroll, 1)
        self._scroll.hide()

    def show_fleet(self, summary: str, rows: Sequence[Row]) -> None:
        """``rows`` as kiosk.core.fleet.status.table_lines gives them: kiosk, name, version, last
        seen, and its problems."""
        self._summary.setText(summary)
        self._rows = [(*r[:4], tuple(r[4])) for r in rows]  # type: ignore[misc]
        body = QWidget()
        body.setObjectName("fleetTableBody")
        grid = QGridLayout(body)
        for column, title in enumerate(COLUMNS):
            grid.addWidget(self._label(title, "fleetHeader", body), 0, column)
        line = 1
        for *cells, problems in self._rows:
            for column, text in enumerate(cells):
                grid.addWidget(self._label(str(text), "fleetCell", body), line, column)
            line += 1
            for problem in problems:
                grid.addWidget(self._label(problem, "fleetProblem", body), line, 0, 1, len(COLUMNS))
                line += 1
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(line, 1)
        self._scroll.setWidget(body)  # the previous body is deleted with it
        self._scroll.setVisible(bool(self._rows))

    @staticmethod
    def _label(text: str, name: str, parent: QWidget) -> QLabel:
        label = QLabel(text, parent)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def summary_text(self) -> str:
        return self._summary.text()

    def rows(self) -> list[list[str]]:
        """The table as staff read it: each kiosk's cells, then its problems (" | " between)."""
        body = self._scroll.widget()
        if body is None or not self._scroll.isVisibleTo(self):
            return []
        grid = body.layout()
        assert isinstance(grid, QGridLayout)
        out: list[list[str]] = []
        for line in range(1, grid.rowCount()):
            labels = [grid.itemAtPosition(line, c) for c in range(len(COLUMNS))]
            texts = [w.widget().text() if w is not None else "" for w in labels]  # type: ignore[union-attr]
            first = grid.itemAtPosition(line, 0)
            if first is None:
                continue
            if first.widget().objectName() == "fleetProblem":
                out[-1][-1] = texts[0] if out[-1][-1] == "none" else out[-1][-1] + " | " + texts[0]
            else:
                out.append(texts + ["none"])
        return out
