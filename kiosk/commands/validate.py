"""`kiosk validate PATH`: check a subject folder or a content root and report what is wrong."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "check a subject folder or a content root and report every problem with its file and line"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, help="a subject folder (with subject.toml) or a folder of subjects")
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")
    parser.add_argument("--quiet", action="store_true", help="leave out notes (info findings)")


def run(args: argparse.Namespace) -> int:
    from kiosk.core.findings import Severity
    from kiosk.core.loader import validate
    from kiosk.core.report import format_json, format_text

    if not args.path.exists():
        print(f"kiosk validate: {args.path}: no such folder", file=sys.stderr)
        return 2
    findings = validate(args.path)
    print(format_json(findings) if args.json else format_text(findings, show_info=not args.quiet))
    return 1 if any(f.severity is Severity.ERROR for f in findings) else 0
