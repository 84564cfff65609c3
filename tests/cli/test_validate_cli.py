"""`kiosk validate`: the staff command's report, exit codes and JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import main
from tests.core.packs import make_pack

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "assets" / "lenin-enrollment"


def test_clean_pack_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A clean pack: exit 0 and a summary saying it is ready."""
    assert main(["validate", str(make_pack(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert out.strip().splitlines()[-1].startswith("0 errors, 0 warnings")
    assert "ready to show" in out


def test_errors_exit_one_grouped_by_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Errors: exit 1, each file named once with its findings and lines under it."""
    pack = make_pack(tmp_path)
    (pack / "data" / "members.csv").write_text("series,date,value,source\nmembers,1924,x,S\nmembers,1925,y,S\n")
    assert main(["validate", str(pack)]) == 1
    out = capsys.readouterr().out
    assert out.count("data/members.csv\n") == 1
    assert "line 2" in out and "line 3" in out and "NOT READY" in out


def test_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--json gives the same findings machine-readable."""
    pack = make_pack(tmp_path)
    (pack / "images" / "one.jpg").write_bytes(b"")
    assert main(["validate", "--json", str(pack)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["counts"]["error"] == 1
    assert report["findings"][0] == {
        "severity": "error", "file": "images/one.jpg", "line": None,
        "message": "the file is empty (0 bytes)", "hint": "export the image again, or remove it",
    }


def test_usage_errors_exit_two(tmp_path: Path) -> None:
    """A missing folder or a wrong flag is a usage error: exit 2."""
    assert main(["validate", str(tmp_path / "nowhere")]) == 2
    with pytest.raises(SystemExit) as exc:
        main(["validate", "--bogus", str(tmp_path)])
    assert exc.value.code == 2


@pytest.mark.skipif(not DEMO.exists(), reason="the demo exhibit is not in this checkout")
def test_demo_exhibit_is_clean() -> None:
    """The bundled demo exhibit validates with zero errors and zero warnings."""
    out = subprocess.run([sys.executable, "-m", "kiosk", "validate", str(DEMO)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout
    assert out.stdout.strip().splitlines()[-1].startswith("0 errors, 0 warnings"), out.stdout


@pytest.mark.skipif(not DEMO.exists(), reason="the demo exhibit is not in this checkout")
def test_broken_copy_of_demo_names_each_problem(tmp_path: Path) -> None:
    """A demo copy with a deleted image, a symlink to /etc/passwd, a truncated JPEG and a bad CSV value exits 1 naming each."""
    import shutil

    copy = tmp_path / "lenin-enrollment"
    shutil.copytree(DEMO, copy)
    images = sorted(p for p in (copy / "images").iterdir() if p.suffix.lower() in (".png", ".jpg", ".jpeg"))
    deleted = images[0]
    deleted.unlink()
    os.symlink("/etc/passwd", copy / "images" / "passwd.jpg")
    from PIL import Image

    truncated = copy / "images" / "broken.jpg"
    Image.new("RGB", (320, 200), (90, 60, 30)).save(truncated, "JPEG")
    truncated.write_bytes(truncated.read_bytes()[:-400])
    data = sorted((copy / "data").glob("*.csv"))[0]
    lines = data.read_text(encoding="utf-8-sig").splitlines()
    header = lines[0].split(",")
    cells = lines[1].split(",")
    cells[header.index("value")] = "lots"
    lines[1] = ",".join(cells)
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")

    out = subprocess.run([sys.executable, "-m", "kiosk", "validate", str(copy)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 1
    assert f"the file '{deleted.name}' does not exist" in out.stdout
    assert "images/passwd.jpg" in out.stdout and "outside the subject folder" in out.stdout
    assert "images/broken.jpg" in out.stdout and "truncated" in out.stdout
    assert f"data/{data.name}" in out.stdout and "'lots' is not a number" in out.stdout
    assert "line 2" in out.stdout
