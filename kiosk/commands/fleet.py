"""`kiosk fleet status FLEET_DIR` (one table of every kiosk) and `kiosk fleet rollback FLEET_DIR
SUBJECT` (every kiosk back to an earlier version), on the staff PC (docs/fleet.md)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

HELP = "the kiosks of a fleet: one status table, or every kiosk back to an earlier version"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="fleet_command", metavar="ACTION", required=True)
    status = sub.add_parser("status", help="one table of every kiosk: on the current version or not, "
                                           "last seen, errors", description="one table of every kiosk")
    status.add_argument("fleet_dir", type=Path, metavar="FLEET_DIR")
    status.add_argument("--json", action="store_true", help="the table as JSON, for scripts")
    status.add_argument("--offline-after", type=float, metavar="SECONDS", default=None,
                        help="a kiosk not heard from for this long is offline (default: the "
                             "fleet_offline_after_s setting, 900)")
    status.add_argument("--config", type=Path, default=None, help="a settings file to read as well")
    back = sub.add_parser("rollback", help="publish an earlier version again: every kiosk goes back to it",
                          description="publish an earlier version of a subject again as the newest")
    back.add_argument("fleet_dir", type=Path, metavar="FLEET_DIR")
    back.add_argument("subject")
    back.add_argument("--to", metavar="VERSION", help="this version (default: the one before the newest)")
    back.add_argument("--keep", type=int, default=None, metavar="N", help="versions to keep (default: the setting)")
    back.add_argument("--config", type=Path, default=None, help="a settings file to read as well")
    back.add_argument("--no-scan", action="store_true", help="do not ask the local Syncthing to look at once")


def run(args: argparse.Namespace) -> int:
    from kiosk.commands.publish import settings_for
    from kiosk.core.settings import SettingsError

    try:
        settings = settings_for(args)
    except SettingsError as exc:
        print(f"kiosk fleet: bad settings: {exc}", file=sys.stderr)
        return 2
    if not args.fleet_dir.is_dir():
        print(f"kiosk fleet: {args.fleet_dir}: no such folder", file=sys.stderr)
        return 2
    if args.fleet_command == "status":
        return _status(args, settings.fleet_offline_after_s)
    return _rollback(args, settings)


def _status(args: argparse.Namespace, offline_after_s: float) -> int:
    from kiosk.core.fleet.status import fleet_rows, format_table

    offline = args.offline_after if args.offline_after is not None else offline_after_s
    now = dt.datetime.now().astimezone()
    newest, rows = fleet_rows(args.fleet_dir, now, offline)
    if args.json:
        print(json.dumps({"fleet_dir": str(args.fleet_dir), "checked_at": now.isoformat(timespec="seconds"),
                          "offline_after_s": offline, "published": newest,
                          "kiosks": [r.to_json() for r in rows]}, indent=1, ensure_ascii=False))
    else:
        print(format_table(newest, rows))
    return 0


def _rollback(args: argparse.Namespace, settings) -> int:  # type: ignore[no-untyped-def]
    from kiosk.commands.importing import _ProgressPrinter
    from kiosk.commands.publish import ask_syncthing_to_scan
    from kiosk.core.fleet.publish import PublishError, rollback

    keep = args.keep if args.keep is not None else settings.fleet_keep_versions
    try:
        published = rollback(args.fleet_dir, args.subject, to=args.to, keep=max(1, keep),
                             progress=_ProgressPrinter())
    except (PublishError, OSError) as exc:
        print(f"kiosk fleet rollback: {exc}", file=sys.stderr)
        return 1
    m = published.manifest
    print(f"'{m.subject}' {m.rollback_of} published again as version {m.version}: every kiosk goes back to it "
          "at its next idle reset")
    if not args.no_scan:
        print(ask_syncthing_to_scan(args.fleet_dir, settings.syncthing_config))
    return 0
