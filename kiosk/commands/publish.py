"""`kiosk publish SRC FLEET_DIR`: check a subject and write it into the fleet's shared folder as a
new version that every kiosk takes at its next idle reset (docs/fleet.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "check a subject and publish it to every kiosk of a fleet through the shared folder"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", type=Path, help="the subject folder to publish (it holds subject.toml)")
    parser.add_argument("fleet_dir", type=Path, metavar="FLEET_DIR",
                        help="the fleet folder (it holds the shared content/ and status/ folders)")
    parser.add_argument("--keep", type=int, default=None, metavar="N",
                        help="versions of the subject to keep in the shared folder (default: the "
                             "fleet_keep_versions setting, 3)")
    parser.add_argument("--config", type=Path, default=None, help="a settings file to read as well")
    parser.add_argument("--no-scan", action="store_true",
                        help="do not ask the local Syncthing to look at the folder at once")


def settings_for(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from kiosk.core.settings import load_settings, settings_path

    config = getattr(args, "config", None)
    return load_settings([settings_path(), *([config] if config else [])], required=[config] if config else [])


def ask_syncthing_to_scan(fleet_dir: Path, config: Path | None) -> str:
    """Ask the local Syncthing to scan the content folder now; what happened, in words."""
    from kiosk.core.fleet.layout import CONTENT
    from kiosk.core.fleet.syncthing import SyncthingUnavailable, local_api

    try:
        api = local_api(config)
        folder = api.folder_for(fleet_dir / CONTENT)
        if folder is None:
            return (f"Syncthing ({api.config}) does not share {fleet_dir / CONTENT}: "
                    "no kiosk will receive this until it does (docs/fleet.md)")
        api.scan(folder.id)
        kind = "" if folder.type == "sendonly" else f" (it is '{folder.type}'; 'sendonly' is advised)"
        return f"Syncthing is sending it now (folder '{folder.id}'{kind})"
    except SyncthingUnavailable as exc:
        return f"Syncthing was not asked to hurry ({exc}); it sends the version when it next looks"


def run(args: argparse.Namespace) -> int:
    from kiosk.commands.importing import _ProgressPrinter
    from kiosk.core.fleet.publish import Publisher, PublishError, PublishRefused
    from kiosk.core.report import format_text
    from kiosk.core.settings import SettingsError

    source: Path = args.source
    if not (source / "subject.toml").is_file():
        print(f"kiosk publish: {source}: not a subject folder (it has no subject.toml)", file=sys.stderr)
        return 2
    try:
        settings = settings_for(args)
    except SettingsError as exc:
        print(f"kiosk publish: bad settings: {exc}", file=sys.stderr)
        return 2
    keep = args.keep if args.keep is not None else settings.fleet_keep_versions
    if keep < 1:
        print("kiosk publish: --keep must be 1 or more", file=sys.stderr)
        return 2
    try:
        published = Publisher(source, args.fleet_dir, keep=keep, progress=_ProgressPrinter()).run()
    except PublishRefused as refused:
        print(format_text(refused.findings, show_info=False))
        print(f"\nkiosk publish: nothing was published: fix the errors in {source} first.", file=sys.stderr)
        return 1
    except (PublishError, OSError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        print(f"\nkiosk publish: nothing was published: {reason}", file=sys.stderr)
        return 1
    m = published.manifest
    warnings = sum(1 for f in published.findings if f.severity.name == "WARNING")
    print(f"published '{m.subject}' as version {m.version}: {len(m.files)} files, {m.total_bytes / 1e6:.1f} MB"
          + (f", {warnings} warnings (kiosk validate {source} lists them)" if warnings else ""))
    if published.pruned:
        print(f"removed older versions: {', '.join(published.pruned)} (keeping {keep})")
    if not args.no_scan:
        print(ask_syncthing_to_scan(args.fleet_dir, settings.syncthing_config))
    print(f"Every kiosk shows it from its next idle reset; see: kiosk fleet status {args.fleet_dir}")
    return 0
