"""The bad-media child: opens files the way the kiosk does, one after another, and says so.

    python -m kiosk.reliability.media_probe --out FILE image:PATH video:PATH ...

Before opening a file it prints ``open KIND PATH`` (flushed), after it ``done PATH OUTCOME MS``,
so if the process dies the parent knows which file killed it (kiosk.reliability.bad_media).
The kind ``abort`` kills the child on purpose, to test exactly that.

Images go through every decode path the kiosk has: the gallery's header read, viewer decode and
cached thumbnail (kiosk.ui.gallery.decode), and the bounded decode of the chooser, title and
video posters (kiosk.ui.tabs.picture_view.read_picture). Films are opened twice: by a bare
QMediaPlayer with a QVideoSink (FFmpeg itself, nothing of ours in between), and by the Video
tab's PlaybackService; each until it errors, ends (seeking near the end once it plays) or 5 s
pass. Player commands go through queued connections, as the service's do: a direct stop() from
Python can deadlock against Qt's audio thread.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QGuiApplication

VIDEO_LIMIT_S = 5.0
UNLOAD_LIMIT_S = 2.0
NEAR_END_MS = 300


def _spin(done: Callable[[], bool], seconds: float) -> bool:
    """Run the event loop until ``done()`` or the deadline; True if done."""
    deadline = time.monotonic() + seconds
    while not done():
        if time.monotonic() > deadline:
            return False
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    return True


# -- images -----------------------------------------------------------------------------------------


def open_image(path: Path, cache: Path) -> str:
    from kiosk.ui.gallery.decode import picture_size, read_fitted, thumbnail
    from kiosk.ui.tabs.picture_view import read_picture

    poster = read_picture(path, 1920)
    w, h = picture_size(path)
    image, _, error = read_fitted(path, 1920, 1080)
    thumb, thumb_error = thumbnail(path, 283, 212, cache)
    if image.isNull() and thumb.isNull() and poster.isNull():
        return f"refused ({(error or thumb_error or 'unreadable')[:60]})"
    return f"decoded {w}x{h} viewer={image.width()}x{image.height()} poster={poster.width()}x{poster.height()}"


# -- films ------------------------------------------------------------------------------------------


class _Commands(QObject):
    source = Signal(QUrl)
    play = Signal()
    seek = Signal("qint64")


def open_video_bare(path: Path) -> str:
    from kiosk.ui.video.backend import multimedia

    qm = multimedia()
    player = qm.QMediaPlayer()
    sink = qm.QVideoSink()
    player.setVideoSink(sink)
    commands = _Commands()
    queued = Qt.ConnectionType.QueuedConnection
    commands.source.connect(player.setSource, queued)
    commands.play.connect(player.play, queued)
    commands.seek.connect(player.setPosition, queued)
    seen = {"frames": 0, "error": "", "end": False, "invalid": False, "seeked": False}
    status = qm.QMediaPlayer.MediaStatus

    def on_frame(frame: object) -> None:
        if frame.isValid():  # type: ignore[attr-defined]
            seen["frames"] += 1

    def on_status(s: object) -> None:
        if s == status.EndOfMedia:
            seen["end"] = True
        elif s == status.InvalidMedia:
            seen["invalid"] = True

    def on_error(error: object, message: str) -> None:
        if error != qm.QMediaPlayer.Error.NoError:
            seen["error"] = message or str(error)

    sink.videoFrameChanged.connect(on_frame)
    player.mediaStatusChanged.connect(on_status)
    player.errorOccurred.connect(on_error)
    commands.source.emit(QUrl.fromLocalFile(str(path)))
    commands.play.emit()

    def finished() -> bool:
        if not seen["seeked"] and seen["frames"] and player.duration() > 2 * NEAR_END_MS:
            seen["seeked"] = True
            commands.seek.emit(player.duration() - NEAR_END_MS)
        return bool(seen["error"] or seen["end"] or seen["invalid"])

    ended = _spin(finished, VIDEO_LIMIT_S)
    commands.source.emit(QUrl())  # unload, queued
    _spin(lambda: player.mediaStatus() == status.NoMedia, UNLOAD_LIMIT_S)
    for obj in (player, sink, commands):
        obj.deleteLater()
    QCoreApplication.processEvents()
    if seen["error"] or seen["invalid"]:
        return f"error ({str(seen['error'] or 'invalid media')[:60]}) frames={seen['frames']}"
    if seen["end"]:
        return f"ended frames={seen['frames']}"
    return f"gave up after {VIDEO_LIMIT_S:g} s frames={seen['frames']}" if not ended else "?"


_service: list[object] = []


def open_video_service(path: Path) -> str:
    from kiosk.ui.video.service import PlaybackService

    if not _service:  # one service for every film, as the Video tab keeps one
        _service.append(PlaybackService(None))
    service = _service[0]
    failures: list[str] = []
    service.failed.connect(lambda kind, detail: failures.append(f"{kind}: {detail}"))  # type: ignore[attr-defined]
    seeked = [False]

    def finished() -> bool:
        state = service.state  # type: ignore[attr-defined]
        if state == "playing" and not seeked[0] and service.frames_shown and service.duration() > 2 * NEAR_END_MS:  # type: ignore[attr-defined]
            seeked[0] = True
            service.seek(service.duration() - NEAR_END_MS)  # type: ignore[attr-defined]
        return state in ("ended", "error")

    service.play(path, 2000)  # type: ignore[attr-defined]
    _spin(finished, VIDEO_LIMIT_S)
    state, frames = service.state, service.frames_shown  # type: ignore[attr-defined]
    service.unload()  # type: ignore[attr-defined]
    _spin(service.is_unloaded, UNLOAD_LIMIT_S)  # type: ignore[attr-defined]
    service.failed.disconnect()  # type: ignore[attr-defined]
    if failures:
        return f"service {state} ({failures[-1][:60]})"
    return f"service {state} frames={frames}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kiosk.reliability.media_probe")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("files", nargs="+", metavar="KIND:PATH")
    args = parser.parse_args(argv)
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - image plugins and QtMultimedia need it
    results = []
    with tempfile.TemporaryDirectory(prefix="kiosk-probe-thumbs-") as cache:
        for spec in args.files:
            kind, _, name = spec.partition(":")
            path = Path(name)
            print(f"open {kind} {path}", flush=True)
            started = time.perf_counter()
            if kind == "image":
                outcome = open_image(path, Path(cache))
            elif kind == "abort":  # the parent's own test: a child that dies with a file open
                os.abort()
            else:
                outcome = open_video_bare(path) + "; " + open_video_service(path)
            ms = (time.perf_counter() - started) * 1000
            print(f"done {path} {ms:.0f} {outcome}", flush=True)
            results.append({"kind": kind, "file": str(path), "outcome": outcome, "ms": round(ms)})
    args.out.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
