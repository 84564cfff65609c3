"""Checking a video from its container header (PyAV), without decoding the film."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

VIDEO_SUFFIXES = frozenset({".mp4", ".m4v", ".webm"})
VIDEO_CODECS = frozenset({"h264", "hevc", "vp8", "vp9", "av1", "mpeg4"})
AUDIO_CODECS = frozenset({"aac", "mp3", "opus", "vorbis", "flac", "alac", "pcm_s16le"})


@dataclass(frozen=True)
class VideoProbe:
    duration_s: float = 0.0
    width: int = 0
    height: int = 0
    video_codec: str = ""
    audio_codec: str = ""
    error: str | None = None

    @property
    def has_audio(self) -> bool:
        return bool(self.audio_codec)


def probe_video(path: Path) -> VideoProbe:
    """Read codecs, size and duration. Never raises on bad content."""
    try:
        size = os.stat(path).st_size
    except OSError as exc:
        return VideoProbe(error=f"the file cannot be read ({exc.strerror or exc.__class__.__name__})")
    if size == 0:
        return VideoProbe(error="the file is empty (0 bytes)")
    if path.suffix.lower() in (".mp4", ".m4v"):
        problem = mp4_box_problem(path, size)
        if problem:
            return VideoProbe(error=problem)
    import av

    try:
        with av.open(str(path), mode="r", options={"protocol_whitelist": "file"}) as container:
            vstreams = list(container.streams.video)
            astreams = list(container.streams.audio)
            if not vstreams:
                return VideoProbe(error="the file has no video stream")
            v = vstreams[0]
            vcodec = (v.codec_context.name or "").lower()
            acodec = (astreams[0].codec_context.name or "").lower() if astreams else ""
            duration = 0.0
            if container.duration:
                duration = container.duration / 1_000_000
            elif v.duration and v.time_base:
                duration = float(v.duration * v.time_base)
            width, height = v.codec_context.width, v.codec_context.height
    except Exception as exc:  # PyAV raises av.error.* subclasses of various bases
        return VideoProbe(error=f"the video is corrupt or not a video ({exc.__class__.__name__})")
    if vcodec not in VIDEO_CODECS:
        return VideoProbe(error=f"the video codec '{vcodec}' is not supported; use H.264 (MP4) or VP9 (WebM)")
    if acodec and acodec not in AUDIO_CODECS:
        return VideoProbe(error=f"the audio codec '{acodec}' is not supported; use AAC (MP4) or Opus (WebM)")
    if duration <= 0:
        return VideoProbe(error="the video has no duration (it may be truncated)")
    if width <= 0 or height <= 0:
        return VideoProbe(error="the video has no picture size (it may be truncated)")
    return VideoProbe(duration, width, height, vcodec, acodec)


_FIRST_BOXES = frozenset({b"ftyp", b"styp", b"moov", b"mdat", b"free", b"skip", b"wide", b"pdin", b"uuid"})


def mp4_box_problem(path: Path, size: int) -> str | None:
    """Walk the top-level MP4 boxes: a box running past the end means the file was cut short."""
    offset = 0
    seen: set[bytes] = set()
    try:
        with path.open("rb") as f:
            while offset < size:
                f.seek(offset)
                head = f.read(16)
                if len(head) < 8:
                    return "the video is truncated (its last box is cut short)"
                box_size = int.from_bytes(head[:4], "big")
                kind = head[4:8]
                if offset == 0 and kind not in _FIRST_BOXES:
                    return "the file is not an MP4 video (it may be corrupt)"
                if box_size == 1:
                    if len(head) < 16:
                        return "the video is truncated (its last box is cut short)"
                    box_size = int.from_bytes(head[8:16], "big")
                elif box_size == 0:  # runs to the end of the file
                    box_size = size - offset
                if box_size < 8:
                    return "the video is corrupt (an MP4 box has an impossible size)"
                if offset + box_size > size:
                    return "the video is truncated (its end is missing)"
                seen.add(kind)
                offset += box_size
    except OSError as exc:
        return f"the file cannot be read ({exc.strerror or exc.__class__.__name__})"
    if b"ftyp" not in seen and b"moov" not in seen:
        return "the file is not an MP4 video"
    if b"moov" not in seen:
        return "the video has no index (moov box); it may be truncated"
    return None
