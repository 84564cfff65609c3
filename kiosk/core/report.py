"""The validator's report for staff: findings grouped by file, and a summary line."""

from __future__ import annotations

import json
from collections.abc import Sequence
from itertools import groupby

from kiosk.core.findings import Finding, Severity

_LABEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}


def summary(findings: Sequence[Finding]) -> str:
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}

    def n(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    verdict = "NOT READY: fix the errors above" if counts[Severity.ERROR] else "ready to show"
    return (f"{n(counts[Severity.ERROR], 'error')}, {n(counts[Severity.WARNING], 'warning')}, "
            f"{n(counts[Severity.INFO], 'note')}: {verdict}")


def format_text(findings: Sequence[Finding], *, show_info: bool = True) -> str:
    shown = [f for f in findings if show_info or f.severity is not Severity.INFO]
    out: list[str] = []
    for file, group in groupby(sorted(shown, key=lambda f: (f.file, f.line or 0)), key=lambda f: f.file):
        out.append(file or ".")
        for f in group:
            where = f"line {f.line}" if f.line else ""
            out.append(f"  {_LABEL[f.severity]:<8}{where:<10}{f.message}")
            if f.hint:
                out.append(f"  {'':<18}hint: {f.hint}")
        out.append("")
    out.append(summary(findings))
    return "\n".join(out)


def format_json(findings: Sequence[Finding]) -> str:
    counts = {str(s): sum(1 for f in findings if f.severity is s) for s in Severity}
    return json.dumps({"findings": [f.to_json() for f in findings], "counts": counts}, ensure_ascii=False, indent=2)
