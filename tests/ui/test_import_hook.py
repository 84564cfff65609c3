"""The kiosk keeps no copy of the source of the modules it imports (PySide's import hook would
keep about 6 MB of it for good), and PySide still tells modules that use it from those that don't."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path

import pytest

from kiosk.ui.import_hook import lighten


@pytest.mark.parametrize(("name", "text", "uses_pyside"), [
    ("kiosk_test_uses_qt", "import PySide6.QtCore\nVALUE = 1\n", 0),
    ("kiosk_test_plain", "VALUE = 2\n", -1),
])
def test_an_imported_module_leaves_no_source_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    name: str, text: str, uses_pyside: int) -> None:
    assert lighten()  # as `kiosk run` does at start
    path = tmp_path / f"{name}.py"
    path.write_text(text, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        __import__(name)  # an import statement (PySide hooks __import__, not importlib)
        assert str(path) not in linecache.cache
        feature = sys.modules["shibokensupport.feature"]
        assert feature.pyside_feature_dict[name] == uses_pyside
    finally:
        sys.modules.pop(name, None)
