"""Plain rules the video player follows, kept free of Qt so they are tested without a display.

How times are written on the controls, which caption and transcript language a visitor gets,
whether a film that "ended" really reached its end, and a cheap container check that turns a
file cut short into a calm message before the decoder ever sees it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from kiosk.core.captions import CaptionTrack, read_captions
from kiosk.core.findings import FindingSink
from kiosk.core.tables import decode_text
from kiosk.core.videoprobe import mp4_box_problem  # the validator's own box walk: one rule

#: A film that stops this far (or this share) short of its length was cut short.
EARLY_END_MS = 250
EARLY_END_SHARE = 0.03


def clock_text(ms: int) -> str:
    """``1:05`` or ``1:02:03``: elapsed time on the player, never negative."""
    total = max(0, int(ms) // 1000)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def remaining_text(position_ms: int, duration_ms: int) -> str:
    """``−0:42``: what is left, rounded up so it reaches 0:00 only at the very end."""
    left = max(0, int(duration_ms) - int(position_ms))
    return "\u2212" + clock_text(left + 999)


def pick_language(available: Mapping[str, Path], language: str, default: str) -> str | None:
    """The visitor's language if there is a file for it, else the default, else any."""
    for code in (language, default):
        if code in available:
            return code
    return next(iter(sorted(available)), None)


def ended_early(last_frame_ms: int, duration_ms: int) -> bool:
    """True when a film reported its end well before its stated length (a truncated file)."""
    if duration_ms <= 0:
        return True
    slack = max(EARLY_END_MS, round(duration_ms * EARLY_END_SHARE))
    return last_frame_ms < duration_ms - slack


def container_problem(path: Path) -> str | None:
    """A reason not to open ``path`` at all (missing, empty, an MP4 cut short), else None."""
    try:
        size = os.stat(path).st_size
    except OSError as exc:
        return f"the file cannot be read ({exc.strerror or exc.__class__.__name__})"
    if size == 0:
        return "the file is empty (0 bytes)"
    if path.suffix.lower() in (".mp4", ".m4v", ".mov"):
        return mp4_box_problem(path, size)
    return None


def load_captions(path: Path) -> CaptionTrack:
    """Cues for the player; problems were already reported to staff by the validator."""
    return read_captions(path, FindingSink(path.parent))


def load_transcript(transcripts: Mapping[str, Path], captions: Mapping[str, Path],
                    language: str, default: str) -> str:
    """The visitor's words first: a transcript file, else one built from the captions; then the
    same in the default language; then whatever exists."""
    for code in dict.fromkeys((language, default, *sorted(transcripts), *sorted(captions))):
        if code in transcripts:
            try:
                path = transcripts[code]
                text = decode_text(path.read_bytes(), path, FindingSink(path.parent)).strip()
            except OSError:
                text = ""
            if text:
                return text
        if code in captions:
            text = load_captions(captions[code]).transcript()
            if text:
                return text
    return ""
