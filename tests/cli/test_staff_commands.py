"""`kiosk import`, `status`, `rollback` and `stats` as staff use them."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main
from tests.core.packs import make_pack


def test_import_status_rollback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Staff import from a stick, see the versions, and roll back."""
    root = tmp_path / "content"
    root.mkdir()
    make_pack(root, "subject")
    stick = make_pack(tmp_path / "stick", "subject")
    assert main(["import", str(stick), "--content", str(root)]) == 0
    assert "imported 'subject' as version v0001-" in capsys.readouterr().out
    assert main(["status", "--content", str(root)]) == 0
    out = capsys.readouterr().out
    assert "live v0001-" in out and "v0000-original" in out and "shipped with the kiosk" in out
    assert main(["rollback", "subject", "--content", str(root)]) == 0
    assert "back to version v0000-original" in capsys.readouterr().out


def test_import_refuses_bad_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A source with errors is refused with the report, and nothing is imported."""
    root = tmp_path / "content"
    root.mkdir()
    stick = make_pack(tmp_path / "stick", "subject")
    (stick / "data" / "members.csv").write_text("series,date,value,source\nmembers,1924,x,S\n")
    assert main(["import", str(stick), "--content", str(root)]) == 1
    captured = capsys.readouterr()
    assert "data/members.csv" in captured.out and "line 2" in captured.out
    assert "nothing was imported" in captured.err
    assert list(root.iterdir()) == []


def test_import_needs_a_subject_folder(tmp_path: Path) -> None:
    """Pointing import at a folder without subject.toml is a usage error."""
    assert main(["import", str(tmp_path), "--content", str(tmp_path / "c")]) == 2


def test_stats_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """kiosk stats prints visits per day and writes a CSV when asked."""
    from kiosk.core.analytics import VisitRecorder

    rec = VisitRecorder(tmp_path / "a.sqlite3")
    rec.start_visit("subject")
    rec.record("item", "images/one.jpg")
    rec.end_visit("idle")
    rec.close()
    assert main(["stats", "--database", str(tmp_path / "a.sqlite3"), "--csv", str(tmp_path / "v.csv")]) == 0
    out = capsys.readouterr().out
    assert "visits: 1" in out and "images/one.jpg" in out
    assert (tmp_path / "v.csv").read_text().count("\n") == 2
