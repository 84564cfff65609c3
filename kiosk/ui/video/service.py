"""One QMediaPlayer (and its audio output and video sink) for the whole tab, reused for every film.

Why it looks the way it does:

* Every call that can tear down FFmpeg's playback engine (a new source, stop) reaches the player
  through a *queued* Qt connection to its C++ slot. The call then runs from the event loop with
  Python's lock released; called straight from Python it can deadlock, because Qt's audio thread
  needs that lock while the UI thread waits inside ``stop()`` for a mutex the audio thread holds.
* Nothing waits: loading has a watchdog, and a film that loads but never shows a frame has one
  too, so a corrupt file ends in ``failed`` within seconds instead of a frozen screen.
* A truncated MP4 that keeps its index plays part of the file and then reports its end early;
  the last frame's time against the film's length tells the two apart.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QImage
from PySide6.QtCore import QSize

from kiosk.core.playback import container_problem, ended_early
from kiosk.ui.video.backend import has_audio_device, known_audio, multimedia
from kiosk.ui.video.frame_convert import frame_to_image

log = logging.getLogger(__name__)

LOAD_TIMEOUT_MS = 4000  # opening a file: LoadedMedia or an error within this
FIRST_FRAME_TIMEOUT_MS = 3000  # from "play" to the first picture


class PlaybackService(QObject):
    """Plays one film at a time and says what happens, in the visitor's terms."""

    #: "idle", "loading", "playing", "paused", "ended" or "error"
    state_changed = Signal(str)
    position_changed = Signal(int)  # ms
    duration_changed = Signal(int)  # ms
    frame_changed = Signal()  # a new picture is ready: ask ``current_image()``
    #: why a film cannot be shown: "unreadable", "truncated" or "timeout", and a line for staff logs
    failed = Signal(str, str)

    # Commands for the player, connected queued to its C++ slots (see the module docstring).
    _cmd_source = Signal(QUrl)
    _cmd_play = Signal()
    _cmd_pause = Signal()
    _cmd_stop = Signal()
    _cmd_seek = Signal("qint64")

    def __init__(self, parent: QObject | None = None, *, volume_percent: int = 60,
                 sound: bool | None = None) -> None:
        super().__init__(parent)
        qm = multimedia()
        self._qm = qm
        self._player = qm.QMediaPlayer(self)
        self._sink = qm.QVideoSink(self)
        self._player.setVideoSink(self._sink)
        self._audio = None
        queued = Qt.ConnectionType.QueuedConnection
        self._cmd_source.connect(self._player.setSource, queued)
        self._cmd_play.connect(self._player.play, queued)
        self._cmd_pause.connect(self._player.pause, queued)
        self._cmd_stop.connect(self._player.stop, queued)
        self._cmd_seek.connect(self._player.setPosition, queued)
        self._player.mediaStatusChanged.connect(self._on_player_media_status_changed)
        self._player.playbackStateChanged.connect(self._on_player_playback_state_changed)
        self._player.errorOccurred.connect(self._on_player_error_occurred)
        self._player.positionChanged.connect(self._on_player_position_changed)
        self._player.durationChanged.connect(self._on_player_duration_changed)
        self._sink.videoFrameChanged.connect(self._on_sink_video_frame_changed)
        self._load_watchdog = self._timer("videoLoadWatchdog", LOAD_TIMEOUT_MS,
                                          self._on_load_watchdog_timeout)
        self._frame_watchdog = self._timer("videoFrameWatchdog", FIRST_FRAME_TIMEOUT_MS,
                                           self._on_frame_watchdog_timeout)
        self._path: Path | None = None
        self._state = "idle"
        self._frame = None  # the last valid QVideoFrame
        self._image = QImage()
        self._image_stale = False
        self._last_frame_ms = 0
        self._frames = 0
        self._damage = ""
        self._expected_ms = 0
        self._volume = 0
        self._muted = False
        self.set_volume(volume_percent)
        # No device: no audio output at all, so the film still plays (silently).
        self._sound_decided = sound is not None  # by the caller: no later audio check changes it
        if has_audio_device() if sound is None else sound:
            self._attach_audio()

    def _timer(self, name: str, ms: int, slot: object) -> QTimer:
        timer = QTimer(self)
        timer.setObjectName(name)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    # -- what the tab asks --------------------------------------------------------------------
    @property
    def state(self) -> str:
        return self._state

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def frames_shown(self) -> int:
        """Pictures received since the current film was loaded (tests read frames here)."""
        return self._frames

    @property
    def has_sound_output(self) -> bool:
        return self._audio is not None

    def is_unloaded(self) -> bool:
        """True once the player has really let go of its file (the queued unload has run)."""
        return self._player.mediaStatus() == self._qm.QMediaPlayer.MediaStatus.NoMedia

    def position(self) -> int:
        return int(self._player.position())

    def duration(self) -> int:
        return int(self._player.duration()) or self._expected_ms

    def play(self, path: Path, expected_ms: int = 0) -> None:
        """Play ``path`` (loading it first if it is not the current film)."""
        if path != self._path or self._state in ("idle", "error"):
            if self._audio is None and not self._sound_decided and known_audio() and self.is_unloaded():
                # The audio check found a device after this player was made. Only with no film
                # loaded: then the call tears down no playback engine (see the module docstring).
                self._attach_audio()
            problem = container_problem(path)
            self._path = path
            self._expected_ms = max(0, expected_ms)
            self._reset_progress()
            if problem:
                self._fail("truncated" if "truncated" in problem or "index" in problem
                           else "unreadable", problem)
                return
            self._set_state("loading")
            self._load_watchdog.start()
            self._cmd_source.emit(QUrl.fromLocalFile(str(path)))
        elif self._state == "ended":
            self._reset_progress()
            self._set_state("loading")
        if self._frames == 0:
            self._frame_watchdog.start()
        self._cmd_play.emit()

    def resume(self) -> None:
        if self._path is not None and self._state in ("paused", "ended"):
            self.play(self._path, self._expected_ms)

    def pause(self) -> None:
        if self._state in ("playing", "loading"):
            self._frame_watchdog.stop()
            self._cmd_pause.emit()
            if self._state == "loading":
                self._set_state("paused")

    def seek(self, ms: int) -> None:
        if self._path is not None and self._state not in ("idle", "error"):
            self._cmd_seek.emit(max(0, min(int(ms), max(0, self.duration() - 1))))

    def skip(self, delta_ms: int) -> None:
        self.seek(self.position() + delta_ms)

    def unload(self) -> None:
        """Stop and let go of the file (visitor left, idle reset). Never blocks the UI thread."""
        self._load_watchdog.stop()
        self._frame_watchdog.stop()
        had_source = self._path is not None
        self._path = None
        self._frame = None
        if had_source:
            self._cmd_source.emit(QUrl())
        self._set_state("idle")

    def _attach_audio(self) -> None:
        self._audio = self._qm.QAudioOutput(self)
        self._player.setAudioOutput(self._audio)
        self.set_volume(self._volume)
        self.set_muted(self._muted)

    def set_volume(self, percent: int) -> None:
        self._volume = max(0, min(100, int(percent)))
        if self._audio is not None:
            qt_audio = self._qm.QtAudio
            linear = qt_audio.convertVolume(self._volume / 100.0,
                                            qt_audio.VolumeScale.LogarithmicVolumeScale,
                                            qt_audio.VolumeScale.LinearVolumeScale)
            self._audio.setVolume(linear)

    def volume(self) -> int:
        return self._volume

    def set_muted(self, muted: bool) -> None:
        self._muted = muted
        if self._audio is not None:
            self._audio.setMuted(muted)

    def is_muted(self) -> bool:
        return self._muted

    def current_image(self, size: QSize | None = None) -> QImage:
        """The newest picture at ``size`` (its own size if None), converted only when painted."""
        if self._frame is None:
            return self._image
        want = size if size is not None and not size.isEmpty() else self._frame.size()
        if self._image_stale or want != self._image.size():
            image = frame_to_image(self._frame, want)
            if not image.isNull():
                self._image = image
            self._image_stale = False
        return self._image

    # -- inside ---------------------------------------------------------------------------------
    def _reset_progress(self) -> None:
        self._damage = ""
        self._frames = 0
        self._last_frame_ms = 0

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state)

    def _fail(self, kind: str, detail: str) -> None:
        log.warning("video %s cannot be shown (%s): %s", self._path, kind, detail)
        self._load_watchdog.stop()
        self._frame_watchdog.stop()
        self._cmd_source.emit(QUrl())
        self._frame = None
        self._set_state("error")
        self.failed.emit(kind, detail)

    def _on_player_media_status_changed(self, status: object) -> None:
        ms = self._qm.QMediaPlayer.MediaStatus
        if self._path is None or self._state == "error":
            return
        if status in (ms.LoadedMedia, ms.BufferingMedia, ms.BufferedMedia):
            self._load_watchdog.stop()
        elif status == ms.InvalidMedia:
            self._fail("unreadable", "the player cannot open this file")
        elif status == ms.EndOfMedia:
            self._frame_watchdog.stop()
            if self._frames == 0 or self._damage or ended_early(self._last_frame_ms,
                                                                self.duration()):
                self._fail("truncated", f"ended at {self._last_frame_ms} ms of {self.duration()} ms")
            else:
                self._set_state("ended")

    def _on_player_playback_state_changed(self, state: object) -> None:
        ps = self._qm.QMediaPlayer.PlaybackState
        if self._path is None or self._state in ("error", "ended"):
            return
        if state == ps.PlayingState:
            self._set_state("playing")
        elif state == ps.PausedState:
            self._set_state("paused")

    def _on_player_error_occurred(self, error: object, message: str) -> None:
        if self._path is None or error == self._qm.QMediaPlayer.Error.NoError:
            return
        if self._frames > 0 and self._state in ("playing", "paused"):
            # Damage part-way through: let what can play, play; the end says it stopped early.
            # Should the pictures stop coming instead, the frame watchdog ends it.
            self._damage = message or str(error)
            self._frame_watchdog.start()
            return
        self._fail("unreadable", message or str(error))

    def _on_player_position_changed(self, position: int) -> None:
        if self._path is not None:
            self.position_changed.emit(int(position))

    def _on_player_duration_changed(self, duration: int) -> None:
        if self._path is not None:
            self.duration_changed.emit(int(duration) or self._expected_ms)

    def _on_sink_video_frame_changed(self, frame: object) -> None:
        # An empty frame comes at stop and between films: keep the last picture (no black flash).
        if self._path is None or not frame.isValid():  # type: ignore[attr-defined]
            return
        self._frame = frame
        self._image_stale = True
        self._frames += 1
        self._last_frame_ms = max(self._last_frame_ms, int(frame.endTime()) // 1000)  # type: ignore[attr-defined]
        if self._damage:
            self._frame_watchdog.start()  # still coming after damage: keep watching
        elif self._frames == 1:
            self._frame_watchdog.stop()
        self.frame_changed.emit()

    def _on_load_watchdog_timeout(self) -> None:
        self._fail("timeout", f"not loaded after {LOAD_TIMEOUT_MS} ms")

    def _on_frame_watchdog_timeout(self) -> None:
        if self._damage:
            self._fail("truncated", f"pictures stopped after damage: {self._damage}")
        else:
            self._fail("timeout", f"no picture {FIRST_FRAME_TIMEOUT_MS} ms after play")
