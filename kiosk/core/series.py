"""Reading the `data/` CSV files into chart series; every point keeps its source and line."""

from __future__ import annotations

from pathlib import Path

from kiosk.core.figures import ColumnMarks, read_figure
from kiosk.core.findings import FindingSink
from kiosk.core.manifest import parse_date
from kiosk.core.model import DataPoint, Localized, Series
from kiosk.core.tables import read_table

DATA_COLUMNS = ("series", "date", "year", "category", "value", "source", "approximate", "unit", "note")
TRANSLATABLE = ("category", "note")
_TRUE = {"yes", "y", "true", "1", "≈", "approx", "approximate", "да"}
_FALSE = {"no", "n", "false", "0", "", "нет"}


def parse_number(text: str) -> tuple[float, str] | None:
    """A figure as staff type it: `446089`, `446,089`, `446 089`, `68.9`, `68,9`, `68.9 %`
    (read alone, the English way; kiosk.core.figures reads it against its column)."""
    figure = read_figure(text)
    return None if figure is None else (figure.value, figure.unit)


def read_series_file(path: Path, default_language: str, sink: FindingSink) -> list[DataPoint]:
    table = read_table(path, sink, required=("series", "value", "source"), known=DATA_COLUMNS, translatable=TRANSLATABLE)
    if table is None:
        return []
    x_columns = [c for c in ("date", "year", "category") if c in table.header]
    if not x_columns:
        sink.error(path, "a data file needs a 'date', 'year' or 'category' column", line=1)
        return []
    points: list[DataPoint] = []
    marks = ColumnMarks.of(row.get("value") for row in table.rows)
    for row in table.rows:
        name = row.get("series")
        if not name:
            sink.error(path, "this row has no series name", line=row.line)
            continue
        figure = read_figure(row.get("value"), marks)
        if figure is None:
            sink.error(path, f"the value '{row.get('value')}' is not a number", line=row.line,
                       hint="write figures like 446089, 446 089 or 68.9")
            continue
        value, unit = figure.value, figure.unit
        if figure.other is not None:
            sink.warning(path, f"the value '{row.get('value')}' can be read as {_plain(figure.value)} or as "
                         f"{_plain(figure.other)}; it is read as {_plain(figure.value)}", line=row.line,
                         hint="write it without a thousands separator (1234), or with more or fewer "
                              "decimals (1.2340), so it can be read only one way")
        source = row.get("source")
        if not source:
            sink.error(path, "this figure has no source; every data point needs one", line=row.line)
            continue
        approx_text = row.get("approximate").lower()
        if approx_text not in _TRUE | _FALSE:
            sink.error(path, f"'approximate' must be yes or no, not '{row.get('approximate')}'", line=row.line)
            continue
        x = None
        precision = "day"
        category = None
        when_text = row.get("date") or row.get("year")
        if when_text:
            parsed = parse_date(when_text)
            if parsed is None:
                sink.error(path, f"'{when_text}' is not a date; write 1924, 1924-01 or 1924-01-01", line=row.line)
                continue
            x, precision = parsed
        elif row.get("category"):
            variants = row.variants("category")
            category = Localized({(k or default_language): v for k, v in variants.items()}, default_language)
        else:
            sink.error(path, "this row has neither a date nor a category", line=row.line)
            continue
        note_variants = row.variants("note")
        points.append(
            DataPoint(
                series=name,
                value=value,
                source=source,
                file=path,
                line=row.line,
                x=x,
                x_precision=precision,
                category=category,
                approximate=approx_text in _TRUE,
                unit=row.get("unit") or unit,
                note=Localized({(k or default_language): v for k, v in note_variants.items()}, default_language),
            )
        )
    return points


def _plain(value: float) -> str:
    """A figure written so it cannot be misread in a finding: 1234 or 1.234, no separators."""
    return f"{value:.10g}" if value != int(value) else str(int(value))


def build_series(points: list[DataPoint], sink: FindingSink) -> dict[str, Series]:
    """Group points into series, refusing duplicate dates and mixed date/category series."""
    grouped: dict[str, list[DataPoint]] = {}
    for p in points:
        grouped.setdefault(p.series, []).append(p)
    out: dict[str, Series] = {}
    for name, pts in grouped.items():
        dated = [p for p in pts if p.x is not None]
        if dated and len(dated) != len(pts):
            first = next(p for p in pts if p.x is None)
            sink.error(first.file, f"series '{name}' mixes dates and categories", line=first.line)
            continue
        seen: dict[object, DataPoint] = {}
        ok: list[DataPoint] = []
        for p in pts:
            key = p.x if p.x is not None else (p.category.get() if p.category else "")
            if key in seen:
                sink.error(p.file, f"series '{name}' has {key} twice (first on line {seen[key].line})", line=p.line)
                continue
            seen[key] = p
            ok.append(p)
        if dated:
            ok.sort(key=lambda p: p.x)  # type: ignore[arg-type,return-value]
        out[name] = Series(name, tuple(ok))
    return out
