"""One article as a visitor reads it: title, author and source, then the text in a centred column,
with A−/A+, page and read-aloud buttons beside it. The header lines up with the text column.

The article's size is the visitor's global text scale (``Metrics.text_scale``, the A−/A+ beside
the language switch, for every screen) times the reader's own step (the A−/A+ here, for this
article only): both make the text the visitor is reading larger, and both reset at idle."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.core.markdown_render import render_markdown
from kiosk.core.model import ArticleText
from kiosk.ui.metrics import Metrics
from kiosk.ui.reader import speech
from kiosk.ui.reader.reader_body import ReaderBody
from kiosk.ui.reader.reader_controls import ReaderControls
from kiosk.ui.reader.reader_style import DEFAULT_STEP, TEXT_SCALES, body_px
from kiosk.ui.i18n import tr


class ArticleView(QFrame):
    #: The visitor changed the type size: the step from the default (0 = default).
    text_step_changed = Signal(int)

    def __init__(self, metrics: Metrics, subject_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self._metrics = metrics
        self._subject_dir = subject_dir
        self._step = DEFAULT_STEP
        self._text: ArticleText | None = None
        self._language = "en"
        self._title = QLabel(self)
        self._title.setObjectName("detailTitle")
        self._title.setWordWrap(True)
        self._meta = QLabel(self)
        self._meta.setObjectName("detailMeta")
        self._meta.setWordWrap(True)
        self._meta.setTextFormat(Qt.TextFormat.PlainText)
        self.body = ReaderBody(self)
        self.controls = ReaderControls(metrics.spacing, self)
        self._header = QVBoxLayout()
        self._header.setSpacing(metrics.px(1.5))
        self._header.addWidget(self._title)
        self._header.addWidget(self._meta)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(metrics.spacing)
        row.addWidget(self.body, 1)
        row.addWidget(self.controls)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, metrics.px(2), 0, 0)
        layout.setSpacing(metrics.px(6))
        layout.addLayout(self._header)
        layout.addLayout(row, 1)
        self.body.column_changed.connect(self._on_body_column_changed)
        self.body.position_changed.connect(self.controls.set_position)
        self.controls.smaller_requested.connect(self._on_controls_smaller_requested)
        self.controls.larger_requested.connect(self._on_controls_larger_requested)
        self.controls.page_requested.connect(self.body.scroll_page)
        self.controls.read_aloud_toggled.connect(self._on_controls_read_aloud_toggled)
        self._speaking = False
        self._heard_speaking = False
        self._watching_speech = False
        self._update_limits()

    def show_text(self, text: ArticleText, language: str) -> None:
        self._text, self._language = text, language
        self._title.setText(text.title)
        meta = [tr("By {author}", language, author=text.author)] if text.author else []
        if text.source:
            meta.append(tr("Source: {source}", language, source=text.source))
        self._meta.setText("\n".join(meta))
        self._meta.setVisible(bool(meta))
        self.controls.set_language(language)
        self.stop_reading()
        self._render()

    def _render(self) -> None:
        if self._text is None:
            return
        rendered = render_markdown(self._text.markdown, self._text.path.parent, self._subject_dir)
        self.body.show_article(rendered, body_px(self._metrics, self._step))

    def set_metrics(self, metrics: Metrics, low_reach: bool = False) -> None:
        """The visitor's global text size or the theme changed: draw the article again (keeping
        roughly its place); with low reach the buttons gather at the bottom."""
        self._metrics = metrics
        self.controls.set_low_reach(low_reach)
        self.controls.refresh_icons()
        bar = self.body.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0
        self._render()
        bar.setValue(round(fraction * bar.maximum()))

    # -- reading aloud ---------------------------------------------------------------------------
    def can_read_aloud(self) -> bool:
        return speech.voice_for(self._language) is not None

    def is_reading(self) -> bool:
        return self._speaking

    def stop_reading(self) -> None:
        if self._speaking:
            speech.stop()
        self._speaking = False
        self.controls.set_read_aloud(self.can_read_aloud(), False)

    def _on_controls_read_aloud_toggled(self, on: bool) -> None:
        if on and self._text is not None:
            if not self._watching_speech:
                self._watching_speech = speech.watch_state(self._on_speech_state_changed)
            words = f"{self._text.title}.\n\n{self.body.toPlainText()}"
            self._heard_speaking = False
            self._speaking = speech.say(words, self._language)
            self.controls.set_read_aloud(self.can_read_aloud(), self._speaking)
        else:
            self.stop_reading()

    def _on_speech_state_changed(self, state: object) -> None:
        """The engine finished the article (or failed): the button springs back. A "Ready" from
        stopping an earlier reading, before this one has started, is not its end."""
        state = speech.state_name(state)
        if state == "Speaking":
            self._heard_speaking = True
        elif state in ("Ready", "Error") and self._speaking and self._heard_speaking:
            self._speaking = False
            self.controls.set_read_aloud(self.can_read_aloud(), False)

    # -- text size -------------------------------------------------------------------------------
    def text_step(self) -> int:
        return self._step - DEFAULT_STEP

    def set_text_step(self, step: int) -> None:
        """Step from the default size (negative: smaller); the scroll keeps its place roughly."""
        index = min(max(0, DEFAULT_STEP + step), len(TEXT_SCALES) - 1)
        if index == self._step:
            return
        bar = self.body.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0
        self._step = index
        self._render()
        bar.setValue(round(fraction * bar.maximum()))
        self._update_limits()

    def reset(self) -> None:
        """Default size, back at the top, silent."""
        self.stop_reading()
        if self._step != DEFAULT_STEP:
            self._step = DEFAULT_STEP
            self._render()
            self._update_limits()
        self.body.reset_scroll()

    def _update_limits(self) -> None:
        self.controls.set_size_limits(self._step > 0, self._step < len(TEXT_SCALES) - 1)

    def title_text(self) -> str:
        return self._title.text()

    # -- handlers ----------------------------------------------------------------------------------
    def _on_body_column_changed(self, left: int, width: int) -> None:
        self._header.setContentsMargins(left, 0, max(0, self.width() - left - width), 0)

    def _on_controls_smaller_requested(self) -> None:
        self.set_text_step(self.text_step() - 1)
        self.text_step_changed.emit(self.text_step())

    def _on_controls_larger_requested(self) -> None:
        self.set_text_step(self.text_step() + 1)
        self.text_step_changed.emit(self.text_step())
