"""Arguments several staff commands share."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_content_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=Path, default=None,
                        help="the content root (default: from the settings, else the bundled assets/)")
    parser.add_argument("--config", type=Path, default=None, help="a settings file to read as well")


def content_root(args: argparse.Namespace) -> Path:
    """The content root named by --content, else the settings', else the bundled demo's."""
    if getattr(args, "content", None):
        return Path(args.content)
    from kiosk.core.settings import default_content_dir, load_settings, settings_path

    config = getattr(args, "config", None)
    files = [settings_path(), *([config] if config else [])]
    settings = load_settings(files, required=[config] if config else [])
    return settings.content_dir or default_content_dir()
