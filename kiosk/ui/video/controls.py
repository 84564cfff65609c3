"""The player's controls. They only announce what the visitor wants; the pane decides.

Large play/pause, back and forward 10 s, a scrub bar with elapsed and remaining time, captions
and transcript toggles, mute and volume. Sizes come from the style sheet and the screen metrics.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from kiosk.core.playback import clock_text, remaining_text
from kiosk.ui.metrics import Metrics
from kiosk.ui.i18n import tr
from kiosk.ui.theme import color
from kiosk.ui.video.icons import icon
from kiosk.ui.video.scrub_bar import ScrubBar

SKIP_MS = 10_000


class PlayerControls(QWidget):
    play_pause_requested = Signal()
    skip_requested = Signal(int)  # ms, negative to go back
    seek_requested = Signal(int)  # ms
    scrubbing = Signal(int)  # ms, while a finger drags the bar
    volume_requested = Signal(int)  # percent
    mute_toggled = Signal(bool)
    captions_toggled = Signal(bool)
    transcript_toggled = Signal(bool)

    def __init__(self, metrics: Metrics, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("videoControls")
        self._language = language
        self._playing = False
        self._duration = 0
        self._icon_px = round(metrics.target() * 0.62)
        self._big_px = round(metrics.target(16) * 0.6)  # QSS: QPushButton#videoPlay, ${key}
        self.elapsed = self._label("videoElapsed")
        self.remaining = self._label("videoRemaining")
        self.scrub = ScrubBar("videoScrub", self)
        self.scrub.setRange(0, 0)
        self.play_button = self._button("videoPlay", "play", self._big_px)
        self.play_button.setProperty("role", "primary")
        self.back_button = self._button("videoBack", "back", self._icon_px)
        self.forward_button = self._button("videoForward", "forward", self._icon_px)
        self.captions_button = self._button("videoCaptions", "cc", self._icon_px, checkable=True)
        self.captions_button.setChecked(True)
        self.transcript_button = self._button("videoTranscriptButton", "text", self._icon_px,
                                              checkable=True)
        self.mute_button = self._button("videoMute", "sound", self._icon_px, checkable=True)
        self.volume = ScrubBar("videoVolume", self)
        self.volume.setRange(0, 100)
        self.silent_label = self._label("videoSilent")
        self.silent_label.hide()

        bar = QHBoxLayout()
        bar.addWidget(self.elapsed)
        bar.addWidget(self.scrub, 1)
        bar.addWidget(self.remaining)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addWidget(self.play_button)
        row.addWidget(self.forward_button)
        row.addSpacing(metrics.px(6))
        row.addWidget(self.captions_button)
        row.addWidget(self.transcript_button)
        row.addStretch(1)
        row.addWidget(self.silent_label)
        row.addWidget(self.mute_button)
        row.addWidget(self.volume)
        self.volume.setFixedWidth(metrics.px(45))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addLayout(bar, 0, 0)
        grid.addLayout(row, 1, 0)

        self.play_button.clicked.connect(self._on_play_button_clicked)
        self.back_button.clicked.connect(self._on_back_button_clicked)
        self.forward_button.clicked.connect(self._on_forward_button_clicked)
        self.scrub.dragged.connect(self._on_scrub_dragged)
        self.scrub.released.connect(self._on_scrub_released)
        self.volume.dragged.connect(self._on_volume_dragged)
        self.volume.released.connect(self._on_volume_dragged)
        self.mute_button.toggled.connect(self._on_mute_button_toggled)
        self.captions_button.toggled.connect(self._on_captions_button_toggled)
        self.transcript_button.toggled.connect(self._on_transcript_button_toggled)
        self.set_language(language)
        self.set_position(0)

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        return label

    def _button(self, name: str, glyph: str, px: int, checkable: bool = False) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.setProperty("role", "player")
        button.setCheckable(checkable)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setIcon(icon(glyph, px, color("text")))
        button.setIconSize(QSize(px, px))
        return button

    # -- what the pane says ---------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        self._language = language
        lang = language
        names = (
            (self.back_button, tr("Back 10 seconds", lang), tr("Goes back ten seconds in the film", lang)),
            (self.forward_button, tr("Forward 10 seconds", lang),
             tr("Goes forward ten seconds in the film", lang)),
            (self.captions_button, tr("Captions", lang), tr("Shows or hides the film's captions", lang)),
            (self.transcript_button, tr("Transcript", lang),
             tr("Shows the film's words as text to read", lang)),
            (self.mute_button, tr("Mute", lang), tr("Turns the sound off or on", lang)),
            (self.volume, tr("Volume", lang), tr("Drag to make the sound louder or quieter", lang)),
            (self.scrub, tr("Position in the film", lang), tr("Drag to move through the film", lang)),
        )
        for widget, name, description in names:
            widget.setAccessibleName(name)
            widget.setAccessibleDescription(description)
        self.transcript_button.setText(tr("Transcript", lang))
        self.captions_button.setText(tr("Captions", lang))
        self.silent_label.setText(tr("silent", lang))
        self._name_play_button()

    def _name_play_button(self) -> None:
        lang = self._language
        self.play_button.setAccessibleName(tr("Pause", lang) if self._playing else tr("Play", lang))
        self.play_button.setAccessibleDescription(tr("Plays or pauses the film", lang))

    def set_playing(self, playing: bool) -> None:
        self._playing = playing
        px = self._big_px
        self.play_button.setIcon(icon("pause" if playing else "play", px, color("on_accent")))
        self._name_play_button()

    def refresh_icons(self) -> None:
        """Icons are drawn pixmaps: draw them again in the applied theme's colours."""
        for button, glyph in ((self.back_button, "back"), (self.forward_button, "forward"),
                              (self.captions_button, "cc"), (self.transcript_button, "text")):
            button.setIcon(icon(glyph, self._icon_px, color("text")))
        self.set_playing(self._playing)
        self.mute_button.setIcon(icon("muted" if self.mute_button.isChecked() else "sound",
                                      self._icon_px, color("text")))

    def set_duration(self, ms: int) -> None:
        self._duration = max(0, ms)
        self.scrub.setRange(0, self._duration)
        self.set_position(self.scrub.value())

    def set_position(self, ms: int) -> None:
        self.scrub.set_value_quietly(ms)
        shown = self.scrub.value() if self.scrub.is_dragging() else ms
        self.elapsed.setText(clock_text(shown))
        self.remaining.setText(remaining_text(shown, self._duration))

    def set_volume(self, percent: int, muted: bool) -> None:
        self.volume.set_value_quietly(percent)
        blocked = self.mute_button.blockSignals(True)
        self.mute_button.setChecked(muted)
        self.mute_button.blockSignals(blocked)
        self.mute_button.setIcon(icon("muted" if muted else "sound", self._icon_px, color("text")))

    def set_silent(self, silent: bool) -> None:
        """A film without sound says so instead of offering a volume."""
        self.silent_label.setVisible(silent)
        self.mute_button.setVisible(not silent)
        self.volume.setVisible(not silent)

    def set_captions(self, available: bool, on: bool) -> None:
        self.captions_button.setVisible(available)
        blocked = self.captions_button.blockSignals(True)
        self.captions_button.setChecked(on)
        self.captions_button.blockSignals(blocked)

    def set_transcript(self, available: bool, shown: bool) -> None:
        self.transcript_button.setVisible(available)
        blocked = self.transcript_button.blockSignals(True)
        self.transcript_button.setChecked(shown)
        self.transcript_button.blockSignals(blocked)

    # -- handlers ---------------------------------------------------------------------------------
    def _on_play_button_clicked(self) -> None:
        self.play_pause_requested.emit()

    def _on_back_button_clicked(self) -> None:
        self.skip_requested.emit(-SKIP_MS)

    def _on_forward_button_clicked(self) -> None:
        self.skip_requested.emit(SKIP_MS)

    def _on_scrub_dragged(self, ms: int) -> None:
        self.elapsed.setText(clock_text(ms))
        self.remaining.setText(remaining_text(ms, self._duration))
        self.scrubbing.emit(ms)

    def _on_scrub_released(self, ms: int) -> None:
        self.seek_requested.emit(ms)

    def _on_volume_dragged(self, percent: int) -> None:
        self.volume_requested.emit(percent)

    def _on_mute_button_toggled(self, muted: bool) -> None:
        self.mute_toggled.emit(muted)

    def _on_captions_button_toggled(self, on: bool) -> None:
        self.captions_toggled.emit(on)

    def _on_transcript_button_toggled(self, shown: bool) -> None:
        self.transcript_toggled.emit(shown)
