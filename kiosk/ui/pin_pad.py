"""The staff PIN pad, opened by the hidden corner gesture. Closes itself when left untouched."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.overlay import Overlay
from kiosk.ui.pin_gate import PinGate, PinResult

PAD_TIMEOUT_MS = 30_000
MAX_DIGITS = 8
KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "back", "0", "ok")


class PinPad(Overlay):
    accepted = Signal()
    cancelled = Signal()

    def __init__(
        self,
        parent: QWidget,
        verify: Callable[[str], bool],
        *,
        clock: Callable[[], float] = time.monotonic,
        timeout_ms: int = PAD_TIMEOUT_MS,
    ) -> None:
        super().__init__(parent, "pinPad")
        self._gate = PinGate(verify, clock=clock)
        self._digits = ""
        self._timeout = QTimer(self)
        self._timeout.setSingleShot(True)
        self._timeout.setInterval(timeout_ms)
        self._timeout.timeout.connect(self._on_timeout_timeout)
        heading = QLabel("Staff access", self.card)
        heading.setObjectName("overlayHeading")
        self._dots = QLabel(self.card)
        self._dots.setObjectName("pinDots")
        self._message = QLabel("Enter the staff PIN", self.card)
        self._message.setObjectName("pinMessage")
        for label in (heading, self._dots, self._message):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        grid = QGridLayout()
        for i, key in enumerate(KEYS):
            text = {"back": "⌫", "ok": "OK"}.get(key, key)
            button = QPushButton(text, self.card)
            button.setObjectName(f"pinKey_{key}")
            button.setAccessibleName({"back": "Delete", "ok": "Enter"}.get(key, key))
            button.setProperty("role", "key")
            button.setProperty("accent", key == "ok")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, k=key: self._on_key_clicked(k))
            grid.addWidget(button, i // 3, i % 3)
        cancel = QPushButton("Cancel", self.card)
        cancel.setObjectName("pinCancel")
        cancel.clicked.connect(self._on_cancel_clicked)
        layout = QVBoxLayout(self.card)
        layout.addWidget(heading)
        layout.addWidget(self._dots)
        layout.addWidget(self._message)
        layout.addLayout(grid)
        layout.addWidget(cancel)
        self._show_digits()

    def open(self) -> None:
        self._digits = ""
        self._show_digits()
        locked = self._gate.locked_for_s()
        self._message.setText(self._locked_text(locked) if locked else "Enter the staff PIN")
        super().open()
        self._timeout.start()

    def close_overlay(self) -> None:
        self._timeout.stop()
        self._digits = ""
        super().close_overlay()

    def message(self) -> str:
        return self._message.text()

    def _on_key_clicked(self, key: str) -> None:
        self._timeout.start()
        if key == "back":
            self._digits = self._digits[:-1]
        elif key == "ok":
            self._submit()
            return
        elif len(self._digits) < MAX_DIGITS:
            self._digits += key
        self._show_digits()

    def _submit(self) -> None:
        result = self._gate.try_pin(self._digits)
        self._digits = ""
        self._show_digits()
        if result is PinResult.ACCEPTED:
            self.close_overlay()
            self.accepted.emit()
        elif result is PinResult.LOCKED:
            self._message.setText(self._locked_text(self._gate.locked_for_s()))
        else:
            left = self._gate.tries_left()
            self._message.setText(f"Wrong PIN. {left} {'try' if left == 1 else 'tries'} left.")

    @staticmethod
    def _locked_text(seconds: int) -> str:
        return f"Too many wrong tries. Try again in {seconds} s."

    def _show_digits(self) -> None:
        self._dots.setText(" ".join("●" * len(self._digits)) or "–")

    def _on_cancel_clicked(self) -> None:
        self.close_overlay()
        self.cancelled.emit()

    def _on_timeout_timeout(self) -> None:
        self.close_overlay()
        self.cancelled.emit()
