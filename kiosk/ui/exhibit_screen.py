"""The exhibit screen: the subject's heading, its tabs, and a navigation bar within easy reach
at the bottom (Home, the tabs, the language switch, the accessibility controls).

The screen owns its tabs and speaks to them only through the tab interface.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.appearance import Appearance
from kiosk.core.model import Subject
from kiosk.ui.access_bar import AccessBar
from kiosk.ui.language_bar import LanguageBar
from kiosk.ui.language_notice import language_notice
from kiosk.ui.metrics import Metrics
from kiosk.ui.i18n import N_, tr
from kiosk.ui.tabs import TabContext, TabPage, create_tab


TAB_LABELS: dict[str, str] = {
    "texts": N_("Texts", context="tab"),
    "images": N_("Images", context="tab"),
    "video": N_("Video", context="tab"),
    "charts": N_("Charts", context="tab"),
}


class ExhibitScreen(QWidget):
    home_requested = Signal()
    language_chosen = Signal(str)
    appearance_chosen = Signal(object)  # Appearance
    tab_changed = Signal(str)
    idle_pause_requested = Signal(bool)
    item_opened = Signal(str)  # forwarded from the tabs, for visit analytics
    video_progress = Signal(str, float)
    text_size_changed = Signal(int)

    def __init__(self, subject: Subject, context: TabContext, appearance: Appearance = Appearance(),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exhibitScreen")
        self._subject = subject
        self._language = context.language
        self._names = subject.visible_tabs()
        self._title = QLabel(self)
        self._title.setObjectName("exhibitTitle")
        # A long title wraps within the screen's width; it never widens the window.
        self._title.setWordWrap(True)
        self._title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._subtitle = QLabel(self)
        self._subtitle.setObjectName("exhibitSubtitle")
        header = QHBoxLayout()
        header.addWidget(self._title, 1)
        header.addWidget(self._subtitle, 0, Qt.AlignmentFlag.AlignBottom)
        # "This subject is in English only", in the visitor's language, when it lacks theirs.
        self._notice = QLabel(self)
        self._notice.setObjectName("languageNotice")
        self._notice.setWordWrap(True)
        self._stack = QStackedWidget(self)
        self._stack.setObjectName("tabStack")
        self._tabs: dict[str, TabPage] = {}
        self._tab_buttons: dict[str, QPushButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._home = QPushButton(self)
        self._home.setObjectName("homeButton")
        self._home.setProperty("role", "home")
        self._home.clicked.connect(self._on_home_clicked)
        self._tabs_host = QWidget(self)
        self._tabs_host.setObjectName("tabButtons")
        tab_row = QHBoxLayout(self._tabs_host)
        tab_row.setContentsMargins(0, 0, 0, 0)
        tab_row.setSpacing(context.metrics.spacing)
        for name in self._names:
            tab = create_tab(name, subject, context)
            tab.idle_pause_requested.connect(self._on_tab_idle_pause_requested)
            tab.item_opened.connect(self.item_opened)
            tab.video_progress.connect(self.video_progress)
            tab.text_size_changed.connect(self.text_size_changed)
            self._tabs[name] = tab
            self._stack.addWidget(tab)
            button = QPushButton(self)
            button.setObjectName(f"tab_{name}")
            button.setCheckable(True)
            button.setProperty("role", "tab")
            button.clicked.connect(lambda _=False, n=name: self._on_tab_button_clicked(n))
            self._group.addButton(button)
            self._tab_buttons[name] = button
            tab_row.addWidget(button, 1)
        self._languages = LanguageBar(subject.languages, self._language, self)
        self._languages.language_chosen.connect(self._on_languages_language_chosen)
        self._access = AccessBar(appearance, self._language, self)
        self._access.appearance_chosen.connect(self.appearance_chosen)
        self._appearance = appearance
        nav_host = QWidget(self)
        nav_host.setObjectName("navHost")
        # The bar chooses one row or two from the width it is given (_fit_nav); the width one
        # row needs must not widen the window past the screen (a 1024-pixel projector).
        nav_host.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._nav = QGridLayout(nav_host)
        self._nav_two_rows: bool | None = None
        self._arrange_nav(two_rows=False)
        m = context.metrics.px(6)
        header.setContentsMargins(0, m // 2, m, m // 2)
        self._nav.setContentsMargins(m, m // 2, m, m // 2)
        self._nav.setHorizontalSpacing(context.metrics.px(6))
        self._nav.setVerticalSpacing(context.metrics.spacing * 2)
        body = QVBoxLayout()
        body.setContentsMargins(m, 0, m, m // 2)
        body.addWidget(self._stack)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        notice_row = QHBoxLayout()
        notice_row.setContentsMargins(m, 0, m, m // 2)
        notice_row.addWidget(self._notice)
        layout.addLayout(notice_row)
        layout.addLayout(body, 1)
        layout.addWidget(nav_host)
        self._current = ""
        if self._names:
            self.show_tab(self._names[0])
        self._retranslate()
        self._set_focus_order()

    # -- what the window asks -------------------------------------------------------------------
    def subject_id(self) -> str:
        return self._subject.id

    def tab_names(self) -> tuple[str, ...]:
        return self._names

    def current_tab(self) -> str:
        return self._current

    def show_tab(self, name: str) -> None:
        if name not in self._tabs or name == self._current:
            return
        previous = self._tabs.get(self._current)
        if previous is not None:
            previous.deactivate()
        self._current = name
        self._tab_buttons[name].setChecked(True)
        self._stack.setCurrentWidget(self._tabs[name])
        self._tabs[name].activate()
        self.tab_changed.emit(name)

    def next_tab(self, step: int = 1) -> None:
        if self._names:
            i = self._names.index(self._current) if self._current in self._names else 0
            self.show_tab(self._names[(i + step) % len(self._names)])

    def set_language(self, language: str) -> None:
        if language == self._language:
            return
        self._language = language
        self._languages.set_current(language)
        self._access.set_state(self._appearance, language)
        for tab in self._tabs.values():
            tab.set_language(language)
        self._retranslate()
        self._fit_nav()

    def set_appearance(self, appearance: Appearance, metrics: Metrics) -> None:
        """The visitor's text size, contrast and reach: every tab re-reads its sizes and colours."""
        self._appearance = appearance
        self._access.set_state(appearance, self._language)
        for tab in self._tabs.values():
            tab.set_appearance(metrics, appearance.low_reach)
        self._fit_nav()

    def reset(self, language: str) -> None:
        """Everything back for the next visitor: media stopped, first tab, default language."""
        for tab in self._tabs.values():
            tab.deactivate()
            tab.reset()
        self.set_language(language)
        if self._names:
            self.show_tab(self._names[0])

    def play_pause(self) -> None:
        tab = self._tabs.get(self._current)
        if tab is not None:
            tab.play_pause()

    def leave(self) -> None:
        """The visitor went back to the title screen."""
        tab = self._tabs.get(self._current)
        if tab is not None:
            tab.deactivate()

    def _retranslate(self) -> None:
        lang = self._language
        self._title.setText(self._subject.title.get(lang))
        year = self._subject.year
        self._subtitle.setText(year)
        notice = language_notice(self._subject, lang)
        self._notice.setText(notice)
        self._notice.setVisible(bool(notice))
        home = tr("Home", lang)
        self._home.setText(f"⌂  {home}")
        self._home.setAccessibleName(home)
        self._home.setAccessibleDescription(tr("Back to the start of the exhibit", lang))
        for name, button in self._tab_buttons.items():
            label = tr(TAB_LABELS[name], lang, context="tab")
            button.setText(label)
            button.setAccessibleName(label)
            button.setAccessibleDescription(tr("Shows this part of the exhibit", lang))

    def _arrange_nav(self, *, two_rows: bool) -> None:
        """One row when everything fits (Home, tabs, languages, accessibility); otherwise (in
        portrait, or with long labels or large text) the tabs get a row of their own above the
        rest, so every label fits."""
        if two_rows == self._nav_two_rows:
            return
        self._nav_two_rows = two_rows
        for widget in (self._home, self._tabs_host, self._languages, self._access):
            self._nav.removeWidget(widget)
        for column in range(4):
            self._nav.setColumnStretch(column, 0)
        if two_rows:
            self._nav.addWidget(self._tabs_host, 0, 0, 1, 4)
            self._nav.addWidget(self._home, 1, 0)
            self._nav.addWidget(self._languages, 1, 2, Qt.AlignmentFlag.AlignRight)
            self._nav.addWidget(self._access, 1, 3, Qt.AlignmentFlag.AlignRight)
            self._nav.setColumnStretch(1, 1)
        else:
            self._nav.addWidget(self._home, 0, 0)
            self._nav.addWidget(self._tabs_host, 0, 1)
            self._nav.addWidget(self._languages, 0, 2)
            self._nav.addWidget(self._access, 0, 3)
            self._nav.setColumnStretch(1, 1)

    def _one_row_width(self) -> int:
        """The width the navigation needs on one row, every label whole."""
        for widget in (self._home, *self._tab_buttons.values(), self._languages, self._access):
            widget.ensurePolished()
        # The tab buttons share their row equally: each needs the widest one's width.
        widest = max((b.sizeHint().width() for b in self._tab_buttons.values()), default=0)
        tabs = widest * len(self._tab_buttons)
        tabs += self._tabs_host.layout().spacing() * max(0, len(self._tab_buttons) - 1)
        parts = [self._home.sizeHint().width(), tabs, self._access.sizeHint().width()]
        if self._languages.isVisibleTo(self):
            parts.append(self._languages.sizeHint().width())
        margins = self._nav.contentsMargins()
        gaps = self._nav.horizontalSpacing() * (len(parts) - 1)
        return sum(parts) + gaps + margins.left() + margins.right()

    def _fit_nav(self) -> None:
        width = self.width()
        portrait = self.height() > width
        self._arrange_nav(two_rows=portrait or self._one_row_width() > width)

    def _set_focus_order(self) -> None:
        """Keyboard focus as a visitor reads the screen: the tab's content, then the bar at the
        bottom from left to right (Home, tabs, languages, accessibility)."""
        chain = [self._home, *self._tab_buttons.values(), *self._languages.buttons(),
                 *self._access.buttons()]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_nav()

    # -- handlers -------------------------------------------------------------------------------
    def _on_home_clicked(self) -> None:
        self.home_requested.emit()

    def _on_tab_button_clicked(self, name: str) -> None:
        self.show_tab(name)

    def _on_languages_language_chosen(self, language: str) -> None:
        self.language_chosen.emit(language)

    def _on_tab_idle_pause_requested(self, paused: bool) -> None:
        self.idle_pause_requested.emit(paused)
