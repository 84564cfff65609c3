"""`kiosk doctor`: check this machine for everything the kiosk needs and say what to fix."""

from __future__ import annotations

import argparse
import os

from kiosk.commands.common import add_content_argument, content_root

HELP = "check the display, video and audio, fonts, disk, content and autostart, and say what to fix"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_content_argument(parser)


def run(args: argparse.Namespace) -> int:
    from kiosk.core import doctor
    from kiosk.core.analytics import default_database
    from kiosk.core.autostart import config_home

    root = content_root(args)
    checks = [doctor.check_display(os.environ)]
    checks += doctor.qt_checks(*doctor.run_qt_probe())
    checks += doctor.check_disk([root, default_database().parent])
    checks.append(doctor.check_content(root))
    checks.append(doctor.check_autostart(config_home()))
    blanking = doctor.check_blanking(os.environ)
    if blanking:
        checks.append(blanking)
    checks += _fleet_checks(args)
    failed = 0
    for c in checks:
        mark = "ok  " if c.ok else ("FAIL" if c.severe else "warn")
        failed += (not c.ok) and c.severe
        print(f"{mark}  {c.name:<18} {c.detail}")
        if c.fix and not c.ok:
            print(f"      {'':<18} fix: {c.fix}")
    print(f"\n{len(checks)} checks, {failed} failed")
    return 1 if failed else 0


def _fleet_checks(args: argparse.Namespace) -> list:  # type: ignore[type-arg]
    """On a kiosk of a fleet (docs/fleet.md): its folders and how Syncthing shares them."""
    from kiosk.commands.publish import settings_for
    from kiosk.core.fleet.status import status_folder
    from kiosk.core.fleet.syncthing import fleet_checks

    settings = settings_for(args)
    status = status_folder(settings)
    if settings.fleet_dir is None or status is None:
        return []
    return fleet_checks(settings.fleet_dir.expanduser(), status, settings.syncthing_config)
