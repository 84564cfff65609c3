"""Zoom and pan clamping for the image viewer, and decode sizes (Qt-free)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.imagefit import fit_size, needs_sharper, zoom_decode_box
from kiosk.core.zoom import DOUBLE_TAP_ZOOM, MAX_ZOOM, ZoomView


def _view(**kw: float) -> ZoomView:
    return ZoomView(4000, 3000, 1200, 800, **kw).clamped()


def test_fit_shows_the_whole_picture_centred() -> None:
    """At zoom 1 the whole picture fits the viewport, centred."""
    view = _view()
    x, y, w, h = view.image_rect()
    assert w == pytest.approx(1066.67, abs=0.01) and h == pytest.approx(800)
    assert x == pytest.approx((1200 - w) / 2) and y == pytest.approx(0)


def test_zoom_never_goes_below_fit_nor_above_the_maximum() -> None:
    """Zooming out past the whole picture, or in past the maximum, stops at the limit."""
    assert _view().zoomed(0.2).zoom == 1.0
    assert _view().zoomed(100).zoom == MAX_ZOOM


def test_zoom_at_a_point_keeps_that_point_under_the_finger() -> None:
    """Pinching around a point keeps the picture point under it in place."""
    view = _view()
    before = view.to_image(900, 300)
    after = view.zoomed_at(2.0, 900, 300)
    assert after.to_image(900, 300) == pytest.approx(before, abs=1e-6)


def test_pan_is_clamped_to_the_picture_edges() -> None:
    """Dragging far never uncovers the background beyond the picture's edge."""
    view = _view().zoomed(3).panned(10_000, 10_000)
    x, y, _, _ = view.image_rect()
    assert x == pytest.approx(0) and y == pytest.approx(0)
    view = view.panned(-50_000, -50_000)
    x, y, w, h = view.image_rect()
    assert x + w == pytest.approx(1200) and y + h == pytest.approx(800)


def test_pan_at_fit_does_nothing() -> None:
    """A picture shown whole cannot be dragged off centre."""
    assert _view().panned(300, 200).centre() == (2000, 1500)


def test_double_tap_zooms_in_then_back_out() -> None:
    """A double tap zooms in on the point; a second one returns to the whole picture."""
    zoomed = _view().toggled_at(300, 300)
    assert zoomed.zoom == pytest.approx(DOUBLE_TAP_ZOOM)
    assert zoomed.toggled_at(300, 300).zoom == 1.0


def test_new_viewport_size_keeps_the_view_valid() -> None:
    """Turning the screen re-clamps the view."""
    view = _view().zoomed(2).panned(-5000, 0).with_viewport(800, 1200)
    assert view.clamped() == view


@given(st.floats(0.1, 20), st.floats(-3000, 3000), st.floats(-3000, 3000),
       st.floats(0, 1200), st.floats(0, 800))
def test_any_gesture_leaves_the_picture_covering_or_centred(factor: float, dx: float, dy: float,
                                                           fx: float, fy: float) -> None:
    """Whatever the gesture, the picture covers the viewport or is centred along each axis."""
    view = _view().zoomed_at(factor, fx, fy).panned(dx, dy)
    x, y, w, h = view.image_rect()
    for start, size, extent in ((x, w, 1200), (y, h, 800)):
        if size <= extent + 1e-6:
            assert start == pytest.approx((extent - size) / 2, abs=1e-6)
        else:
            assert start <= 1e-6 and start + size >= extent - 1e-6


def test_decode_sizes_never_exceed_the_screen_or_the_source() -> None:
    """A 24 MP photo is decoded to fit the screen; a small one is never enlarged."""
    assert fit_size(6000, 4000, 1920, 1080) == (1620, 1080)
    assert fit_size(800, 600, 1920, 1080) == (800, 600)
    assert zoom_decode_box(1280, 860) == (2560, 1720)
    assert needs_sharper(1620, 6000, 3000) and not needs_sharper(1620, 1620, 3000)
