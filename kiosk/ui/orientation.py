"""Side by side in landscape, stacked in portrait: how every tab lays out a list beside its content.

Portrait kiosks exist (1080×1920); the same tab turns its row into a column there, with the list
on top at a fixed share of the height.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QBoxLayout, QWidget

QWIDGETSIZE_MAX = 16_777_215


def follow_orientation(layout: QBoxLayout, size: QSize) -> bool:
    """Lay `layout` left to right in landscape, top to bottom in portrait; True in portrait."""
    portrait = size.height() > size.width()
    direction = QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
    if layout.direction() != direction:
        layout.setDirection(direction)
    return portrait


def arrange_list_beside(layout: QBoxLayout, first: QWidget, size: QSize, *, portrait_share: float,
                        landscape_stretch: tuple[int, int]) -> bool:
    """The layout's first widget (a list) beside the second in landscape; above it, at
    `portrait_share` of the height, in portrait. Returns True in portrait."""
    portrait = follow_orientation(layout, size)
    if portrait:
        first.setFixedHeight(round(size.height() * portrait_share))
        layout.setStretch(0, 0)
    else:
        first.setMinimumHeight(0)
        first.setMaximumHeight(QWIDGETSIZE_MAX)
        layout.setStretch(0, landscape_stretch[0])
    layout.setStretch(1, landscape_stretch[1])
    return portrait
