"""The viewer's side (or lower) panel: title, caption and credit always in view, and a button
for every gesture (previous, next, zoom out, fit, zoom in) plus Close back to the grid."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.core.model import ImageItem
from kiosk.ui.strings import tr


class ViewerPanel(QFrame):
    close_requested = Signal()
    step_requested = Signal(int)
    zoom_in_requested = Signal()
    zoom_out_requested = Signal()
    fit_requested = Signal()

    def __init__(self, spacing: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("viewerPanel")
        self._close = self._button("viewerClose", self.close_requested.emit)
        self._title = self._label("viewerTitle")
        self._caption = self._label("viewerCaption")
        self._credit = self._label("viewerCredit")
        self._notice = self._label("viewerNotice")
        self._position = self._label("viewerPosition")
        self._position.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._previous = self._button("viewerPrevious", lambda: self.step_requested.emit(-1))
        self._next = self._button("viewerNext", lambda: self.step_requested.emit(1))
        self._zoom_out = self._button("viewerZoomOut", self.zoom_out_requested.emit)
        self._fit = self._button("viewerFit", self.fit_requested.emit)
        self._zoom_in = self._button("viewerZoomIn", self.zoom_in_requested.emit)
        controls = QGridLayout()
        controls.setSpacing(spacing)
        controls.addWidget(self._previous, 0, 0)
        controls.addWidget(self._position, 0, 1)
        controls.addWidget(self._next, 0, 2)
        controls.addWidget(self._zoom_out, 1, 0)
        controls.addWidget(self._fit, 1, 1)
        controls.addWidget(self._zoom_in, 1, 2)
        for column in range(3):
            controls.setColumnStretch(column, 1)
        layout = QVBoxLayout(self)
        layout.setSpacing(spacing)
        layout.addWidget(self._close, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self._title)
        layout.addWidget(self._caption)
        layout.addWidget(self._credit)
        layout.addWidget(self._notice)
        layout.addStretch(1)
        layout.addLayout(controls)
        self._language = "en"
        self._item: ImageItem | None = None
        self._index, self._total = 0, 0

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def _button(self, name: str, slot: object) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.setProperty("role", "viewer")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        return button

    def show_item(self, item: ImageItem, index: int, total: int, language: str) -> None:
        self._item, self._index, self._total = item, index, total
        self.set_language(language)

    def set_broken(self, broken: bool) -> None:
        self._notice.setVisible(broken)

    def set_zoom(self, zoomed: bool, can_zoom_in: bool) -> None:
        self._zoom_out.setEnabled(zoomed)
        self._fit.setEnabled(zoomed)
        self._zoom_in.setEnabled(can_zoom_in)

    def set_language(self, language: str) -> None:
        self._language = lang = language
        buttons = (
            (self._close, "✕  " + tr("viewer.close", lang), "viewer.close"),
            (self._previous, "‹", "viewer.previous"),
            (self._next, "›", "viewer.next"),
            (self._zoom_out, "−", "viewer.zoom_out"),
            (self._fit, tr("viewer.fit", lang), "viewer.fit"),
            (self._zoom_in, "+", "viewer.zoom_in"),
        )
        for button, text, key in buttons:
            button.setText(text)
            button.setAccessibleName(tr(key, lang))
        self._notice.setText(tr("viewer.unavailable", lang))
        item = self._item
        if item is None:
            return
        info = item.info
        self._title.setText(info.title.get(lang) or item.name)
        self._caption.setText(info.caption.get(lang))
        self._credit.setText(info.credit.get(lang))
        self._caption.setVisible(bool(self._caption.text()))
        self._credit.setVisible(bool(self._credit.text()))
        self._position.setText(tr("viewer.position", lang, n=self._index + 1, total=self._total))
        self._previous.setEnabled(self._index > 0)
        self._next.setEnabled(self._index < self._total - 1)

    def caption_text(self) -> str:
        return self._caption.text()

    def credit_text(self) -> str:
        return self._credit.text()
