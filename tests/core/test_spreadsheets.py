"""Spreadsheets as staff save them: character sets, separators, and figures that read two ways."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core.figures import ColumnMarks, read_figure
from kiosk.core.findings import FindingSink, Severity
from kiosk.core.loader import load_library
from kiosk.core.series import read_series_file
from kiosk.core.tables import detect_delimiter, read_table
from tests.core.conftest import findings_for, only

ROWS = [["file", "caption"], ["cafe.jpg", "Café crème, naïve façade"], ["b.jpg", "Größe: 12"]]


def _read(tmp_path: Path, data: bytes) -> tuple[list[tuple[str, str]], FindingSink]:
    path = tmp_path / "metadata.csv"
    path.write_bytes(data)
    sink = FindingSink(tmp_path)
    table = read_table(path, sink, required=("file",), known=("file", "caption"))
    assert table is not None, sink.findings
    return [(r.get("file"), r.get("caption")) for r in table.rows], sink


def _csv(sep: str = ",", rows: list[list[str]] = ROWS) -> str:
    return "\r\n".join(sep.join(f'"{c}"' if sep in c else c for c in row) for row in rows) + "\r\n"


EXPECTED = [("cafe.jpg", "Café crème, naïve façade"), ("b.jpg", "Größe: 12")]


@pytest.mark.parametrize(("label", "data"), [
    ("UTF-8", _csv().encode("utf-8")),
    ("UTF-8 with BOM", b"\xef\xbb\xbf" + _csv().encode("utf-8")),
])
def test_utf8_needs_no_note(tmp_path: Path, label: str, data: bytes) -> None:
    """UTF-8, with or without a byte order mark, is read silently."""
    rows, sink = _read(tmp_path, data)
    assert rows == EXPECTED and sink.findings == []


@pytest.mark.parametrize(("data", "named"), [
    (_csv().encode("cp1252"), "Windows-1252"),
    (_csv("\t").encode("utf-16"), "UTF-16"),
    (_csv("\t").encode("utf-16-le"), "UTF-16"),
])
def test_excel_csv_and_unicode_text_are_read_with_a_note(tmp_path: Path, data: bytes, named: str) -> None:
    """Excel's "CSV (Comma delimited)" (Windows-1252) and "Unicode Text" (UTF-16, tabs) read as
    the staff typed them, with a note naming the character set; never "Caf� cr�me"."""
    rows, sink = _read(tmp_path, data)
    assert rows == EXPECTED
    [note] = sink.findings
    assert note.severity is Severity.INFO and named in note.message and "not saved as UTF-8" in note.message


def test_cyrillic_windows_1251(tmp_path: Path) -> None:
    """A Russian spreadsheet saved in Windows-1251 is read in Cyrillic, with its note."""
    rows_ru = [["file", "caption"], ["a.jpg", "Набережная в 1901 году, вид с маяка"],
               ["b.jpg", "Чёрно-белая фотография: суда у причала"]]
    rows, sink = _read(tmp_path, _csv(rows=rows_ru).encode("cp1251"))
    assert rows[0][1] == "Набережная в 1901 году, вид с маяка"
    assert "Windows-1251" in sink.findings[0].message


def test_unrecognisable_bytes_warn_with_their_line(tmp_path: Path) -> None:
    """Bytes no spreadsheet program writes are shown as � and named, with the line."""
    _, sink = _read(tmp_path, b"file,caption\nx.jpg,ok\ny.jpg,\x98\x81\xff\n")
    [warning] = sink.findings
    assert warning.severity is Severity.WARNING and warning.line == 3 and "could not be recognised" in warning.message


@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_the_separator_is_found(sep: str) -> None:
    """Commas, semicolons (Excel in much of Europe) and tabs (Unicode Text) are all found."""
    assert detect_delimiter(_csv(sep)) == sep


def test_commas_inside_quoted_cells_of_a_semicolon_file() -> None:
    """A semicolon file whose captions hold commas is still a semicolon file."""
    text = 'file;caption\nx.jpg;"One, two, three, four"\ny.jpg;"Five, six, seven"\n'
    assert detect_delimiter(text) == ";"


# -- figures --------------------------------------------------------------------------------
@pytest.mark.parametrize(("column", "text", "value"), [
    (["68.9", "0.25"], "1,234", 1234),  # the point is the decimal mark here: the comma groups
    (["68,9", "12,5"], "1.234", 1234),  # and here the comma is: the point groups thousands
    (["1,234,567"], "1,234", 1234),
    (["1.234.567"], "1.234", 1234),
    (["12,345.5"], "1,234", 1234),
])
def test_the_column_settles_a_three_digit_group(column: list[str], text: str, value: float) -> None:
    """A figure such as 1,234 is read by how the rest of its column writes figures, silently."""
    figure = read_figure(text, ColumnMarks.of([*column, text]))
    assert figure is not None and figure.value == value and not figure.ambiguous


@pytest.mark.parametrize(("column", "text", "value", "other"), [
    (["100", "250"], "1,234", 1234, 1.234),
    (["100", "250"], "1.234", 1.234, 1234),
    (["68,9", "0,5"], "1,234", 1234, 1.234),  # a column of decimal commas: 1,234 could be 1.234
    (["68.9", "0.5"], "1.234", 1.234, 1234),
])
def test_an_unsettled_figure_has_two_readings(column: list[str], text: str, value: float, other: float) -> None:
    """Without a clue in the column, 1,234 and 1.234 are read the English way and carry the other
    reading for the warning."""
    figure = read_figure(text, ColumnMarks.of([*column, text]))
    assert figure is not None and figure.value == pytest.approx(value) and figure.other == pytest.approx(other)


@pytest.mark.parametrize(("text", "value"), [
    ("1.234.567", 1234567), ("1.234,5", 1234.5), ("1,234.5", 1234.5), ("1 234,5", 1234.5), ("68,9", 68.9),
])
def test_european_figures(text: str, value: float) -> None:
    """Figures written the continental way are read as meant."""
    figure = read_figure(text)
    assert figure is not None and figure.value == pytest.approx(value) and not figure.ambiguous


def test_an_ambiguous_figure_is_a_warning_with_its_line_and_both_readings(pack: Path) -> None:
    """In a data file, "1.234" among whole numbers warns on its line, naming 1.234 and 1234."""
    (pack / "data" / "members.csv").write_text(
        "series,date,value,approximate,source,note\n"
        "members,1924-01-01,446089,no,Test source,Start\n"
        "members,1925-01-01,1.234,no,Test source,\n"
        "members,1926-01,1000000,yes,Test source,Slightly over\n", encoding="utf-8")
    [warning] = only(findings_for(pack, Severity.WARNING), "data/members.csv")
    assert warning.line == 3 and "1.234" in warning.message and "1234" in warning.message


def test_a_semicolon_file_of_decimal_commas_reads_points_as_thousands(tmp_path: Path) -> None:
    """A continental file (semicolons, 68,9) means 1.234 as one thousand two hundred and
    thirty-four, and says nothing about it."""
    path = tmp_path / "d.csv"
    path.write_text("series;year;value;source\ns;1924;68,9;S\ns;1925;1.234;S\n", encoding="cp1252")
    sink = FindingSink(tmp_path)
    points = read_series_file(path, "en", sink)
    assert [p.value for p in points] == [pytest.approx(68.9), 1234]
    assert [f.severity for f in sink.findings] == []


def test_a_whole_pack_saved_by_excel_is_ready(pack: Path) -> None:
    """A metadata.csv saved by Excel as Windows-1252 leaves the subject ready, captions intact."""
    (pack / "images" / "metadata.csv").write_bytes(
        "file,order,title,caption,credit,alt\none.jpg,1,Café,Café crème,Made for tests,A grey square\n"
        "two.png,2,Two,The second,Made for tests,A blue square\n".encode("cp1252"))
    result = load_library(pack)
    assert not result.errors and result.library.subjects[0].images[0].info.caption.get() == "Café crème"
