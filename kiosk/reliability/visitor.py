"""A scripted museum visitor, at accelerated time.

Each visit taps into the exhibit, reads (picks an article, scrolls it, A+), looks at pictures
(opens the viewer, swipes, next, zooms by pinch, double tap, wheel or button), plays a film part
way (or, every few visits, seeks near its end and lets it finish), opens a chart and touches a
figure, switches language, and leaves: most visits walk away and the kiosk's idle reset brings
the title screen back; some press Home first (the changed language still needs the idle reset).
After every visit the reset is checked the way the next visitor would see it.

Everything is found by object name and driven through the glass (kiosk.reliability.touch); the
only reads are what a visitor could see (screen, visible widgets, a playing film).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractButton, QApplication, QScroller, QWidget

from kiosk.reliability.harness import Observer, Steps, StepTimeout, Until, descendants, visible
from kiosk.reliability.touch import Finger

TAP_MS = 20  # between taps: enough for Qt to lay out and paint what the tap changed
TAB_TIMEOUT_S = 10.0
MAX_LIST_SWIPES = 12
PLAY_TIMEOUT_S = 8.0
HOME_TIMEOUT_S = 3.0
END_TIMEOUT_S = 15.0
END_SEEK_FRACTION = 0.985  # where "to the end" seeks: the last second or so of the film
PARTS = ("read", "look", "watch", "chart")  # what a visit does, in this order (--parts narrows it)


@dataclass
class VisitPlan:
    """What one visitor does (chosen from the seed, so runs are reproducible)."""

    number: int
    article: int
    text_steps: int
    picture: int
    swipes: int
    zoom: str  # "pinch", "double", "wheel" or "button"
    film: int
    film_to_end: bool
    chart: int
    point: int
    language: str
    leave: str  # "idle" or "home"

    @classmethod
    def choose(cls, number: int, rng: random.Random, languages: tuple[str, ...], default: str,
               film_every: int) -> VisitPlan:
        others = [code for code in languages if code != default] or [default]
        return cls(number=number, article=rng.randrange(8), text_steps=rng.randint(1, 2),
                   picture=rng.randrange(16), swipes=rng.randint(1, 3),
                   zoom=rng.choice(("pinch", "double", "wheel", "button")), film=rng.randrange(4),
                   film_to_end=film_every > 0 and number % film_every == 0, chart=rng.randrange(4),
                   point=rng.randrange(64), language=rng.choice(others),
                   leave="home" if rng.random() < 0.25 else "idle")


@dataclass
class VisitRecord:
    """Counts over all visits, for the report."""

    visits: int = 0
    resets_ok: int = 0
    reset_problems: list[str] = field(default_factory=list)
    films_to_end: int = 0
    films_part_way: int = 0
    callouts: int = 0
    pictures_zoomed: int = 0
    home_exits: int = 0
    idle_exits: int = 0
    timeouts: list[str] = field(default_factory=list)
    # A tap on Home that did not bring the title (then tapped again, as a visitor would), with
    # what was under the finger: kept apart from failures so a rare lost tap is seen, explained.
    home_retaps: list[str] = field(default_factory=list)


class Visitor:
    def __init__(self, window: QWidget, observer: Observer, finger: Finger, record: VisitRecord) -> None:
        self.window = window
        self.observer = observer
        self.finger = finger
        self.record = record
        self.default_language = "en"
        self.idle_wait_s = 30.0  # the longest the idle reset may take once nobody touches
        self.parts: tuple[str, ...] = PARTS

    # -- helpers ---------------------------------------------------------------------------------
    def screen(self) -> str:
        return self.window.screen_name()  # type: ignore[attr-defined]

    def find(self, name: str, root: QWidget | None = None) -> QWidget | None:
        return visible(root or self.window, name)

    def need(self, name: str, root: QWidget | None = None) -> QWidget:
        widget = self.find(name, root)
        if widget is None:
            raise StepTimeout(f"no visible {name!r} on {self.screen()}")
        return widget

    def tap(self, name: str, root: QWidget | None = None) -> Steps:
        self.finger.tap(self.need(name, root))
        yield TAP_MS

    def until(self, condition: Callable[[], bool], what: str, timeout_s: float = TAB_TIMEOUT_S,
              keep_alive: bool = True) -> Until:
        return Until(condition, timeout_s, what, keep_alive)

    def open_tab(self, name: str) -> Steps:
        if self.find(f"tab_{name}") is None:
            return  # this subject has no such tab
        yield from self.tap(f"tab_{name}")
        yield self.until(lambda: self.screen() == f"exhibit/{name}", f"the {name} tab")

    def tap_row(self, touch_list: QWidget, row: int) -> Steps:
        """Swipe the list until the row is in sight (a small or portrait screen shows few rows),
        then tap it."""
        viewport = touch_list.viewport()  # type: ignore[attr-defined]
        scroller = QScroller.scroller(viewport)
        for _ in range(MAX_LIST_SWIPES):
            rect = touch_list.row_rect(row)  # type: ignore[attr-defined]
            if rect.isValid() and viewport.rect().contains(rect.center()):
                self.finger.tap(viewport, rect.center())
                yield TAP_MS
                return
            mid = viewport.mapTo(self.window, viewport.rect().center())
            step = QPoint(0, viewport.height() // 3 * (1 if rect.center().y() < 0 else -1))
            yield from self.finger.drag(mid - step, mid + step, moves=6, step_ms=25)
            yield self.until(lambda: scroller.state() == QScroller.State.Inactive, "the list to settle")
        raise StepTimeout(f"row {row} of {touch_list.objectName()} never came into sight")

    # -- the visit -------------------------------------------------------------------------------
    def visit(self, plan: VisitPlan) -> Steps:
        yield self.until(lambda: self.screen() == "title", "the title screen")
        resets_before = self.observer.resets
        yield from self.begin(plan)
        for part in PARTS:
            if part in self.parts:
                yield from getattr(self, part)(plan)
        yield from self.switch_language(plan)
        yield from self.leave(plan, resets_before)
        self.check_reset(plan)
        self.record.visits += 1

    def begin(self, plan: VisitPlan) -> Steps:
        button = self.find("touchToBegin")
        if button is not None:
            self.finger.tap(button)
        else:  # several subjects: the chooser's cards
            cards = [w for w in descendants(self.window) if w.objectName().startswith("subjectCard_")
                     and w.isVisible()]
            if not cards:
                raise StepTimeout(f"nothing to begin with on {self.screen()}")
            self.finger.tap(cards[plan.number % len(cards)])
        yield TAP_MS
        yield self.until(lambda: self.screen().startswith("exhibit/"), "the exhibit")

    def read(self, plan: VisitPlan) -> Steps:
        yield from self.open_tab("texts")
        page = self.find("tabPage_texts")
        if page is None:
            return
        rows = self.find("touchList", page)
        if rows is not None and rows.row_count():  # type: ignore[attr-defined]
            yield from self.tap_row(rows, plan.article % rows.row_count())  # type: ignore[attr-defined]
        body = self.need("detailBody", page)
        top = body.mapTo(self.window, QPoint(body.width() // 2, body.height() * 3 // 4))
        for _ in range(plan.text_steps):
            yield from self.finger.drag(top, top - QPoint(0, body.height() // 2), moves=5)
        for _ in range(plan.text_steps):
            larger = self.find("readerLarger", page)
            if larger is not None and larger.isEnabled():
                yield from self.tap("readerLarger", page)
        if plan.number % 3 == 0 and self.find("readerPageDown", page) is not None:
            yield from self.tap("readerPageDown", page)

    def look(self, plan: VisitPlan) -> Steps:
        yield from self.open_tab("images")
        page = self.find("tabPage_images")
        if page is None:
            return
        grid = self.find("galleryGrid", page)
        if grid is None or not grid.row_count():  # type: ignore[attr-defined]
            return
        yield from self.tap_row(grid, plan.picture % grid.row_count())  # type: ignore[attr-defined]
        yield self.until(lambda: self.find("zoomCanvas", page) is not None, "the picture viewer")
        canvas = self.need("zoomCanvas", page)
        shown = lambda: not canvas.image().isNull() or canvas.is_broken()  # type: ignore[attr-defined]
        yield self.until(shown, "a picture in the viewer")
        mid = canvas.mapTo(self.window, canvas.rect().center())
        span = canvas.width() // 3
        for i in range(plan.swipes):
            direction = -1 if (plan.number + i) % 3 else 1  # mostly onwards, sometimes back
            yield from self.finger.drag(mid + QPoint(-direction * span // 2, 0),
                                        mid + QPoint(direction * span // 2, 0), moves=4, step_ms=10)
            yield self.until(shown, "the swiped-to picture")
        next_button = self.find("viewerNext", page)
        if next_button is not None and next_button.isEnabled():
            yield from self.tap("viewerNext", page)
            yield self.until(shown, "the next picture")
        if plan.zoom == "pinch":
            yield from self.finger.pinch(mid, canvas.width() // 6, canvas.width() // 2)
        elif plan.zoom == "double":
            self.finger.double_tap_at(mid)
            yield TAP_MS
        elif plan.zoom == "wheel":
            self.finger.wheel_at(mid, 240)
            yield TAP_MS
        else:
            yield from self.tap("viewerZoomIn", page)
        zoomed = canvas.view().is_zoomed  # type: ignore[attr-defined]
        if zoomed:
            self.record.pictures_zoomed += 1
            yield from self.finger.drag(mid, mid + QPoint(span // 3, span // 4), moves=3)
        yield from self.tap("viewerClose", page)
        yield self.until(lambda: self.find("galleryGrid", page) is not None, "the gallery again")

    def watch(self, plan: VisitPlan) -> Steps:
        yield from self.open_tab("video")
        page = self.find("tabPage_video")
        if page is None:
            return
        films = self.find("touchList", page)
        if films is not None and films.row_count() > 1:  # type: ignore[attr-defined]
            yield from self.tap_row(films, plan.film % films.row_count())  # type: ignore[attr-defined]
        player = self.need("videoPlayer", page)
        yield from self.tap("videoPlay", page)
        playing = lambda: player.is_playing()  # type: ignore[attr-defined]
        yield self.until(playing, "the film to play", PLAY_TIMEOUT_S)
        yield 60
        if plan.film_to_end:
            scrub = self.need("videoScrub", page)
            self.finger.tap(scrub, QPoint(round(scrub.width() * END_SEEK_FRACTION), scrub.height() // 2))
            yield TAP_MS
            yield self.until(lambda: not player.is_playing(), "the film to end", END_TIMEOUT_S)
            self.record.films_to_end += 1
        else:
            # Half pause before walking on; the others leave it playing and the next tab stops
            # it (a film that plays on keeps the visit alive until it ends, by design).
            if plan.number % 2 or "chart" not in self.parts:
                yield from self.tap("videoPlay", page)
            self.record.films_part_way += 1

    def chart(self, plan: VisitPlan) -> Steps:
        yield from self.open_tab("charts")
        page = self.find("tabPage_charts")
        if page is None:
            return
        charts = self.find("touchList", page)
        if charts is not None and charts.row_count():  # type: ignore[attr-defined]
            yield from self.tap_row(charts, plan.chart % charts.row_count())  # type: ignore[attr-defined]
        plot = self.find("chartPlot", page)
        if plot is None:
            return
        shown = plot.layout_shown()  # type: ignore[attr-defined]
        if shown is None or not shown.points:
            return
        index = plan.point % len(shown.points)
        # The first touch finishes the draw-in if it is still running; the second opens the callout.
        for _ in range(2):
            self.finger.tap(plot, plot.position_of(index))  # type: ignore[attr-defined]
            yield TAP_MS
        if self.find("chartCallout", page) is not None:
            self.record.callouts += 1

    def switch_language(self, plan: VisitPlan) -> Steps:
        button = self.find(f"languageButton_{plan.language}")
        if button is not None:
            self.finger.tap(button)
            yield TAP_MS

    def leave(self, plan: VisitPlan, resets_before: int) -> Steps:
        if plan.leave == "home":
            yield from self.tap("homeButton")
            try:
                yield self.until(lambda: self.screen() == "title", "the title screen after Home",
                                 HOME_TIMEOUT_S)
            except StepTimeout:
                if self.screen() != "title":  # (it may have come since the last look)
                    self.record.home_retaps.append(f"visit {plan.number}: {self.under_home()}")
                    yield from self.tap("homeButton")
                    yield self.until(lambda: self.screen() == "title",
                                     "the title screen after Home, tapped again")
            self.record.home_exits += 1
        else:
            self.record.idle_exits += 1
        # Nobody touches the glass now: the idle reset must come by itself.
        yield Until(lambda: self.observer.resets > resets_before and self.screen() == "title",
                    self.idle_wait_s, "the idle reset", keep_alive=False)
        yield 0

    def under_home(self) -> str:
        """What a tap on Home met: the widget under its centre, a mouse grab, a scroller."""
        home = self.find("homeButton")
        if home is None:
            return f"no visible Home on {self.screen()}"
        centre = home.mapTo(self.window, home.rect().center())
        at = self.window.childAt(centre)
        grabber = QWidget.mouseGrabber()
        scrollers = [getattr(s.target(), "objectName", lambda: "?")() for s in QScroller.activeScrollers()]
        popup = QApplication.activePopupWidget()
        return (f"screen {self.screen()}, under Home's centre {centre.toTuple()}: "
                f"{type(at).__name__ if at else None} {at.objectName() if at else ''!r}, "
                f"Home enabled {home.isEnabled()}, mouse grabber "
                f"{grabber.objectName() or type(grabber).__name__ if grabber else None}, "
                f"active scrollers {scrollers}, popup {popup.objectName() if popup else None}")

    def check_reset(self, plan: VisitPlan) -> None:
        """What the next visitor finds: the title, in the default language, nothing open."""
        problems = []
        if self.screen() != "title":
            problems.append(f"screen is {self.screen()!r}")
        for overlay in ("stillThereOverlay", "pinPad", "staffPanel"):
            if self.find(overlay) is not None:
                problems.append(f"{overlay} still open")
        checked = [b.objectName() for b in descendants(self.window, QAbstractButton)
                   if b.objectName().startswith("languageButton_") and b.isVisible() and b.isChecked()]
        if checked and checked != [f"languageButton_{self.default_language}"]:
            problems.append(f"language still {checked}")
        players = [p for p in descendants(self.window, QWidget, "videoPlayer") if p.is_playing()]  # type: ignore[attr-defined]
        if players:
            problems.append("a film still plays")
        if not self.window.isFullScreen():
            problems.append("no longer full screen")
        if problems:
            self.record.reset_problems.append(f"visit {plan.number}: " + "; ".join(problems))
        else:
            self.record.resets_ok += 1
