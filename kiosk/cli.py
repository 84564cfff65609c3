"""The `kiosk` command. Each subcommand lives in its own module under kiosk.commands.

Nothing here imports Qt, and only the module of the subcommand being run is imported: `kiosk run`
must reach a painted title screen fast, and staff commands run on machines with no screen.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

# subcommand name -> (module in kiosk.commands, one-line help). The help is repeated here so that
# `kiosk --help` need not import every command.
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "run": ("run", "start the exhibit (the default)"),
    "validate": ("validate", "check a subject folder or a content root and report every problem"),
    "import": ("importing", "check a subject folder and import it into the content root safely"),
    "rollback": ("rollback", "show the previous version of a subject again"),
    "publish": ("publish", "check a subject and publish it to every kiosk of a fleet through the shared folder"),
    "fleet": ("fleet", "the kiosks of a fleet: one status table, or every kiosk back to an earlier version"),
    "status": ("status", "list the subjects, their versions and when each was imported"),
    "stats": ("stats", "summarise visits: per day, median length, most viewed items, video completion"),
    "doctor": ("doctor", "check this machine for everything the kiosk needs and say what to fix"),
    "install-autostart": ("install_autostart", "start the kiosk by itself at login, supervised by systemd"),
    "chart": ("chart", "export a chart as a PNG for handouts or checking"),
    "bench": ("bench", "measure the speed and memory figures the kiosk is held to"),
    "soak": ("soak", "run the real kiosk through thousands of scripted visits and check it does not leak or fail"),
    "monkey": ("monkey", "hammer the real kiosk with random touches and keys and check it stays locked and alive"),
}
DEFAULT_SUBCOMMAND = "run"


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"kiosk.commands.{SUBCOMMANDS[name][0]}")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; with `only`, just that subcommand's arguments are loaded."""
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="Exhibit Kiosk: an offline touchscreen exhibit for museums and classrooms.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (_, help_text) in SUBCOMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        if only is None or name == only:
            module = _module(name)
            module.add_arguments(p)
            p.set_defaults(handler=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    raw = list(argv) if argv is not None else sys.argv[1:]
    if not raw or (raw[0].startswith("-") and raw[0] not in ("-h", "--help")):
        raw = [DEFAULT_SUBCOMMAND, *raw]
    chosen = raw[0] if raw[0] in SUBCOMMANDS else None
    args = build_parser(chosen).parse_args(raw)
    if not getattr(args, "handler", None):
        build_parser().print_help()
        return 2
    return int(args.handler(args) or 0)
