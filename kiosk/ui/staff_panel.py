"""The staff panel, behind the PIN: what content is shown, what was left out and why, and the
two staff actions (reload the content, leave the kiosk)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScroller,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.analytics import Summary
from kiosk.core.findings import Finding, Severity
from kiosk.core.model import Library
from kiosk.ui.fleet_table import FleetTable
from kiosk.ui.overlay import Overlay
from kiosk.ui.staff_stats import VisitStats


def content_summary(library: Library | None, findings: Sequence[Finding], loading: bool) -> str:
    if library is None:
        return "Loading content…"
    subjects = len(library.subjects)
    items = sum(len(s.articles) + len(s.images) + len(s.videos) + len(s.charts)
                for s in library.subjects)
    counts = {sev: sum(1 for f in findings if f.severity is sev) for sev in Severity}
    lines = [
        f"Content folder: {library.root}",
        f"{_count(subjects, 'subject')} and {_count(items, 'item')} on show.",
        f"{_count(counts[Severity.ERROR], 'error')} (those items are left out), "
        f"{_count(counts[Severity.WARNING], 'warning')}, {_count(counts[Severity.INFO], 'note')}.",
    ]
    if loading:
        lines.append("Checking media files…")
    return "\n".join(lines)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


class StaffPanel(Overlay):
    reload_requested = Signal()
    exit_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget, *, can_exit: bool = True) -> None:
        super().__init__(parent, "staffPanel", fill=0.9)
        heading = QLabel("Staff", self.card)
        heading.setObjectName("overlayHeading")
        self._status = QLabel(self.card)
        self._status.setObjectName("staffStatus")
        self._status.setWordWrap(True)
        self._notice = QLabel(self.card)
        self._notice.setObjectName("staffNotice")
        self._notice.setWordWrap(True)
        self._notice.hide()
        self._stats = VisitStats(self.card)
        self._tree = QTreeWidget(self.card)
        self._tree.setObjectName("findingsTree")
        self._tree.setHeaderHidden(True)
        self._tree.setWordWrap(True)
        self._tree.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self._tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        QScroller.grabGesture(self._tree.viewport(),
                              QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        reload_button = QPushButton("Reload content", self.card)
        reload_button.setObjectName("reloadButton")
        reload_button.clicked.connect(self.reload_requested)
        close_button = QPushButton("Back to the exhibit", self.card)
        close_button.setObjectName("staffCloseButton")
        close_button.clicked.connect(self._on_close_button_clicked)
        exit_button = QPushButton("Exit kiosk", self.card)
        exit_button.setObjectName("exitButton")
        exit_button.setProperty("role", "danger")
        exit_button.setVisible(can_exit)
        exit_button.clicked.connect(self.exit_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(reload_button)
        buttons.addStretch(1)
        buttons.addWidget(close_button)
        buttons.addWidget(exit_button)
        body = QHBoxLayout()
        body.addWidget(self._tree, 3)
        body.addWidget(self._stats, 2)
        self._fleet = FleetTable(self.card)  # shown once the kiosk is part of a fleet
        self._fleet.hide()
        layout = QVBoxLayout(self.card)
        layout.addWidget(heading)
        layout.addWidget(self._notice)
        layout.addWidget(self._status)
        layout.addLayout(body, 2)
        layout.addWidget(self._fleet, 1)
        layout.addLayout(buttons)

    def set_status(
        self, library: Library | None, findings: Sequence[Finding], *, loading: bool = False
    ) -> None:
        self._status.setText(content_summary(library, findings, loading))
        self._tree.clear()
        by_file: dict[str, list[Finding]] = defaultdict(list)
        for finding in sorted(findings, key=lambda f: (f.file, f.line or 0, -f.severity)):
            by_file[finding.file].append(finding)
        if not by_file:
            QTreeWidgetItem(self._tree, ["No problems found."])
        ordered = sorted(by_file.items(), key=lambda kv: (-max(f.severity for f in kv[1]), kv[0]))
        for file, items in ordered:
            worst = max(f.severity for f in items)
            top = QTreeWidgetItem(self._tree, [f"{file}  ({len(items)})"])
            top.setData(0, Qt.ItemDataRole.UserRole, str(worst))
            for f in items:
                where = f"line {f.line}: " if f.line else ""
                hint = f" — {f.hint}" if f.hint else ""
                child = QTreeWidgetItem(top, [f"{str(f.severity).upper()}  {where}{f.message}{hint}"])
                child.setToolTip(0, "")
            top.setExpanded(True)

    def set_notice(self, text: str) -> None:
        """A standing message for staff (safe mode after repeated crashes); empty hides it."""
        self._notice.setText(text)
        self._notice.setVisible(bool(text))

    def notice_text(self) -> str:
        return self._notice.text() if self._notice.isVisibleTo(self) else ""

    def set_fleet(self, summary: str, rows: Sequence[tuple[str, str, str, str, Sequence[str]]]) -> None:
        """The fleet's table (kiosk.ui.fleet_table): this kiosk's state and every kiosk's row."""
        self._fleet.show_fleet(summary, rows)
        self._fleet.show()

    def set_visit_summary(self, summary: Summary | None) -> None:
        self._stats.show_summary(summary)

    def status_text(self) -> str:
        return self._status.text()

    def finding_lines(self) -> list[str]:
        lines = []
        for i in range(self._tree.topLevelItemCount()):
            top = self._tree.topLevelItem(i)
            lines.append(top.text(0))
            lines.extend(top.child(j).text(0) for j in range(top.childCount()))
        return lines

    def _on_close_button_clicked(self) -> None:
        self.close_overlay()
        self.closed.emit()
