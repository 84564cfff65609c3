"""`kiosk doctor`'s checks: each says what it found and, when something is wrong, what to do."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from kiosk.core.findings import Severity

MIN_FREE_BYTES = 1_000_000_000
SAFE_PYSIDE = "6.11.3"


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""
    severe: bool = True  # False: a warning that does not fail the doctor


def check_display(env: Mapping[str, str]) -> Check:
    if env.get("WAYLAND_DISPLAY"):
        return Check("display", True, f"Wayland display {env['WAYLAND_DISPLAY']}")
    display = env.get("DISPLAY", "")
    if display:
        number = display.split(":")[-1].split(".")[0]
        sock = Path(f"/tmp/.X11-unix/X{number}")
        if display.startswith(":") and not sock.exists():
            return Check("display", False, f"DISPLAY={display} but no X server is listening ({sock} missing)",
                         "start the X server (for a kiosk without a desktop: xinit), or fix DISPLAY")
        return Check("display", True, f"X display {display}")
    return Check("display", False, "no DISPLAY or WAYLAND_DISPLAY: the kiosk has no screen to open",
                 "run the doctor from the kiosk's desktop session, or set DISPLAY=:0")


def run_qt_probe(python: str = sys.executable) -> tuple[dict[str, object] | None, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    try:
        out = subprocess.run([python, "-m", "kiosk.ui.qt_probe"], capture_output=True, text=True, timeout=60, env=env)
    except subprocess.TimeoutExpired:
        return None, "Qt did not answer within 60 s"
    if out.returncode != 0:
        tail = (out.stderr.strip().splitlines() or ["no message"])[-1]
        return None, f"Qt failed to start (exit {out.returncode}): {tail}"
    try:
        return json.loads(out.stdout.strip().splitlines()[-1]), ""
    except (ValueError, IndexError):
        return None, "Qt printed nothing readable"


def qt_checks(probe: dict[str, object] | None, error: str) -> list[Check]:
    if probe is None:
        return [Check("Qt", False, error, "run ./scripts/setup.sh as root to install the Debian libraries Qt needs")]
    checks = []
    version = str(probe.get("pyside"))
    checks.append(Check("Qt bindings", version == SAFE_PYSIDE, f"PySide6 {version}",
                        "" if version == SAFE_PYSIDE else f"reinstall: PySide6 {SAFE_PYSIDE} is the version tested "
                        "(6.12.0 aborts on Python 3.11 after a few thousand calls)"))
    if not probe.get("multimedia"):
        checks.append(Check("video", False, f"QtMultimedia cannot load: {probe.get('multimedia_error')}",
                            "install libpulse0 (apt-get install libpulse0)"))
    else:
        mp4 = bool(probe.get("decodes_mp4"))
        checks.append(Check("video", mp4, "the multimedia backend plays MP4" if mp4 else "the multimedia backend cannot decode MP4",
                            "" if mp4 else "reinstall PySide6-Addons (it carries the FFmpeg backend)"))
        outputs = probe.get("audio_outputs") or []
        checks.append(Check("audio", bool(outputs),
                            f"audio output: {', '.join(map(str, outputs))}" if outputs else
                            "no audio output: videos play silently",
                            "" if outputs else "connect speakers and start PulseAudio or PipeWire for the kiosk's user",
                            severe=False))
    fonts = int(str(probe.get("cyrillic_fonts", 0)))
    checks.append(Check("fonts", fonts > 0 and bool(probe.get("has_dejavu")),
                        f"{fonts} font families with Cyrillic" + ("" if probe.get("has_dejavu") else "; DejaVu Sans missing"),
                        "" if fonts and probe.get("has_dejavu") else "apt-get install fonts-dejavu-core", severe=False))
    return checks


def check_disk(paths: list[Path], min_free: int = MIN_FREE_BYTES) -> list[Check]:
    out = []
    for path in paths:
        probe = path
        while not probe.exists() and probe != probe.parent:
            probe = probe.parent
        usage = shutil.disk_usage(probe)
        ok = usage.free >= min_free
        out.append(Check(f"disk ({path})", ok, f"{usage.free / 1e9:.1f} GB free",
                         "" if ok else f"free some space: imports and logs need at least {min_free / 1e9:.0f} GB"))
    return out


def check_content(root: Path) -> Check:
    from kiosk.core.loader import validate

    findings = validate(root)
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    warnings = sum(1 for f in findings if f.severity is Severity.WARNING)
    return Check("content", errors == 0, f"{root}: {errors} errors, {warnings} warnings",
                 "" if errors == 0 else f"run: kiosk validate {root}")


def check_autostart(config_home: Path, which: Callable[[str], str | None] = shutil.which) -> Check:
    from kiosk.core.autostart import DESKTOP_NAME, UNIT_NAME

    unit = config_home / "systemd" / "user" / UNIT_NAME
    desktop = config_home / "autostart" / DESKTOP_NAME
    if unit.exists() and desktop.exists():
        return Check("autostart", True, f"{unit} and {desktop}")
    missing = [str(p) for p in (unit, desktop) if not p.exists()]
    return Check("autostart", False, "not set up: " + ", ".join(missing), "run: kiosk install-autostart", severe=False)


def check_blanking(env: Mapping[str, str], which: Callable[[str], str | None] = shutil.which) -> Check | None:
    if not env.get("DISPLAY") or not which("xset"):
        return None
    out = subprocess.run(["xset", "q"], capture_output=True, text=True, timeout=10, env=dict(env))
    text = out.stdout
    blank_off = "timeout:  0" in text and ("DPMS is Disabled" in text or "DPMS" not in text)
    return Check("screen blanking", blank_off, "off" if blank_off else "the screen saver or power saving may blank the exhibit",
                 "" if blank_off else "xset s off -dpms s noblank (see docs/operations.md)", severe=False)
