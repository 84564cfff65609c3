"""One module per exhibit tab, each implementing the small interface in ``base``."""

from __future__ import annotations

from kiosk.core.model import Subject
from kiosk.ui.tabs.base import TabContext, TabPage
from kiosk.ui.tabs.charts import ChartsTab
from kiosk.ui.tabs.images import ImagesTab
from kiosk.ui.tabs.texts import TextsTab
from kiosk.ui.tabs.video import VideoTab

__all__ = ["TAB_CLASSES", "TabContext", "TabPage", "create_tab"]

# Later issues swap an entry here for the full reader, gallery, player or chart view.
TAB_CLASSES: dict[str, type[TabPage]] = {
    "texts": TextsTab,
    "images": ImagesTab,
    "video": VideoTab,
    "charts": ChartsTab,
}


def create_tab(name: str, subject: Subject, context: TabContext) -> TabPage:
    """Build the tab called ``name`` ("texts", "images", "video" or "charts")."""
    try:
        cls = TAB_CLASSES[name]
    except KeyError:
        raise ValueError(f"unknown tab {name!r}") from None
    tab = cls(subject, context)
    tab.setObjectName(f"tabPage_{name}")
    return tab
