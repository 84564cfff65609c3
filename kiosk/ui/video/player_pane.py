"""The player side of the Video tab: picture, captions, controls, transcript and error card.

The controls announce intent; this pane turns it into calls on the one ``PlaybackService``,
which it creates the first time a visitor plays a film (QtMultimedia is not loaded before).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QImage, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QSpacerItem, QStackedWidget, QVBoxLayout, QWidget

from kiosk.core.captions import CaptionTrack
from kiosk.core.model import VideoItem
from kiosk.core.playback import load_captions, load_transcript, pick_language
from kiosk.ui.metrics import Metrics
from kiosk.ui.i18n import tr
from kiosk.ui.tabs.picture_view import read_picture
from kiosk.ui.video.caption_overlay import CaptionOverlay
from kiosk.ui.video.controls import PlayerControls
from kiosk.ui.video.error_card import ErrorCard
from kiosk.ui.video.frame_view import FrameView
from kiosk.ui.video.transcript_view import TranscriptView

POSTER_MAX_PX = 1920


class PlayerPane(QWidget):
    #: True while a film plays; False when it pauses, ends, fails or is stopped.
    playing_changed = Signal(bool)
    #: A film started from its beginning (visit analytics: an item opened).
    started = Signal(object)  # Path
    #: How much of a film was watched, 0–1, when it pauses, ends or is stopped (visit analytics).
    watched = Signal(object, float)  # Path, fraction

    def __init__(self, metrics: Metrics, language: str, default_language: str,
                 volume_percent: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("videoPlayer")
        self._language = language
        self._default_language = default_language
        self._default_volume = volume_percent
        self._volume = volume_percent
        self._muted = False
        self._captions_on = True
        self._item: VideoItem | None = None
        self._error: tuple[str, str] | None = None
        self._playing = False
        self._furthest_ms = 0
        self._service = None  # PlaybackService, created on first play
        self._posters: dict[object, QImage] = {}
        self.title = QLabel(self)
        self.title.setObjectName("videoTitle")
        self.title.setWordWrap(True)
        self.frame = FrameView(self)
        self.caption = CaptionOverlay(self.frame)
        self.error_card = ErrorCard(self.frame)
        self.transcript = TranscriptView(self)
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.frame)
        self._stack.addWidget(self.transcript)
        self.controls = PlayerControls(metrics, language, self)
        self.info = QLabel(self)
        self.info.setObjectName("videoInfo")
        self.info.setWordWrap(True)
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # Empty unless low reach asks for it: then it takes the spare height, so the film and
        # its controls sit at the bottom of the pane.
        self._top_space = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        layout.addItem(self._top_space)
        layout.addWidget(self.title)
        layout.addWidget(self._stack, 1)
        layout.addWidget(self.controls)
        layout.addWidget(self.info)
        layout.addStretch(0)  # a tall (portrait) pane keeps the picture at its own shape
        self.frame.tapped.connect(self._on_frame_tapped)
        c = self.controls
        c.play_pause_requested.connect(self._on_controls_play_pause_requested)
        c.skip_requested.connect(self._on_controls_skip_requested)
        c.seek_requested.connect(self._on_controls_seek_requested)
        c.scrubbing.connect(self._on_controls_scrubbing)
        c.volume_requested.connect(self._on_controls_volume_requested)
        c.mute_toggled.connect(self._on_controls_mute_toggled)
        c.captions_toggled.connect(self._on_controls_captions_toggled)
        c.transcript_toggled.connect(self._on_controls_transcript_toggled)
        c.set_volume(self._volume, self._muted)

    # -- what the tab asks -------------------------------------------------------------------
    @property
    def service(self):  # type: ignore[no-untyped-def]  # PlaybackService | None (lazy import)
        return self._service

    def is_playing(self) -> bool:
        return self._playing

    def show_item(self, item: VideoItem | None) -> None:
        """Show a film's poster, title and captions, ready to play; stops the one before."""
        if item is not self._item:
            self.stop()
            self._furthest_ms = 0
        self._item = item
        self._error = None
        self.error_card.hide()
        self._stack.setCurrentWidget(self.frame)
        self.frame.set_poster(self._poster(item), QSize(item.width, item.height) if item else None)
        self._fit_picture()
        self.frame.set_moving(False)
        self.controls.set_duration(round(item.duration_s * 1000) if item else 0)
        self.controls.set_position(0)
        self._load_text()

    def set_language(self, language: str) -> None:
        before = self._versions()
        self._language = language
        self.controls.set_language(language)
        if self._item is not None and self._versions() != before:
            # The film (or its poster) has a version in this language: the other one stops and
            # this one is ready to play from its poster.
            if self._service is not None and self._service.path == before[0]:
                self.stop()
            self.frame.set_poster(self._poster(self._item), QSize(self._item.width, self._item.height))
        self._load_text(keep_position=True)
        if self._error is not None:
            self._show_error(*self._error)

    def set_low_reach(self, low: bool) -> None:
        policy = QSizePolicy.Policy.Expanding if low else QSizePolicy.Policy.Fixed
        self._top_space.changeSize(0, 0, QSizePolicy.Policy.Minimum, policy)
        self._layout.setStretch(0, 1 if low else 0)
        self._layout.invalidate()

    def refresh_icons(self) -> None:
        """The theme changed: redraw the controls' icons in its colours."""
        self.controls.refresh_icons()

    def toggle(self) -> None:
        """Play or pause (the big button, a tap on the picture, Space in classroom mode)."""
        if self._item is None:
            return
        service = self._ensure_service()
        if service.state == "playing":
            service.pause()
        elif service.state in ("paused", "ended") and service.path == self._film():
            service.resume()
        else:
            self.error_card.hide()
            self._error = None
            self._furthest_ms = 0
            service.play(self._film(), round(self._item.duration_s * 1000))
            self.started.emit(self._item.path)  # the item, whichever language's file plays
        if self._stack.currentWidget() is self.transcript:
            self._set_transcript_shown(False)

    def stop(self) -> None:
        """Stop and unload (the visitor left the tab, or the visit ended); back to the poster."""
        if self._service is not None and self._service.state != "idle":
            if self._service.state in ("playing", "paused"):
                self._report_watched()
            self._service.unload()
        self._return_to_poster()

    def reset(self) -> None:
        """The next visitor finds captions on, the transcript closed and the default volume."""
        self.stop()
        self._volume = self._default_volume
        self._muted = False
        self._captions_on = True
        if self._service is not None:
            self._service.set_volume(self._volume)
            self._service.set_muted(False)
        self.controls.set_volume(self._volume, False)
        self.caption.set_enabled(True)
        self._set_transcript_shown(False)
        self._load_text()

    def caption_text(self) -> str:
        """What the caption box says now ('' when it is hidden)."""
        return self.caption.text() if self.caption.isVisible() else ""

    # -- inside ------------------------------------------------------------------------------
    def _ensure_service(self):  # type: ignore[no-untyped-def]
        if self._service is None:
            from kiosk.ui.video.service import PlaybackService

            service = PlaybackService(self, volume_percent=self._volume)
            service.set_muted(self._muted)
            service.state_changed.connect(self._on_service_state_changed)
            service.position_changed.connect(self._on_service_position_changed)
            service.duration_changed.connect(self._on_service_duration_changed)
            service.frame_changed.connect(self._on_service_frame_changed)
            service.failed.connect(self._on_service_failed)
            self._service = service
        return self._service

    def _film(self) -> Path | None:
        """The file played for the visitor's language (``NAME.ru.mp4`` if there is one)."""
        return self._item.path_for(self._language) if self._item is not None else None

    def _versions(self) -> tuple[Path | None, Path | None]:
        item = self._item
        return (self._film(), item.poster_for(self._language) if item is not None else None)

    def _poster(self, item: VideoItem | None) -> QImage:
        poster = item.poster_for(self._language) if item is not None else None
        if poster is None:
            return QImage()
        if poster not in self._posters:
            self._posters[poster] = read_picture(poster, POSTER_MAX_PX)
        return self._posters[poster]

    def _load_text(self, keep_position: bool = False) -> None:
        item, lang = self._item, self._language
        if item is None:
            self.title.clear()
            self.info.clear()
            self.caption.set_track(CaptionTrack(()))
            self.controls.set_captions(False, False)
            self.controls.set_transcript(False, False)
            return
        self.title.setText(item.info.title.get(lang) or item.info.caption.get(lang) or item.name)
        parts = [item.info.caption.get(lang), item.info.credit.get(lang)]
        if item.silent:
            parts.insert(0, tr("silent", lang).capitalize())
        self.info.setText("  ·  ".join(p for p in parts if p))
        code = pick_language(item.captions, lang, self._default_language)
        track = load_captions(item.captions[code]) if code is not None else CaptionTrack(())
        self.caption.set_track(track)
        self.caption.set_enabled(self._captions_on)
        if keep_position and self._service is not None and self._service.path == self._film():
            self.caption.show_at(self._service.position())
        self.controls.set_captions(bool(track.cues), self._captions_on)
        self.controls.set_silent(item.silent)
        has_transcript = bool(item.transcripts or track.cues)
        shown = self._stack.currentWidget() is self.transcript
        self.controls.set_transcript(has_transcript, shown)
        if shown:
            self.transcript.set_transcript(load_transcript(
                item.transcripts, item.captions, lang, self._default_language))

    def _return_to_poster(self) -> None:
        self.frame.set_frame_provider(None)
        self.frame.set_moving(False)
        self.controls.set_position(0)
        self.caption.show_at(-1)
        self._set_playing(False)

    def _set_playing(self, playing: bool) -> None:
        self.controls.set_playing(playing)
        if playing != self._playing:
            self._playing = playing
            self.playing_changed.emit(playing)

    def _set_transcript_shown(self, shown: bool) -> None:
        if shown and self._item is not None:
            self.transcript.set_transcript(load_transcript(
                self._item.transcripts, self._item.captions, self._language, self._default_language))
            if self._playing and self._service is not None:
                self._service.pause()
        self._stack.setCurrentWidget(self.transcript if shown else self.frame)
        self.controls.set_transcript(self.controls.transcript_button.isVisible(), shown)

    def _show_error(self, kind: str, _detail: str) -> None:
        lang = self._language
        if kind == "truncated":
            heading = tr("This film stops early", lang)
            body = tr("Part of its file is missing. Please choose another film; staff have been "
                      "told.", lang)
        else:
            heading = tr("This film cannot be shown", lang)
            body = tr("Its file seems to be damaged. Please choose another film; staff have been "
                      "told.", lang)
        self.error_card.show_message(heading, body)
        self.frame.relayout()

    def _fit_picture(self) -> None:
        """No black bands above and below the film when the pane is taller than it needs."""
        aspect = self.frame.aspect()
        self._stack.setMaximumHeight(max(90, round(self.width() * aspect.height() / aspect.width())))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_picture()

    # -- handlers ----------------------------------------------------------------------------
    def _on_frame_tapped(self) -> None:
        if not self.error_card.isVisible():
            self.toggle()

    def _on_controls_play_pause_requested(self) -> None:
        self.toggle()

    def _on_controls_skip_requested(self, delta_ms: int) -> None:
        if self._service is not None:
            self._service.skip(delta_ms)

    def _on_controls_seek_requested(self, ms: int) -> None:
        if self._service is not None and self._service.state not in ("idle", "error"):
            self._service.seek(ms)
            self.caption.show_at(ms)
        else:
            self.controls.set_position(0)

    def _on_controls_scrubbing(self, ms: int) -> None:
        self.caption.show_at(ms if self._service is not None and self._service.state != "idle" else -1)

    def _on_controls_volume_requested(self, percent: int) -> None:
        self._volume = percent
        if self._service is not None:
            self._service.set_volume(percent)

    def _on_controls_mute_toggled(self, muted: bool) -> None:
        self._muted = muted
        if self._service is not None:
            self._service.set_muted(muted)
        self.controls.set_volume(self._volume, muted)

    def _on_controls_captions_toggled(self, on: bool) -> None:
        self._captions_on = on
        self.caption.set_enabled(on)

    def _on_controls_transcript_toggled(self, shown: bool) -> None:
        self._set_transcript_shown(shown)

    def _on_service_state_changed(self, state: str) -> None:
        service = self._service
        if state in ("loading", "playing", "paused"):
            self.frame.set_frame_provider(service.current_image)
        self.frame.set_moving(state == "playing")
        if state == "ended":
            self._furthest_ms = max(self._furthest_ms, self._duration_ms())
            self._report_watched()
        elif state == "paused":
            self._report_watched()
        if state in ("ended", "idle"):
            self._return_to_poster()
        else:
            self._set_playing(state == "playing")

    def _duration_ms(self) -> int:
        service_ms = self._service.duration() if self._service is not None else 0
        return service_ms or (round(self._item.duration_s * 1000) if self._item else 0)

    def _report_watched(self) -> None:
        total = self._duration_ms()
        if self._item is not None and total > 0:
            self.watched.emit(self._item.path, min(1.0, self._furthest_ms / total))

    def _on_service_position_changed(self, ms: int) -> None:
        self._furthest_ms = max(self._furthest_ms, ms)
        self.controls.set_position(ms)
        self.caption.show_at(ms)

    def _on_service_duration_changed(self, ms: int) -> None:
        self.controls.set_duration(ms)

    def _on_service_frame_changed(self) -> None:
        self.frame.update()

    def _on_service_failed(self, kind: str, detail: str) -> None:
        self._error = (kind, detail)
        self._return_to_poster()
        self._show_error(kind, detail)
