"""`kiosk import SRC`: validate a subject folder and swap it into the content root safely."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from kiosk.commands.common import add_content_argument, content_root

HELP = "check a subject folder (for example on a USB stick) and import it into the content root"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", type=Path, help="the subject folder to import (it holds subject.toml)")
    add_content_argument(parser)


class _ProgressPrinter:
    """A progress line on stderr, at most a few times a second."""

    def __init__(self) -> None:
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.last < 0.25:
            return
        self.last = now
        pct = 100 * done / total if total else 100
        print(f"\rcopying: {done / 1e6:8.1f} of {total / 1e6:.1f} MB ({pct:3.0f} %)", end="", file=sys.stderr)
        if done >= total:
            print(file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from kiosk.core.importer import ImportError_, ImportRefused, ImportTransaction, clean_stale_staging
    from kiosk.core.report import format_text

    source: Path = args.source
    if not (source / "subject.toml").is_file():
        print(f"kiosk import: {source}: not a subject folder (it has no subject.toml)", file=sys.stderr)
        return 2
    root = content_root(args)
    root.mkdir(parents=True, exist_ok=True)
    clean_stale_staging(root)
    try:
        version = ImportTransaction(source, root, progress=_ProgressPrinter()).run()
    except ImportRefused as refused:
        print(format_text(refused.findings, show_info=False))
        print(f"\nkiosk import: nothing was imported: fix the errors in {source} first.", file=sys.stderr)
        return 1
    except (ImportError_, OSError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        print(f"\nkiosk import: the import stopped: {reason}. The exhibit's content is unchanged.", file=sys.stderr)
        return 1
    print(f"imported '{version.subject}' as version {version.version}: {version.files} files, "
          f"{version.bytes / 1e6:.1f} MB. The kiosk shows it from its next idle reset.")
    return 0
