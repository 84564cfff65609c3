"""Chart data: ragged rows, bad numbers, duplicate dates and unknown series name their line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core.findings import Severity
from kiosk.core.loader import load_library
from kiosk.core.series import parse_number
from tests.core.conftest import findings_for, only

HEADER = "series,date,value,approximate,source,note\n"


def _data(pack: Path, rows: str) -> None:
    (pack / "data" / "members.csv").write_text(HEADER + rows, encoding="utf-8")


def test_ragged_row(pack: Path) -> None:
    """A row with too many cells is an error naming its line, with a hint about quotes."""
    _data(pack, "members,1924-01-01,446089,no,S,n\nmembers,1925,5,no,S,a, b\n")
    errors = only(findings_for(pack, Severity.ERROR), "data/members.csv")
    assert errors[0].line == 3 and "7 cells" in errors[0].message and "quotes" in errors[0].hint


def test_non_numeric_value(pack: Path) -> None:
    """A value that is not a number is an error naming its line."""
    _data(pack, "members,1924-01-01,446089,no,S,n\nmembers,1925,about a million,no,S,n\n")
    errors = only(findings_for(pack, Severity.ERROR), "data/members.csv")
    assert errors[0].line == 3 and "not a number" in errors[0].message


def test_duplicate_date(pack: Path) -> None:
    """The same date twice in one series is an error naming both lines."""
    _data(pack, "members,1924-01-01,1,no,S,n\nmembers,1924-01-01,2,no,S,n\n")
    errors = only(findings_for(pack, Severity.ERROR), "data/members.csv")
    assert errors[0].line == 3 and "first on line 2" in errors[0].message


def test_chart_naming_unknown_series(pack: Path) -> None:
    """A chart naming a series no CSV defines is an error on the chart's line, and it is left out."""
    toml = (pack / "subject.toml").read_text().replace('series = ["members"]', 'series = ["member"]')
    (pack / "subject.toml").write_text(toml)
    result = load_library(pack)
    errors = only([f for f in result.findings if f.severity is Severity.ERROR], "subject.toml")
    assert errors[0].line == 17 and "'member'" in errors[0].message and "members" in errors[0].hint
    assert result.library.subjects[0].charts == ()


def test_missing_source_is_error(pack: Path) -> None:
    """Every data point carries its source; a row without one is an error."""
    _data(pack, "members,1924-01-01,1,no,,n\n")
    errors = only(findings_for(pack, Severity.ERROR), "data/members.csv")
    assert errors[0].line == 2 and "source" in errors[0].message


def test_excel_style_csv_with_bom_and_semicolons(pack: Path) -> None:
    """A CSV saved by European spreadsheet programs (BOM, semicolons, decimal comma) works."""
    text = "series;date;value;approximate;source;note\nmembers;1924-01-01;68,9;no;S;n\n"
    (pack / "data" / "members.csv").write_bytes(b"\xef\xbb\xbf" + text.encode())
    toml = (pack / "subject.toml").read_text()
    (pack / "subject.toml").write_text(toml)
    result = load_library(pack)
    assert result.library.subjects[0].series["members"].points[0].value == pytest.approx(68.9)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("446089", 446089, ""), ("446,089", 446089, ""), ("446 089", 446089, ""), ("68.9 %", 68.9, "%"),
     ("68,9", 68.9, ""), ("≈1000000", 1000000, ""), ("1,000,000.5", 1000000.5, "")],
)
def test_numbers_as_staff_type_them(text: str, value: float, unit: str) -> None:
    """Figures are read as staff type them in a spreadsheet."""
    assert parse_number(text) == (pytest.approx(value), unit)


@pytest.mark.parametrize("text", ["", "abc", "1.2.3", "nan", "inf", "12,34,5"])
def test_not_numbers(text: str) -> None:
    """Text that is not a figure is refused."""
    assert parse_number(text) is None


def test_category_series_for_bar_charts(pack: Path) -> None:
    """Bar charts take categories, in several languages."""
    (pack / "data" / "share.csv").write_text(
        "series,category,category_ru,value,unit,source\nshare,Workers,Рабочие,15,%,S\nshare,Clerks,Служащие,63,%,S\n",
        encoding="utf-8",
    )
    toml = (pack / "subject.toml").read_text() + '\n[[charts]]\nid = "share"\ntype = "bar"\ntitle = "Share"\nseries = ["share"]\n'
    (pack / "subject.toml").write_text(toml)
    result = load_library(pack)
    assert not [f for f in result.findings if f.severity >= Severity.WARNING]
    points = result.library.subjects[0].series["share"].points
    assert [p.category.get("ru") for p in points if p.category] == ["Рабочие", "Служащие"]
    assert points[0].unit == "%"


def test_line_chart_over_categories_is_error(pack: Path) -> None:
    """A line chart needs dates; over categories it is an error."""
    (pack / "data" / "share.csv").write_text("series,category,value,source\nshare,A,1,S\n", encoding="utf-8")
    toml = (pack / "subject.toml").read_text() + '\n[[charts]]\nid = "share"\ntype = "line"\ntitle = "S"\nseries = ["share"]\n'
    (pack / "subject.toml").write_text(toml)
    errors = only(findings_for(pack, Severity.ERROR), "subject.toml")
    assert errors and "need dates" in errors[0].message
