"""The demo exhibit as a visitor reads it: no author line it does not name, full citations."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core.loader import load_library
from kiosk.core.model import Library
from tests.ui.helpers import WindowFactory, find, tap

ASSETS = Path(__file__).resolve().parents[2] / "assets"


@pytest.fixture(scope="module")
def demo() -> Library:
    return load_library(ASSETS, media_checks=False).library


@pytest.mark.parametrize(("language", "by", "source"), [("en", "By ", "Source: "), ("ru", "Автор", "Источник: ")])
def test_articles_show_their_source_and_no_author_line(make_window: WindowFactory, demo: Library,
                                                       language: str, by: str, source: str) -> None:
    """The demo's texts name no author, so the reader shows only the source under each title."""
    window = make_window(content=demo)
    if language == "ru":
        tap(find(window, "languageButton_ru"))
    tap(find(window, "touchToBegin"))
    tab = find(window, "tabPage_texts")
    for row in range(len(demo.subjects[0].articles)):
        tab.list.select_row(row)  # type: ignore[attr-defined]
        meta = find(tab, "detailMeta").text()  # type: ignore[attr-defined]
        assert meta.startswith(source) and by not in meta, meta


def test_no_placeholder_citation_anywhere(demo: Library) -> None:
    """Every figure of the demo names its source in full; none says "another source"."""
    subject = demo.subjects[0]
    sources = {p.source for s in subject.series.values() for p in s.points}
    assert all(len(s) > 40 for s in sources), sources
    assert not any(word in s.lower() for s in sources for word in ("another source", "not named", "an encyclopaedia"))
    assert not any(p.value == 472000 for s in subject.series.values() for p in s.points)
    assert any(s.startswith("The Great Soviet Encyclopedia, 3rd edition (1970–1979; English translation, "
                            "Macmillan, 1973–1983)") for s in sources)
    assert any(s.startswith("US Embassy Moscow, airgram of 1 November 1947, Foreign Relations of the "
                            "United States, 1947, vol. IV, document 419") for s in sources)


def test_every_picture_and_film_has_a_russian_version(demo: Library) -> None:
    """The media script draws every picture and film in Russian too (nothing English on a
    Russian screen but citations), and no credit is drawn into them: it is in the caption."""
    subject = demo.subjects[0]
    assert all(set(i.variants) == {"ru"} for i in subject.images)
    assert all(set(v.variants) == {"ru"} and set(v.posters) == {"ru"} for v in subject.videos)
    assert all(i.info.credit.get("en").startswith("Made for the Exhibit Kiosk demo") for i in subject.images)
