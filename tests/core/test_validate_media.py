"""Images and videos are checked from their headers; broken ones are named and left out."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from kiosk.core.findings import Severity
from kiosk.core.loader import load_library
from tests.core.conftest import findings_for, only
from tests.core.packs import jpeg_bytes, video_bytes


def _errors(pack: Path, file: str) -> list[str]:
    return [f.message for f in only(findings_for(pack, Severity.ERROR), file)]


def test_truncated_jpeg(pack: Path) -> None:
    """A JPEG cut short is an error and is left out of the gallery."""
    data = (pack / "images" / "one.jpg").read_bytes()
    (pack / "images" / "one.jpg").write_bytes(data[: len(data) // 2])
    assert any("truncated" in m for m in _errors(pack, "images/one.jpg"))
    assert [i.name for i in load_library(pack).library.subjects[0].images] == ["two.png"]


@pytest.mark.parametrize(("content", "word"), [(b"", "empty"), (b"\x00garbage" * 50, "not a readable")])
def test_empty_and_random_images(pack: Path, content: bytes, word: str) -> None:
    """Zero-byte and random-byte images are errors."""
    (pack / "images" / "two.png").write_bytes(content)
    assert any(word in m for m in _errors(pack, "images/two.png"))


def test_truncated_png(pack: Path) -> None:
    """A PNG with its end missing is an error."""
    data = (pack / "images" / "two.png").read_bytes()
    (pack / "images" / "two.png").write_bytes(data[:-20])
    assert any("truncated" in m for m in _errors(pack, "images/two.png"))


def _png_header_only(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")


def test_decompression_bomb_refused_from_header(pack: Path) -> None:
    """An image claiming 40,000×40,000 pixels is refused from its header, before any decode."""
    (pack / "images" / "two.png").write_bytes(_png_header_only(40_000, 40_000))
    assert any("megapixel" in m for m in _errors(pack, "images/two.png"))


def test_exif_rotated_image_is_fine(pack: Path) -> None:
    """A photo taken sideways (EXIF orientation 6) is accepted with its orientation."""
    (pack / "images" / "one.jpg").write_bytes(jpeg_bytes((60, 40), orientation=6))
    result = load_library(pack)
    assert not only([f for f in result.findings if f.severity >= Severity.WARNING], "images/one.jpg")
    assert result.library.subjects[0].images[0].orientation == 6


def test_image_without_metadata_row_still_shows(pack: Path) -> None:
    """A picture with no metadata row is shown, with a warning to add its caption."""
    (pack / "images" / "three.jpg").write_bytes(jpeg_bytes())
    result = load_library(pack)
    assert "three.jpg" in [i.name for i in result.library.subjects[0].images]
    warnings = only([f for f in result.findings if f.severity is Severity.WARNING], "images/three.jpg")
    assert warnings and "no row" in warnings[0].message


def test_missing_alt_caption_credit(pack: Path) -> None:
    """A row without caption, credit or alt text is a warning on that CSV line."""
    (pack / "images" / "metadata.csv").write_text(
        "file,caption,credit,alt\none.jpg,,,\ntwo.png,Caption,Credit,Alt\n", encoding="utf-8"
    )
    warnings = only(findings_for(pack, Severity.WARNING), "images/metadata.csv")
    assert len(warnings) == 1 and warnings[0].line == 2
    assert "caption" in warnings[0].message and "credit" in warnings[0].message and "alt" in warnings[0].message


def test_row_naming_missing_file(pack: Path) -> None:
    """A metadata row naming a file that is not there is an error with a did-you-mean."""
    with (pack / "images" / "metadata.csv").open("a") as f:
        f.write("tree.jpg,3,T,C,Cr,A,\n")
    (pack / "images" / "three.jpg").write_bytes(jpeg_bytes())
    found = only(findings_for(pack, Severity.ERROR), "images/metadata.csv")
    assert found[0].line == 4 and "does not exist" in found[0].message and "three.jpg" in found[0].hint


def test_row_naming_unsupported_type(pack: Path) -> None:
    """A metadata row naming a file of an unsupported type is an error."""
    (pack / "images" / "scan.tiff").write_bytes(b"II*\x00")
    with (pack / "images" / "metadata.csv").open("a") as f:
        f.write("scan.tiff,3,T,C,Cr,A,\n")
    found = only(findings_for(pack, Severity.ERROR), "images/metadata.csv")
    assert "not a supported type" in found[0].message


def test_unused_file_is_info(pack: Path) -> None:
    """A file nothing uses is a note, not an error."""
    (pack / "images" / "notes.docx").write_bytes(b"PK")
    notes = only(findings_for(pack, Severity.INFO), "images/notes.docx")
    assert notes and "nothing uses" in notes[0].message


@pytest.mark.parametrize(
    ("content", "word"),
    [
        (b"", "empty"),
        (b"\x00\x00\x00\x18ftypmp42" + b"\x13" * 300, "truncated"),
        (b"\x00\x00\x00\x0cftypmp42" + b"\x00\x00\x00\x08free", "no index"),
        (b"random bytes" * 100, "not an MP4"),
    ],
)
def test_broken_videos(pack: Path, content: bytes, word: str) -> None:
    """Empty, corrupt and random-byte videos are errors and are left out."""
    (pack / "video" / "clip.mp4").write_bytes(content)
    assert any(word in m for m in _errors(pack, "video/clip.mp4"))
    assert load_library(pack).library.subjects[0].videos == ()


def test_truncated_video(pack: Path) -> None:
    """An MP4 cut short is an error."""
    data = (pack / "video" / "clip.mp4").read_bytes()
    (pack / "video" / "clip.mp4").write_bytes(data[: len(data) - 300])
    assert any("truncated" in m for m in _errors(pack, "video/clip.mp4"))


def test_unsupported_codec(pack: Path) -> None:
    """A video in a codec the kiosk does not play is an error naming the codec."""
    (pack / "video" / "clip.mp4").write_bytes(video_bytes(with_audio=False, codec="mpeg2video"))
    assert any("mpeg2video" in m for m in _errors(pack, "video/clip.mp4"))


def test_sound_without_captions_warns(pack: Path) -> None:
    """A video with a soundtrack and no captions is a warning."""
    (pack / "video" / "clip.vtt").unlink()
    warnings = only(findings_for(pack, Severity.WARNING), "video/clip.mp4")
    assert warnings and "no captions" in warnings[0].message


def test_silent_video_needs_no_captions(pack: Path) -> None:
    """A video without sound needs no captions and is marked silent."""
    (pack / "video" / "clip.mp4").write_bytes(video_bytes(with_audio=False))
    (pack / "video" / "clip.vtt").unlink()
    result = load_library(pack)
    assert not [f for f in result.findings if f.severity >= Severity.WARNING]
    assert result.library.subjects[0].videos[0].silent


def test_malformed_caption_names_line(pack: Path) -> None:
    """A caption cue with broken timing is an error naming its line."""
    (pack / "video" / "clip.vtt").write_text(
        "WEBVTT\n\n00:00:00.000 --> 00:00:00.500\nFine\n\n00:00:00.5 -> 00:00:01.000\nBroken\n"
    )
    errors = only(findings_for(pack, Severity.ERROR), "video/clip.vtt")
    assert len(errors) == 1 and errors[0].line == 6 and "timing" in errors[0].message


def test_poster_and_language_captions(pack: Path) -> None:
    """A same-name poster and Russian captions are picked up beside the video."""
    (pack / "video" / "clip.jpg").write_bytes(jpeg_bytes())
    (pack / "video" / "clip.ru.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:00.800\nПривет\n")
    video = load_library(pack).library.subjects[0].videos[0]
    assert video.poster and video.poster.name == "clip.jpg"
    assert video.captions["ru"].name == "clip.ru.vtt"


def test_nfd_file_name_matches_nfc_row(pack: Path) -> None:
    """A file named on a Mac (NFD) matches its row typed in a spreadsheet (NFC); the accent only
    draws the warning docs/content.md promises for such names."""
    import unicodedata

    nfd = unicodedata.normalize("NFD", "café.jpg")
    (pack / "images" / nfd).write_bytes(jpeg_bytes())
    with (pack / "images" / "metadata.csv").open("a", encoding="utf-8") as f:
        f.write(f"{unicodedata.normalize('NFC', 'café.jpg')},3,Café,A café,Made for tests,A café,\n")
    result = load_library(pack)
    serious = [f for f in result.findings if f.severity >= Severity.WARNING]
    assert [(f.severity, "an accent" in f.message) for f in serious] == [(Severity.WARNING, True)]
    item = next(i for i in result.library.subjects[0].images if i.order == 3)
    assert item.info.caption.get() == "A café"
