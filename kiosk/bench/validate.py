"""The validator's figure: a generated pack of 10,000 images checked in under 5 s."""

from __future__ import annotations

import io
import shutil
import time
from pathlib import Path

from kiosk.bench.registry import BenchOptions, Figure, median


def make_image_pack(folder: Path, count: int) -> Path:
    """A subject with `count` small distinct JPEGs and a metadata row for each."""
    from PIL import Image

    subject = folder / f"pack-{count}"
    if subject.exists():
        return subject
    images = subject / "images"
    images.mkdir(parents=True)
    (subject / "subject.toml").write_text('title = "Benchmark pack"\ncredit = "Generated"\n', encoding="utf-8")
    variants = []
    for i in range(16):
        buf = io.BytesIO()
        Image.new("RGB", (320, 240), (i * 15, 90, 200 - i * 10)).save(buf, "JPEG", quality=85)
        variants.append(buf.getvalue())
    rows = ["file,order,title,caption,credit,alt"]
    for i in range(count):
        name = f"img{i:05d}.jpg"
        (images / name).write_bytes(variants[i % len(variants)])
        rows.append(f"{name},{i},Image {i},Caption {i},Generated for the benchmark,A coloured rectangle")
    (images / "metadata.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return subject


def validate_10k_images_s(opts: BenchOptions) -> float:
    from kiosk.core.findings import Severity
    from kiosk.core.loader import validate

    count = opts.n(10_000, 2_000)
    pack = make_image_pack(opts.workdir, count)
    samples = []
    for _ in range(opts.n(3, 1)):
        t0 = time.perf_counter()
        findings = validate(pack)
        samples.append(time.perf_counter() - t0)
        assert not [f for f in findings if f.severity is Severity.ERROR], findings[:3]
    shutil.rmtree(pack, ignore_errors=True)
    return median(samples) * 10_000 / count


FIGURES = [
    Figure("validate_10k_images_s", 5, "s", validate_10k_images_s,
           note="kiosk validate on a generated pack of 10,000 images (quick: 2,000, scaled)"),
]
