"""The `kiosk` command. Each subcommand lives in its own module under kiosk.commands.

Nothing here imports Qt: staff commands run on machines with no screen, and `kiosk run` pulls the
shell in only when it is asked for.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence

# subcommand name -> module in kiosk.commands that provides add_arguments(parser) and run(args)
SUBCOMMANDS: dict[str, str] = {
    "run": "run",
    "validate": "validate",
    "import": "importing",
    "rollback": "rollback",
    "status": "status",
    "stats": "stats",
    "doctor": "doctor",
    "install-autostart": "install_autostart",
}
DEFAULT_SUBCOMMAND = "run"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="Exhibit Kiosk: an offline touchscreen exhibit for museums and classrooms.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module_name in SUBCOMMANDS.items():
        module = importlib.import_module(f"kiosk.commands.{module_name}")
        p = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(p)
        p.set_defaults(handler=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args_list = list(argv) if argv is not None else None
    import sys

    raw = args_list if args_list is not None else sys.argv[1:]
    if not raw or raw[0].startswith("-") and raw[0] not in ("-h", "--help"):
        raw = [DEFAULT_SUBCOMMAND, *raw]
    args = parser.parse_args(raw)
    return int(args.handler(args) or 0)
