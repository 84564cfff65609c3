"""End to end on a real X server with no window manager: full screen, lockdown, idle reset.

Starts its own Xvfb, runs `kiosk run` as a visitor would meet it, drives it with xdotool and
reads the one-line state log the kiosk writes on stderr. Screenshots: artifacts/screenshots/xvfb-*.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.ui.helpers import SCREENSHOTS

pytestmark = pytest.mark.xvfb
ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("Xvfb", "xdotool", "import")
missing = [tool for tool in TOOLS if shutil.which(tool) is None]
if missing:
    pytest.skip(f"needs {', '.join(missing)} (apt-get install xvfb xdotool imagemagick)",
                allow_module_level=True)


def _free_display() -> int:
    for n in range(90, 190):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return n
    raise RuntimeError("no free X display number")


def _until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)  # polling another process; nothing here runs a Qt event loop


class Kiosk:
    def __init__(self, display: str, log: Path) -> None:
        self.display = display
        self.log = log

    def text(self) -> str:
        return self.log.read_text(errors="replace")

    def state(self) -> str:
        states = re.findall(r"kiosk\.state: screen=(\S+)", self.text())
        return states[-1] if states else ""

    def xdo(self, *args: str) -> str:
        env = {**os.environ, "DISPLAY": self.display}
        return subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True,
                              timeout=10, check=False).stdout

    def shot(self, name: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "DISPLAY": self.display}
        subprocess.run(["import", "-window", "root", str(SCREENSHOTS / f"xvfb-{name}.png")],
                       env=env, timeout=20, check=True, capture_output=True)

    def targets(self) -> dict[str, tuple[int, int]]:
        lines = re.findall(r"targets (.*)", self.text())
        assert lines, "the kiosk logged no button positions"
        pairs = (item.split("=") for item in lines[-1].split())
        return {name: tuple(int(v) for v in xy.split(",")) for name, xy in pairs}  # type: ignore[misc]

    def tap(self, x: int, y: int) -> None:
        self.xdo("mousemove", str(x), str(y), "click", "1")


@pytest.fixture
def kiosk(tmp_path: Path) -> Iterator[Kiosk]:
    n = _free_display()
    xvfb = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    process: subprocess.Popen[bytes] | None = None
    try:
        _until(lambda: Path(f"/tmp/.X11-unix/X{n}").exists(), 10, "Xvfb's socket")
        config = tmp_path / "settings.toml"
        config.write_text('log_level = "DEBUG"\n')
        env = {k: v for k, v in os.environ.items()
               if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "NOTIFY_SOCKET")}
        env.update(DISPLAY=f":{n}", XDG_CONFIG_HOME=str(tmp_path / "config"))
        log = tmp_path / "kiosk.log"
        with log.open("wb") as sink:
            process = subprocess.Popen(
                [sys.executable, "-m", "kiosk", "run", "--content", str(ROOT / "assets"),
                 "--idle-timeout", "6", "--config", str(config)],
                env=env, stdout=sink, stderr=sink, cwd=ROOT)
        kiosk = Kiosk(f":{n}", log)
        kiosk.process = process  # type: ignore[attr-defined]
        _until(lambda: "painted ms=" in kiosk.text() or process.poll() is not None, 20,
               "the title screen's first paint")
        assert process.poll() is None, kiosk.text()[-3000:]
        yield kiosk
    finally:
        for proc in (process, xvfb):
            if proc is not None and proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                proc.wait(10)


def test_kiosk_on_bare_x(kiosk: Kiosk) -> None:
    """Full screen without a window manager, tabs open by touch, Alt+F4 and Esc do nothing,
    and the visit resets by itself after the idle timeout."""
    process: subprocess.Popen[bytes] = kiosk.process  # type: ignore[attr-defined]
    windows = kiosk.xdo("search", "--onlyvisible", "--name", "Exhibit Kiosk").split()
    assert windows, "no visible kiosk window"
    geometry = kiosk.xdo("getwindowgeometry", windows[0])
    assert "Position: 0,0" in geometry and "Geometry: 1920x1080" in geometry, geometry
    _until(lambda: kiosk.state() == "title", 5, "the title screen")
    kiosk.shot("title")

    kiosk.tap(960, 540)
    _until(lambda: kiosk.state() == "exhibit/texts", 5, "the exhibit")
    _until(lambda: "targets " in kiosk.text(), 5, "button positions")
    targets = kiosk.targets()
    for name in ("texts", "images", "video", "charts"):
        if f"tab_{name}" in targets:
            kiosk.tap(*targets[f"tab_{name}"])
            _until(lambda n=name: kiosk.state() == f"exhibit/{n}", 5, f"the {name} tab")
            kiosk.shot(f"tab-{name}")

    kiosk.xdo("key", "alt+F4")
    kiosk.xdo("key", "Escape")
    kiosk.xdo("key", "ctrl+q")
    assert process.poll() is None, "the kiosk closed on a key press"
    assert kiosk.state() == "exhibit/charts"

    _until(lambda: "idle=warning" in kiosk.text(), 10, "the Still there? warning")
    kiosk.shot("still-there")
    _until(lambda: kiosk.state() == "title", 10, "the idle reset")
    kiosk.shot("after-reset")
    assert process.poll() is None
