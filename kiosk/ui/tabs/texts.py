"""The Texts tab: the subject's articles, overview first, each with its author and source."""

from __future__ import annotations

from kiosk.ui.strings import tr
from kiosk.ui.tabs.detail_pane import Detail
from kiosk.ui.tabs.list_detail import ListDetailTab
from kiosk.ui.tabs.touch_list import ListRow


class TextsTab(ListDetailTab):
    def rows(self) -> list[ListRow]:
        rows = []
        for article in self.subject.articles:
            text = article.text(self.language)
            meta = tr("by", self.language, author=text.author) if text.author else ""
            rows.append(ListRow(text.title, meta or _short_source(text.source), glyph="text"))
        return rows

    def detail_for(self, row: int) -> Detail:
        text = self.subject.articles[row].text(self.language)
        meta = [tr("by", self.language, author=text.author)] if text.author else []
        if text.source:
            meta.append(tr("source", self.language, source=text.source))
        return Detail(
            title=text.title,
            meta="\n".join(meta),
            markdown=text.markdown,
            base_dir=text.path.parent,
        )


def _short_source(source: str) -> str:
    return source.split(",")[0].strip() if source else ""
