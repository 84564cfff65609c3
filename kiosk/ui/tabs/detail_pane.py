"""The right-hand (or lower) side of a tab: the chosen item's picture, title, credit and text.

The text column is held to a readable measure (about 55 characters a line) and scrolls
kinetically. Links are never followed: nothing on a kiosk opens a browser.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFrame, QLabel, QScroller, QTextBrowser, QVBoxLayout, QWidget

from kiosk.ui.tabs.picture_view import PictureView

MEASURE_CHARS = 58


@dataclass(frozen=True)
class Detail:
    title: str
    meta: str = ""
    markdown: str = ""
    html: str = ""
    picture: Path | None = None
    glyph: str = ""  # drawn instead of a picture when there is none ("film", "chart")
    description: str = ""  # alt text for the picture
    base_dir: Path | None = None  # where relative links in the Markdown point


class DetailPane(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self._picture = PictureView(self)
        self._title = QLabel(self)
        self._title.setObjectName("detailTitle")
        self._title.setWordWrap(True)
        self._meta = QLabel(self)
        self._meta.setObjectName("detailMeta")
        self._meta.setWordWrap(True)
        self._body = QTextBrowser(self)
        self._body.setObjectName("detailBody")
        self._body.setOpenLinks(False)
        self._body.setOpenExternalLinks(False)
        self._body.setFrameShape(QFrame.Shape.NoFrame)
        self._body.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self._body.viewport().setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self._body.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self._body.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._body.setLineWrapMode(QTextBrowser.LineWrapMode.FixedPixelWidth)
        QScroller.grabGesture(self._body.viewport(),
                              QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        self._body.viewport().installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._picture, 5)
        layout.addWidget(self._title)
        layout.addWidget(self._meta)
        layout.addWidget(self._body, 4)

    def show_detail(self, detail: Detail) -> None:
        self._picture.set_picture(detail.picture, detail.glyph, detail.description)
        self._picture.setVisible(bool(detail.picture or detail.glyph))
        self._title.setText(detail.title)
        self._meta.setText(detail.meta)
        self._meta.setVisible(bool(detail.meta))
        doc = self._body.document()
        if detail.base_dir is not None:
            doc.setBaseUrl(QUrl.fromLocalFile(str(detail.base_dir) + "/"))
        if detail.html:
            self._body.setHtml(detail.html)
        else:
            self._body.setMarkdown(detail.markdown)
        has_body = bool(detail.html or detail.markdown.strip())
        self._body.setVisible(has_body)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        # A text without a picture takes the whole height; a picture takes most of it otherwise.
        layout.setStretchFactor(self._body, 4 if self._picture.isVisible() else 1)
        layout.setStretchFactor(self._picture, 5 if has_body else 1)
        self._fit_measure()
        self.reset_scroll()

    def reset_scroll(self) -> None:
        QScroller.scroller(self._body.viewport()).stop()
        self._body.moveCursor(QTextCursor.MoveOperation.Start)
        self._body.verticalScrollBar().setValue(0)

    def title_text(self) -> str:
        return self._title.text()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._body.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_measure()
        return False

    def _fit_measure(self) -> None:
        measure = self._body.fontMetrics().averageCharWidth() * MEASURE_CHARS
        margin = 2 * round(self._body.document().documentMargin())
        width = max(200, min(measure, self._body.viewport().width() - margin))
        if width != self._body.lineWrapColumnOrWidth():
            self._body.setLineWrapColumnOrWidth(width)
