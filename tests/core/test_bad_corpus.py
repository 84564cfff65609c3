"""The bad-files corpus: the validator names every bad input and still loads the good content."""

from __future__ import annotations


import pytest

from kiosk.core.loader import load_library
from kiosk.reliability.corpus import write_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("corpus")
    return root, write_corpus(root)


def test_corpus_is_large(corpus) -> None:  # type: ignore[no-untyped-def]
    """At least 100 distinct bad inputs are generated."""
    _, bad = corpus
    assert len(bad) >= 100


def test_every_bad_input_reported_by_file(corpus) -> None:  # type: ignore[no-untyped-def]
    """Each bad input has a finding naming its file (or a row naming it) at the expected severity."""
    root, bad = corpus
    result = load_library(root)
    missed = []
    for item in bad:
        hits = [f for f in result.findings if f.file == item.file and f.severity >= item.expect]
        if not hits:
            missed.append(f"{item.file}: {item.what}")
    assert missed == []


def test_good_content_still_loads(corpus) -> None:  # type: ignore[no-untyped-def]
    """The good subject loads whole, beside the bad one."""
    root, _ = corpus
    good = load_library(root).library.subject("good")
    assert good is not None
    assert (len(good.articles), len(good.images), len(good.videos), len(good.charts)) == (1, 1, 1, 1)
