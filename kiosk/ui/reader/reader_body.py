"""The scrolling text of one article, in a centred column of about 52 characters.

A QTextBrowser that never navigates: links are not opened (internal #anchors scroll), and it loads
only the pictures the Markdown renderer approved (inside the subject folder), decoded no wider
than the column.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QImage, QTextCursor, QTextDocument
from PySide6.QtWidgets import QFrame, QScroller, QScrollerProperties, QTextBrowser, QWidget

from kiosk.core.markdown_render import RenderedArticle, image_index
from kiosk.ui.gallery.decode import read_fitted
from kiosk.ui.reader.reader_style import body_font, column_width, document_css

log = logging.getLogger("kiosk.reader")

PAGE_FRACTION = 0.85  # a page step keeps a few lines of context


class ReaderBody(QTextBrowser):
    #: The text column moved or changed width: (left edge in this widget, width).
    column_changed = Signal(int, int)
    #: The scroll position changed: (at the top, at the end).
    position_changed = Signal(bool, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailBody")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.viewport().setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.anchorClicked.connect(self._on_self_anchor_clicked)
        self.verticalScrollBar().valueChanged.connect(self._on_scroll_changed)
        self.verticalScrollBar().rangeChanged.connect(self._on_scroll_changed)
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        scroller = QScroller.scroller(self.viewport())
        props = scroller.scrollerProperties()
        off = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
        props.setScrollMetric(QScrollerProperties.ScrollMetric.VerticalOvershootPolicy, off)
        props.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy, off)
        scroller.setScrollerProperties(props)
        self.viewport().installEventFilter(self)
        self._images: tuple[Path, ...] = ()
        self._px = 30
        self._column = 600
        self._margin = -1
        self._document: QTextDocument | None = None

    # -- content ---------------------------------------------------------------------------------
    def show_article(self, article: RenderedArticle, px: int) -> None:
        """Replace the text (scroll back to the top); ``px`` is the body type size."""
        self._images = article.images
        self._px = px
        self._column = column_width(px)
        self._margin = -1
        # A new document per article: setHtml on one document would make a new root frame each
        # time and leave a dead Python wrapper of the old frame behind for good. The document is
        # the browser's child, so Qt asks the browser's loadResource for its pictures; the one it
        # replaces is let go (PySide ties a set document to the browser until then).
        doc = QTextDocument(self)
        doc.setDefaultFont(body_font(px))
        doc.setDefaultStyleSheet(document_css(px))
        doc.setDocumentMargin(0)
        doc.setHtml(article.html)
        old, self._document = self._document, doc
        self.setDocument(doc)
        if old is not None:
            old.setParent(None)
        self._fit_column()
        self.reset_scroll()

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        """Only approved pictures, never wider than the column; nothing else is ever fetched."""
        name = url.toString() if isinstance(url, QUrl) else str(url)
        index = image_index(name)
        kind_value = getattr(kind, "value", kind)
        if kind_value == QTextDocument.ResourceType.ImageResource.value and index is not None \
                and index < len(self._images):
            image, _, error = read_fitted(self._images[index], self._column, self._column)
            if image.isNull():
                log.warning("picture in a text cannot be shown: %s (%s)", self._images[index], error)
            return image if not image.isNull() else QImage()
        log.info("reader refused to load %s", name)
        return None

    def doSetSource(self, name: QUrl, kind: QTextDocument.ResourceType) -> None:
        """Never navigate anywhere: an article is shown with show_article only."""

    # -- scrolling -------------------------------------------------------------------------------
    def reset_scroll(self) -> None:
        QScroller.scroller(self.viewport()).stop()
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.verticalScrollBar().setValue(0)

    def scroll_page(self, direction: int) -> None:
        bar = self.verticalScrollBar()
        QScroller.scroller(self.viewport()).stop()
        bar.setValue(bar.value() + direction * round(self.viewport().height() * PAGE_FRACTION))

    def at_top(self) -> bool:
        return self.verticalScrollBar().value() <= self.verticalScrollBar().minimum()

    def at_end(self) -> bool:
        return self.verticalScrollBar().value() >= self.verticalScrollBar().maximum()

    def column(self) -> tuple[int, int]:
        return max(0, self._margin), self._column

    def _on_scroll_changed(self, *_args: int) -> None:
        self.position_changed.emit(self.at_top(), self.at_end())

    def _on_self_anchor_clicked(self, url: QUrl) -> None:
        if not url.scheme() and not url.path() and url.fragment():
            self.scrollToAnchor(url.fragment())
        else:
            log.info("link not followed: %s", url.toString())

    # -- the centred column ----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_column()
        return False

    def _fit_column(self) -> None:
        width = self.viewport().width()
        gutter = max(8, self._px // 2)
        column = min(self._column, max(100, width - 2 * gutter))
        margin = max(gutter, (width - column) // 2)
        if margin == self._margin:
            return
        self._margin = margin
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        fmt.setLeftMargin(margin)
        fmt.setRightMargin(margin)
        fmt.setBottomMargin(self._px * 2)
        root.setFrameFormat(fmt)
        self.column_changed.emit(margin, width - 2 * margin)
