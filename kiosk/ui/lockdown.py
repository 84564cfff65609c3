"""Full-screen lockdown: keys that close, switch or escape do nothing; no context menus.

Closing the window itself is refused by the window (see ``KioskWindow.closeEvent``); this
application-wide filter handles what arrives as input.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence

log = logging.getLogger(__name__)

BLOCKED_MODIFIERS = (
    Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.MetaModifier
)
BLOCKED_KEYS = frozenset({
    Qt.Key.Key_Escape,
    Qt.Key.Key_Menu,
    Qt.Key.Key_Close,
    Qt.Key.Key_Back,
    Qt.Key.Key_Help,
    Qt.Key.Key_Super_L,
    Qt.Key.Key_Super_R,
    Qt.Key.Key_Meta,
    Qt.Key.Key_Print,
    Qt.Key.Key_SysReq,
    Qt.Key.Key_Launch0,
    Qt.Key.Key_Search,
    Qt.Key.Key_HomePage,
    Qt.Key.Key_OpenUrl,
    Qt.Key.Key_Explorer,
})


def is_blocked(event: QKeyEvent) -> bool:
    key = Qt.Key(event.key())
    if key in BLOCKED_KEYS or Qt.Key.Key_F1 <= key <= Qt.Key.Key_F35:
        return True
    return bool(event.modifiers() & BLOCKED_MODIFIERS)


class Lockdown(QObject):
    """Swallows escape keys and context menus for every widget in the application."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ContextMenu:
            return True
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride, QEvent.Type.KeyRelease):
            assert isinstance(event, QKeyEvent)
            if is_blocked(event):
                if kind == QEvent.Type.KeyPress and not event.isAutoRepeat():
                    log.info("key refused: %s", QKeySequence(event.keyCombination()).toString())
                return True
        return False
