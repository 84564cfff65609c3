"""`kiosk publish`, `kiosk fleet status` and `kiosk fleet rollback` as the staff PC uses them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.core.fleet.layout import CONTENT, STATUS
from kiosk.core.fleet.live import LiveVersion
from kiosk.core.fleet.status import build_status, write_status
from tests.core.packs import make_pack


@pytest.fixture
def fleet(tmp_path: Path) -> Path:
    folder = tmp_path / "fleet"
    folder.mkdir()
    return folder


def test_publish_says_what_it_wrote_and_where_to_look(tmp_path: Path, fleet: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """A clean subject: published as version 0001, and staff are told how to follow it."""
    source = make_pack(tmp_path / "src", "subject")
    assert main(["publish", str(source), str(fleet), "--no-scan"]) == 0
    out = capsys.readouterr().out
    assert "published 'subject' as version 0001-" in out and "11 files" in out
    assert f"kiosk fleet status {fleet}" in out
    assert len(list((fleet / CONTENT / "subject").iterdir())) == 1


def test_publish_refuses_content_with_errors(tmp_path: Path, fleet: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The report names the file and line; exit 1; nothing is published."""
    source = make_pack(tmp_path / "src", "subject")
    (source / "data" / "members.csv").write_text("series,date,value,source\nmembers,1924,x,S\n")
    assert main(["publish", str(source), str(fleet), "--no-scan"]) == 1
    captured = capsys.readouterr()
    assert "data/members.csv" in captured.out and "line 2" in captured.out
    assert "nothing was published" in captured.err
    assert not (fleet / CONTENT).exists()


def test_publish_usage_errors(tmp_path: Path, fleet: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Not a subject folder: exit 2; a fleet folder that does not exist: exit 1, said plainly."""
    assert main(["publish", str(tmp_path), str(fleet)]) == 2
    source = make_pack(tmp_path / "src", "subject")
    assert main(["publish", str(source), str(tmp_path / "typo"), "--no-scan"]) == 1
    assert "no such folder" in capsys.readouterr().err


def test_fleet_status_prints_the_table_and_json(tmp_path: Path, fleet: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """One row per kiosk that reported, against the newest published version; --json for scripts."""
    source = make_pack(tmp_path / "src", "subject")
    assert main(["publish", str(source), str(fleet), "--no-scan"]) == 0
    version = next((fleet / CONTENT / "subject").iterdir()).name
    capsys.readouterr()
    now = dt.datetime.now().astimezone()
    live = LiveVersion("subject", "v0001-a", version, "h", "", Path("/x/v0001-a"))
    write_status(fleet / STATUS, "gallery-1", build_status(
        kiosk_id="gallery-1", name="Gallery 1", app_version="0.1.0", now=now, started_at=now,
        live={"subject": live}, showing={"subject": Path("/x/v0001-a")}, tracks=[], visits_today=3,
        last_visit="", health=[], errors=[]))
    assert main(["fleet", "status", str(fleet)]) == 0
    out = capsys.readouterr().out
    assert "gallery-1" in out and "current" in out and "1 of 1 kiosks on the current version, 0 offline" in out
    assert main(["fleet", "status", str(fleet), "--json", "--offline-after", "60"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["published"] == {"subject": version}
    assert [(k["kiosk_id"], k["current"], k["online"]) for k in data["kiosks"]] == [("gallery-1", True, True)]
    assert data["kiosks"][0]["status"]["visits_today"] == 3


def test_fleet_rollback_publishes_the_previous_version_again(tmp_path: Path, fleet: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """Every kiosk goes back: the version before is published again as the newest."""
    source = make_pack(tmp_path / "src", "subject")
    assert main(["publish", str(source), str(fleet), "--no-scan"]) == 0
    first = sorted((fleet / CONTENT / "subject").iterdir())[0].name
    (source / "texts" / "overview.md").write_text((source / "texts" / "overview.md").read_text() + "\nMore.\n")
    assert main(["publish", str(source), str(fleet), "--no-scan"]) == 0
    capsys.readouterr()
    assert main(["fleet", "rollback", str(fleet), "subject", "--no-scan"]) == 0
    out = capsys.readouterr().out
    assert f"'subject' {first} published again as version 0003-" in out
    assert main(["fleet", "rollback", str(fleet), "nothing-here", "--no-scan"]) == 1
