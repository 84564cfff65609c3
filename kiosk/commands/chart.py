"""`kiosk chart export SUBJECT CHART OUT.png`: one chart as a PNG, for classroom handouts and
for staff to check a chart before it goes on the screen.

Rendering needs Qt but no screen: with no DISPLAY (or Wayland display) the offscreen platform is
used. Qt is imported only once the arguments are known to be good.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from kiosk.commands.common import add_content_argument, content_root

HELP = "export a chart as a PNG for handouts or checking"
_SIZE = re.compile(r"^(\d{2,5})[xX×](\d{2,5})$")
MAX_SIDE = 16_384


def _size(text: str) -> tuple[int, int]:
    match = _SIZE.match(text.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size; write it like 1920x1080")
    w, h = int(match.group(1)), int(match.group(2))
    if not (100 <= w <= MAX_SIDE and 100 <= h <= MAX_SIDE):
        raise argparse.ArgumentTypeError(f"{w}x{h}: each side must be 100 to {MAX_SIDE} pixels")
    return w, h


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    export = actions.add_parser("export", help="draw one chart into a PNG file",
                                description="draw one chart into a PNG file")
    export.add_argument("subject", help="the subject's id (its folder name)")
    export.add_argument("chart", help="the chart's id in subject.toml")
    export.add_argument("out", type=Path, metavar="OUT.png", help="the PNG file to write")
    export.add_argument("--size", type=_size, default=(1920, 1080), metavar="WxH",
                        help="the picture's size in pixels (default 1920x1080)")
    export.add_argument("--language", default=None,
                        help="language of the titles and numbers (default: the subject's)")
    add_content_argument(export)


def run(args: argparse.Namespace) -> int:
    if getattr(args, "action", None) != "export":
        print("kiosk chart: say what to do, e.g. kiosk chart export lenin-enrollment membership "
              "membership.png", file=sys.stderr)
        return 2
    from kiosk.core.chartdata import drawable_charts
    from kiosk.core.loader import load_library

    root = content_root(args)
    library = load_library(root, media_checks=False).library
    subject = library.subject(args.subject)
    if subject is None:
        names = ", ".join(s.id for s in library.subjects) or "none"
        print(f"kiosk chart: there is no subject '{args.subject}' in {root}. "
              f"Subjects: {names}", file=sys.stderr)
        return 2
    charts = {c.id: c for c in drawable_charts(subject)}
    if args.chart not in charts:
        names = ", ".join(charts) or "none"
        print(f"kiosk chart: subject '{subject.id}' has no chart '{args.chart}' that can be drawn. "
              f"Charts: {names}", file=sys.stderr)
        return 2
    language = args.language or subject.default_language
    if language not in subject.languages:
        print(f"kiosk chart: note: the subject is not offered in '{language}'; "
              f"text falls back to '{subject.default_language}'", file=sys.stderr)
    out = Path(args.out)
    if not out.parent.is_dir():
        print(f"kiosk chart: {out.parent}: no such folder", file=sys.stderr)
        return 2
    image = _render(subject, charts[args.chart], language, args.size)
    if image is None or not image.save(str(out), "PNG"):
        print(f"kiosk chart: could not write {out}", file=sys.stderr)
        return 1
    print(f"{out}: {args.size[0]}x{args.size[1]}, chart '{args.chart}' of '{subject.id}' ({language})")
    return 0


def _render(subject, chart, language: str, size: tuple[int, int]):  # -> QImage | None
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.charts.export import ChartSheet
    from kiosk.ui.metrics import Metrics
    from kiosk.ui.theme import apply_theme

    def quiet(kind: QtMsgType, _context: object, message: str) -> None:
        # The offscreen platform warns about window size hints it cannot pass on: not news.
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(quiet)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    metrics = Metrics()  # the reference 21.5" 1080p screen: the sizes the kiosk is designed at
    apply_theme(app, metrics)
    sheet = ChartSheet(subject, chart, language, metrics)
    try:
        return sheet.render_image(*size)
    finally:
        sheet.deleteLater()
        qInstallMessageHandler(previous)
