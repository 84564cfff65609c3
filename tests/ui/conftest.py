"""Fixtures for the shell's tests: a small hand-made subject, a themed kiosk window, a fake
monotonic clock, and a guard that fails any test leaving a QTimer running or a window open."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
import shiboken6  # noqa: E402
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.core.findings import Finding, Severity  # noqa: E402
from kiosk.core.model import Library, Subject  # noqa: E402
from kiosk.core.settings import Settings  # noqa: E402
from kiosk.ui.main_window import KioskWindow  # noqa: E402
from kiosk.ui.metrics import Metrics  # noqa: E402
from kiosk.ui.theme import PALETTE, apply_theme, palette  # noqa: E402
from tests.ui.helpers import LANDSCAPE, METRICS, FakeClock, WindowFactory, make_subject  # noqa: E402

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform cannot propagate window size hints and says so at warning level.
    for item in items:
        if HERE in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.qt_log_ignore("propagateSizeHints"))


# -- leak guard -----------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def no_leaked_timers_or_windows(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail a test that leaves a QTimer running or a top-level window visible."""
    started: list[QTimer] = []
    original = QTimer.start

    def tracking_start(self: QTimer, *args: Any) -> None:
        started.append(self)
        original(self, *args)

    monkeypatch.setattr(QTimer, "start", tracking_start)
    yield
    monkeypatch.undo()
    running = [t for t in started if shiboken6.isValid(t) and t.isActive()]
    for timer in running:
        timer.stop()
    windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for window in windows:
        if isinstance(window, KioskWindow):
            window.exit_kiosk()
        window.close()
    problems = [f"timer still running: {t.objectName() or t.parent()!r}" for t in running]
    problems += [f"window left open: {w.objectName() or type(w).__name__}" for w in windows]
    if problems:
        pytest.fail("; ".join(problems))


# -- time -----------------------------------------------------------------------------------------


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


# -- content --------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def content_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("content")


@pytest.fixture(scope="session")
def subject(qapp: QApplication, content_root: Path) -> Subject:
    return make_subject(content_root)


@pytest.fixture(scope="session")
def library(subject: Subject, content_root: Path) -> Library:
    return Library(content_root, (subject,))


@pytest.fixture
def findings() -> list[Finding]:
    return [
        Finding("lenin-enrollment/video/story.mp4", None, Severity.ERROR,
                "the video has no index (moov box); it may be truncated",
                "export it again as H.264 MP4 with AAC sound"),
        Finding("lenin-enrollment/images/metadata.csv", 4, Severity.WARNING,
                "missing alt text for recruits.png"),
        Finding("lenin-enrollment/texts/overview.md", 12, Severity.INFO,
                "a paragraph of 130 words; exhibit labels read best under 100"),
    ]


# -- the window -----------------------------------------------------------------------------------

@pytest.fixture(scope="session", autouse=True)
def themed(qapp: QApplication) -> None:
    """The kiosk's theme at the reference screen (21.5" 1080p), as `kiosk run` applies it."""
    apply_theme(qapp, METRICS)


@pytest.fixture(autouse=True)
def standard_theme_after(qapp: QApplication) -> Iterator[None]:
    """A test that switched to high contrast or larger text leaves the standard theme behind."""
    yield
    if palette() is not PALETTE or qapp.font().pixelSize() != METRICS.font_px(5.2):
        apply_theme(qapp, METRICS)


@pytest.fixture(autouse=True)
def no_speech_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """Like most kiosks, no text-to-speech voice (tests of read-aloud put a fake one in)."""
    from kiosk.ui.reader import speech

    monkeypatch.setattr(speech, "shared_engine", lambda: None)




@pytest.fixture
def make_window(qtbot: Any, qapp: QApplication, library: Library, findings: list[Finding],
                clock: FakeClock) -> WindowFactory:
    """Build a kiosk window with content, shown at ``size``; closed for good after the test."""

    def build(*, size: tuple[int, int] = LANDSCAPE, content: Library | None = None,
              use_clock: bool = True, idle_max_check_ms: int = 5, pin_timeout_ms: int = 30_000,
              visit_summary: Any = None, metrics: Metrics = METRICS, **settings: Any) -> KioskWindow:
        if metrics != METRICS:  # the theme `kiosk run` would apply for these sizes
            apply_theme(qapp, metrics)
        window = KioskWindow(Settings(**settings), metrics,
                             clock=clock if use_clock else time.monotonic,
                             idle_max_check_ms=idle_max_check_ms, pin_timeout_ms=pin_timeout_ms,
                             visit_summary=visit_summary)
        qtbot.addWidget(window, before_close_func=lambda w: w.exit_kiosk())
        window.set_content(content if content is not None else library, findings)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        return window

    return build


