"""The kiosk window: builds the screens and overlays, and wires what they ask for.

It holds no content logic of its own: screens receive the subject they show, tabs their context,
overlays only what they display. Visits end here (idle, Home, an error), and full-screen mode
refuses to close except through the staff panel.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QScreen,
    QPaintEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QAbstractButton, QApplication, QStackedLayout, QWidget

from kiosk.core.analytics import Summary
from kiosk.core.appearance import Appearance
from kiosk.core.findings import Finding
from kiosk.core.idle import IdleSchedule, effective_timeout
from kiosk.core.model import Library, Subject
from kiosk.core.settings import Settings, verify_pin
from kiosk.ui.chooser_screen import ChooserScreen
from kiosk.ui.classroom_keys import ClassroomKeys
from kiosk.ui.exhibit_screen import ExhibitScreen
from kiosk.ui.idle_watcher import MAX_CHECK_MS, IdleWatcher
from kiosk.ui.lockdown import Lockdown
from kiosk.ui.metrics import Metrics
from kiosk.ui.pin_pad import PAD_TIMEOUT_MS, PinPad
from kiosk.ui.staff_gesture import CORNER_MM, StaffGesture
from kiosk.ui.staff_panel import StaffPanel
from kiosk.ui.still_there import StillThereOverlay
from kiosk.ui.tabs import TabContext
from kiosk.ui.tabs.touch_list import TouchList
from kiosk.ui.theme import apply_window_appearance
from kiosk.ui.title_screen import TitleScreen
from kiosk.ui.unavailable_screen import UnavailableScreen

state_log = logging.getLogger("kiosk.state")
WINDOWED_FRACTION = 0.8


def classroom_size(screen: QScreen) -> QSize:
    """A classroom window's first size: most of the screen's free area."""
    area = screen.availableGeometry()
    return QSize(round(area.width() * WINDOWED_FRACTION), round(area.height() * WINDOWED_FRACTION))


class KioskWindow(QWidget):
    reload_requested = Signal()
    screen_changed = Signal(str)  # "title", "exhibit/<tab>" or "unavailable"
    first_painted = Signal()  # once, after the first complete frame (systemd READY=1, bench)
    # What visitors do, for the local visit analytics (kiosk.ui.visit_log): never who they are.
    visit_started = Signal(str)  # subject id
    visit_ended = Signal(str)  # "idle", "home" or "error"
    reset_done = Signal()  # the kiosk is back as the next visitor finds it (also after Home)
    language_changed = Signal(str)
    item_opened = Signal(str)
    video_progress = Signal(str, float)
    text_size_changed = Signal(int)
    appearance_changed = Signal(object)  # Appearance: the visitor's text size, contrast, reach

    def __init__(
        self,
        settings: Settings,
        metrics: Metrics,
        *,
        clock: Callable[[], float] = time.monotonic,
        idle_max_check_ms: int = MAX_CHECK_MS,
        pin_timeout_ms: int = PAD_TIMEOUT_MS,
        visit_summary: Callable[[], Summary | None] | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("kioskWindow")
        self.setWindowTitle("Exhibit Kiosk")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self._settings = settings
        self._metrics = metrics
        self._visit_summary = visit_summary or (lambda: None)
        self._locked = not settings.windowed
        self._close_allowed = False
        self._library: Library | None = None
        self._findings: list[Finding] = []
        self._checking = False
        self._pending_content = False
        self._language = "en"
        self._subject: Subject | None = None
        self._title: TitleScreen | ChooserScreen | None = None
        self._exhibits: dict[str, ExhibitScreen] = {}
        self._screen_name = ""
        # What the kiosk looks like between visitors (settings), and for this visitor.
        self._default_appearance = Appearance(high_contrast=settings.high_contrast,
                                              low_reach=settings.low_reach)
        self._appearance = self._default_appearance
        self._stack = QStackedLayout(self)
        self._unavailable = UnavailableScreen(parent=self)
        self._unavailable.language_chosen.connect(self._on_screen_language_chosen)
        self._unavailable.appearance_chosen.connect(self._on_screen_appearance_chosen)
        self._stack.addWidget(self._unavailable)
        self._still_there = StillThereOverlay(self, self._language)
        self._pin_pad = PinPad(self, partial(verify_pin, stored=settings.staff_pin_hash),
                               clock=clock, timeout_ms=pin_timeout_ms)
        self._pin_pad.accepted.connect(self._on_pin_pad_accepted)
        self._staff = StaffPanel(self)
        self._staff.reload_requested.connect(self._on_staff_reload_requested)
        self._staff.exit_requested.connect(self._on_staff_exit_requested)
        self._idle = IdleWatcher(IdleSchedule(effective_timeout(settings.idle_timeout_s, None),
                                              settings.warning_s),
                                 clock=clock, max_check_ms=idle_max_check_ms, parent=self)
        self._idle.warning_started.connect(self._on_idle_warning_started)
        self._idle.countdown_changed.connect(self._on_idle_countdown_changed)
        self._idle.warning_cancelled.connect(self._on_idle_warning_cancelled)
        self._idle.expired.connect(self._on_idle_expired)
        self._gesture = StaffGesture(self, metrics.px(CORNER_MM), clock=clock)
        self._gesture.triggered.connect(self._on_gesture_triggered)
        self._lockdown = Lockdown(self)
        self._keys = ClassroomKeys(self)
        self._keys.previous_requested.connect(self._on_keys_previous_requested)
        self._keys.next_requested.connect(self._on_keys_next_requested)
        self._keys.back_requested.connect(self._on_keys_back_requested)
        self._keys.play_pause_requested.connect(self._on_keys_play_pause_requested)
        self._keys.open_requested.connect(self._on_keys_open_requested)
        self._filters_installed = False
        self._painted = False
        if self._appearance.high_contrast:
            self._apply_theme()
        self._show_appearance()

    # -- content --------------------------------------------------------------------------------
    def set_content(
        self, library: Library, findings: Sequence[Finding], *, checking: bool = False
    ) -> None:
        """New content from the loader. Applied now if no visit is under way, else at reset."""
        changed = self._library is None or library != self._library
        self._library, self._findings, self._checking = library, list(findings), checking
        self._staff.set_status(library, self._findings, loading=checking)
        if not changed:
            return
        if self._screen_name.startswith("exhibit"):
            self._pending_content = True
        else:
            self._rebuild()

    def _rebuild(self) -> None:
        self._pending_content = False
        subjects = self._library.subjects if self._library else ()
        title = self._title
        if (isinstance(title, TitleScreen) and len(subjects) == 1 and self._screen_name == "title"
                and title.update_subject(subjects[0])):
            # The one subject, checked more closely: the title screen the visitor may be
            # looking at stays (no flicker, the loop keeps its place); the exhibit is built anew.
            for exhibit in self._exhibits.values():
                self._stack.removeWidget(exhibit)
                exhibit.deleteLater()
            self._exhibits.clear()
            self._subject = None
            return
        for screen in [*self._exhibits.values(), self._title]:
            if screen is not None:
                self._stack.removeWidget(screen)
                screen.deleteLater()
        self._exhibits.clear()
        self._title = None
        self._subject = None
        if not subjects:
            self._show_screen(self._unavailable, "unavailable")
            return
        self._language = subjects[0].default_language
        if len(subjects) == 1:
            title: TitleScreen | ChooserScreen = TitleScreen(
                subjects[0], self._language,
                attract_interval_ms=round(self._settings.attract_interval_s * 1000),
                margin=self._metrics.px(10), reduced_motion=self._settings.reduced_motion,
                appearance=self._appearance, parent=self)
            title.begin_requested.connect(self._on_title_begin_requested)
        else:
            title = ChooserScreen(subjects, self._language, margin=self._metrics.px(10),
                                  appearance=self._appearance, parent=self)
            title.subject_chosen.connect(self._on_chooser_subject_chosen)
            title.page_changed.connect(self._on_chooser_page_changed)
        title.language_chosen.connect(self._on_screen_language_chosen)
        title.appearance_chosen.connect(self._on_screen_appearance_chosen)
        self._title = title
        self._stack.addWidget(title)
        self._set_language(self._language)
        self._show_screen(title, "title")

    # -- visits ---------------------------------------------------------------------------------
    def set_staff_notice(self, text: str) -> None:
        """A standing message in the staff panel (safe mode, for example)."""
        self._staff.set_notice(text)

    def set_fleet_status(self, summary: str, rows: Sequence[tuple[str, str, str, str, Sequence[str]]]) -> None:
        """The fleet's table for the staff panel (kiosk.ui.fleet_service)."""
        self._staff.set_fleet(summary, rows)

    def screen_name(self) -> str:
        return self._screen_name

    def reset_visit(self, reason: str = "idle") -> None:
        """Leave nothing of the previous visitor: overlays shut, media stopped, scroll, selection,
        language back, the title screen showing."""
        started = time.perf_counter()
        if self._screen_name.startswith("exhibit"):
            self.visit_ended.emit(reason)
        self._idle.stop()
        for overlay in (self._still_there, self._pin_pad, self._staff):
            overlay.close_overlay()
        default = self._default_language()
        if self._appearance != self._default_appearance:
            self._set_appearance(self._default_appearance)
        if self._title is not None and not self._pending_content:
            self._title.reset(default)
            self._set_language(default)
            self._show_screen(self._title, "title")
        # Behind the title screen: the exhibit's return to its first tab is no visitor's tab view.
        for exhibit in self._exhibits.values():
            exhibit.reset(default)
        if self._pending_content:
            self._rebuild()
        state_log.info("idle=reset took_ms=%.1f", (time.perf_counter() - started) * 1000)
        self.reset_done.emit()

    def recover(self) -> None:
        """After an unexpected error: back to a clean title screen (never a dialog)."""
        try:
            self.reset_visit("error")
        except Exception:  # noqa: BLE001 - the last line of defence must not raise
            logging.getLogger(__name__).exception("could not reset after an error")

    def _open_subject(self, subject: Subject) -> None:
        exhibit = self._exhibits.get(subject.id)
        if exhibit is None:
            context = TabContext(self._text_metrics(), self._language,
                                 reduced_motion=self._settings.reduced_motion,
                                 volume_cap_percent=self._settings.volume_cap_percent,
                                 low_reach=self._appearance.low_reach)
            exhibit = ExhibitScreen(subject, context, self._appearance, parent=self)
            exhibit.home_requested.connect(self._on_exhibit_home_requested)
            exhibit.language_chosen.connect(self._on_screen_language_chosen)
            exhibit.appearance_chosen.connect(self._on_screen_appearance_chosen)
            exhibit.tab_changed.connect(self._on_exhibit_tab_changed)
            exhibit.idle_pause_requested.connect(self._on_exhibit_idle_pause_requested)
            exhibit.item_opened.connect(self.item_opened)
            exhibit.video_progress.connect(self.video_progress)
            exhibit.text_size_changed.connect(self.text_size_changed)
            self._exhibits[subject.id] = exhibit
            self._stack.addWidget(exhibit)
        exhibit.set_language(self._language)
        self._subject = subject
        self._idle.set_schedule(IdleSchedule(
            effective_timeout(self._settings.idle_timeout_s, subject.idle_timeout_s),
            self._settings.warning_s))
        self.visit_started.emit(subject.id)
        self._show_screen(exhibit, f"exhibit/{exhibit.current_tab()}")
        self._idle.start()
        if state_log.isEnabledFor(logging.DEBUG):
            QTimer.singleShot(0, exhibit, self._log_targets)

    def _log_targets(self) -> None:
        """Where the visible buttons are on screen, for end-to-end tests driving a real display."""
        parts = []
        for button in self.findChildren(QAbstractButton):
            if button.isVisible() and button.objectName():
                center = button.mapToGlobal(button.rect().center())
                parts.append(f"{button.objectName()}={center.x()},{center.y()}")
        state_log.debug("targets %s", " ".join(sorted(parts)))

    def _show_screen(self, screen: QWidget, name: str) -> None:
        self._stack.setCurrentWidget(screen)
        self._screen_name = name
        state_log.info("screen=%s", name)
        self.screen_changed.emit(name)
        if isinstance(screen, ChooserScreen) and state_log.isEnabledFor(logging.DEBUG):
            QTimer.singleShot(0, screen, self._log_targets)  # the chooser's cards and page buttons

    def _current_exhibit(self) -> ExhibitScreen | None:
        screen = self._stack.currentWidget()
        return screen if isinstance(screen, ExhibitScreen) else None

    def _default_language(self) -> str:
        if self._subject is not None:
            return self._subject.default_language
        subjects = self._library.subjects if self._library else ()
        return subjects[0].default_language if subjects else "en"

    def _set_language(self, language: str) -> None:
        self._language = language
        if self._title is not None:
            self._title.set_language(language)
        for exhibit in self._exhibits.values():
            exhibit.set_language(language)
        self._still_there.set_language(language)
        self._unavailable.set_language(language)

    # -- appearance: text size, contrast, reach ------------------------------------------------------
    def appearance(self) -> Appearance:
        return self._appearance

    def _text_metrics(self) -> Metrics:
        return self._metrics.scaled(self._appearance.text_scale)

    def _apply_theme(self) -> None:
        apply_window_appearance(self, self._text_metrics(), high_contrast=self._appearance.high_contrast)

    def _show_appearance(self) -> None:
        """Every screen and overlay shows the visitor's choices (the theme is applied already)."""
        appearance, metrics = self._appearance, self._text_metrics()
        if self._title is not None:
            self._title.set_appearance(appearance)
        self._unavailable.set_appearance(appearance)
        for exhibit in self._exhibits.values():
            exhibit.set_appearance(appearance, metrics)
        for overlay in (self._still_there, self._pin_pad, self._staff):
            overlay.set_low_reach(appearance.low_reach)

    def _set_appearance(self, appearance: Appearance) -> None:
        before, self._appearance = self._appearance, appearance
        if (before.text_step, before.high_contrast) != (appearance.text_step, appearance.high_contrast):
            self._apply_theme()
        self._show_appearance()
        state_log.info("appearance text_step=%d high_contrast=%s low_reach=%s",
                       appearance.text_step, appearance.high_contrast, appearance.low_reach)

    # -- showing the window ---------------------------------------------------------------------
    def present(self, screen: QScreen) -> None:
        """Full screen on ``screen`` (frameless, on top, also with no window manager), or a
        normal window in classroom mode."""
        self._install_filters()
        if self._locked:
            self.setWindowFlags(Qt.WindowType.FramelessWindowHint
                                | Qt.WindowType.WindowStaysOnTopHint)
            # Without a window manager showFullScreen() alone leaves a small window: set the
            # screen's geometry first.
            self.setGeometry(screen.geometry())
            self.showFullScreen()
        else:
            area = screen.availableGeometry()
            self.resize(classroom_size(screen))
            frame = self.frameGeometry()
            frame.moveCenter(area.center())
            self.move(frame.topLeft())
            self.show()

    def _install_filters(self) -> None:
        app = QApplication.instance()
        if self._filters_installed or app is None:
            return
        self._filters_installed = True
        self._idle.watch(app)
        app.installEventFilter(self._gesture)
        if self._locked:
            app.installEventFilter(self._lockdown)
        else:
            app.installEventFilter(self._keys)

    def _remove_filters(self) -> None:
        app = QApplication.instance()
        if not self._filters_installed or app is None:
            return
        self._filters_installed = False
        self._idle.unwatch(app)
        app.removeEventFilter(self._gesture)
        app.removeEventFilter(self._lockdown)
        app.removeEventFilter(self._keys)

    def showEvent(self, event: QShowEvent) -> None:
        self._install_filters()
        super().showEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # Children paint after this returns: announce once the whole frame is done.
            QTimer.singleShot(0, self, self.first_painted.emit)

    def exit_kiosk(self) -> None:
        """Close for good (staff panel's "Exit kiosk", or the end of a test)."""
        self._close_allowed = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._locked and not self._close_allowed:
            state_log.info("close refused")
            event.ignore()
            return
        self._idle.stop()
        self._pin_pad.close_overlay()
        for exhibit in self._exhibits.values():
            exhibit.leave()
        self._remove_filters()
        if self._appearance != self._default_appearance:
            self._set_appearance(self._default_appearance)
        event.accept()

    # -- classroom keyboard (ClassroomKeys) ---------------------------------------------------------------------
    def _on_keys_previous_requested(self) -> None:
        if (exhibit := self._current_exhibit()) is not None:
            exhibit.next_tab(-1)
        elif isinstance(self._title, ChooserScreen) and self._stack.currentWidget() is self._title:
            self._title.step_page(-1)

    def _on_keys_next_requested(self) -> None:
        if (exhibit := self._current_exhibit()) is not None:
            exhibit.next_tab(1)
        elif isinstance(self._title, ChooserScreen) and self._stack.currentWidget() is self._title:
            self._title.step_page(1)

    def _on_keys_back_requested(self) -> None:
        for overlay in (self._pin_pad, self._staff, self._still_there):
            if overlay.isVisible():
                overlay.close_overlay()
                return
        if self._current_exhibit() is not None:
            self._on_exhibit_home_requested()

    def _on_keys_play_pause_requested(self) -> None:
        if (exhibit := self._current_exhibit()) is not None:
            state_log.info("play_pause")
            exhibit.play_pause()

    def _on_keys_open_requested(self, focused: QWidget) -> None:
        if isinstance(focused, QAbstractButton):
            focused.click()
        elif isinstance(focused, TouchList):
            focused.open_current()
        elif self._title is not None and self._stack.currentWidget() is self._title:
            self._on_title_begin_requested()

    # -- handlers -------------------------------------------------------------------------------
    def _on_title_begin_requested(self) -> None:
        if self._library and self._library.subjects:
            self._open_subject(self._library.subjects[0])

    def _on_chooser_subject_chosen(self, subject_id: str) -> None:
        subject = self._library.subject(subject_id) if self._library else None
        if subject is not None:
            self._open_subject(subject)

    def _on_chooser_page_changed(self, _page: int) -> None:
        state_log.info("chooser page=%d", _page + 1)
        if state_log.isEnabledFor(logging.DEBUG) and self._title is not None:
            QTimer.singleShot(0, self._title, self._log_targets)

    def _on_screen_language_chosen(self, language: str) -> None:
        self._set_language(language)
        self.language_changed.emit(language)
        state_log.info("language=%s", language)
        if (self._screen_name == "title" and isinstance(self._title, ChooserScreen)
                and state_log.isEnabledFor(logging.DEBUG)):
            QTimer.singleShot(0, self._title, self._log_targets)  # the cards may move with the words
        if not self._idle.is_running():
            self._idle.start()  # a changed language must reset even if nobody begins

    def _on_screen_appearance_chosen(self, appearance: Appearance) -> None:
        if appearance == self._appearance:
            return
        self._set_appearance(appearance)
        self.appearance_changed.emit(appearance)
        if not self._idle.is_running():
            self._idle.start()  # a visitor's choice must reset even if nobody begins

    def _on_exhibit_home_requested(self) -> None:
        if (exhibit := self._current_exhibit()) is not None:
            exhibit.leave()
            self.visit_ended.emit("home")
        self._idle.stop()
        if self._pending_content:
            self._rebuild()
        elif self._title is not None:
            self._show_screen(self._title, "title")
            # At a kiosk, behind the title as at the idle reset: the next visitor begins on the
            # first tab with nothing of this visit kept (the title keeps this visitor's language
            # and look until the idle reset). A classroom window keeps the teacher's place.
            if exhibit is not None and self._locked:
                exhibit.reset(self._language)
        if (self._language != self._default_language()
                or self._appearance != self._default_appearance):
            self._idle.start()

    def _on_exhibit_tab_changed(self, name: str) -> None:
        if self._current_exhibit() is not None:
            self._screen_name = f"exhibit/{name}"
            state_log.info("screen=%s", self._screen_name)
            self.screen_changed.emit(self._screen_name)

    def _on_exhibit_idle_pause_requested(self, paused: bool) -> None:
        self._idle.set_paused("media", paused)

    def _on_idle_warning_started(self, seconds: int) -> None:
        if self._screen_name in ("title", "unavailable"):
            return  # nothing to warn about: the reset only restores the default language
        state_log.info("idle=warning seconds=%d", seconds)
        self._still_there.set_seconds(seconds)
        self._still_there.open()

    def _on_idle_countdown_changed(self, seconds: int) -> None:
        self._still_there.set_seconds(seconds)

    def _on_idle_warning_cancelled(self) -> None:
        if self._still_there.isVisible():
            state_log.info("idle=dismissed")
        self._still_there.close_overlay()

    def _on_idle_expired(self) -> None:
        self.reset_visit()

    def _on_gesture_triggered(self) -> None:
        state_log.info("overlay=pin")
        self._pin_pad.open()

    def _on_pin_pad_accepted(self) -> None:
        state_log.info("overlay=staff")
        self._staff.set_status(self._library, self._findings, loading=self._checking)
        try:
            self._staff.set_visit_summary(self._visit_summary())
        except Exception:  # noqa: BLE001 - a damaged database must not keep staff out
            logging.getLogger(__name__).exception("reading the visit summary failed")
        self._staff.open()

    def _on_staff_reload_requested(self) -> None:
        self._checking = True
        self._staff.set_status(self._library, self._findings, loading=True)
        self.reload_requested.emit()

    def _on_staff_exit_requested(self) -> None:
        state_log.info("exit by staff")
        self.exit_kiosk()
