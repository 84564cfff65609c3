"""The Video tab: the films with poster, length, captions or "silent", caption and credit.

The player itself comes in a later issue; this tab already reports ``idle_pause_requested`` and
accepts ``play_pause`` through the common interface, so the window needs no change then.
"""

from __future__ import annotations

from html import escape

from kiosk.core.model import VideoItem
from kiosk.ui.strings import tr
from kiosk.ui.tabs.detail_pane import Detail
from kiosk.ui.tabs.list_detail import ListDetailTab
from kiosk.ui.tabs.touch_list import ListRow


def duration_text(seconds: float) -> str:
    total = max(0, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class VideoTab(ListDetailTab):
    def _facts(self, item: VideoItem) -> str:
        parts = [duration_text(item.duration_s)] if item.duration_s > 0 else []
        if item.silent:
            parts.append(tr("silent", self.language))
        elif item.captions:
            langs = ", ".join(code.upper() for code in sorted(item.captions))
            parts.append(tr("captions", self.language, langs=langs))
        if item.transcripts:
            parts.append(tr("transcript", self.language))
        return " · ".join(parts)

    def _title(self, item: VideoItem) -> str:
        lang = self.language
        return item.info.title.get(lang) or item.info.caption.get(lang) or item.name

    def rows(self) -> list[ListRow]:
        return [
            ListRow(self._title(item), self._facts(item), thumbnail=item.poster, glyph="film")
            for item in self.subject.videos
        ]

    def detail_for(self, row: int) -> Detail:
        item = self.subject.videos[row]
        lang = self.language
        caption = item.info.caption.get(lang)
        html = f"<p>{escape(caption)}</p>" if caption else ""
        facts = self._facts(item)
        if facts:
            html += f"<p><i>{escape(facts)}</i></p>"
        return Detail(
            title=self._title(item),
            meta=item.info.credit.get(lang),
            html=html,
            picture=item.poster,
            glyph="film",
            description=item.info.alt.get(lang),
        )
