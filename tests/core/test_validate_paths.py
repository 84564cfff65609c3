"""Paths that leave the subject folder are reported and never opened."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.core.findings import Severity
from kiosk.core.loader import load_library
from tests.core.conftest import findings_for, only


def _add_image_row(pack: Path, name: str) -> None:
    with (pack / "images" / "metadata.csv").open("a", encoding="utf-8") as f:
        f.write(f"{name},3,Bad,Caption,Credit,Alt,\n")


@pytest.mark.parametrize(
    ("ref", "reason"),
    [
        ("../subject.toml", "leaves the folder"),
        ("/etc/passwd", "absolute"),
        ("C:/Windows/win.ini", "drive letter"),
        ("..\\secret.jpg", "backslashes"),
        ("sub/one.jpg", "must stand in this folder"),
    ],
)
def test_metadata_row_leaving_folder_is_error(pack: Path, ref: str, reason: str) -> None:
    """A metadata row naming a path outside its folder is an error naming the CSV line."""
    _add_image_row(pack, ref)
    errors = only(findings_for(pack, Severity.ERROR), "images/metadata.csv")
    assert len(errors) == 1
    assert errors[0].line == 4 and reason in errors[0].message


def test_symlink_outside_is_error_and_never_opened(pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A symlink to /etc/passwd is an error; the file behind it is never opened."""
    os.symlink("/etc/passwd", pack / "images" / "passwd.jpg")
    opened: list[str] = []
    real_open = Path.open

    def spy(self: Path, *a: object, **k: object):  # type: ignore[no-untyped-def]
        opened.append(str(self))
        return real_open(self, *a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", spy)
    result = load_library(pack)
    errors = only(result.findings, "images/passwd.jpg")
    assert errors and errors[0].severity is Severity.ERROR
    assert "outside the subject folder" in errors[0].message
    assert not any("passwd" in p for p in opened)
    assert "passwd.jpg" not in [i.name for i in result.library.subjects[0].images]


def test_symlink_loop_is_error(pack: Path) -> None:
    """A symlink loop is reported, not followed forever."""
    os.symlink(pack / "images" / "b.jpg", pack / "images" / "a.jpg")
    os.symlink(pack / "images" / "a.jpg", pack / "images" / "b.jpg")
    errors = only(findings_for(pack, Severity.ERROR), "images/a.jpg")
    assert errors and "loop" in errors[0].message


def test_symlink_inside_subject_is_fine(pack: Path) -> None:
    """A symlink that stays inside the subject folder works like the file itself."""
    os.symlink(pack / "images" / "one.jpg", pack / "images" / "three.jpg")
    result = load_library(pack)
    assert "three.jpg" in [i.name for i in result.library.subjects[0].images]
    assert not only([f for f in result.findings if f.severity is Severity.ERROR], "images/three.jpg")


def test_symlinked_folder_outside_is_error(pack: Path, tmp_path: Path) -> None:
    """A whole folder linked from outside the subject is refused."""
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "x.csv").write_text("series,date,value,source\nx,1924,1,s\n")
    import shutil

    shutil.rmtree(pack / "data")
    os.symlink(outside, pack / "data")
    result = load_library(pack)
    assert any(f.file == "data" and f.severity is Severity.ERROR for f in result.findings)
    assert result.library.subjects[0].series == {}


def test_markdown_image_outside_subject_is_error(pack: Path) -> None:
    """An image in an article pointing outside the subject folder is an error with its line."""
    article = pack / "texts" / "overview.md"
    article.write_text(article.read_text() + "\n![x](../../../etc/passwd)\n")
    errors = only(findings_for(pack, Severity.ERROR), "texts/overview.md")
    assert errors and "outside the subject folder" in errors[0].message and errors[0].line == 12
