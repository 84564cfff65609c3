"""What Qt can do on this machine, printed as JSON for `kiosk doctor`.

Run in a child process (`python -m kiosk.ui.qt_probe`) so that a Qt failure, even an abort,
shows up in the doctor's report instead of ending the doctor.
"""

from __future__ import annotations

import json
import os
import sys


def probe() -> dict[str, object]:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtGui import QFontDatabase, QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    out: dict[str, object] = {
        "pyside": pyside_version,
        "platform": QGuiApplication.platformName(),
        "screens": [
            {"name": s.name(), "size": [s.geometry().width(), s.geometry().height()], "dpi": round(s.physicalDotsPerInch())}
            for s in QGuiApplication.screens()
        ],
        "cyrillic_fonts": len(QFontDatabase.families(QFontDatabase.WritingSystem.Cyrillic)),
        "has_dejavu": "DejaVu Sans" in QFontDatabase.families(),
    }
    try:
        from PySide6.QtMultimedia import QMediaDevices, QMediaFormat

        formats = QMediaFormat().supportedFileFormats(QMediaFormat.ConversionMode.Decode)
        out["decodes_mp4"] = QMediaFormat.FileFormat.MPEG4 in formats
        out["decodes_webm"] = QMediaFormat.FileFormat.WebM in formats
        out["audio_outputs"] = [d.description() for d in QMediaDevices.audioOutputs()]
        out["multimedia"] = True
    except Exception as exc:  # a missing library shows here as an ImportError
        out["multimedia"] = False
        out["multimedia_error"] = f"{exc.__class__.__name__}: {exc}"
    del app
    return out


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(json.dumps(probe()))
