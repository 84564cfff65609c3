"""The test subjects under tests/subjects/ stay clean, and keep the shapes they exist for."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core.findings import Severity
from kiosk.core.loader import load_library

SUBJECTS = Path(__file__).resolve().parents[1] / "subjects"
OURS = ("one-tab", "one-language", "three-languages", "twelve")


@pytest.mark.parametrize("name", OURS)
def test_each_test_subject_passes_the_checker(name: str) -> None:
    """`kiosk validate` finds no error and no warning in any of them."""
    result = load_library(SUBJECTS / name)
    assert [f for f in result.findings if f.severity >= Severity.WARNING] == []
    assert result.library.subjects


def test_the_shapes() -> None:
    """One film and one tab; one language with long names; three languages with media versions;
    twelve subjects in one root, in their `order`."""
    [one_tab] = load_library(SUBJECTS / "one-tab").library.subjects
    assert one_tab.visible_tabs() == ("video",) and one_tab.languages == ("en",)
    assert one_tab.card_picture("ru") == one_tab.videos[0].poster
    [one_language] = load_library(SUBJECTS / "one-language").library.subjects
    assert one_language.languages == ("en",) and len(one_language.title.get()) > 70
    assert set(one_language.visible_tabs()) == {"texts", "images"}
    [three] = load_library(SUBJECTS / "three-languages").library.subjects
    assert three.languages == ("en", "ru", "de") and three.card is not None
    assert all(set(i.variants) == {"ru", "de"} for i in three.images)
    assert set(three.videos[0].variants) == set(three.videos[0].posters) == {"ru", "de"}
    twelve = load_library(SUBJECTS / "twelve").library.subjects
    assert len(twelve) == 12 and twelve[0].id == "bridges" and twelve[-1].id == "market"
    assert all(s.card_picture("en") is not None for s in twelve)
