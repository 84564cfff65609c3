"""Turning a decoded frame into a picture of exactly the size it is drawn, on the CPU.

``QVideoFrame.toImage()`` converts through a thread-local OpenGL context when the platform has
one; with no GPU that is Mesa's software rasteriser, and it cost about 0.5 CPU-seconds per second
of 720p film here. FFmpeg's swscale (through PyAV, already a dependency) converts and scales
in one pass for a fraction of that. Formats it does not know fall back to ``toImage()``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

_PLANAR = {"Format_YUV420P": "yuv420p", "Format_NV12": "nv12"}


def frame_to_image(frame: Any, size: QSize, smooth: bool = True) -> QImage:
    """``frame`` (a QVideoFrame) as an RGB image of ``size`` (aspect kept by the caller)."""
    fmt = _PLANAR.get(frame.pixelFormat().name)
    w, h = frame.width(), frame.height()
    if fmt is None or w % 2 or h % 2 or size.isEmpty():
        return frame.toImage()
    import av
    import numpy as np

    mode = type(frame).MapMode.ReadOnly
    if not frame.map(mode):
        return frame.toImage()
    try:
        planes = []
        for i, (pw, ph) in enumerate(((w, h), (w // 2, h // 2)) if fmt == "nv12"
                                     else ((w, h), (w // 2, h // 2), (w // 2, h // 2))):
            row_bytes = pw * (2 if fmt == "nv12" and i == 1 else 1)
            stride = frame.bytesPerLine(i)
            data = np.frombuffer(frame.bits(i), np.uint8, count=stride * ph)
            planes.append(data.reshape(ph, stride)[:, :row_bytes].reshape(-1))
    finally:
        frame.unmap()
    packed = np.concatenate(planes).reshape(h * 3 // 2, w)
    source = av.VideoFrame.from_ndarray(packed, format=fmt)
    out = source.reformat(width=size.width(), height=size.height(), format="bgra",
                          interpolation="BILINEAR" if smooth else "FAST_BILINEAR")
    plane = out.planes[0]
    # The QImage borrows the plane's memory; the copy owns its pixels.
    return QImage(bytes(plane), out.width, out.height, plane.line_size,
                  QImage.Format.Format_RGB32).copy()
