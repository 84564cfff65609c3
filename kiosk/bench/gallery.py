"""The Images tab's figures: the gallery's first screen, flinging while thumbnails load, opening
a 24-megapixel photograph, and memory over browsing every picture in the viewer.

Inputs are generated under the work folder and reused by every figure of one run: a few noise
photographs encoded with Pillow, copied to make 1,000 files of 12 megapixels (60 with --quick).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from kiosk.bench.offscreen import offscreen_platform
from kiosk.bench.registry import BenchOptions, Figure, median
from kiosk.bench.runner import run_probe

PROBE = "kiosk.bench.gallery_probe"
UNIQUE_EVERY = 50  # one freshly encoded picture per this many files


def _photo(path: Path, width: int, height: int, seed: int) -> None:
    """A photograph-like JPEG: smooth colour fields with grain, so it decodes like a real one."""
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(seed)
    small = rng.integers(0, 256, (height // 40, width // 40, 3), dtype=np.uint8)
    image = Image.fromarray(small).resize((width, height), Image.Resampling.BICUBIC)
    grain = rng.integers(-12, 13, (height, width, 1), dtype=np.int16)
    pixels = np.clip(np.asarray(image, dtype=np.int16) + grain, 0, 255).astype(np.uint8)
    Image.fromarray(pixels).save(path, quality=85)


def photo_set(opts: BenchOptions, count: int, width: int = 4000, height: int = 3000) -> Path:
    """``count`` JPEGs of width × height in the work folder, made once per run."""
    folder = opts.workdir / f"gallery-{count}-{width}x{height}"
    marker = folder / ".complete"
    if marker.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    bases: list[Path] = []
    for i in range(count):
        target = folder / f"photo-{i:04d}.jpg"
        if i % UNIQUE_EVERY == 0:
            _photo(target, width, height, seed=i)
            bases.append(target)
        else:
            shutil.copyfile(bases[-1], target)
    marker.write_text("ok")
    return folder


def _env() -> dict[str, str]:
    return {"QT_QPA_PLATFORM": offscreen_platform(1920, 1080)}


def _probe(mode: str, images: Path, cache: Path) -> dict[str, float]:
    return run_probe(PROBE, mode, str(images), str(cache), env=_env(), timeout=900)


def _fresh_cache(opts: BenchOptions) -> Path:
    return Path(tempfile.mkdtemp(prefix="thumbs-", dir=opts.workdir))


def gallery_first_screen_ms(opts: BenchOptions) -> float:
    images = photo_set(opts, opts.n(1000, 60))
    cache = opts.workdir / "thumbs-warm"
    _probe("first-screen", images, cache)  # warm: the figure is for a kiosk that ran before
    return median([_probe("first-screen", images, cache)["first_screen_ms"]
                   for _ in range(opts.runs)])


def gallery_scroll_max_frame_ms(opts: BenchOptions) -> float:
    images = photo_set(opts, opts.n(1000, 60))
    return median([_probe("fling", images, _fresh_cache(opts))["max_frame_ms"]
                   for _ in range(max(1, min(opts.runs, 3)))])


def image_open_24mp_ms(opts: BenchOptions) -> float:
    images = photo_set(opts, 1, 6000, 4000)
    return median([_probe("open", images, _fresh_cache(opts))["open_ms"] for _ in range(opts.runs)])


def gallery_browse_rss_growth_mb(opts: BenchOptions) -> float:
    images = photo_set(opts, opts.n(1000, 60))
    return _probe("browse", images, opts.workdir / "thumbs-warm")["rss_growth_mb"]


FIGURES: list[Figure] = [
    Figure("gallery_first_screen_ms", 300, "ms", gallery_first_screen_ms,
           note="1,000 × 12 MP JPEGs, warm thumbnail cache: first screen of cards painted"),
    Figure("gallery_scroll_max_frame_ms", 50, "ms", gallery_scroll_max_frame_ms,
           note="longest UI-thread stall while flinging with thumbnails loading (cold cache)"),
    Figure("image_open_24mp_ms", 250, "ms", image_open_24mp_ms,
           note="tap to a 24 MP JPEG painted sharp in the viewer"),
    Figure("gallery_browse_rss_growth_mb", 150, "MB", gallery_browse_rss_growth_mb,
           note="resident memory growth over opening all 1,000 pictures in the viewer (one run)"),
]
