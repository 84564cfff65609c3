"""The Video tab: the subject's films in a touch list beside a player made for fingers.

QtMultimedia is not imported here: ``preload()`` loads it after the title screen has painted,
and the player loads it itself on the first tap of Play if preload was never called.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout

from kiosk.core.model import Subject, VideoItem
from kiosk.core.playback import clock_text
from kiosk.ui.i18n import tr
from kiosk.ui.metrics import Metrics
from kiosk.ui.tabs.base import TabContext, TabPage
from kiosk.ui.tabs.touch_list import ListRow, TouchList
from kiosk.ui.video.player_pane import PlayerPane
from kiosk.ui.orientation import arrange_list_beside

PORTRAIT_LIST_SHARE = 0.26


def duration_text(seconds: float) -> str:
    return clock_text(round(max(0.0, seconds)) * 1000)


class VideoTab(TabPage):
    def __init__(self, subject: Subject, context: TabContext) -> None:
        super().__init__(subject, context)
        self.list = TouchList(self)
        self.player = PlayerPane(context.metrics, context.language, subject.default_language,
                                 context.volume_cap_percent, self)
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(context.metrics.px(6))
        self._layout.addWidget(self.list, 3)
        self._layout.addWidget(self.player, 7)
        self.player.set_low_reach(context.low_reach)
        self.list.row_selected.connect(self._on_list_row_selected)
        self.list.row_opened.connect(self._on_list_row_opened)
        self.player.playing_changed.connect(self._on_player_playing_changed)
        self.player.started.connect(self._on_player_started)
        self.player.watched.connect(self._on_player_watched)
        self.list.set_rows(self.rows())
        self.list.select_row(0)
        self._show(0)

    # -- rows ------------------------------------------------------------------------------------
    def _facts(self, item: VideoItem) -> str:
        parts = [duration_text(item.duration_s)] if item.duration_s > 0 else []
        if item.silent:
            parts.append(tr("silent", self.language))
        elif item.captions:
            langs = ", ".join(code.upper() for code in sorted(item.captions))
            parts.append(tr("captions {langs}", self.language, langs=langs))
        if item.transcripts:
            parts.append(tr("transcript", self.language))
        return " · ".join(parts)

    def _title(self, item: VideoItem) -> str:
        lang = self.language
        return item.info.title.get(lang) or item.info.caption.get(lang) or item.name

    def rows(self) -> list[ListRow]:
        return [ListRow(self._title(item), self._facts(item), thumbnail=item.poster_for(self.language), glyph="film")
                for item in self.subject.videos]

    # -- the tab interface -------------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        if language == self.language:
            return
        super().set_language(language)
        row = self.list.current_row()
        self.list.set_rows(self.rows())
        self.list.select_row(max(0, row))
        self.player.set_language(language)

    def set_appearance(self, metrics: Metrics, low_reach: bool) -> None:
        super().set_appearance(metrics, low_reach)
        self.player.set_low_reach(low_reach)
        self.player.refresh_icons()

    def reset(self) -> None:
        self.player.reset()
        self.list.reset_view()
        self._show(0)

    def deactivate(self) -> None:
        self.player.stop()

    def play_pause(self) -> None:
        self.player.toggle()

    # -- inside --------------------------------------------------------------------------------------
    def _show(self, row: int) -> None:
        videos = self.subject.videos
        self.player.show_item(videos[row] if 0 <= row < len(videos) else None)

    def _on_list_row_selected(self, row: int) -> None:
        self._show(row)

    def _on_list_row_opened(self, row: int) -> None:
        self._show(row)
        self.player.toggle()

    def _on_player_playing_changed(self, playing: bool) -> None:
        self.idle_pause_requested.emit(playing)

    def _on_player_started(self, path: Path) -> None:
        self.item_opened.emit(self.item_key(path))

    def _on_player_watched(self, path: Path, fraction: float) -> None:
        self.video_progress.emit(self.item_key(path), fraction)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        arrange_list_beside(self._layout, self.list, event.size(), portrait_share=PORTRAIT_LIST_SHARE,
                            landscape_stretch=(3, 7))
