"""The soak's own process: the real kiosk, and a day of visitors through it at accelerated time.

    python -m kiosk.reliability.soak_run --out FILE [--visits N] [--warmup N] [--sample-every N]
                                          [--seed S] [--content DIR] [--idle-timeout S]

Started by `kiosk soak` (kiosk.commands.soak), so a crash shows as this process's exit code. It
writes the raw samples and counts to --out as JSON; the parent judges them (criteria.py). Exit
code 0 when the run finished (whatever its figures), 3 when the driver could not run.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from kiosk.reliability.harness import (
    Observer,
    Script,
    ScriptFailure,
    Steps,
    StepTimeout,
    Until,
    descendants,
    driver_main,
)
from kiosk.reliability.sampler import Sample, take_sample
from kiosk.reliability.touch import Finger
from kiosk.reliability.visitor import PARTS, Visitor, VisitPlan, VisitRecord

DEFAULT_IDLE_TIMEOUT_S = 0.45
CONTENT_CHECK_TIMEOUT_S = 120.0
MAX_FAILURES = 25
FILM_TO_END_EVERY = 5
SETTLE_MS = 400  # before a sample: deferred deletes, pending paints and the heap trim after a visit run


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--visits", type=int, default=2000)
    parser.add_argument("--warmup", type=int, default=None, help="default: 200, or a tenth for short runs")
    parser.add_argument("--sample-every", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1924)
    parser.add_argument("--content", type=Path, default=None, help="content root (default: the demo)")
    parser.add_argument("--idle-timeout", type=float, default=DEFAULT_IDLE_TIMEOUT_S)
    parser.add_argument("--parts", default=",".join(PARTS),
                        help="what each visit does, to narrow down a leak (default: read,look,watch,chart)")


def default_warmup(visits: int) -> int:
    return 200 if visits >= 1000 else max(10, visits // 4)


class Soak:
    def __init__(self, args: argparse.Namespace, out: Path) -> None:
        self.args = args
        self.out = out
        self.warmup = args.warmup if args.warmup is not None else default_warmup(args.visits)
        self.rng = random.Random(args.seed)
        self.record = VisitRecord()
        self.samples: list[dict[str, object]] = []
        self.failures: list[ScriptFailure] = []
        self.started = time.monotonic()
        self.window: QWidget | None = None
        self.observer: Observer | None = None
        self.script: Script | None = None
        self._last_sample: Sample | None = None

    def start(self, window: QWidget, observer: Observer) -> None:
        self.window, self.observer = window, observer
        finger = Finger(window)
        self.visitor = Visitor(window, observer, finger, self.record)
        self.visitor.parts = tuple(p for p in self.args.parts.split(",") if p in PARTS)
        self.script = Script(self.steps(), keep_alive=finger.hover, on_done=self.done, parent=window)
        self.script.start()

    def sample(self) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        s = take_sample(app, self.record.visits, time.monotonic() - self.started, self._last_sample)
        self._last_sample = s
        self.samples.append(s.to_dict())
        print(f"soak: {s.visits:>5} visits  rss {s.rss_mb:7.1f} MB  qobjects {s.qobjects:6d}  "
              f"wrappers {s.wrappers:6d}  pyobjects {s.pyobjects:7d}  "
              f"exceptions {self.observer.exception_count() if self.observer else 0}  "
              f"{s.elapsed_s:7.0f} s", flush=True)

    def steps(self) -> Steps:
        assert self.window is not None and self.observer is not None
        observer, window = self.observer, self.window
        yield Until(lambda: observer.content_checked, CONTENT_CHECK_TIMEOUT_S, "the full content check",
                    keep_alive=False)
        yield Until(lambda: window.screen_name() == "title", 30, "the title screen")  # type: ignore[attr-defined]
        checked = [b.objectName().removeprefix("languageButton_") for b in descendants(window, QAbstractButton)
                   if b.objectName().startswith("languageButton_") and b.isVisible() and b.isChecked()]
        languages = tuple(sorted({b.objectName().removeprefix("languageButton_")
                                  for b in descendants(window, QAbstractButton)
                                  if b.objectName().startswith("languageButton_")}))
        default = checked[0] if checked else "en"
        self.visitor.default_language = default
        yield SETTLE_MS
        self.sample()
        self.visitor.idle_wait_s = max(10.0, self.args.idle_timeout * 4 + 5)
        for number in range(1, self.args.visits + 1):
            plan = VisitPlan.choose(number, self.rng, languages or (default,), default, FILM_TO_END_EVERY)
            try:
                yield from self.visitor.visit(plan)
            except StepTimeout as exc:
                self.failures.append(ScriptFailure(f"visit {number}", str(exc)))
                print(f"soak: visit {number}: {exc}", flush=True)
                if len(self.failures) >= MAX_FAILURES:
                    print("soak: too many failed visits; stopping", flush=True)
                    break
                # Walk away and let the kiosk's idle reset bring the title back (a film that
                # still plays holds the reset until it ends).
                try:
                    yield Until(lambda: window.screen_name() == "title", 120, "recovery to the title",  # type: ignore[attr-defined]
                                keep_alive=False)
                except StepTimeout:
                    self.failures.append(ScriptFailure("recovery", "never came back to the title"))
                    break
            done = self.record.visits
            if done == self.warmup or (done > self.warmup and (done - self.warmup) % self.args.sample_every == 0) \
                    or number == self.args.visits:
                yield SETTLE_MS
                self.sample()

    def done(self, failure: ScriptFailure | None) -> None:
        if failure is not None:
            self.failures.append(failure)
            print(f"soak: stopped: {failure.where}: {failure.message}\n{failure.trace}", flush=True)
        self.write()
        if self.window is not None:
            self.window.exit_kiosk()  # type: ignore[attr-defined]

    def write(self) -> None:
        observer = self.observer or Observer()
        data = {
            "visits_planned": self.args.visits,
            "warmup": self.warmup,
            "seed": self.args.seed,
            "idle_timeout_s": self.args.idle_timeout,
            "parts": self.args.parts,
            "elapsed_s": round(time.monotonic() - self.started, 1),
            "samples": self.samples,
            "record": vars(self.record),
            "observer": {**observer.summary(), "resets_logged": observer.resets,
                         "pin_opened": observer.pin_opened, "staff_opened": observer.staff_opened},
            "failures": [vars(f) for f in self.failures],
        }
        self.out.write_text(json.dumps(data, indent=1), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    return driver_main("python -m kiosk.reliability.soak_run", add_arguments, Soak, argv)

if __name__ == "__main__":
    sys.exit(main())
