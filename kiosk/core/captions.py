"""Caption tracks: WebVTT and SubRip parsed by the project's own code.

The video player draws cues itself, so it needs them as plain data; staff need every malformed
cue named by its line. Parsing never raises: problems become findings and the cue is skipped.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

from kiosk.core.findings import FindingSink
from kiosk.core.tables import decode_text

MAX_LINE_CHARS = 32
MAX_LINES = 3
_LOOKBACK = 64  # cues before the position that may still be showing (overlaps)

_TIME = r"(?:(\d{1,3}):)?([0-5]\d):([0-5]\d)[.,](\d{3})"
_TIMING = re.compile(rf"^\s*{_TIME}\s+-->\s+{_TIME}(?:\s+.*)?$")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>|<\d[^>]*>")


@dataclass(frozen=True)
class Cue:
    start_ms: int
    end_ms: int
    lines: tuple[str, ...]
    line: int  # where the cue's timing line stands in the file

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(frozen=True)
class CaptionTrack:
    cues: tuple[Cue, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [c.start_ms for c in self.cues])

    def active(self, position_ms: int) -> tuple[Cue, ...]:
        """Every cue showing at a playback position, earliest first (cues may overlap)."""
        i = bisect.bisect_right(self._starts, position_ms)  # type: ignore[attr-defined]
        showing = [c for c in self.cues[max(0, i - _LOOKBACK):i] if c.start_ms <= position_ms < c.end_ms]
        return tuple(showing)

    def at(self, position_ms: int) -> Cue | None:
        """The most recently started cue showing at a position, if any."""
        showing = self.active(position_ms)
        return showing[-1] if showing else None

    def text_at(self, position_ms: int) -> str:
        """What the caption box shows: overlapping cues stacked, earliest on top."""
        return "\n".join(c.text for c in self.active(position_ms))

    def transcript(self) -> str:
        return "\n".join(" ".join(c.lines) for c in self.cues)


def _ms(groups: tuple[str | None, ...]) -> int:
    h, m, s, ms = groups
    return ((int(h or 0) * 60 + int(m or 0)) * 60 + int(s or 0)) * 1000 + int(ms or 0)


def parse_captions(text: str, path: Path, sink: FindingSink) -> CaptionTrack:
    """Parse WebVTT (`.vtt`) or SubRip (`.srt`) text, chosen by the file's suffix."""
    is_vtt = path.suffix.lower() == ".vtt"
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    i = 0
    if is_vtt:
        if not lines or not lines[0].lstrip("\ufeff").startswith("WEBVTT"):
            sink.error(path, "a WebVTT file must start with the line 'WEBVTT'", line=1)
            return CaptionTrack(())
        i = 1
        while i < len(lines) and lines[i].strip():  # header block
            i += 1
    cues: list[Cue] = []
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        block_start = i
        block: list[str] = []
        while i < len(lines) and lines[i].strip():
            block.append(lines[i])
            i += 1
        if is_vtt and block[0].startswith(("NOTE", "STYLE", "REGION")):
            continue
        timing_index = next((k for k, ln in enumerate(block[:2]) if "-->" in ln), None)
        if timing_index is None:
            sink.error(
                path,
                "this cue has no timing line (start --> end)",
                line=block_start + 1,
                hint="a cue is an optional number, then '00:00:01.000 --> 00:00:04.000', then its text",
            )
            continue
        line_no = block_start + timing_index + 1
        m = _TIMING.match(block[timing_index])
        if not m:
            sink.error(
                path,
                f"malformed cue timing: '{block[timing_index].strip()}'",
                line=line_no,
                hint="write times as HH:MM:SS.mmm (or MM:SS.mmm), e.g. 00:01:02.500 --> 00:01:05.000",
            )
            continue
        start, end = _ms(m.groups()[:4]), _ms(m.groups()[4:])
        if end <= start:
            sink.error(path, "this cue ends before it starts", line=line_no)
            continue
        text_lines = tuple(_TAG.sub("", t).strip() for t in block[timing_index + 1 :])
        text_lines = tuple(t for t in text_lines if t)
        if not text_lines:
            sink.warning(path, "this cue has no text", line=line_no)
            continue
        if len(text_lines) > MAX_LINES:
            sink.warning(path, f"this cue has {len(text_lines)} lines; keep captions to 1–3", line=line_no)
        long = [t for t in text_lines if len(t) > MAX_LINE_CHARS]
        if long:
            sink.warning(
                path,
                f"a caption line has {len(long[0])} characters; at most {MAX_LINE_CHARS} read well",
                line=line_no,
                hint="split the text over two lines or two cues",
            )
        cues.append(Cue(start, end, text_lines, line_no))
    if not cues:
        sink.error(path, "the caption file has no usable cues")
    cues.sort(key=lambda c: c.start_ms)
    return CaptionTrack(tuple(cues))


def read_captions(path: Path, sink: FindingSink) -> CaptionTrack:
    try:
        data = path.read_bytes()
    except OSError as exc:
        sink.error(path, f"the caption file cannot be read ({exc.strerror or exc.__class__.__name__})")
        return CaptionTrack(())
    return parse_captions(decode_text(data, path, sink), path, sink)
