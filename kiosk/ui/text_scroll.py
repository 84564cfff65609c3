"""A column of wrapped labels that scrolls when it is taller than its room (Russian is longer,
and a visitor's A+ makes everything larger) instead of squeezing the labels over each other."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLayout, QScrollArea, QScroller, QVBoxLayout, QWidget


class TextScroll(QScrollArea):
    def __init__(self, name: str, *, kinetic: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.content = QWidget()
        self.content.setObjectName(f"{name}Content")
        self.column = QVBoxLayout(self.content)
        self.column.setContentsMargins(0, 0, 0, 0)
        # Wrapped labels: the column's height depends on its width, which QScrollArea does not
        # ask; the height for the real width is set here instead (so no needless scroll bar).
        self.column.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setWidget(self.content)
        self.content.installEventFilter(self)
        if kinetic:
            QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)

    def refit(self) -> None:
        width = self.viewport().width()
        height = (self.column.totalHeightForWidth(width) if self.column.hasHeightForWidth()
                  else self.column.totalMinimumSize().height())
        if self.content.minimumHeight() != height:
            self.content.setMinimumHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.refit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.content and event.type() == QEvent.Type.LayoutRequest:
            self.refit()
        return False

    def reset_scroll(self) -> None:
        QScroller.scroller(self.viewport()).stop()
        self.verticalScrollBar().setValue(0)
