from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core.findings import Finding, Severity
from kiosk.core.loader import validate
from tests.core.packs import make_pack


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """A clean subject folder, for a test to break one thing in."""
    return make_pack(tmp_path)


def findings_for(path: Path, severity: Severity | None = None) -> list[Finding]:
    found = validate(path)
    return [f for f in found if severity is None or f.severity is severity]


def only(findings: list[Finding], file: str) -> list[Finding]:
    return [f for f in findings if f.file == file]
