"""The Qt shell: the window a visitor meets. Imported only by `kiosk run` and the UI tests."""

import PySide6.QtCore  # noqa: F401  (PySide's import hook must exist before it is lightened)

from kiosk.ui.import_hook import lighten

lighten()
