"""The monkey's own process: the real kiosk, and random input on the glass until it breaks (or not).

    python -m kiosk.reliability.monkey_run --out FILE [--events N] [--seed S] [--content DIR]
                                            [--idle-timeout S]

Random taps (weighted towards visible buttons and list rows, so it really navigates), double taps,
right clicks, long presses, drags, pinches, touch taps, wheel turns, key presses (Alt+F4, Esc,
Ctrl+Q, Ctrl+W, F11, Tab, arrows, Space, Enter, ...), bursts of taps in the staff corner followed
by random PINs, and now and then a quiet spell long enough for the idle reset. All seeded.

Watched throughout: a 10 ms heartbeat timer (the longest gap is the UI's worst stall), no window
but the kiosk's (no dialog, menu, popup or tooltip), the window still full screen on its screen,
the staff panel never opened, and every exception or Qt critical the kiosk logs.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter, deque
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QPoint, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QWidget

from kiosk.reliability.harness import (
    Observer,
    Script,
    ScriptFailure,
    Steps,
    Until,
    driver_main,
    visible,
)
from kiosk.reliability.touch import NO_MOD, Finger

HEARTBEAT_MS = 10
DEFAULT_IDLE_TIMEOUT_S = 1.0
CHECK_EVERY = 10  # events between checks of the windows and full screen
K = Qt.Key
M = Qt.KeyboardModifier
KEYS: tuple[tuple[Qt.Key, Qt.KeyboardModifier], ...] = (
    (K.Key_F4, M.AltModifier), (K.Key_Escape, NO_MOD), (K.Key_Q, M.ControlModifier),
    (K.Key_W, M.ControlModifier), (K.Key_F11, NO_MOD), (K.Key_Tab, NO_MOD), (K.Key_Backtab, M.ShiftModifier),
    (K.Key_Left, NO_MOD), (K.Key_Right, NO_MOD), (K.Key_Up, NO_MOD), (K.Key_Down, NO_MOD),
    (K.Key_Space, NO_MOD), (K.Key_Return, NO_MOD), (K.Key_Enter, M.KeypadModifier), (K.Key_Backspace, NO_MOD),
    (K.Key_PageDown, NO_MOD), (K.Key_PageUp, NO_MOD), (K.Key_Home, NO_MOD), (K.Key_End, NO_MOD),
    (K.Key_Tab, M.AltModifier), (K.Key_Delete, M.ControlModifier | M.AltModifier), (K.Key_Menu, NO_MOD),
    (K.Key_Super_L, NO_MOD), (K.Key_F1, NO_MOD), (K.Key_Q, M.ControlModifier | M.ShiftModifier),
    (K.Key_A, NO_MOD), (K.Key_2, NO_MOD), (K.Key_Plus, M.ControlModifier), (K.Key_Minus, NO_MOD),
    (K.Key_F5, NO_MOD), (K.Key_Back, NO_MOD),
)
# What the monkey does, and how often (relative weights).
WEIGHTS: dict[str, float] = {
    "tap_button": 30, "tap_row": 8, "tap_random": 12, "double_tap": 3, "right_click": 2, "long_press": 0.3,
    "drag": 10, "pinch": 4, "touch_tap": 4, "wheel": 6, "key": 17, "staff_corner": 0.5, "pin_attempt": 1.5,
    "idle": 0.03,
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1924)
    parser.add_argument("--content", type=Path, default=None, help="content root (default: the demo)")
    parser.add_argument("--idle-timeout", type=float, default=DEFAULT_IDLE_TIMEOUT_S)


class Heartbeat:
    """A timer that should tick every HEARTBEAT_MS; the longest gap is the worst stall."""

    def __init__(self, parent: QWidget, last_events: deque[str]) -> None:
        self._clock = QElapsedTimer()
        self._timer = QTimer(parent)
        self._timer.setObjectName("monkeyHeartbeat")
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(HEARTBEAT_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._last = 0
        self._events = last_events
        self.max_gap_ms = 0
        self.max_gap_during: list[str] = []
        self.gaps_over_100 = 0
        self.gaps_over_250 = 0
        self.long_gaps: list[dict[str, object]] = []  # the first 25 stalls over 100 ms, and when

    def start(self) -> None:
        self._clock.start()
        self._last = 0
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _on_timer_timeout(self) -> None:
        now = self._clock.elapsed()
        gap = now - self._last
        self._last = now
        if gap - HEARTBEAT_MS > 100:
            self.gaps_over_100 += 1
            if len(self.long_gaps) < 25:
                self.long_gaps.append({"stall_ms": gap - HEARTBEAT_MS, "during": list(self._events)})
        if gap - HEARTBEAT_MS > 250:
            self.gaps_over_250 += 1
        if gap > self.max_gap_ms:
            self.max_gap_ms = gap
            self.max_gap_during = list(self._events)


class Monkey:
    def __init__(self, args: argparse.Namespace, out: Path) -> None:
        self.args = args
        self.out = out
        self.rng = random.Random(args.seed)
        self.done_events = 0
        self.actions: Counter[str] = Counter()
        self.screens: Counter[str] = Counter()
        self.overlays: Counter[str] = Counter()
        self.new_windows: list[str] = []
        self.not_full_screen = 0
        self.not_full_screen_texts: list[str] = []
        self.last_events: deque[str] = deque(maxlen=4)
        self.failure: ScriptFailure | None = None
        self.started = time.monotonic()
        self.window: QWidget | None = None
        self.observer: Observer | None = None
        self.heartbeat: Heartbeat | None = None
        self.window_closed = False

    def start(self, window: QWidget, observer: Observer) -> None:
        self.window, self.observer = window, observer
        self.finger = Finger(window)
        self.heartbeat = Heartbeat(window, self.last_events)
        self.geometry = window.screen().geometry()
        self.corner_px = max(8, round(window.logicalDpiX() * 15 / 25.4 * 0.5))  # well inside the 15 mm corner
        self.script = Script(self.steps(), on_done=self.done, parent=window)
        self.script.start()

    # -- checks ----------------------------------------------------------------------------------
    def check(self) -> None:
        window = self.window
        assert window is not None
        if not window.isVisible():
            self.window_closed = True
            return
        others = [w for w in QApplication.topLevelWidgets() if w is not window and w.isVisible()]
        others += [w for w in (QApplication.activePopupWidget(), QApplication.activeModalWidget()) if w is not None]
        handles = [w for w in QGuiApplication.topLevelWindows()
                   if w.isVisible() and w is not window.windowHandle()]
        for other in [*others, *handles]:
            text = f"{type(other).__name__} {other.objectName()!r} after: {' | '.join(self.last_events)}"
            if text not in self.new_windows:
                self.new_windows.append(text)
            if isinstance(other, QWidget) and other is not window:
                other.close()  # report it once, then carry on
        if not window.isFullScreen() or window.geometry() != self.geometry:
            self.not_full_screen += 1
            if len(self.not_full_screen_texts) < 5:
                self.not_full_screen_texts.append(
                    f"geometry {window.geometry().getRect()} full={window.isFullScreen()} after: "
                    f"{' | '.join(self.last_events)}")
        self.screens[window.screen_name()] += 1  # type: ignore[attr-defined]
        for name in ("stillThereOverlay", "pinPad", "staffPanel", "imageViewer", "chartCallout",
                     "videoErrorCard"):
            if visible(window, name) is not None:
                self.overlays[name] += 1

    # -- choosing what to do ---------------------------------------------------------------------
    def random_point(self) -> QPoint:
        assert self.window is not None
        return QPoint(self.rng.randrange(self.window.width()), self.rng.randrange(self.window.height()))

    def point_in(self, widget: QWidget) -> QPoint:
        assert self.window is not None
        r = widget.rect()
        local = QPoint(r.x() + self.rng.randrange(max(1, r.width())), r.y() + self.rng.randrange(max(1, r.height())))
        return widget.mapTo(self.window, local)

    def action(self, name: str) -> Steps:
        window, finger, rng = self.window, self.finger, self.rng
        assert window is not None
        if name == "tap_button":
            buttons = [b for b in window.findChildren(QAbstractButton) if b.isVisible()]
            if buttons:
                button = rng.choice(buttons)
                self.note(f"tap {button.objectName() or type(button).__name__}")
                finger.tap_at(self.point_in(button))
                yield 0
                return
            name = "tap_random"
        if name == "tap_row":
            views = [v for v in window.findChildren(QAbstractItemView) if v.isVisible() and v.model() is not None
                     and v.model().rowCount()]
            if views:
                view = rng.choice(views)
                rect = view.visualRect(view.model().index(rng.randrange(view.model().rowCount()), 0))
                if rect.isValid() and view.viewport().rect().intersects(rect):
                    rect = rect.intersected(view.viewport().rect())
                    local = QPoint(rect.x() + rng.randrange(max(1, rect.width())),
                                   rect.y() + rng.randrange(max(1, rect.height())))
                    self.note(f"tap row in {view.objectName()}")
                    finger.tap_at(view.viewport().mapTo(window, local))
                    yield 0
                    return
            name = "tap_random"
        if name == "tap_random":
            point = self.random_point()
            self.note(f"tap {point.x()},{point.y()}")
            finger.tap_at(point)
            yield 0
        elif name == "double_tap":
            point = self.random_point()
            self.note(f"double tap {point.x()},{point.y()}")
            finger.double_tap_at(point)
            yield 0
        elif name == "right_click":
            point = self.random_point()
            self.note(f"right click {point.x()},{point.y()}")
            finger.click_at(point, Qt.MouseButton.RightButton)
            yield 0
        elif name == "long_press":
            point = self.random_point()
            self.note(f"long press {point.x()},{point.y()}")
            finger.press_at(point)
            yield rng.randint(450, 700)
            finger.release_at(point)
            yield 0
        elif name == "drag":
            start = self.random_point()
            end = finger.clamp(start + QPoint(rng.randint(-700, 700), rng.randint(-500, 500)))
            self.note(f"drag {start.x()},{start.y()} -> {end.x()},{end.y()}")
            yield from finger.drag(start, end, moves=rng.randint(2, 8), step_ms=rng.randint(1, 4))
        elif name == "pinch":
            center = self.random_point()
            a, b = rng.randint(40, 500), rng.randint(40, 500)
            self.note(f"pinch at {center.x()},{center.y()} {a}->{b}")
            yield from finger.pinch(center, a, b, moves=rng.randint(2, 6), step_ms=rng.randint(1, 4))
        elif name == "touch_tap":
            point = self.random_point()
            self.note(f"touch tap {point.x()},{point.y()}")
            yield from finger.touch_tap(point, hold_ms=rng.randint(1, 10))
        elif name == "wheel":
            point = self.random_point()
            delta = rng.choice((-360, -120, -40, 40, 120, 360))
            horizontal = rng.random() < 0.2
            self.note(f"wheel {delta} at {point.x()},{point.y()}")
            finger.wheel_at(point, 0 if horizontal else delta, delta if horizontal else 0)
            yield 0
        elif name == "key":
            key, mods = rng.choice(KEYS)
            self.note(f"key {key.name}+{mods!r}")
            finger.key(key, mods)
            yield 0
        elif name == "staff_corner":
            self.note("five taps in the staff corner")
            for _ in range(5):
                finger.tap_at(QPoint(rng.randrange(self.corner_px), rng.randrange(self.corner_px)))
                yield rng.randint(10, 40)
        elif name == "pin_attempt":
            pad = visible(window, "pinPad")
            if pad is None:
                return
            digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 6)))
            self.note(f"PIN {digits}")
            for digit in digits:
                key = visible(pad, f"pinKey_{digit}")
                if key is not None:
                    finger.tap(key)
                    yield 5
            ok = visible(pad, "pinKey_ok")
            if ok is not None:
                finger.tap(ok)
            yield 0
        elif name == "idle":
            self.note("nobody for a while")
            yield round(self.args.idle_timeout * 1000) + 400

    def note(self, text: str) -> None:
        self.last_events.append(f"#{self.done_events} {text}")

    # -- the run ---------------------------------------------------------------------------------
    def steps(self) -> Steps:
        observer, window = self.observer, self.window
        assert observer is not None and window is not None and self.heartbeat is not None
        # A kiosk meets its visitors warmed up: the tab libraries it loads in its first second
        # (on the UI thread, by design, before anyone is there) are not a visitor's stall.
        yield Until(lambda: observer.content_checked and observer.warmed_up, 120,
                    "the full content check and the warm-up", keep_alive=False)
        names = list(WEIGHTS)
        weights = [WEIGHTS[n] for n in names]
        self.heartbeat.start()
        report_every = max(1000, self.args.events // 20)
        for number in range(1, self.args.events + 1):
            name = self.rng.choices(names, weights)[0]
            self.actions[name] += 1
            yield from self.action(name)
            self.done_events = number
            if number % CHECK_EVERY == 0:
                self.check()
                if self.window_closed:
                    print(f"monkey: the kiosk window closed after {number} events: "
                          f"{' | '.join(self.last_events)}", flush=True)
                    return
            if number % report_every == 0:
                self.progress()
        self.check()

    def progress(self) -> None:
        hb = self.heartbeat
        print(f"monkey: {self.done_events:>7} events  max stall {hb.max_gap_ms - HEARTBEAT_MS if hb else 0:5d} ms  "
              f"exceptions {self.observer.exception_count() if self.observer else 0}  "
              f"windows {len(self.new_windows)}  {time.monotonic() - self.started:6.0f} s", flush=True)

    def done(self, failure: ScriptFailure | None) -> None:
        if self.heartbeat is not None:
            self.heartbeat.stop()
        if failure is not None:
            self.failure = failure
            print(f"monkey: stopped: {failure.where}: {failure.message}\n{failure.trace}", flush=True)
        self.progress()
        self.write()
        if self.window is not None and not self.window_closed:
            self.window.exit_kiosk()  # type: ignore[attr-defined]

    def write(self) -> None:
        observer = self.observer or Observer()
        hb = self.heartbeat
        data = {
            "events_planned": self.args.events,
            "events_done": self.done_events,
            "seed": self.args.seed,
            "elapsed_s": round(time.monotonic() - self.started, 1),
            "max_stall_ms": (hb.max_gap_ms - HEARTBEAT_MS) if hb else None,
            "max_stall_during": hb.max_gap_during if hb else [],
            "stalls_over_100ms": hb.gaps_over_100 if hb else 0,
            "stalls_over_250ms": hb.gaps_over_250 if hb else 0,
            "long_stalls": hb.long_gaps if hb else [],
            "new_windows": self.new_windows,
            "not_full_screen": self.not_full_screen,
            "not_full_screen_texts": self.not_full_screen_texts,
            "window_closed": self.window_closed,
            "actions": dict(self.actions),
            "screens": dict(self.screens),
            "overlays": dict(self.overlays),
            "observer": {**observer.summary(), "resets": observer.resets, "close_refused": observer.close_refused,
                         "keys_refused": observer.keys_refused, "pin_opened": observer.pin_opened,
                         "staff_opened": observer.staff_opened, "staff_exit": observer.staff_exit},
            "failure": vars(self.failure) if self.failure else None,
        }
        self.out.write_text(json.dumps(data, indent=1), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    return driver_main("python -m kiosk.reliability.monkey_run", add_arguments, Monkey, argv)

if __name__ == "__main__":
    sys.exit(main())
