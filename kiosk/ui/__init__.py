"""The Qt shell: the window a visitor meets. Imported only by `kiosk run` and the UI tests."""
