"""A lighter PySide import hook.

After PySide6 is imported, every module imported later passes through PySide's `__feature__`
hook, which asks whether the module uses PySide by reading its whole source with
``inspect.getsource``. That keeps every file's lines in ``linecache``: about 400 files and 6 MB
of text once pyqtgraph and numpy are in, never used again, and fragmenting Python's memory so
that clearing the cache later gives little back.

``lighten()``, called by `kiosk run` before the kiosk's own Qt modules are imported, answers the
same question (does the file mention "PySide6"?) by reading the file's
bytes without caching them. Where PySide's internals differ from what is expected, it does nothing:
the kiosk then runs exactly as before, only heavier.
"""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (PySide's import hook exists once PySide6 is imported)

MARK = b"PySide6"


def lighten() -> bool:
    """Install the lighter check; True when it is in place."""
    feature = sys.modules.get("shibokensupport.feature") or sys.modules.get("PySide6.support.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original):
        return False
    if getattr(original, "kiosk_light", False):
        return True

    def mod_uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(original(module))  # builtins, extensions, zipped modules: as before
        try:
            with open(path, "rb") as source:
                return MARK in source.read()
        except OSError:
            return bool(original(module))

    mod_uses_pyside.kiosk_light = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = mod_uses_pyside  # type: ignore[union-attr]
    return True
