"""The core package never imports Qt, so staff tools run fast on machines with no screen."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import kiosk.core

QT_MODULES = ("PySide6", "shiboken6", "pyqtgraph")


def test_no_qt_import_in_core_source() -> None:
    """No module under kiosk/core imports PySide6 or pyqtgraph, even lazily."""
    offenders = []
    for path in Path(kiosk.core.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in QT_MODULES]
    assert offenders == []


def test_validate_command_never_loads_qt(tmp_path: Path) -> None:
    """`kiosk validate` runs to the end without PySide6 ever being imported."""
    from tests.core.packs import make_pack

    pack = make_pack(tmp_path)
    code = (
        "import sys; from kiosk.cli import main; rc = main(['validate', sys.argv[1]]);"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6')];"
        "print('QT-MODULES', bad); sys.exit(rc)"
    )
    out = subprocess.run([sys.executable, "-c", code, str(pack)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "QT-MODULES []" in out.stdout
