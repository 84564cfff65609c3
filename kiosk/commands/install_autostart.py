"""`kiosk install-autostart`: start the kiosk with the desktop session, supervised by systemd."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

HELP = "write a systemd user unit and an XDG autostart entry so the kiosk starts by itself"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=Path, help="the content root the kiosk shows")
    parser.add_argument("--config", type=Path, help="a settings file the kiosk reads")
    parser.add_argument("--dry-run", action="store_true", help="print the files instead of writing them")


def run(args: argparse.Namespace) -> int:
    from kiosk.core.autostart import UNIT_NAME, build, install

    kiosk = shutil.which("kiosk") or str(Path(sys.executable).with_name("kiosk"))
    command = [kiosk, "run"]
    if args.content:
        command += ["--content", str(args.content.resolve())]
    if args.config:
        command += ["--config", str(args.config.resolve())]
    files = build(command)
    if args.dry_run:
        print(f"# {files.unit_path}\n{files.unit_text}\n# {files.desktop_path}\n{files.desktop_text}")
        return 0
    install(files)
    print(f"wrote {files.unit_path}\nwrote {files.desktop_path}")
    if shutil.which("systemctl"):
        done = subprocess.run(["systemctl", "--user", "daemon-reload"], capture_output=True, text=True)
        enabled = subprocess.run(["systemctl", "--user", "enable", UNIT_NAME], capture_output=True, text=True)
        if done.returncode or enabled.returncode:
            print("systemd did not take the unit now (no user session?); it is used from the next login.")
    print("The kiosk starts at the next login. Turn off screen blanking too: see docs/operations.md.")
    return 0
