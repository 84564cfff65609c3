"""The card that opens over the chart when a visitor touches a figure: the value, its date or
category, whether it is approximate, the note, and the source. A close button, too, because no
gesture is the only way to do anything."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.charts.texts import CalloutText


class Callout(QFrame):
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartCallout")
        self._value = self._label("chartCalloutValue")
        self._when = self._label("chartCalloutWhen")
        self._approximate = self._label("chartCalloutApprox")
        self._note = self._label("chartCalloutNote")
        self._source = self._label("chartCalloutSource")
        self._close = QPushButton("×", self)
        self._close.setObjectName("chartCalloutClose")
        self._close.clicked.connect(self._on_close_clicked)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self._value, 1)
        top.addWidget(self._close, 0)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        for label in (self._when, self._approximate, self._note, self._source):
            layout.addWidget(label)
        self.hide()

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        return label

    def set_text(self, text: CalloutText, close_name: str) -> None:
        self._value.setText(text.value)
        self._when.setText(text.when)
        self._approximate.setText(text.approximate)
        self._approximate.setVisible(bool(text.approximate))
        self._note.setText(text.note)
        self._note.setVisible(bool(text.note))
        self._source.setText(text.source)
        self._close.setAccessibleName(close_name)
        self.setAccessibleName(" ".join(t for t in (text.value, text.when, text.approximate,
                                                    text.note, text.source) if t))

    def text(self) -> str:
        """Everything the card says, as one string (what a screen reader would read)."""
        return self.accessibleName()

    def place_beside(self, anchor: QPoint, area: QRect, width: int, gap: int) -> None:
        """Open beside ``anchor`` (right of it if there is room, else left), inside ``area``."""
        self.setFixedWidth(min(width, area.width()))
        wanted = max(self.heightForWidth(self.width()), self.minimumSizeHint().height())
        h = min(wanted, area.height())
        x = anchor.x() + gap
        if x + self.width() > area.right():
            x = anchor.x() - gap - self.width()
        x = max(area.left(), min(x, area.right() - self.width()))
        y = max(area.top(), min(anchor.y() - h // 2, area.bottom() - h))
        self.setGeometry(x, y, self.width(), h)
        self.show()
        self.raise_()

    def _on_close_clicked(self) -> None:
        self.close_requested.emit()
