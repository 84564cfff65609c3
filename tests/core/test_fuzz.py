"""Hypothesis: whatever staff put in a file, the parsers turn problems into findings, never crash."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.core.captions import parse_captions
from kiosk.core.figures import ColumnMarks, read_figure
from kiosk.core.findings import FindingSink, Severity
from kiosk.core.frontmatter import parse_front_matter
from kiosk.core.manifest import read_manifest
from kiosk.core.series import build_series, read_series_file
from kiosk.core.tables import read_table
from kiosk.core.textcodec import decode_spreadsheet

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


# -- spreadsheets as staff save them ----------------------------------------------------------
_cell_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=14)
_sheet = st.lists(st.lists(_cell_text, min_size=2, max_size=5), min_size=1, max_size=6)
_ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "cp1251"]


def _quoted(cell: str, sep: str) -> str:
    if any(ch in cell for ch in (sep, '"', "\n", "\r")):
        return '"' + cell.replace('"', '""') + '"'
    return cell


@FUZZ
@given(_sheet, st.sampled_from([",", ";", "\t"]), st.sampled_from(_ENCODINGS))
def test_any_spreadsheet_encoding_and_separator_is_read_back(rows: list[list[str]], sep: str,
                                                              encoding: str) -> None:
    """A table saved in any encoding a spreadsheet program writes, with any separator, is read
    back cell for cell (when its letters exist in that encoding), with at most a note."""
    width = len(rows[0])
    header = [f"col{i}" for i in range(width)]
    body = [row[:width] + [""] * (width - len(row)) for row in rows]
    text = "\r\n".join(sep.join(_quoted(c, sep) for c in row) for row in [header, *body]) + "\r\n"
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return  # such letters cannot be saved in this encoding at all
    path = _write(data, "t.csv")
    sink = FindingSink(path.parent)
    table = read_table(path, sink, required=("col0",), known=header)
    assert table is not None
    assert all(f.severity <= Severity.INFO for f in sink.findings), sink.findings
    got = [[r.cells.get(h, "") for h in header] for r in table.rows]
    want = [row for row in body if any(c.strip() for c in row)]
    if encoding.startswith(("utf-8", "utf-16")) or not any(ord(ch) > 127 for row in body for ch in "".join(row)):
        assert got == want


@FUZZ
@given(st.binary(max_size=400))
def test_any_bytes_decode_to_text_and_findings(data: bytes) -> None:
    """Any bytes at all become text and findings, never an exception."""
    path = _write(data, "x.csv")
    read_table(path, FindingSink(path.parent), required=("file",), known=("file",))
    decoded = decode_spreadsheet(data)
    assert isinstance(decoded.text, str)


_number = st.one_of(
    st.integers(-10**9, 10**9).map(str),
    st.floats(-1e6, 1e6, allow_nan=False).map(lambda f: f"{f:.3f}"),
    st.integers(0, 10**7).map(lambda n: f"{n:,}"),
    st.integers(0, 10**7).map(lambda n: f"{n:,}".replace(",", ".")),
    st.text(alphabet="0123456789.,- %≈", max_size=12),
)


@FUZZ
@given(st.lists(_number, min_size=1, max_size=10))
def test_figures_never_raise_and_keep_their_second_reading_apart(column: list[str]) -> None:
    """Any column of figures is read or refused; an ambiguous one always carries two different
    readings, one of them a thousand times the other."""
    marks = ColumnMarks.of(column)
    for text in column:
        figure = read_figure(text, marks)
        if figure is not None and figure.other is not None:
            big, small = sorted((figure.value, figure.other), key=abs, reverse=True)
            assert big != small and abs(big - small * 1000) < 1e-6 * max(1.0, abs(big))


@FUZZ
@given(st.integers(0, 10**9), st.sampled_from(["en", "ru", "de", "fr"]))
def test_grouped_figures_read_back_unambiguously_when_the_column_shows_its_marks(value: int, language: str) -> None:
    """A figure the kiosk writes, in a column whose decimals show the convention, reads back."""
    from kiosk.core.numbers import format_number

    text = format_number(value, language).replace("−", "-")
    decimal = format_number(0.5, language)
    figure = read_figure(text, ColumnMarks.of([text, decimal]))
    assert figure is not None and figure.value == value and not figure.ambiguous
