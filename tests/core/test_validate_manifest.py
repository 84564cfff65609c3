"""subject.toml: syntax errors with their line, unknown keys with the nearest valid key."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.core.findings import Severity
from kiosk.core.loader import load_library
from tests.core.conftest import findings_for, only
from tests.core.packs import make_pack


def test_toml_syntax_error_names_line(pack: Path) -> None:
    """Broken TOML is an error naming its line; the subject is left out, others still load."""
    text = (pack / "subject.toml").read_text().replace('year = "1924"', "year = 1924 unquoted")
    (pack / "subject.toml").write_text(text)
    result = load_library(pack)
    errors = only(result.findings, "subject.toml")
    assert errors[0].severity is Severity.ERROR and errors[0].line == 3 and "not valid TOML" in errors[0].message
    assert result.library.subjects == ()


def test_unknown_key_suggests_nearest(pack: Path) -> None:
    """A misspelt key is a warning that names the nearest valid key."""
    text = (pack / "subject.toml").read_text().replace("subtitle =", "subtitel =")
    (pack / "subject.toml").write_text(text)
    warnings = only(findings_for(pack, Severity.WARNING), "subject.toml")
    assert warnings[0].line == 2 and "subtitel" in warnings[0].message and "subtitle" in warnings[0].hint


def test_missing_subject_toml(tmp_path: Path) -> None:
    """A folder with no subjects says so."""
    (tmp_path / "empty").mkdir()
    errors = [f for f in findings_for(tmp_path) if f.severity is Severity.ERROR]
    assert errors and "no subjects" in errors[0].message


def test_missing_title(pack: Path) -> None:
    """A subject without a title is an error and is not shown."""
    text = (pack / "subject.toml").read_text().replace('title = "Test subject"\n', "")
    (pack / "subject.toml").write_text(text)
    result = load_library(pack)
    assert any("no title" in f.message for f in result.errors)
    assert result.library.subjects == ()


def test_bad_idle_timeout(pack: Path) -> None:
    """An idle timeout out of range is an error naming its line; the default is used."""
    (pack / "subject.toml").write_text("idle_timeout = 2\n" + (pack / "subject.toml").read_text())
    result = load_library(pack)
    errors = only(result.errors, "subject.toml")
    assert errors[0].line == 1 and "idle_timeout" in errors[0].message
    assert result.library.subjects[0].idle_timeout_s is None


def test_unknown_tab_and_missing_credit(pack: Path) -> None:
    """An unknown tab name and a missing credit line are warnings."""
    text = (pack / "subject.toml").read_text().replace('credit = "Test source, CC BY-SA 4.0"\n', "")
    (pack / "subject.toml").write_text('tabs = ["texts", "imags"]\n' + text)
    messages = [f.message + f.hint for f in only(findings_for(pack, Severity.WARNING), "subject.toml")]
    assert any("imags" in m and "images" in m for m in messages)
    assert any("no credit" in m for m in messages)


def test_a_subject_with_nothing_usable_gets_no_card(tmp_path: Path) -> None:
    """A subject whose every item failed (here: all content removed) is left out with an error
    on its subject.toml, instead of a card that opens onto no tab; the good subject still shows."""
    make_pack(tmp_path, "good")
    empty = make_pack(tmp_path, "hollow")
    for folder in ("texts", "images", "video", "data"):
        shutil.rmtree(empty / folder)
    result = load_library(tmp_path, media_checks=False)
    assert [s.id for s in result.library.subjects] == ["good"]
    errors = [f for f in result.findings if f.file == "hollow/subject.toml" and f.severity is Severity.ERROR]
    assert any("nothing to show" in f.message for f in errors)
