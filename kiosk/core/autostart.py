"""Starting the kiosk unattended: a systemd user unit and an XDG autostart entry.

The desktop session's autostart entry hands the display to systemd and starts the unit, so the
kiosk is supervised (restarted if it dies, watched by the watchdog) instead of started twice.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from pathlib import Path

UNIT_NAME = "exhibit-kiosk.service"
DESKTOP_NAME = "exhibit-kiosk.desktop"
WATCHDOG_S = 30


@dataclass(frozen=True)
class AutostartFiles:
    unit_path: Path
    unit_text: str
    desktop_path: Path
    desktop_text: str


def config_home() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir())


def build(command: list[str], *, home_config: Path | None = None) -> AutostartFiles:
    """The unit and autostart entry that run `command` (the full `kiosk run …` line)."""
    cfg = home_config or config_home()
    exec_line = " ".join(shlex.quote(c) for c in command)
    unit = f"""[Unit]
Description=Exhibit Kiosk (touchscreen exhibit)
After=graphical-session.target
PartOf=graphical-session.target

[Service]
Type=notify
NotifyAccess=main
ExecStart={exec_line}
Restart=always
RestartSec=2
WatchdogSec={WATCHDOG_S}

[Install]
WantedBy=graphical-session.target
"""
    start = ("systemctl --user import-environment DISPLAY XAUTHORITY WAYLAND_DISPLAY XDG_RUNTIME_DIR "
             f"&& systemctl --user start {UNIT_NAME}")
    desktop = f"""[Desktop Entry]
Type=Application
Name=Exhibit Kiosk
Comment=Start the exhibit kiosk under systemd supervision
Exec=sh -c {shlex.quote(start)}
X-GNOME-Autostart-enabled=true
NoDisplay=true
"""
    return AutostartFiles(cfg / "systemd" / "user" / UNIT_NAME, unit, cfg / "autostart" / DESKTOP_NAME, desktop)


def install(files: AutostartFiles) -> None:
    for path, text in ((files.unit_path, files.unit_text), (files.desktop_path, files.desktop_text)):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
