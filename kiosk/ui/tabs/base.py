"""The interface every exhibit tab implements, so later issues can replace a tab on its own.

A tab is built from the subject and a small display context, and is told when the language
changes, when the visit resets and when the visitor leaves it. It never reaches into the window.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.core.model import Subject
from kiosk.ui.metrics import Metrics


@dataclass(frozen=True)
class TabContext:
    """What a tab needs to know about where it is shown, and nothing more."""

    metrics: Metrics
    language: str
    reduced_motion: bool = False
    volume_cap_percent: int = 60
    low_reach: bool = False


class TabPage(QWidget):
    """Base of every tab. Subclasses override the methods they need; the defaults do nothing."""

    #: True while the tab needs the visit kept alive (a playing video), False when it no longer does.
    idle_pause_requested = Signal(bool)
    #: The visitor opened an item: its path relative to the subject folder (visit analytics).
    item_opened = Signal(str)
    #: How far a film was watched, 0–1, reported when playback stops or ends (visit analytics).
    video_progress = Signal(str, float)
    #: The visitor changed the text size (A−/A+), as a step from the default (visit analytics).
    text_size_changed = Signal(int)

    def __init__(self, subject: Subject, context: TabContext) -> None:
        super().__init__()
        self.subject = subject
        self.context = context
        self.language = context.language

    def set_language(self, language: str) -> None:
        """Show the tab's content in ``language`` (falling back to the subject's default)."""
        self.language = language

    def set_appearance(self, metrics: Metrics, low_reach: bool) -> None:
        """The visitor changed the text size or contrast (``metrics`` carries the text scale; the
        colours are the applied theme's), or asked for every control within low reach."""
        self.context = replace(self.context, metrics=metrics, low_reach=low_reach)

    def reset(self) -> None:
        """Back to the state a new visitor should find: scroll, zoom, selection; media stopped."""

    def activate(self) -> None:
        """The visitor opened this tab."""

    def deactivate(self) -> None:
        """The visitor left this tab: stop anything that plays."""

    def item_key(self, path: Path) -> str:
        """How an item is named in analytics: its path inside the subject folder."""
        try:
            return path.resolve().relative_to(self.subject.path.resolve()).as_posix()
        except ValueError:
            return path.name

    def play_pause(self) -> None:
        """Space in classroom mode: the video tab plays or pauses; other tabs ignore it."""
