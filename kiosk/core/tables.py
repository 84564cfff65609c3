"""Reading the CSV files staff save from LibreOffice or Excel, with a line number for every row.

Accepts UTF-8 with or without a byte order mark, UTF-16 (Excel's "Unicode Text") and the Windows
code pages 1252 and 1251 (kiosk.core.textcodec); comma, semicolon or tab separators (European
spreadsheet programs save semicolons), and quoted cells that span lines.
"""

from __future__ import annotations

import csv
import difflib
import io
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kiosk.core.findings import FindingSink
from kiosk.core.textcodec import decode_spreadsheet

_LANG_SUFFIX = re.compile(r"^(?P<base>[a-z_]+?)_(?P<lang>[a-z]{2,3})$")


@dataclass(frozen=True)
class Row:
    line: int
    cells: dict[str, str]

    def get(self, key: str) -> str:
        return self.cells.get(key, "").strip()

    def variants(self, key: str) -> dict[str, str]:
        """`caption`, `caption_ru` … as {"": default, "ru": …}, empty cells left out."""
        out: dict[str, str] = {}
        for col, value in self.cells.items():
            if not value.strip():
                continue
            if col == key:
                out[""] = value.strip()
            else:
                m = _LANG_SUFFIX.match(col)
                if m and m.group("base") == key:
                    out[m.group("lang")] = value.strip()
        return out


@dataclass(frozen=True)
class Table:
    path: Path
    header: tuple[str, ...]
    rows: tuple[Row, ...]


def decode_text(data: bytes, path: Path, sink: FindingSink) -> str:
    """UTF-8 (BOM allowed); anything else is decoded with replacement characters and a warning."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        sink.warning(
            path,
            "the file is not UTF-8 text; unreadable characters are shown as \ufffd",
            line=line,
            hint="save it as UTF-8 (LibreOffice: character set 'Unicode (UTF-8)'; Excel: 'CSV UTF-8')",
        )
        return data.decode("utf-8", errors="replace")


def decode_table(data: bytes, path: Path, sink: FindingSink) -> str:
    """A spreadsheet's text in whichever encoding it was saved; a note names any but UTF-8."""
    decoded = decode_spreadsheet(data)
    if decoded.is_utf8:
        return decoded.text
    if decoded.encoding:
        sink.info(path, f"the file was read as {decoded.name}: it is not saved as UTF-8",
                  hint="check that accented letters look right in the kiosk; saving as 'CSV UTF-8' "
                       "(LibreOffice: character set 'Unicode (UTF-8)') avoids any doubt")
        return decoded.text
    sink.warning(path, "the file is not UTF-8 text and its character set could not be recognised; "
                       "unreadable characters are shown as \ufffd", line=decoded.bad_line,
                 hint="save it as UTF-8 (LibreOffice: character set 'Unicode (UTF-8)'; Excel: 'CSV UTF-8')")
    return decoded.text


DELIMITERS = (",", ";", "\t")
_SAMPLE_ROWS = 25


def detect_delimiter(text: str) -> str:
    """The separator that splits the first rows into the same number of cells as the header.

    Quoted cells are read as the csv module reads them, so a comma inside a quoted caption of a
    semicolon file does not count; with no clear winner, the comma."""
    best, best_score = ",", (0, 0.0, 0)
    for delimiter in DELIMITERS:
        reader = csv.reader(io.StringIO(text[:65536], newline=""), delimiter=delimiter)
        try:
            rows = [r for r in itertools.islice(reader, _SAMPLE_ROWS) if any(c.strip() for c in r)]
        except csv.Error:
            continue
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        rest = rows[1:]
        agreeing = sum(len(r) == width for r in rest) / len(rest) if rest else 1.0
        score = (1, agreeing, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def nearest(word: str, choices: Iterable[str]) -> str | None:
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return match[0] if match else None


def read_table(
    path: Path,
    sink: FindingSink,
    *,
    required: Iterable[str],
    known: Iterable[str],
    translatable: Iterable[str] = (),
) -> Table | None:
    """Read one CSV. Problems become findings; returns None if the file cannot be used at all."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        sink.error(path, f"the file cannot be read ({exc.strerror or exc.__class__.__name__})")
        return None
    text = decode_table(data, path, sink)
    if not text.strip():
        sink.error(path, "the file is empty", hint="the first line must name the columns")
        return None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=detect_delimiter(text))
    try:
        header_row = next(reader)
    except csv.Error as exc:
        sink.error(path, f"the header line cannot be read: {exc}", line=1)
        return None
    header = tuple(h.strip().lower().lstrip("\ufeff") for h in header_row)
    known_set = set(known)
    translatable_set = set(translatable)
    usable = True
    for col in header:
        if not col:
            continue
        m = _LANG_SUFFIX.match(col)
        if col in known_set or (m and m.group("base") in translatable_set):
            continue
        guess = nearest(col, sorted(known_set))
        sink.warning(
            path,
            f"unknown column '{col}'; it is ignored",
            line=1,
            hint=f"did you mean '{guess}'?" if guess else "known columns: " + ", ".join(sorted(known_set)),
        )
    dupes = {c for c in header if c and header.count(c) > 1}
    for col in sorted(dupes):
        sink.error(path, f"the column '{col}' appears twice", line=1)
        usable = False
    for col in required:
        if col not in header:
            sink.error(path, f"the column '{col}' is missing", line=1, hint="the first line names the columns")
            usable = False
    if not usable:
        return None
    rows: list[Row] = []
    next_line = reader.line_num + 1
    while True:
        start = next_line
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            sink.error(path, f"this row cannot be read: {exc}", line=start)
            break
        next_line = reader.line_num + 1
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            sink.error(
                path,
                f"this row has {len(cells)} cells but the header has {len(header)} columns",
                line=start,
                hint="a comma inside a cell needs the cell in double quotes",
            )
            continue
        rows.append(Row(start, {h: c for h, c in zip(header, cells, strict=True) if h}))
    return Table(path, header, tuple(rows))
