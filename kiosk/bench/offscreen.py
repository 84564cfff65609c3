"""A 1920×1080 offscreen screen for measured runs (the offscreen platform's default is 800×800)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path


def offscreen_platform(width: int = 1920, height: int = 1080, dpi: int = 102) -> str:
    """A QT_QPA_PLATFORM value for an offscreen screen of this size and physical DPI."""
    config = {"screens": [{"name": "bench", "x": 0, "y": 0, "width": width, "height": height,
                           "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1,
                           "physicalWidth": round(width / dpi * 25.4), "physicalHeight": round(height / dpi * 25.4)}]}
    path = Path(tempfile.gettempdir()) / f"kiosk-offscreen-{width}x{height}-{dpi}.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    return f"offscreen:configfile={path}"
