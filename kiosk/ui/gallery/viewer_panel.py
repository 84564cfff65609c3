"""The viewer's side (or lower) panel: title, caption and credit always in view, and a button
for every gesture (previous, next, zoom out, fit, zoom in) plus Close back to the grid."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.core.model import ImageItem
from kiosk.ui.i18n import tr
from kiosk.ui.text_scroll import TextScroll


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
        self._text = TextScroll("viewerText", parent=self)
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
        for column, stretch in enumerate((1, 2, 1)):  # "Fit" and "3 of 7" need the room
            controls.setColumnStretch(column, stretch)
        self._controls = controls
        self._layout = QVBoxLayout(self)
        self._layout.setSpacing(spacing)
        self._low_reach: bool | None = None
        self.set_low_reach(False)
        self._language = "en"
        self._item: ImageItem | None = None
        self._index, self._total = 0, 0
        for label in (self._title, self._caption, self._credit, self._notice):
            self._text.column.addWidget(label)
        self._text.column.addStretch(1)

    def set_low_reach(self, low: bool) -> None:
        """Close at the top right, or (low reach) with the other buttons at the bottom."""
        if low == self._low_reach:
            return
        self._low_reach = low
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.layout() is not None:
                item.layout().setParent(None)
        if not low:
            self._layout.addWidget(self._close, 0, Qt.AlignmentFlag.AlignRight)
        self._layout.addWidget(self._text, 1)
        self._layout.addLayout(self._controls)
        if low:
            self._layout.addWidget(self._close, 0, Qt.AlignmentFlag.AlignRight)

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
        self._text.reset_scroll()
        self.set_language(language)

    def set_broken(self, broken: bool) -> None:
        self._notice.setVisible(broken)

    def set_zoom(self, zoomed: bool, can_zoom_in: bool) -> None:
        self._zoom_out.setEnabled(zoomed)
        self._fit.setEnabled(zoomed)
        self._zoom_in.setEnabled(can_zoom_in)

    def set_language(self, language: str) -> None:
        self._language = lang = language
        close = tr("Close", lang)
        fit = tr("Fit", lang)
        buttons = (
            (self._close, "✕  " + close, close, tr("Back to all the pictures", lang)),
            (self._previous, "‹", tr("Previous", lang, context="picture"),
             tr("Shows the picture before this one", lang)),
            (self._next, "›", tr("Next", lang, context="picture"),
             tr("Shows the picture after this one", lang)),
            (self._zoom_out, "−", tr("Zoom out", lang), tr("Shows more of the picture", lang)),
            (self._fit, fit, fit, tr("Shows the whole picture", lang)),
            (self._zoom_in, "+", tr("Zoom in", lang), tr("Shows the picture closer", lang)),
        )
        for button, text, name, description in buttons:
            button.setText(text)
            button.setAccessibleName(name)
            button.setAccessibleDescription(description)
        self._notice.setText(tr("This picture cannot be shown.", lang))
        item = self._item
        if item is None:
            return
        info = item.info
        self._title.setText(info.title.get(lang) or item.name)
        self._caption.setText(info.caption.get(lang))
        self._credit.setText(info.credit.get(lang))
        self._caption.setVisible(bool(self._caption.text()))
        self._credit.setVisible(bool(self._credit.text()))
        self._position.setText(tr("{n} of {total}", lang, n=self._index + 1, total=self._total))
        self._previous.setEnabled(self._index > 0)
        self._next.setEnabled(self._index < self._total - 1)

    def caption_text(self) -> str:
        return self._caption.text()

    def credit_text(self) -> str:
        return self._credit.text()
