"""`kiosk rollback SUBJECT`: go back to the version of a subject before the last import."""

from __future__ import annotations

import argparse
import sys

from kiosk.commands.common import add_content_argument, content_root

HELP = "show the previous version of a subject again"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("subject", help="the subject's folder name, e.g. lenin-enrollment")
    add_content_argument(parser)


def run(args: argparse.Namespace) -> int:
    from kiosk.core.importer import ImportError_, rollback

    try:
        version = rollback(content_root(args), args.subject)
    except (ImportError_, OSError) as exc:
        print(f"kiosk rollback: {exc}", file=sys.stderr)
        return 1
    print(f"'{args.subject}' is back to version {version.version} (imported {version.imported_at}). "
          "The kiosk shows it from its next idle reset.")
    return 0
