"""Running the real kiosk with a scripted driver inside it, and watching what it says.

The kiosk starts exactly as `kiosk run` starts it (kiosk.commands.run → kiosk.ui.app.run_app:
settings, logging, crash guard, services, error guard, first paint, background media check). The
driver is attached without touching the app: a logging handler waits for the kiosk's own
``painted`` state line and then starts the driver from the event loop, which finds the window by
its object name. Everything the kiosk reports is counted here: errors and exceptions in its logs
(the ErrorGuard logs every exception that reaches ``sys.excepthook``), Qt warnings and criticals,
idle resets, refused closes and the staff overlays.

Drivers are generators of steps run by ``Script`` on one reusable single-shot timer, so the real
``app.exec()`` loop runs between every step: no nested event loops, no sleeps.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QPoint, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger("kiosk.reliability")

KIOSK_WINDOW = "kioskWindow"


# -- what the kiosk says ----------------------------------------------------------------------------


class Observer(logging.Handler):
    """Counts the kiosk's log records and Qt's messages. Attached to the "kiosk" logger, so the
    app's own logging setup (basicConfig on the root logger) is left exactly as it is."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.errors: list[str] = []  # ERROR and above, from any kiosk logger
        self.exceptions: list[str] = []  # records carrying a traceback (ErrorGuard, log.exception)
        self.qt_messages: Counter[str] = Counter()  # "warning", "critical", "fatal", ...
        self.qt_criticals: list[str] = []
        self.qt_warning_texts: Counter[str] = Counter()
        self.resets = 0
        self.close_refused = 0
        self.keys_refused = 0
        self.pin_opened = 0
        self.staff_opened = 0
        self.staff_exit = 0
        self.painted = False
        self.content_checked = False
        self.warmed_up = False  # the tab libraries loaded after the first paint (kiosk.ui.app)
        self.on_painted: Callable[[], None] | None = None

    # logging.Handler
    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad log call must not break counting
            text = str(record.msg)
        if record.levelno >= logging.ERROR:
            self.errors.append(f"{record.name}: {text}"[:500])
        if record.exc_info:
            kind = record.exc_info[0].__name__ if record.exc_info[0] else "?"
            tail = "".join(traceback.format_exception(*record.exc_info)[-3:]) if record.exc_info[0] else ""
            self.exceptions.append(f"{record.name}: {text} [{kind}] {tail}"[:2000])
        if record.name == "kiosk.state":
            self._state(text)
        elif text.startswith("content checked"):
            self.content_checked = True
        elif text.startswith("key refused"):
            self.keys_refused += 1

    def _state(self, text: str) -> None:
        if text == "warmed up":
            self.warmed_up = True
        elif text.startswith("idle=reset"):
            self.resets += 1
        elif text == "close refused":
            self.close_refused += 1
        elif text == "overlay=pin":
            self.pin_opened += 1
        elif text == "overlay=staff":
            self.staff_opened += 1
        elif text == "exit by staff":
            self.staff_exit += 1
        elif text.startswith("painted") and not self.painted:
            self.painted = True
            if self.on_painted is not None:
                self.on_painted()

    # qInstallMessageHandler
    def qt_message(self, kind: QtMsgType, context: object, message: str) -> None:
        name = {QtMsgType.QtDebugMsg: "debug", QtMsgType.QtInfoMsg: "info",
                QtMsgType.QtWarningMsg: "warning", QtMsgType.QtCriticalMsg: "critical",
                QtMsgType.QtFatalMsg: "fatal"}.get(kind, "other")
        self.qt_messages[name] += 1
        if name in ("critical", "fatal"):
            self.qt_criticals.append(message[:500])
        elif name == "warning":
            self.qt_warning_texts[message[:160]] += 1
        if name != "debug":
            sys.stderr.write(f"qt.{name}: {message}\n")

    def exception_count(self) -> int:
        """Exceptions and criticals: what the pass criterion "zero exceptions" counts."""
        return len(self.exceptions) + len(self.qt_criticals)

    def summary(self) -> dict[str, object]:
        return {
            "exceptions": self.exception_count(),
            "errors_logged": len(self.errors),
            "qt_warnings": self.qt_messages.get("warning", 0),
            "qt_criticals": len(self.qt_criticals),
            "exception_texts": self.exceptions[:10],
            "error_texts": self.errors[:10],
            "qt_critical_texts": self.qt_criticals[:10],
            "qt_warning_texts": dict(self.qt_warning_texts.most_common(10)),
        }


# -- steps ------------------------------------------------------------------------------------------


class StepTimeout(Exception):
    """A condition a script waited for did not come true in time."""


@dataclass
class Until:
    """Wait until ``condition()`` is true (checked every poll), at most ``timeout_s``."""

    condition: Callable[[], bool]
    timeout_s: float
    what: str
    keep_alive: bool = True  # a visitor still at the glass: the idle countdown must not start


Step = int | Until  # an int: milliseconds to let the event loop run before the next step
Steps = Generator[Step, None, None]


@dataclass
class ScriptFailure:
    where: str
    message: str
    trace: str = ""


class Script(QObject):
    """Runs a generator of steps from the event loop, one step per timer shot."""

    POLL_MS = 5
    KEEP_ALIVE_MS = 120

    def __init__(self, steps: Steps, *, keep_alive: Callable[[], None] | None = None,
                 on_done: Callable[[ScriptFailure | None], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps = steps
        self._keep_alive = keep_alive
        self._on_done = on_done
        self._until: Until | None = None
        self._deadline = 0.0
        self._last_poke = 0.0
        self._throw: BaseException | None = None
        self._timer = QTimer(self)
        self._timer.setObjectName("reliabilityScript")
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        self._timer.start(0)

    def _on_timer_timeout(self) -> None:
        # Never let anything escape into sys.excepthook: the kiosk's ErrorGuard would count it as
        # the app's exception and reset the visit.
        try:
            self._advance()
        except Exception as exc:  # noqa: BLE001
            self._finish(ScriptFailure("driver", f"{type(exc).__name__}: {exc}", traceback.format_exc()))

    def _advance(self) -> None:
        now = time.monotonic()
        if self._until is not None:
            until = self._until
            if until.condition():
                self._until = None
            elif now > self._deadline:
                self._until = None
                self._throw = StepTimeout(f"timed out after {until.timeout_s:g} s waiting for {until.what}")
            else:
                if until.keep_alive and self._keep_alive is not None and now - self._last_poke > self.KEEP_ALIVE_MS / 1000:
                    self._last_poke = now
                    self._keep_alive()
                self._timer.start(self.POLL_MS)
                return
        try:
            if self._throw is not None:
                error, self._throw = self._throw, None
                step = self._steps.throw(error)
            else:
                step = next(self._steps)
        except StopIteration:
            self._finish(None)
            return
        except StepTimeout as exc:
            self._finish(ScriptFailure("timeout", str(exc), traceback.format_exc(limit=-4)))
            return
        if isinstance(step, Until):
            self._until = step
            self._deadline = time.monotonic() + step.timeout_s
            self._last_poke = time.monotonic()
            self._timer.start(0)
        else:
            self._timer.start(max(0, int(step)))

    def _finish(self, failure: ScriptFailure | None) -> None:
        self._timer.stop()
        self._steps.close()
        self._on_done(failure)


# -- finding things on screen -----------------------------------------------------------------------


def kiosk_window() -> QWidget | None:
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == KIOSK_WINDOW:
            return widget
    return None


def descendants(root: QObject, kind: type[QObject] = QWidget, name: str = "") -> list[QObject]:
    """The objects of ``kind`` (called ``name``, if given) under ``root``, walked through
    children(): PySide's findChildren() ties a wrapper of each object found to ``root`` for as
    long as ``root`` lives, so a driver using it would leak what the kiosk deletes, and the soak
    would blame the kiosk."""
    out: list[QObject] = []
    stack = list(root.children())
    while stack:
        obj = stack.pop()
        if isinstance(obj, kind) and (not name or obj.objectName() == name):
            out.append(obj)
        stack.extend(obj.children())
    return out


def visible(root: QWidget, name: str, kind: type[QWidget] = QWidget) -> QWidget | None:
    """The visible widget called ``name`` under ``root`` (None if there is none)."""
    for widget in descendants(root, kind, name):
        if widget.isVisible():  # type: ignore[attr-defined]
            return widget  # type: ignore[return-value]
    return None


def center_in(window: QWidget, widget: QWidget, local: QPoint | None = None) -> QPoint:
    """A point of ``widget`` (its centre by default) in ``window``'s coordinates."""
    return widget.mapTo(window, local if local is not None else widget.rect().center())


# -- running the kiosk ------------------------------------------------------------------------------


@dataclass
class KioskRun:
    """One run of the real kiosk with a driver; ``start`` is called once the title has painted."""

    content: Path
    start: Callable[[QWidget, Observer], None]
    idle_timeout_s: float | None = None
    config: dict[str, object] = field(default_factory=dict)
    observer: Observer = field(default_factory=Observer)

    def run(self) -> int:
        """Start the kiosk (blocks until the window closes) and return its exit code."""
        observer = self.observer
        logging.getLogger("kiosk").addHandler(observer)
        previous = qInstallMessageHandler(observer.qt_message)

        def on_painted() -> None:
            QTimer.singleShot(0, self._attach)

        observer.on_painted = on_painted
        with tempfile.TemporaryDirectory(prefix="kiosk-reliability-") as tmp:
            config_path = None
            if self.config:
                config_path = Path(tmp) / "settings.toml"
                config_path.write_text("".join(f"{k} = {_toml(v)}\n" for k, v in self.config.items()),
                                       encoding="utf-8")
            args = argparse.Namespace(content=self.content, windowed=None, screen=None,
                                      idle_timeout=self.idle_timeout_s, config=config_path)
            from kiosk.commands import run as run_command

            try:
                return int(run_command.run(args) or 0)
            finally:
                qInstallMessageHandler(previous)
                logging.getLogger("kiosk").removeHandler(observer)

    def _attach(self) -> None:
        window = kiosk_window()
        if window is None:
            log.error("reliability driver: no kiosk window to drive")
            QApplication.exit(3)
            return
        print("reliability: driver attached", flush=True)  # child.READY_LINE
        self.start(window, self.observer)


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def iterate(steps: Iterator[Step]) -> Steps:
    """Wrap an iterator of steps as a generator (so Script can throw timeouts into it)."""
    yield from steps


def driver_main(prog: str, add_arguments: Callable[[argparse.ArgumentParser], None],
                make_driver: Callable[[argparse.Namespace, Path], Any], argv: list[str] | None) -> int:
    """A driver process's main (soak, monkey): the kiosk run with the driver attached once the
    title has painted, and a report written even when the window closed before the driver ended
    (exit code 3 then, unless the kiosk's own code says more)."""
    parser = argparse.ArgumentParser(prog=prog)
    add_arguments(parser)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    from kiosk.core.settings import default_content_dir

    driver = make_driver(args, args.out)
    run = KioskRun(content=args.content or default_content_dir(), start=driver.start,
                   idle_timeout_s=args.idle_timeout)
    code = run.run()
    if not args.out.exists():  # the window closed before the driver finished
        driver.write()
        return code or 3
    return code
