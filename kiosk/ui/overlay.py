"""A panel over the whole window: a dark scrim and a centred card. It swallows every touch, so
a tap meant to dismiss it never lands on a button underneath."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.ui.theme import color


class Overlay(QWidget):
    def __init__(self, parent: QWidget, object_name: str, *, fill: float = 0.0) -> None:
        """``fill`` > 0 makes the card that fraction of the window instead of its natural size."""
        super().__init__(parent)
        self._fill = fill
        self._min_width: int | None = None
        self.setObjectName(object_name)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.card = QFrame(self)
        self.card.setObjectName("overlayCard")
        self._outer = outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(self.card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        self.hide()
        parent.installEventFilter(self)

    def set_low_reach(self, low: bool) -> None:
        """With low reach the card sits at the bottom of the screen instead of its middle."""
        self._outer.setStretch(2, 0 if low else 1)

    def open(self) -> None:
        self._fit()
        self.raise_()
        self.show()

    def close_overlay(self) -> None:
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._fit()
        return False

    def _fit(self) -> None:
        rect = self.parentWidget().rect()
        self.setGeometry(rect)
        if self._fill > 0:
            self.card.setFixedSize(round(rect.width() * self._fill),
                                   round(rect.height() * self._fill))
            return
        # Wrapped labels need the height for the card's real width, not for a guessed one.
        self.card.ensurePolished()
        layout = self.card.layout()
        if self._min_width is None:
            self._min_width = self.card.minimumWidth()  # from the style sheet, before fixing
        width = min(rect.width(), max(self._min_width, layout.sizeHint().width()))
        height = (layout.totalHeightForWidth(width) if layout.hasHeightForWidth()
                  else layout.sizeHint().height())
        height = max(height, layout.totalMinimumSize().height())  # keys never squeezed together
        self.card.setFixedSize(width, min(rect.height(), height))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), color("scrim"))
        painter.end()
