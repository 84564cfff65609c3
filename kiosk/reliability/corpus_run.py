"""The real kiosk on the bad-files corpus: it must come up, offer the subjects that survive, and
show the good subject whole.

    python -m kiosk.reliability.corpus_run --content CORPUS_ROOT --out FILE

Waits for the full media check, then reads the chooser, opens every subject card in turn, visits
each of its tabs (tapping its first items: an article, a picture, a film's Play, a chart) and
goes Home. Writes what it saw as JSON: the cards, and per subject and tab the number of items.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QWidget

from kiosk.reliability.harness import (
    KioskRun,
    Observer,
    Script,
    ScriptFailure,
    Steps,
    Until,
    visible,
)
from kiosk.reliability.touch import Finger

TAB_LIST = {"texts": "touchList", "images": "galleryGrid", "video": "touchList", "charts": "touchList"}


class CorpusTour:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.seen: dict[str, object] = {"cards": [], "subjects": {}, "screens": []}
        self.failure: ScriptFailure | None = None
        self.window: QWidget | None = None
        self.observer: Observer | None = None

    def start(self, window: QWidget, observer: Observer) -> None:
        self.window, self.observer = window, observer
        self.finger = Finger(window)
        self.script = Script(self.steps(), keep_alive=self.finger.hover, on_done=self.done, parent=window)
        self.script.start()

    def screen(self) -> str:
        assert self.window is not None
        return self.window.screen_name()  # type: ignore[attr-defined]

    def cards(self) -> list[QWidget]:
        assert self.window is not None
        return [w for w in self.window.findChildren(QWidget)
                if w.objectName().startswith("subjectCard_") and w.isVisible()]

    def steps(self) -> Steps:
        window, observer = self.window, self.observer
        assert window is not None and observer is not None
        yield Until(lambda: observer.content_checked, 180, "the full content check", keep_alive=False)
        yield Until(lambda: self.screen() == "title" and bool(self.cards()), 30, "the chooser's cards")
        self.seen["chooser"] = visible(window, "chooserScreen") is not None
        names = sorted(c.objectName().removeprefix("subjectCard_") for c in self.cards())
        self.seen["cards"] = names
        subjects: dict[str, dict[str, object]] = {}
        self.seen["subjects"] = subjects
        for name in names:
            card = visible(window, f"subjectCard_{name}")
            if card is None:
                continue
            self.finger.tap(card)
            yield 30
            yield Until(lambda: self.screen().startswith("exhibit/"), 15, f"the exhibit of {name}")
            tabs: dict[str, object] = {}
            for tab in ("texts", "images", "video", "charts"):
                button = visible(window, f"tab_{tab}")
                if button is None:
                    continue
                self.finger.tap(button)
                yield 30
                yield Until(lambda t=tab: self.screen() == f"exhibit/{t}", 15, f"the {tab} tab of {name}")  # type: ignore[misc]
                page = visible(window, f"tabPage_{tab}")
                items = visible(page, TAB_LIST[tab]) if page is not None else None
                count = items.row_count() if items is not None else 0  # type: ignore[attr-defined]
                tabs[tab] = count
                if items is not None and count:
                    rect = items.row_rect(0)  # type: ignore[attr-defined]
                    self.finger.tap(items.viewport(), rect.center())  # type: ignore[attr-defined]
                    yield 120
                if tab == "video" and page is not None and visible(page, "videoPlay") is not None:
                    self.finger.tap(visible(page, "videoPlay"))  # type: ignore[arg-type]
                    yield 600
                if tab == "images" and page is not None and visible(page, "viewerClose") is not None:
                    self.finger.tap(visible(page, "viewerClose"))  # type: ignore[arg-type]
                    yield 30
                if tab == "charts" and page is not None:
                    tabs["chart_drawn"] = visible(page, "chartPlot") is not None
            subjects[name] = tabs
            self.finger.tap(visible(window, "homeButton"))  # type: ignore[arg-type]
            yield 30
            yield Until(lambda: self.screen() == "title", 15, "the chooser again")

    def done(self, failure: ScriptFailure | None) -> None:
        self.failure = failure
        self.write()
        if self.window is not None:
            self.window.exit_kiosk()  # type: ignore[attr-defined]

    def write(self) -> None:
        observer = self.observer or Observer()
        data = {**self.seen, "observer": observer.summary(),
                "failure": vars(self.failure) if self.failure else None}
        self.out.write_text(json.dumps(data, indent=1), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kiosk.reliability.corpus_run")
    parser.add_argument("--content", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--setting", action="append", default=[], metavar="KEY=VALUE",
                        help="a settings.toml line for the run (for diagnosis), e.g. live_reload=false")
    args = parser.parse_args(argv)
    config: dict[str, object] = {}
    for pair in args.setting:
        key, _, value = pair.partition("=")
        config[key] = {"true": True, "false": False}.get(value, value)
    tour = CorpusTour(args.out)
    started = time.monotonic()
    code = KioskRun(content=args.content, start=tour.start, config=config).run()
    if not args.out.exists():
        tour.write()
        return code or 3
    print(f"corpus tour: {time.monotonic() - started:.0f} s", flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
