"""A generated corpus of bad content: every kind of broken file staff could drop into a folder.

Each entry says which file it is and the least severe finding the validator must give it. The
corpus is written into a content root beside one good subject, so tests can check both that
every bad input is reported by name and that the good content still shows. Qt-free.
"""

from __future__ import annotations

import io
import os
import random
import struct
import unicodedata
import zlib
from dataclasses import dataclass
from pathlib import Path

from kiosk.core.findings import Severity


@dataclass(frozen=True)
class BadInput:
    file: str  # relative to the content root
    what: str
    expect: Severity  # the validator must report the file at this severity or above
    media: str = ""  # "image" or "video": also opened by Qt in a child process


def _jpeg(size: tuple[int, int] = (320, 240), seed: int = 0) -> bytes:
    from PIL import Image

    rng = random.Random(seed)
    img = Image.new("RGB", size, (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=90)
    return buf.getvalue()


def _png(size: tuple[int, int] = (200, 150)) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.effect_noise(size, 40).convert("RGB").save(buf, "PNG")
    return buf.getvalue()


def _webp(size: tuple[int, int] = (200, 150)) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.effect_noise(size, 40).convert("RGB").save(buf, "WEBP")
    return buf.getvalue()


def _png_bomb(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    # A highly compressible IDAT: a few KB that would inflate to gigabytes.
    idat = zlib.compress(b"\x00" * (4 << 20), 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def _jpeg_bomb_header() -> bytes:
    """A JPEG whose frame header claims 65,500×65,500 pixels."""
    data = bytearray(_jpeg((16, 16)))
    sof = data.find(b"\xff\xc0")
    struct.pack_into(">HH", data, sof + 5, 65500, 65500)
    return bytes(data)


def _video(seconds: float = 2.0, audio: bool = True, codec: str = "h264", faststart: bool = False) -> bytes:
    import fractions
    import tempfile

    import av
    import numpy as np

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "v.mp4"
        options = {"movflags": "+faststart"} if faststart else {}
        with av.open(str(out), "w", options=options) as container:
            v = container.add_stream(codec, rate=10)
            v.width, v.height, v.pix_fmt = 96, 64, "yuv420p"
            a = container.add_stream("aac", rate=22050) if audio else None
            if a is not None:
                a.layout = "mono"
            for i in range(int(seconds * 10)):
                frame = av.VideoFrame.from_ndarray(np.full((64, 96, 3), (i * 9) % 255, np.uint8), format="rgb24")
                for packet in v.encode(frame):
                    container.mux(packet)
            for packet in v.encode():
                container.mux(packet)
            if a is not None:
                for i in range(int(seconds * 22050 / 1024)):
                    af = av.AudioFrame.from_ndarray(np.zeros((1, 1024), np.float32), format="fltp", layout="mono")
                    af.sample_rate, af.pts, af.time_base = 22050, i * 1024, fractions.Fraction(1, 22050)
                    for packet in a.encode(af):
                        container.mux(packet)
                for packet in a.encode():
                    container.mux(packet)
        return out.read_bytes()


SUBJECT = 'title = "{title}"\ncredit = "Generated for the bad-files corpus"\n'
HEAD = "---\ntitle: {title}\nsource: Generated for the bad-files corpus\n---\n"


def _good_subject(root: Path) -> None:
    s = root / "good"
    for d in ("texts", "images", "video", "data"):
        (s / d).mkdir(parents=True)
    (s / "subject.toml").write_text(SUBJECT.format(title="Good subject") +
                                    '\n[[charts]]\nid = "c"\ntitle = "C"\nseries = ["s"]\n', encoding="utf-8")
    (s / "texts" / "fine.md").write_text(HEAD.format(title="Fine") + "A fine text.\n", encoding="utf-8")
    (s / "images" / "fine.jpg").write_bytes(_jpeg())
    (s / "images" / "metadata.csv").write_text("file,caption,credit,alt\nfine.jpg,Fine,Corpus,A square\n")
    (s / "video" / "fine.mp4").write_bytes(_video(audio=False))
    (s / "video" / "metadata.csv").write_text("file,caption,credit\nfine.mp4,Fine,Corpus\n")
    (s / "data" / "s.csv").write_text("series,year,value,source\ns,1924,1,Corpus\ns,1925,2,Corpus\n")


def write_corpus(root: Path, seed: int = 1924) -> list[BadInput]:
    """Write the good subject and every bad input under `root`; return what was written."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    _good_subject(root)
    bad: list[BadInput] = []
    s = root / "bad"
    for d in ("texts", "images", "video", "data"):
        (s / d).mkdir(parents=True)
    (s / "subject.toml").write_text(SUBJECT.format(title="Bad subject") + "\n".join(
        f'[[charts]]\nid = "c{i}"\ntitle = "C"\nseries = ["s{i}"]\n' for i in range(12)), encoding="utf-8")

    def put(rel: str, data: bytes, what: str, expect: Severity = Severity.ERROR, media: str = "") -> None:
        path = s / rel
        path.write_bytes(data)
        bad.append(BadInput(f"bad/{rel}", what, expect, media))

    # -- images ---------------------------------------------------------------------------
    samples = {"jpg": _jpeg((640, 480)), "png": _png((320, 240)), "webp": _webp((320, 240))}
    for ext, data in samples.items():
        for cut in (0.02, 0.1, 0.4, 0.5, 0.7, 0.95):
            put(f"images/truncated-{int(cut * 100)}.{ext}", data[: int(len(data) * cut)], f"{ext} truncated at {cut:.0%}",
                media="image")
        put(f"images/zero.{ext}", b"", f"zero-byte {ext}", media="image")
        put(f"images/random.{ext}", rng.randbytes(5000), f"random bytes as {ext}", media="image")
        put(f"images/text.{ext}", b"This is not a picture.\n" * 20, f"text file named .{ext}", media="image")
    put("images/bomb.png", _png_bomb(50_000, 50_000), "PNG decompression bomb (2.5 gigapixels)", media="image")
    put("images/bomb.jpg", _jpeg_bomb_header(), "JPEG header claiming 65,500×65,500", media="image")
    put("images/html.jpg", b"<html><script>alert(1)</script></html>", "HTML named .jpg", media="image")
    put("images/flipped-header.png", b"\x89PNG\r\n\x1a\n" + rng.randbytes(300), "PNG signature then garbage", media="image")
    put("images/gif-as.jpg", b"GIF89a" + rng.randbytes(200), "GIF bytes named .jpg", media="image")

    # -- video ----------------------------------------------------------------------------
    clip = _video(audio=True)
    fast = _video(audio=True, faststart=True)
    for cut in (0.01, 0.05, 0.3, 0.45, 0.6, 0.75, 0.9):
        put(f"video/truncated-{int(cut * 100)}.mp4", clip[: int(len(clip) * cut)], f"MP4 truncated at {cut:.0%}",
            media="video")
        put(f"video/faststart-truncated-{int(cut * 100)}.mp4", fast[: int(len(fast) * cut)],
            f"MP4 with its index first, truncated at {cut:.0%}", media="video")
    put("video/zero.mp4", b"", "zero-byte MP4", media="video")
    put("video/random.mp4", rng.randbytes(20000), "random bytes as MP4", media="video")
    put("video/random.webm", rng.randbytes(20000), "random bytes as WebM", media="video")
    put("video/jpeg.mp4", _jpeg(), "a JPEG named .mp4", media="video")
    put("video/mpeg2.mp4", _video(audio=False, codec="mpeg2video"), "MPEG-2 video (unsupported codec)", media="video")
    put("video/sound-no-captions.mp4", clip, "sound but no captions", Severity.WARNING, media="video")
    put("video/broken-captions.mp4", clip, "captions file is broken (video itself fine)", Severity.INFO, media="video")
    put("video/broken-captions.vtt", b"WEBVTT\n\n00:00:01.000 --> soon\nHello\n", "caption cue with a bad time")
    put("video/no-header.mp4", clip, "captions file lacks WEBVTT (video fine)", Severity.INFO, media="video")
    put("video/no-header.vtt", b"00:00:01.000 --> 00:00:02.000\nHello\n", "caption file without WEBVTT")
    put("video/binary-captions.mp4", clip, "captions file is binary (video fine)", Severity.INFO, media="video")
    put("video/binary-captions.srt", rng.randbytes(400), "binary bytes as SRT")

    # -- texts ----------------------------------------------------------------------------
    body = HEAD.format(title="Заголовок") + "Текст статьи о призыве.\n"
    put("texts/cp1251.md", body.encode("cp1251"), "Markdown in Windows-1251", Severity.WARNING)
    put("texts/latin1.md", (HEAD.format(title="Café") + "Un café.\n").encode("latin-1"), "Markdown in Latin-1",
        Severity.WARNING)
    put("texts/utf16.md", body.encode("utf-16"), "Markdown in UTF-16", Severity.WARNING)
    put("texts/binary.md", rng.randbytes(3000), "random bytes as Markdown", Severity.WARNING)
    for i, html in enumerate(("<script>alert('x')</script>", "<iframe src='https://example.org'></iframe>",
                              "<style>body{display:none}</style>", "<img src=x onerror=alert(1)>",
                              "Text <a href='https://example.org'>link</a> inline")):
        put(f"texts/html-{i}.md", (HEAD.format(title=f"HTML {i}") + f"Intro.\n\n{html}\n").encode(),
            f"HTML in Markdown: {html[:20]}", Severity.WARNING)
    put("texts/link.md", (HEAD.format(title="Link") + "[site](https://example.org)\n").encode(), "a web link",
        Severity.WARNING)
    put("texts/outside-image.md", (HEAD.format(title="Img") + "![x](../../../../etc/passwd)\n").encode(),
        "image outside the subject")
    put("texts/unclosed.md", b"---\ntitle: x\nNo closing line\n", "front matter not closed")
    put("texts/empty.md", b"", "empty article")
    put("texts/only-front.md", HEAD.format(title="Nothing").encode(), "front matter and no text")
    put("texts/huge.md", (HEAD.format(title="Huge") + ("word " * 120 + "\n\n") * 3000).encode(),
        "2 MB of text in over-long paragraphs", Severity.INFO)
    put("texts/bad-front.md", b"---\n: no key\njust words\n---\nText\n", "front matter lines without keys")

    # -- data -----------------------------------------------------------------------------
    datasets = {
        "s0": ("series,year,value,source\ns0,1924,1,S\ns0,1925,2,S,extra\n", "ragged row"),
        "s1": ("series,year,value,source\ns1,1924,1\n", "short row"),
        "s2": ("series,year,value,source\ns2,1924,lots,S\n", "non-numeric value"),
        "s3": ("series,year,value,source\ns3,1924,1,S\ns3,1924,2,S\n", "duplicate date"),
        "s4": ("series,year,value,source\ns4,19x4,1,S\n", "bad date"),
        "s5": ('series,year,value,source\ns5,1924,"1,S\n', "unclosed quote"),
        "s6": ("", "empty CSV"),
        "s7": ("series,year,value\ns7,1924,1\n", "no source column"),
        "s8": ("series,year,value,source\ns8,1924,1,S\n" + "".join(f"s8,{1000 + i % 900}-01-{1 + i % 28:02d},{i},S\n"
                                                                   for i in range(120_000)),
               "huge CSV with duplicate dates"),
        "s9": ("series,year,value,source\n" + "s9,1924," + "9" * 5000 + ",S\n", "a 5,000-digit value"),
        "s10": ("\x00\x01\x02binary,\xff", "binary bytes as CSV"),
        "s11": ("series,category,value,source\ns11,A,1,S\ns11,1924,x,S\n", "series with a bad value among categories"),
    }
    for name, (text, what) in datasets.items():
        put(f"data/{name}.csv", text.encode("utf-8", "surrogateescape") if isinstance(text, str) else text, what)

    # -- metadata rows with hostile paths, and hostile files --------------------------------
    put("images/metadata.csv", (
        b"file,caption,credit,alt\n"
        b"../../../etc/passwd,x,x,x\n"
        b"/etc/shadow,x,x,x\n"
        b"C:\\Windows\\win.ini,x,x,x\n"
        b"sub/../../x.jpg,x,x,x\n"
        b"missing.jpg,x,x,x\n"
    ), "rows naming paths outside the folder and a missing file")
    os.symlink("/etc/passwd", s / "images" / "passwd.jpg")
    bad.append(BadInput("bad/images/passwd.jpg", "symlink to /etc/passwd", Severity.ERROR))
    os.symlink("/", s / "images" / "root.png")
    bad.append(BadInput("bad/images/root.png", "symlink to /", Severity.ERROR))
    os.symlink(s / "images" / "loop-b.jpg", s / "images" / "loop-a.jpg")
    os.symlink(s / "images" / "loop-a.jpg", s / "images" / "loop-b.jpg")
    bad.append(BadInput("bad/images/loop-a.jpg", "symlink loop", Severity.ERROR))
    os.symlink(s / "images" / "nowhere.jpg", s / "images" / "dangling.jpg")
    bad.append(BadInput("bad/images/dangling.jpg", "broken symlink", Severity.ERROR))
    long_name = "x" * 240 + ".jpg"
    put(f"images/{long_name}", _jpeg(), "a 244-character file name, no metadata row", Severity.WARNING)
    nfd = unicodedata.normalize("NFD", "éclair-ё.jpg")
    put(f"images/{nfd}", _jpeg(), "NFD file name, no metadata row", Severity.WARNING)
    put("images/new\nline.jpg", _jpeg(), "a file name with a line break", Severity.WARNING)

    # -- whole subjects that cannot be read -------------------------------------------------
    tomls: dict[str, str | None] = {
        "toml-syntax": 'title = "Unclosed\n',
        "toml-no-title": 'subtitle = "No title"\n',
        "toml-binary": "\x00\x00\x00",
        "toml-wrong-types": 'title = 5\nlanguages = "en"\ntabs = 3\nidle_timeout = "soon"\n',
        "toml-charts-not-tables": 'title = "T"\ncharts = "membership"\n',
        "toml-duplicate-key": 'title = "A"\ntitle = "B"\n',
        "toml-utf16": None,
    }
    for name, text in tomls.items():
        (root / name).mkdir()
        data = text.encode() if text is not None else 'title = "UTF-16"\n'.encode("utf-16")
        (root / name / "subject.toml").write_bytes(data)
        bad.append(BadInput(f"{name}/subject.toml", f"broken subject.toml: {name}", Severity.ERROR))
    (root / "outside-link").mkdir()
    os.symlink("/etc/hostname", root / "outside-link" / "subject.toml")
    bad.append(BadInput("outside-link/subject.toml", "subject.toml is a symlink outside", Severity.ERROR))
    return bad
