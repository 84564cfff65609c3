"""On a real X server: twelve subjects in the chooser, full screen and in a classroom window.

Screenshots: artifacts/screenshots/xvfb-chooser-*.png (the real window, as a visitor sees it).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ui.test_real_window import ROOT, Kiosk, _start_xvfb

pytestmark = pytest.mark.xvfb
TWELVE = ROOT / "tests" / "subjects" / "twelve"


def _kiosk(tmp_path: Path, screen: str, *args: str) -> Iterator[Kiosk]:
    xvfb, n = _start_xvfb(screen)
    process: subprocess.Popen[bytes] | None = None
    try:
        config = tmp_path / "settings.toml"
        config.write_text('log_level = "DEBUG"\n')
        env = {k: v for k, v in os.environ.items()
               if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "NOTIFY_SOCKET")}
        env.update(DISPLAY=f":{n}", XDG_CONFIG_HOME=str(tmp_path / "config"))
        process = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "run", "--content", str(TWELVE), "--config", str(config), *args],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
        kiosk = Kiosk(f":{n}", process, tmp_path / "kiosk.log")
        kiosk.until(lambda: "painted ms=" in kiosk.text(), 20, "the chooser's first paint")
        yield kiosk
    finally:
        for proc in (process, xvfb):
            if proc is not None and proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                proc.wait(10)


@pytest.fixture
def full_screen(tmp_path: Path) -> Iterator[Kiosk]:
    yield from _kiosk(tmp_path, "1080x1920")


@pytest.fixture
def classroom(tmp_path: Path) -> Iterator[Kiosk]:
    # A classroom window takes 80 % of the screen: 1366×768 on this one.
    yield from _kiosk(tmp_path, "1708x960", "--windowed")


def _after(kiosk: Kiosk, mark: str) -> str:
    text = kiosk.text()
    return text[text.rindex(mark):] if mark in text else ""


def _through_the_pages(kiosk: Kiosk, name: str) -> None:
    # The full media check after start brings the same subjects checked closer: wait for it, and
    # for where the rebuilt chooser's buttons are.
    kiosk.until(lambda: "targets " in _after(kiosk, "content checked"), 20, "the checked chooser")
    kiosk.shot(f"chooser-{name}-page-1")
    first_cards = {k for k in kiosk.targets() if k.startswith("subjectCard_")}
    assert "subjectCard_bridges" in first_cards and "pageNext" in kiosk.targets()
    kiosk.tap(*kiosk.targets()["languageButton_ru"])
    kiosk.until(lambda: "targets " in _after(kiosk, "language=ru"), 5, "Russian")
    kiosk.tap(*kiosk.targets()["pageNext"])
    kiosk.until(lambda: "targets " in _after(kiosk, "chooser page=2"), 5, "the second page's cards")
    kiosk.shot(f"chooser-{name}-page-2-ru")
    second_cards = {k for k in kiosk.targets() if k.startswith("subjectCard_")}
    assert second_cards and not second_cards & first_cards
    card = sorted(second_cards)[0]
    kiosk.tap(*kiosk.targets()[card])
    kiosk.until(lambda: kiosk.state().startswith("exhibit/"), 5, "the chosen subject")
    kiosk.shot(f"chooser-{name}-opened")


def test_twelve_subjects_full_screen_portrait(full_screen: Kiosk) -> None:
    """On a portrait touchscreen the chooser pages through twelve subjects, in Russian too."""
    _through_the_pages(full_screen, "portrait")


def test_twelve_subjects_in_a_classroom_window(classroom: Kiosk) -> None:
    """In a 1366×768 classroom window the same."""
    geometry = classroom.xdo("getwindowgeometry", classroom.xdo(
        "search", "--onlyvisible", "--name", "Exhibit Kiosk").split()[0])
    assert "1366x768" in geometry, geometry
    _through_the_pages(classroom, "classroom")
