"""`kiosk run`: the exhibit itself (full screen), or a classroom window with --windowed."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Mapping
from pathlib import Path

from kiosk.core.settings import SettingsError, load_settings, settings_path

HELP = "run the exhibit (full screen; --windowed for a classroom window)"
EXIT_NO_DISPLAY = 2
EXIT_BAD_SETTINGS = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", metavar="DIR", type=Path,
                        help="content root or one subject folder (default: assets/)")
    parser.add_argument("--windowed", action="store_true", default=None,
                        help="classroom mode: a normal window, cursor shown, closing allowed")
    parser.add_argument("--screen", metavar="N", type=int,
                        help="which screen to fill, counting from 0 (default: 0)")
    parser.add_argument("--idle-timeout", metavar="SECONDS", type=float,
                        help="seconds without a touch before the visit resets (0: never)")
    parser.add_argument("--config", metavar="FILE", type=Path,
                        help="a settings file read after the platform one (docs/settings.md)")


def missing_display(env: Mapping[str, str], platform: str = sys.platform) -> str | None:
    """Why Qt could not open a window here, or None. Checked before Qt is loaded."""
    if not platform.startswith("linux"):
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM"):
        return None
    return ("kiosk: no display to show the exhibit on: DISPLAY and WAYLAND_DISPLAY are not set.\n"
            "Run it in a graphical session, set DISPLAY (for example DISPLAY=:0), or set "
            "QT_QPA_PLATFORM (for example QT_QPA_PLATFORM=offscreen for a test run).")


LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LOG_BYTES = 5_000_000
LOG_FILES = 5


def log_folder() -> Path:
    from platformdirs import user_log_dir

    return Path(user_log_dir("exhibit-kiosk"))


def setup_logging(level: str) -> None:
    """Log to stderr (the journal under systemd) and to rotating files in the platform log folder."""
    logging.basicConfig(level=level, stream=sys.stderr, format=LOG_FORMAT)
    from logging.handlers import RotatingFileHandler

    try:
        folder = log_folder()
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(folder / "kiosk.log", maxBytes=LOG_BYTES, backupCount=LOG_FILES,
                                      encoding="utf-8")
    except OSError as exc:
        logging.getLogger(__name__).warning("no log file (%s); logging to stderr only", exc)
        return
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    logging.getLogger().addHandler(handler)


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    files = [settings_path()]
    if args.config is not None:
        files.append(args.config)
    flags = {
        "content_dir": args.content,
        "windowed": args.windowed,
        "screen": args.screen,
        "idle_timeout_s": args.idle_timeout,
    }
    try:
        settings = load_settings(files, flags, required=[args.config] if args.config else [])
    except SettingsError as exc:
        print(f"kiosk: bad settings:\n{exc}", file=sys.stderr)
        return EXIT_BAD_SETTINGS
    reason = missing_display(os.environ)
    if reason:
        print(reason, file=sys.stderr)
        return EXIT_NO_DISPLAY
    setup_logging(settings.log_level)
    from kiosk.ui import heap

    heap.limit_arenas()  # before Qt or FFmpeg start a thread (kiosk.ui.heap)
    from kiosk.ui import import_hook

    import_hook.lighten()  # before the kiosk's Qt modules are imported (kiosk.ui.import_hook)
    from kiosk.ui.app import run_app

    return run_app(settings, started=started)
