"""Sizes for decoding pictures: never more pixels than the screen will show.

A 24-megapixel photograph shown on a 1080p screen is decoded at about 2 megapixels; thumbnails
are decoded to fit their card, whole.
"""

from __future__ import annotations

# The largest decode when the visitor zooms in: this many times the viewport (Qt refuses more
# than the allocation limit anyway).
ZOOM_DECODE_FACTOR = 2.0
ALLOCATION_LIMIT_MB = 256


def fit_size(src_w: int, src_h: int, box_w: int, box_h: int) -> tuple[int, int]:
    """The largest size with the source's aspect that fits the box, never larger than the source."""
    if src_w <= 0 or src_h <= 0 or box_w <= 0 or box_h <= 0:
        return max(0, src_w), max(0, src_h)
    scale = min(1.0, box_w / src_w, box_h / src_h)
    return max(1, round(src_w * scale)), max(1, round(src_h * scale))


def zoom_decode_box(view_w: int, view_h: int) -> tuple[int, int]:
    """The cap for a zoomed-in decode: a multiple of the viewport, not the full resolution."""
    return round(view_w * ZOOM_DECODE_FACTOR), round(view_h * ZOOM_DECODE_FACTOR)


def needs_sharper(decoded_w: int, image_w: int, shown_w: float, margin: float = 1.15) -> bool:
    """True when the picture is drawn larger than the decoded pixels allow (and more exist)."""
    return decoded_w < image_w and shown_w > decoded_w * margin
