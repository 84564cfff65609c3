"""`kiosk chart export`: a chart as a PNG of the size asked for, with no display needed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from kiosk.cli import main

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "assets"


def _export(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run([sys.executable, "-m", "kiosk", "chart", "export", *args,
                           "--content", str(ASSETS)],
                          capture_output=True, text=True, timeout=120, env=env, cwd=ROOT)


@pytest.mark.parametrize("size, language", [("1920x1080", "en"), ("1080x1920", "ru")])
def test_export_writes_a_png_of_the_requested_size(tmp_path: Path, size: str, language: str) -> None:
    """With no display, the export renders offscreen and writes a PNG exactly WxH."""
    out = tmp_path / "membership.png"
    done = _export("lenin-enrollment", "membership", str(out), "--size", size, "--language", language)
    assert done.returncode == 0, done.stderr
    image = Image.open(out)
    assert image.format == "PNG" and image.size == tuple(int(n) for n in size.split("x"))
    colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 50  # a drawn chart, not a blank page
    assert "propagateSizeHints" not in done.stderr


def test_unknown_subject_lists_the_available_ones(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown subject: exit 2 and the subjects that exist."""
    code = main(["chart", "export", "nowhere", "membership", str(tmp_path / "x.png"),
                 "--content", str(ASSETS)])
    err = capsys.readouterr().err
    assert code == 2 and "no subject 'nowhere'" in err and "lenin-enrollment" in err
    assert not (tmp_path / "x.png").exists()


def test_unknown_chart_lists_the_available_ones(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown chart: exit 2 and every chart of the subject."""
    code = main(["chart", "export", "lenin-enrollment", "nope", str(tmp_path / "x.png"),
                 "--content", str(ASSETS)])
    err = capsys.readouterr().err
    assert code == 2 and "no chart 'nope'" in err
    assert "membership, intake, composition, other-sources, encyclopaedia-workers" in err


def test_a_bad_size_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--size must look like 1920x1080."""
    with pytest.raises(SystemExit) as exit_info:
        main(["chart", "export", "lenin-enrollment", "membership", str(tmp_path / "x.png"),
              "--size", "big"])
    assert exit_info.value.code == 2 and "1920x1080" in capsys.readouterr().err


def test_export_never_loads_qt_before_the_arguments_are_checked() -> None:
    """A wrong chart name is reported without importing PySide6 (fast, no screen needed)."""
    code = ("import sys; from kiosk.cli import main;"
            f"rc = main(['chart', 'export', 'lenin-enrollment', 'nope', 'x.png', '--content', {str(ASSETS)!r}]);"
            "print('QT', any(m.startswith(('PySide6', 'pyqtgraph')) for m in sys.modules)); sys.exit(rc)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "QT False" in done.stdout
