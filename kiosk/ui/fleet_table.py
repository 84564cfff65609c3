"""The fleet on the staff panel: this kiosk's own fleet state and the table `kiosk fleet status`
prints, from the status files this machine has (every kiosk's on the staff PC)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

COLUMNS = ("Kiosk", "Name", "Version", "Last seen", "Errors")


class FleetTable(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fleetStatus")
        heading = QLabel("Fleet", self)
        heading.setObjectName("staffSubheading")
        self._summary = QLabel(self)
        self._summary.setObjectName("staffStatus")
        self._summary.setWordWrap(True)
        self._table = QTreeWidget(self)
        self._table.setObjectName("fleetTable")
        self._table.setColumnCount(len(COLUMNS))
        self._table.setHeaderLabels(list(COLUMNS))
        self._table.setRootIsDecorated(False)
        self._table.setWordWrap(True)
        self._table.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self._table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self._table.header()
        header.setStretchLastSection(True)
        for column in range(len(COLUMNS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self._summary)
        layout.addWidget(self._table, 1)

    def show_fleet(self, summary: str, rows: Sequence[Sequence[str]]) -> None:
        self._summary.setText(summary)
        self._table.clear()
        for row in rows:
            item = QTreeWidgetItem(self._table, [str(c) for c in row])
            item.setToolTip(0, "")
        self._table.setVisible(bool(rows))

    def summary_text(self) -> str:
        return self._summary.text()

    def rows(self) -> list[list[str]]:
        """The table as staff read it, row by row."""
        out = []
        for i in range(self._table.topLevelItemCount()):
            item = self._table.topLevelItem(i)
            out.append([item.text(c) for c in range(len(COLUMNS))])
        return out
