"""The real kiosk on the bad-files corpus comes up, offers a chooser, and shows the good subject
whole (its article, picture, film and chart), without an exception."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.reliability.child import run_child
from kiosk.reliability.corpus import write_corpus


@pytest.mark.timeout(180)
def test_kiosk_shows_the_good_subject_among_bad_files(tmp_path: Path) -> None:
    """Chooser with the good subject; its tabs list their one item each; no exception."""
    root = tmp_path / "corpus"
    write_corpus(root)
    child = run_child("kiosk.reliability.corpus_run", ["--content", str(root)], prefix="kiosk-corpus-",
                      timeout_s=150, ready_timeout_s=60)
    data = child.data
    assert data is not None, f"the kiosk ended without a result ({child.how_it_ended()})\n{child.log_tail()}"
    assert child.returncode == 0, child.how_it_ended()
    assert data["failure"] is None, data["failure"]
    assert data["chooser"] is True
    assert "good" in data["cards"]
    good = data["subjects"]["good"]
    assert (good["texts"], good["images"], good["video"], good["charts"]) == (1, 1, 1, 1), good
    assert good["chart_drawn"] is True
    assert data["observer"]["exceptions"] == 0, data["observer"]["exception_texts"] + data["observer"]["qt_critical_texts"]
    assert data["observer"]["qt_criticals"] == 0, data["observer"]["qt_critical_texts"]
    child.cleanup()
