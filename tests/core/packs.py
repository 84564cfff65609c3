"""Small content packs built in a temporary folder, for tests that need real files.

Images are drawn with Pillow and videos encoded with PyAV, so nothing here needs Qt.
"""

from __future__ import annotations

import fractions
import shutil
import textwrap
from pathlib import Path

import av
import numpy as np
from PIL import Image

SUBJECT_TOML = textwrap.dedent(
    """\
    title = "Test subject"
    subtitle = "A pack for tests"
    year = "1924"
    summary = "Two sentences about the subject."
    default_language = "en"
    languages = ["en", "ru"]
    credit = "Test source, CC BY-SA 4.0"
    licence = "CC BY-SA 4.0"

    [translations.ru]
    title = "Тестовая тема"

    [[charts]]
    id = "members"
    type = "line"
    title = "Members"
    series = ["members"]
    x_label = "Date"
    y_label = "Members"
    references = [ { value = 100000, label = "Target" } ]
    annotations = [ { x = "1924-01-21", label = "An event" } ]
    """
)

ARTICLE = textwrap.dedent(
    """\
    ---
    title: Overview
    author: Exhibit Kiosk project
    source: Test source, CC BY-SA 4.0
    language: en
    order: 1
    ---
    A short paragraph about the subject.

    A second paragraph.
    """
)

IMAGES_CSV = (
    "file,order,title,caption,credit,alt,caption_ru\n"
    "one.jpg,1,One,The first picture,Made for tests,A grey square,Первая картинка\n"
    "two.png,2,Two,The second picture,Made for tests,A blue square,\n"
)

VIDEO_CSV = "file,order,title,caption,credit\nclip.mp4,1,Clip,A short clip,Made for tests\n"

CAPTIONS = "WEBVTT\n\n00:00:00.000 --> 00:00:00.800\nHello\n"

DATA_CSV = (
    "series,date,value,approximate,source,note\n"
    "members,1924-01-01,446089,no,Test source,Start\n"
    "members,1926-01,1000000,yes,Test source,Slightly over\n"
)

_video_cache: dict[bool, bytes] = {}


def jpeg_bytes(size: tuple[int, int] = (64, 48), orientation: int | None = None) -> bytes:
    import io

    img = Image.new("RGB", size, (128, 128, 128))
    buf = io.BytesIO()
    if orientation is not None:
        exif = Image.Exif()
        exif[0x0112] = orientation
        img.save(buf, "JPEG", exif=exif.tobytes())
    else:
        img.save(buf, "JPEG")
    return buf.getvalue()


def png_bytes(size: tuple[int, int] = (40, 30)) -> bytes:
    import io

    buf = io.BytesIO()
    Image.new("RGB", size, (20, 40, 200)).save(buf, "PNG")
    return buf.getvalue()


def video_bytes(with_audio: bool = True, codec: str = "h264") -> bytes:
    """A one-second 64×64 MP4, encoded once per test session."""
    key = (with_audio, codec)
    if key in _video_cache:  # type: ignore[comparison-overlap]
        return _video_cache[key]  # type: ignore[index]
    import io
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "clip.mp4"
        with av.open(str(out), "w") as container:
            v = container.add_stream(codec, rate=10)
            v.width, v.height, v.pix_fmt = 64, 64, "yuv420p"
            a = None
            if with_audio:
                a = container.add_stream("aac", rate=22050)
                a.layout = "mono"
            for i in range(10):
                frame = av.VideoFrame.from_ndarray(np.full((64, 64, 3), i * 20, np.uint8), format="rgb24")
                for packet in v.encode(frame):
                    container.mux(packet)
            for packet in v.encode():
                container.mux(packet)
            if a is not None:
                samples = 1024
                for i in range(22):
                    af = av.AudioFrame.from_ndarray(np.zeros((1, samples), np.float32), format="fltp", layout="mono")
                    af.sample_rate = 22050
                    af.pts = i * samples
                    af.time_base = fractions.Fraction(1, 22050)
                    for packet in a.encode(af):
                        container.mux(packet)
                for packet in a.encode():
                    container.mux(packet)
        data = out.read_bytes()
    _video_cache[key] = data  # type: ignore[index]
    del io
    return data


def make_pack(root: Path, name: str = "subject") -> Path:
    """A complete, clean subject folder under `root`; tests then break one thing in it."""
    s = root / name
    for folder in ("texts", "images", "video", "data"):
        (s / folder).mkdir(parents=True)
    (s / "subject.toml").write_text(SUBJECT_TOML, encoding="utf-8")
    (s / "texts" / "overview.md").write_text(ARTICLE, encoding="utf-8")
    (s / "texts" / "overview.ru.md").write_text(
        ARTICLE.replace("language: en", "language: ru").replace("Overview", "Обзор"), encoding="utf-8"
    )
    (s / "images" / "one.jpg").write_bytes(jpeg_bytes())
    (s / "images" / "two.png").write_bytes(png_bytes())
    (s / "images" / "metadata.csv").write_text(IMAGES_CSV, encoding="utf-8")
    (s / "video" / "clip.mp4").write_bytes(video_bytes())
    (s / "video" / "clip.vtt").write_text(CAPTIONS, encoding="utf-8")
    (s / "video" / "clip.txt").write_text("Hello", encoding="utf-8")
    (s / "video" / "metadata.csv").write_text(VIDEO_CSV, encoding="utf-8")
    (s / "data" / "members.csv").write_text(DATA_CSV, encoding="utf-8")
    return s


def copy_tree(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst, symlinks=True)
    return dst
