"""Zoom and pan of one picture in a viewport: the clamping maths of the image viewer.

Positions are kept in the picture's own pixels (its full, upright size), so the view does not
change when a sharper decode of the same picture replaces a coarser one. A zoom of 1 means the
whole picture fits the viewport; the visitor can never zoom out past that nor pan it away.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

MIN_ZOOM = 1.0
MAX_ZOOM = 6.0
DOUBLE_TAP_ZOOM = 2.5
BUTTON_STEP = 1.5


@dataclass(frozen=True)
class ZoomView:
    """What part of a picture shows in a viewport. ``cx``/``cy``: the picture point at the centre."""

    image_w: float
    image_h: float
    view_w: float
    view_h: float
    zoom: float = MIN_ZOOM
    cx: float | None = None  # None: the picture's centre
    cy: float | None = None
    max_zoom: float = MAX_ZOOM

    # -- derived ---------------------------------------------------------------------------
    @property
    def fit_scale(self) -> float:
        """Viewport pixels per picture pixel when the whole picture fits."""
        if self.image_w <= 0 or self.image_h <= 0 or self.view_w <= 0 or self.view_h <= 0:
            return 1.0
        return min(self.view_w / self.image_w, self.view_h / self.image_h)

    @property
    def scale(self) -> float:
        return self.fit_scale * self.zoom

    @property
    def is_zoomed(self) -> bool:
        return self.zoom > MIN_ZOOM + 1e-6

    def centre(self) -> tuple[float, float]:
        cx = self.cx if self.cx is not None else self.image_w / 2
        cy = self.cy if self.cy is not None else self.image_h / 2
        return cx, cy

    def image_rect(self) -> tuple[float, float, float, float]:
        """(x, y, width, height) of the whole picture in viewport coordinates."""
        s = self.scale
        cx, cy = self.centre()
        return (self.view_w / 2 - cx * s, self.view_h / 2 - cy * s,
                self.image_w * s, self.image_h * s)

    def to_image(self, x: float, y: float) -> tuple[float, float]:
        left, top, _, _ = self.image_rect()
        return (x - left) / self.scale, (y - top) / self.scale

    def to_view(self, ix: float, iy: float) -> tuple[float, float]:
        left, top, _, _ = self.image_rect()
        return left + ix * self.scale, top + iy * self.scale

    # -- changes (each returns a new, clamped view) -------------------------------------------
    def clamped(self) -> ZoomView:
        zoom = min(max(self.zoom, MIN_ZOOM), max(MIN_ZOOM, self.max_zoom))
        view = replace(self, zoom=zoom)
        s = view.scale
        cx, cy = view.centre()
        return replace(view, cx=_clamp_axis(cx, self.image_w, self.view_w / s),
                       cy=_clamp_axis(cy, self.image_h, self.view_h / s))

    def with_viewport(self, view_w: float, view_h: float) -> ZoomView:
        return replace(self, view_w=view_w, view_h=view_h).clamped()

    def panned(self, dx: float, dy: float) -> ZoomView:
        """Move the picture by (dx, dy) viewport pixels, as a finger drags it."""
        cx, cy = self.centre()
        return replace(self, cx=cx - dx / self.scale, cy=cy - dy / self.scale).clamped()

    def zoomed_at(self, factor: float, x: float, y: float) -> ZoomView:
        """Zoom by ``factor`` keeping the picture point under viewport (x, y) where it is."""
        ix, iy = self.to_image(x, y)
        target = replace(self, zoom=self.zoom * factor)
        target = replace(target, zoom=min(max(target.zoom, MIN_ZOOM), max(MIN_ZOOM, self.max_zoom)))
        s = target.scale
        return replace(target, cx=ix - (x - self.view_w / 2) / s,
                       cy=iy - (y - self.view_h / 2) / s).clamped()

    def zoomed(self, factor: float) -> ZoomView:
        """Zoom about the viewport's centre (the + and − buttons)."""
        return self.zoomed_at(factor, self.view_w / 2, self.view_h / 2)

    def toggled_at(self, x: float, y: float) -> ZoomView:
        """Double tap: zoom in on that point, or back to the whole picture when zoomed."""
        if self.is_zoomed:
            return self.reset()
        return self.zoomed_at(DOUBLE_TAP_ZOOM / self.zoom, x, y)

    def reset(self) -> ZoomView:
        return replace(self, zoom=MIN_ZOOM, cx=None, cy=None).clamped()


def _clamp_axis(centre: float, image: float, visible: float) -> float:
    """Keep the picture covering the viewport along one axis, or centred when it is smaller."""
    if visible >= image:
        return image / 2
    half = visible / 2
    return min(max(centre, half), image - half)
