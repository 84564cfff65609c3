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
    failed = 0
    for c in checks:
        mark = "ok  " if c.ok else ("FAIL" if c.severe else "warn")
        failed += (not c.ok) and c.severe
        print(f"{mark}  {c.name:<18} {c.detail}")
        if c.fix and not c.ok:
            print(f"      {'':<18} fix: {c.fix}")
    print(f"\n{len(checks)} checks, {failed} failed")
    return 1 if failed else 0
