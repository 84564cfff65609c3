"""`kiosk status`: the subjects in the content root, their versions and when each was imported."""

from __future__ import annotations

import argparse

from kiosk.commands.common import add_content_argument, content_root

HELP = "list the subjects, their versions and when each was imported"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_content_argument(parser)


def run(args: argparse.Namespace) -> int:
    from kiosk.core.importer import list_versions, subjects_in

    root = content_root(args)
    if not root.is_dir():
        print(f"kiosk status: {root}: no such folder")
        return 2
    subjects = subjects_in(root)
    print(f"content root: {root.resolve()}")
    if not subjects:
        print("  no subjects")
    for subject in subjects:
        versions = list_versions(root, subject)
        if not versions:
            print(f"  {subject}: as shipped (never imported)")
            continue
        print(f"  {subject}:")
        for v in versions:
            mark = "live " if v.live else "     "
            size = f"{v.files} files, {v.bytes / 1e6:.1f} MB" if v.files else ""
            print(f"    {mark}{v.version:<24} {v.imported_at:<22} {size}")
    return 0
