"""Language versions of pictures, films and posters: found beside their defaults, checked, chosen."""

from __future__ import annotations

from pathlib import Path

from kiosk.core.findings import Severity
from kiosk.core.loader import load_library
from tests.core.conftest import findings_for, only
from tests.core.packs import jpeg_bytes, png_bytes, video_bytes


def _subject(pack: Path):  # type: ignore[no-untyped-def]
    return load_library(pack).library.subjects[0]


def test_a_picture_version_is_shown_for_its_language(pack: Path) -> None:
    """`one.ru.jpg` beside `one.jpg` is the same item for Russian visitors, not a second picture."""
    (pack / "images" / "one.ru.jpg").write_bytes(jpeg_bytes())
    subject = _subject(pack)
    assert [i.name for i in subject.images] == ["one.jpg", "two.png"]
    one = subject.images[0]
    assert one.path_for("ru").name == "one.ru.jpg"
    assert one.path_for("en").name == "one.jpg" and one.path_for("de").name == "one.jpg"
    assert not [f for f in findings_for(pack) if f.severity >= Severity.WARNING]


def test_a_version_without_its_default_is_an_error(pack: Path) -> None:
    """`three.ru.jpg` with no `three.jpg` is never shown, and staff are told what to add."""
    (pack / "images" / "three.ru.jpg").write_bytes(jpeg_bytes())
    errors = only(findings_for(pack, Severity.ERROR), "images/three.ru.jpg")
    assert errors and "no 'three.jpg'" in errors[0].message and "three.jpg" in errors[0].hint
    assert "three.ru.jpg" not in [i.name for i in _subject(pack).images]


def test_a_version_of_another_size_is_a_warning(pack: Path) -> None:
    """A Russian picture of another size than the English one makes the picture jump: a warning."""
    (pack / "images" / "one.ru.jpg").write_bytes(jpeg_bytes((80, 48)))
    warnings = only(findings_for(pack, Severity.WARNING), "images/one.ru.jpg")
    assert warnings and "80×48" in warnings[0].message and "64×48" in warnings[0].message


def test_a_version_in_a_language_the_subject_lacks(pack: Path) -> None:
    """`one.de.jpg` in a subject of English and Russian is never shown: a warning naming the fix."""
    (pack / "images" / "one.de.jpg").write_bytes(jpeg_bytes())
    warnings = only(findings_for(pack, Severity.WARNING), "images/one.de.jpg")
    assert warnings and "'de' is not one of the subject's languages" in warnings[0].message
    assert _subject(pack).images[0].path_for("de").name == "one.jpg"


def test_a_broken_version_falls_back_to_the_default(pack: Path) -> None:
    """A Russian version that cannot be decoded is an error; Russian visitors see the default."""
    (pack / "images" / "two.ru.png").write_bytes(png_bytes()[:-20])
    assert only(findings_for(pack, Severity.ERROR), "images/two.ru.png")
    assert _subject(pack).images[1].path_for("ru").name == "two.png"


def test_a_metadata_row_naming_a_version(pack: Path) -> None:
    """Captions belong in the default file's row (caption_ru); a row for the version says so."""
    (pack / "images" / "one.ru.jpg").write_bytes(jpeg_bytes())
    with (pack / "images" / "metadata.csv").open("a", encoding="utf-8") as f:
        f.write("one.ru.jpg,3,Один,Подпись,Made for tests,Серый квадрат,\n")
    warnings = only(findings_for(pack, Severity.WARNING), "images/metadata.csv")
    assert any("language version of 'one.jpg'" in w.message and w.line == 4 for w in warnings)


def test_film_and_poster_versions(pack: Path) -> None:
    """`clip.ru.mp4` and `clip.ru.jpg` are the Russian film and poster of the one item `clip.mp4`."""
    video = pack / "video"
    (video / "clip.jpg").write_bytes(jpeg_bytes())
    (video / "clip.ru.mp4").write_bytes(video_bytes())
    (video / "clip.ru.jpg").write_bytes(jpeg_bytes())
    (video / "clip.ru.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:00.800\nПривет\n", encoding="utf-8")
    subject = _subject(pack)
    assert [v.name for v in subject.videos] == ["clip.mp4"]
    clip = subject.videos[0]
    assert clip.path_for("ru").name == "clip.ru.mp4" and clip.path_for("en").name == "clip.mp4"
    assert clip.poster_for("ru").name == "clip.ru.jpg"  # type: ignore[union-attr]
    assert clip.poster_for("en").name == "clip.jpg"  # type: ignore[union-attr]
    assert not [f for f in findings_for(pack) if f.severity >= Severity.WARNING]


def test_a_film_version_with_sound_needs_its_own_captions(pack: Path) -> None:
    """A Russian film with sound and no Russian captions warns; one without its own poster is noted."""
    video = pack / "video"
    (video / "clip.ru.mp4").write_bytes(video_bytes(with_audio=True))
    warnings = [f.message for f in only(findings_for(pack, Severity.WARNING), "video/clip.ru.mp4")]
    assert any("has sound but no 'ru' captions" in m for m in warnings)
    notes = [f.message for f in only(findings_for(pack, Severity.INFO), "video/clip.ru.mp4")]
    assert any("no poster of its own" in m for m in notes)


def test_a_poster_version_without_a_default_poster(pack: Path) -> None:
    """A Russian poster alone leaves other visitors without one: a warning."""
    (pack / "video" / "clip.ru.png").write_bytes(png_bytes())
    warnings = only(findings_for(pack, Severity.WARNING), "video/clip.ru.png")
    assert warnings and "no default poster" in warnings[0].message
    clip = _subject(pack).videos[0]
    assert clip.poster is None and clip.poster_for("ru").name == "clip.ru.png"  # type: ignore[union-attr]


def test_a_name_with_a_dot_that_is_no_language(pack: Path) -> None:
    """`map.old.jpg` is a picture of its own: `old` is no language of the subject, no `map.jpg`."""
    (pack / "images" / "map.old.jpg").write_bytes(jpeg_bytes())
    names = [i.name for i in _subject(pack).images]
    assert "map.old.jpg" in names
    assert not only(findings_for(pack, Severity.ERROR), "images/map.old.jpg")


def _film(seconds: float) -> bytes:
    """A silent 64×64 film of ``seconds``."""
    import io

    import av
    import numpy as np

    buf = io.BytesIO()
    with av.open(buf, "w", format="mp4") as out:
        stream = out.add_stream("h264", rate=10)
        stream.width, stream.height, stream.pix_fmt = 64, 64, "yuv420p"
        for i in range(round(seconds * 10)):
            frame = av.VideoFrame.from_ndarray(np.full((64, 64, 3), i % 250, np.uint8), format="rgb24")
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return buf.getvalue()


def test_a_film_version_of_another_length_is_a_warning(pack: Path) -> None:
    """A Russian film two seconds longer than its default: captions cannot fit both, a warning
    naming both lengths."""
    video = pack / "video"
    (video / "clip.mp4").write_bytes(_film(1.0))
    (video / "clip.ru.mp4").write_bytes(_film(3.0))
    warnings = [f.message for f in only(findings_for(pack, Severity.WARNING), "video/clip.ru.mp4")]
    assert any("lasts 3.0 s" in m and "lasts 1.0 s" in m for m in warnings), warnings
