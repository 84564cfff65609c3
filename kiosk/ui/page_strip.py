"""The chooser's sign that there is more: ‹ and › buttons with a dot for each page and "1 / 3".

Shown only when the subjects need more than one page. The buttons are large touch targets;
swiping across the cards does the same, but never alone (GUIDELINES: no gesture-only actions).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from kiosk.ui.i18n import tr

DOT_ON, DOT_OFF = "●", "○"


class PageStrip(QWidget):
    #: -1 for the previous page, +1 for the next.
    step_requested = Signal(int)

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageStrip")
        self._page, self._pages, self._language = 0, 1, language
        self.previous = QPushButton(self)
        self.previous.setObjectName("pagePrevious")
        self.next = QPushButton(self)
        self.next.setObjectName("pageNext")
        for button in (self.previous, self.next):
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.dots = QLabel(self)
        self.dots.setObjectName("pageDots")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.previous)
        layout.addStretch(1)
        layout.addWidget(self.dots)
        layout.addStretch(1)
        layout.addWidget(self.next)
        self.previous.clicked.connect(self._on_previous_clicked)
        self.next.clicked.connect(self._on_next_clicked)
        self.set_page(0, 1, language)

    def set_page(self, page: int, pages: int, language: str) -> None:
        self._page, self._pages, self._language = page, pages, language
        self.setVisible(pages > 1)
        self.previous.setEnabled(page > 0)
        self.next.setEnabled(page < pages - 1)
        self.previous.setText("‹  " + tr("Previous", language, context="page"))
        self.next.setText(tr("More subjects", language) + "  ›")
        self.previous.setAccessibleName(tr("Previous", language, context="page"))
        self.next.setAccessibleName(tr("More subjects", language))
        dots = " ".join(DOT_ON if i == page else DOT_OFF for i in range(pages))
        where = tr("{page} of {pages}", language, page=page + 1, pages=pages)
        self.dots.setText(f"{dots}   {where}")
        self.dots.setAccessibleName(where)

    def _on_previous_clicked(self) -> None:
        self.step_requested.emit(-1)

    def _on_next_clicked(self) -> None:
        self.step_requested.emit(1)
