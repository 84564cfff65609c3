"""The Images tab: every picture with its caption and credit; alt text for screen readers."""

from __future__ import annotations

from html import escape

from kiosk.core.model import ImageItem
from kiosk.ui.tabs.detail_pane import Detail
from kiosk.ui.tabs.list_detail import ListDetailTab
from kiosk.ui.tabs.touch_list import ListRow


def media_title(item: ImageItem, language: str) -> str:
    return item.info.title.get(language) or item.info.caption.get(language) or item.name


class ImagesTab(ListDetailTab):
    def rows(self) -> list[ListRow]:
        return [
            ListRow(media_title(item, self.language), item.info.credit.get(self.language),
                    thumbnail=item.path)
            for item in self.subject.images
        ]

    def detail_for(self, row: int) -> Detail:
        item = self.subject.images[row]
        lang = self.language
        caption = item.info.caption.get(lang)
        return Detail(
            title=media_title(item, lang),
            meta=item.info.credit.get(lang),
            html=f"<p>{escape(caption)}</p>" if caption else "",
            picture=item.path,
            description=item.info.alt.get(lang),
        )
