"""Findings: what the validator tells staff. Bad content becomes a finding, never an exception."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path


class Severity(enum.IntEnum):
    INFO = 0
    WARNING = 1
    ERROR = 2

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, order=True)
class Finding:
    file: str  # path relative to the folder that was checked, with "/" separators
    line: int | None
    severity: Severity
    message: str
    hint: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "severity": str(self.severity),
            "file": self.file,
            "line": self.line,
            "message": self.message,
            "hint": self.hint,
        }


class FindingSink:
    """Collects findings for one checked tree, naming files relative to its base folder."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.findings: list[Finding] = []
        self._aliases: list[tuple[Path, Path]] = []

    def alias(self, real: Path, shown: Path) -> None:
        """Name files under `real` as if under `shown` (a subject read through its symlink)."""
        if real != shown:
            self._aliases.append((real, shown))

    def rel(self, path: Path | str) -> str:
        p = Path(path)
        for real, shown in self._aliases:
            if p == real or real in p.parents:
                p = shown / p.relative_to(real)
                break
        try:
            return p.relative_to(self.base).as_posix()
        except ValueError:
            return p.as_posix()

    def add(
        self,
        severity: Severity,
        path: Path | str,
        message: str,
        *,
        line: int | None = None,
        hint: str = "",
    ) -> None:
        self.findings.append(Finding(self.rel(path), line, severity, message, hint))

    def error(self, path: Path | str, message: str, **kw: object) -> None:
        self.add(Severity.ERROR, path, message, **kw)  # type: ignore[arg-type]

    def warning(self, path: Path | str, message: str, **kw: object) -> None:
        self.add(Severity.WARNING, path, message, **kw)  # type: ignore[arg-type]

    def info(self, path: Path | str, message: str, **kw: object) -> None:
        self.add(Severity.INFO, path, message, **kw)  # type: ignore[arg-type]

    def has_error_for(self, path: Path) -> bool:
        rel = self.rel(path)
        return any(f.file == rel and f.severity is Severity.ERROR for f in self.findings)
