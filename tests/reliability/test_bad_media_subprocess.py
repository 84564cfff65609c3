"""Every bad picture and film of the corpus, opened by the kiosk's own decode and playback paths
in child processes: none crashes or hangs its process, and a crash would name its file."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.reliability.bad_media import probe_media
from kiosk.reliability.corpus import write_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list]:  # type: ignore[type-arg]
    root = tmp_path_factory.mktemp("corpus")
    return root, write_corpus(root)


@pytest.mark.timeout(240)
def test_no_bad_media_file_crashes_its_process(corpus) -> None:  # type: ignore[no-untyped-def]
    """Each corpus image (gallery decode, thumbnail, poster) and film (bare QMediaPlayer with a
    QVideoSink, then the Video tab's PlaybackService) ends in a result, not a dead process."""
    root, bad = corpus
    files = [(b.media, root / b.file) for b in bad if b.media in ("image", "video")]
    assert len(files) >= 50
    results = probe_media(files)
    for r in results:
        print(f"{r.kind:<6} {r.ms:>6} ms  {Path(r.file).name}: {r.crashed or r.outcome}")
    assert [r.file for r in results] == [str(p) for _, p in files]
    assert [f"{r.file}: {r.crashed}" for r in results if r.crashed] == []


@pytest.mark.timeout(60)
def test_a_crash_is_pinned_on_its_file(tmp_path: Path) -> None:
    """A child that dies while a file is open reports that file; the rest still run."""
    good = tmp_path / "good.png"
    good.write_bytes(b"")
    results = probe_media([("image", good), ("abort", tmp_path / "fatal"), ("image", good)])
    assert [(Path(r.file).name, bool(r.crashed)) for r in results] == [
        ("good.png", False), ("fatal", True), ("good.png", False)]
    assert "SIGABRT" in results[1].crashed
