"""Whether the kiosk can play sound, asked of a short-lived child process while the title shows.

Qt answers "which audio outputs are there?" by connecting to the sound server. That takes
milliseconds as a rule, but a sound server that is starting, gone or hung can hold the connection
for seconds (5.2 s once, at the first film of a 100,000-event monkey run), and asked on the UI
thread that freezes the exhibit in front of a visitor. So after the first paint a child process
(``python -m kiosk.ui.video.audio_probe``, about 0.2 s) asks Qt, and the video player takes its
answer (kiosk.ui.video.backend.remember_audio). A child that does not answer within
``timeout_ms`` is stopped and films play silently; the question is asked again after each visit
until it is answered. While the child is asking, a film plays silently (a "yes" gives the next
film its sound); only when no check has run, or one failed, does the player ask Qt itself.

With a "yes", the player still connects to the sound server itself when it makes its audio
output (at the first film), but to a server that has just answered.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

from kiosk.ui.video import backend

log = logging.getLogger(__name__)

PROBE_TIMEOUT_MS = 10_000
MAX_FAILED_CHECKS = 3  # a check that crashes or cannot start is not tried again after this many
ANSWER_PREFIX = "audio-outputs "
FALLBACK = "the video player will ask the sound system itself"


def parse_answer(output: str) -> bool | None:
    """True/False from the child's line ``audio-outputs N``; None when there is no such line."""
    for line in output.splitlines():
        if line.startswith(ANSWER_PREFIX):
            count = line.removeprefix(ANSWER_PREFIX).strip()
            if count.isdigit():
                return int(count) > 0
    return None


class AudioProbe(QObject):
    """``answered(available)``: the child answered, or was stopped after the timeout (False)."""

    answered = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, timeout_ms: int = PROBE_TIMEOUT_MS,
                 command: Sequence[str] | None = None) -> None:
        super().__init__(parent)
        self._command = list(command) if command is not None else [sys.executable, "-m", __name__]
        self._settled = False  # a real answer came: nothing more to ask
        self._failures = 0
        self._process: QProcess | None = None
        self._timer = QTimer(self)
        self._timer.setObjectName("audioProbeTimeout")
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        """Ask (again), unless an answer is in or a child is still running."""
        if self._settled or self._process is not None or self._failures >= MAX_FAILED_CHECKS:
            return
        process = QProcess(self)
        process.setObjectName("audioProbe")
        process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        process.setStandardErrorFile(QProcess.nullDevice())  # Qt's plugin chatter
        process.finished.connect(self._on_process_finished)
        process.errorOccurred.connect(self._on_process_error_occurred)
        self._process = process
        self._timer.start()
        backend.audio_check_started()
        process.start(self._command[0], self._command[1:])

    def running(self) -> bool:
        return self._process is not None

    def stop(self) -> None:
        self._timer.stop()
        process, self._process = self._process, None
        if process is not None:
            backend.audio_check_ended()
            process.finished.disconnect(self._on_process_finished)
            process.errorOccurred.disconnect(self._on_process_error_occurred)
            if process.state() != QProcess.ProcessState.NotRunning:
                process.kill()
                process.waitForFinished(1000)
            process.deleteLater()

    def _on_process_finished(self, code: int, _status: QProcess.ExitStatus) -> None:
        process = self._process
        output = bytes(process.readAllStandardOutput().data()).decode("utf-8", "replace") if process else ""
        self.stop()
        available = parse_answer(output) if code == 0 else None
        if available is None:
            self._failures += 1
            log.warning("the audio check exited with code %d and no answer; %s", code, FALLBACK)
            return
        self._settled = True
        log.info("audio check: %s", "films play with sound" if available else "no audio output device")
        backend.remember_audio(available)
        self.answered.emit(available)

    def _on_process_error_occurred(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._failures += 1
            log.warning("the audio check could not start; %s", FALLBACK)
            self.stop()

    def _on_timer_timeout(self) -> None:
        self.stop()
        log.warning("the sound system did not answer within %.0f s: films play silently; asking "
                    "again after the next visit", self._timer.interval() / 1000)
        backend.remember_audio(False, "the sound system did not answer")
        self.answered.emit(False)


def main() -> int:
    from PySide6.QtCore import QCoreApplication

    QCoreApplication(sys.argv[:1])
    outputs = backend.multimedia().QMediaDevices.audioOutputs()
    print(f"{ANSWER_PREFIX}{len(outputs)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
