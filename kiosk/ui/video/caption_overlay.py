"""The caption box drawn over the film: 1–3 short lines, sans-serif, on a dark box for contrast.

Its look comes from the style sheet (``QLabel#videoCaption``); the frame view places it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.core.captions import CaptionTrack


class CaptionOverlay(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("videoCaption")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(False)  # cues are already split into lines of at most 32 characters
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._track = CaptionTrack(())
        self._enabled = True
        self.hide()

    def set_track(self, track: CaptionTrack) -> None:
        self._track = track
        self.show_at(-1)

    def set_enabled(self, enabled: bool) -> None:
        self._enabled = enabled
        self._refresh()

    def show_at(self, position_ms: int) -> None:
        text = self._track.text_at(position_ms) if position_ms >= 0 else ""
        if text != self.text():
            self.setText(text)
        self._refresh()

    def _refresh(self) -> None:
        visible = self._enabled and bool(self.text())
        if visible:
            self.adjustSize()
            parent = self.parentWidget()
            if parent is not None and hasattr(parent, "place_caption"):
                parent.place_caption(self)
        self.setVisible(visible)
