"""Regression for the pinned Qt binding: PySide6 6.12.0 on Python 3.11 aborts with
"Fatal Python error: none_dealloc" after ~5,200 calls returning nothing; 6.11.3 does not."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
widget = QWidget()
for _ in range(20_000):
    widget.setEnabled(True)
print("ok")
"""


def test_twenty_thousand_void_calls_do_not_abort() -> None:
    """20,000 calls to widget.setEnabled(True) leave the process alive (exit 0)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True,
                            text=True, timeout=50, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"
