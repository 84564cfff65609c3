"""Hypothesis: whatever staff put in a file, the parsers turn problems into findings, never crash."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.core.captions import parse_captions
from kiosk.core.findings import FindingSink
from kiosk.core.frontmatter import parse_front_matter
from kiosk.core.manifest import read_manifest
from kiosk.core.series import build_series, read_series_file
from kiosk.core.tables import read_table

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that looks like what each format holds, mixed with anything at all.
_csv_cell = st.one_of(st.text(max_size=12), st.sampled_from(["1924", "1924-01-01", "446,089", "yes", '"a,b"', ""]))
_csv_text = st.lists(st.lists(_csv_cell, max_size=8).map(",".join), max_size=8).map("\n".join)
_vtt_line = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["WEBVTT", "", "00:00:01.000 --> 00:00:02.000", "1", "00:01.5 --> 00:02", "NOTE x", "-->"]),
)
_toml_line = st.one_of(
    st.text(max_size=30),
    st.sampled_from(['title = "T"', "[[charts]]", 'series = ["a"]', "[translations.ru]", 'tabs = ["texts"]',
                     "idle_timeout = 5", 'languages = "en"', "charts = 3", 'id = "x"', "type = 'pie'"]),
)


def _write(data: bytes, name: str) -> Path:
    folder = Path(tempfile.mkdtemp())
    path = folder / name
    path.write_bytes(data)
    return path


@FUZZ
@given(st.one_of(_csv_text, st.text()), st.booleans())
def test_data_csv_never_raises(text: str, binary_noise: bool) -> None:
    """Any data CSV yields points and findings, never an exception."""
    data = text.encode("utf-8", "surrogatepass") if not binary_noise else text.encode("utf-8", "replace") + b"\xff\xfe"
    path = _write(data, "d.csv")
    sink = FindingSink(path.parent)
    points = read_series_file(path, "en", sink)
    build_series(points, sink)
    assert all(f.file == "d.csv" for f in sink.findings)


@FUZZ
@given(_csv_text)
def test_metadata_csv_never_raises(text: str) -> None:
    """Any metadata CSV is read or reported."""
    path = _write(text.encode(), "metadata.csv")
    read_table(path, FindingSink(path.parent), required=("file",), known=("file", "caption"))


@FUZZ
@given(st.lists(_vtt_line, max_size=20).map("\n".join), st.sampled_from(["c.vtt", "c.srt"]))
def test_caption_parser_never_raises(text: str, name: str) -> None:
    """Any caption file yields cues and findings; every error names a line or the file."""
    sink = FindingSink(Path("/x"))
    track = parse_captions(text, Path("/x") / name, sink)
    assert all(c.end_ms > c.start_ms for c in track.cues)
    for cue in track.cues:
        assert track.at(cue.start_ms) is not None


@FUZZ
@given(st.lists(st.one_of(st.text(max_size=30), st.sampled_from(["---", "title: x", "key value", ":"])), max_size=12).map("\n".join))
def test_front_matter_never_raises(text: str) -> None:
    """Any front matter is read or reported."""
    parse_front_matter(text, Path("/x/a.md"), FindingSink(Path("/x")))


@FUZZ
@given(st.lists(_toml_line, max_size=12).map("\n".join))
def test_manifest_never_raises(text: str) -> None:
    """Any subject.toml is read or reported."""
    path = _write(text.encode("utf-8", "surrogatepass"), "subject.toml")
    read_manifest(path, FindingSink(path.parent))
