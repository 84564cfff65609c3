"""End to end on a real X server with no window manager: full screen, lockdown, idle reset.

Starts its own Xvfb, runs `kiosk run` as a visitor would meet it, drives it with xdotool and
reads the one-line state log the kiosk writes on stderr. Screenshots: artifacts/screenshots/xvfb-*.
"""

from __future__ import annotations

import os
import re
import select
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.ui.helpers import SCREENSHOTS

pytestmark = pytest.mark.xvfb
ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("Xvfb", "xdotool", "import")
missing = [tool for tool in TOOLS if shutil.which(tool) is None]
if missing:
    reason = f"needs {', '.join(missing)} (scripts/setup.sh installs them: xvfb xdotool imagemagick)"
    if os.environ.get("CI"):
        raise RuntimeError(f"CI must run the real-window test, but it {reason}")
    pytest.skip(reason, allow_module_level=True)


def _start_xvfb(size: str = "1920x1080") -> tuple[subprocess.Popen[bytes], int]:
    """Start Xvfb on a free display; `-displayfd` tells us when it is ready (no polling)."""
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{size}x24",
                             "-nolisten", "tcp"], pass_fds=(write_fd,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd, "rb") as pipe:
        ready, _, _ = select.select([pipe], [], [], 20)
        number = pipe.readline().strip() if ready else b""
    if not number:
        xvfb.kill()
        raise RuntimeError("Xvfb did not start within 20 s")
    return xvfb, int(number)


class Kiosk:
    """The kiosk process, its stderr read line by line as it comes (waits are on new lines)."""

    def __init__(self, display: str, process: subprocess.Popen[bytes], log: Path) -> None:
        self.display = display
        self.process = process
        self.log = log
        self._lines: list[str] = []
        self._changed = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        with self.log.open("w", encoding="utf-8") as copy:
            for raw in self.process.stderr:
                line = raw.decode("utf-8", "replace")
                copy.write(line)
                with self._changed:
                    self._lines.append(line)
                    self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()

    def until(self, condition: Callable[[], bool], timeout: float, what: str) -> None:
        """Wait for the kiosk to log what makes `condition` true (woken by each new line)."""
        with self._changed:
            if not self._changed.wait_for(lambda: condition() or self.process.poll() is not None, timeout):
                raise AssertionError(f"timed out waiting for {what}\n{self.text()[-2000:]}")
        assert condition(), f"the kiosk ended while waiting for {what}\n{self.text()[-2000:]}"

    def text(self) -> str:
        return "".join(self._lines)

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
    xvfb, n = _start_xvfb()
    process: subprocess.Popen[bytes] | None = None
    try:
        config = tmp_path / "settings.toml"
        config.write_text('log_level = "DEBUG"\n')
        env = {k: v for k, v in os.environ.items()
               if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "NOTIFY_SOCKET")}
        env.update(DISPLAY=f":{n}", XDG_CONFIG_HOME=str(tmp_path / "config"))
        process = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "run", "--content", str(ROOT / "assets"),
             "--idle-timeout", "6", "--config", str(config)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
        kiosk = Kiosk(f":{n}", process, tmp_path / "kiosk.log")
        kiosk.until(lambda: "painted ms=" in kiosk.text(), 20, "the title screen's first paint")
        yield kiosk
    finally:
        for proc in (process, xvfb):
            if proc is not None and proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                proc.wait(10)


def test_kiosk_on_bare_x(kiosk: Kiosk) -> None:
    """Full screen without a window manager, tabs open by touch, Alt+F4 and Esc do nothing,
    and the visit resets by itself after the idle timeout."""
    process = kiosk.process
    windows = kiosk.xdo("search", "--onlyvisible", "--name", "Exhibit Kiosk").split()
    assert windows, "no visible kiosk window"
    geometry = kiosk.xdo("getwindowgeometry", windows[0])
    assert "Position: 0,0" in geometry and "Geometry: 1920x1080" in geometry, geometry
    kiosk.until(lambda: kiosk.state() == "title", 5, "the title screen")
    kiosk.shot("title")

    kiosk.tap(960, 540)
    kiosk.until(lambda: kiosk.state() == "exhibit/texts", 5, "the exhibit")
    kiosk.until(lambda: "targets " in kiosk.text(), 5, "button positions")
    targets = kiosk.targets()
    for name in ("texts", "images", "video", "charts"):
        if f"tab_{name}" in targets:
            kiosk.tap(*targets[f"tab_{name}"])
            kiosk.until(lambda n=name: kiosk.state() == f"exhibit/{n}", 5, f"the {name} tab")
            kiosk.shot(f"tab-{name}")

    kiosk.xdo("key", "alt+F4")
    kiosk.xdo("key", "Escape")
    kiosk.xdo("key", "ctrl+q")
    assert process.poll() is None, "the kiosk closed on a key press"
    assert kiosk.state() == "exhibit/charts"

    kiosk.until(lambda: "idle=warning" in kiosk.text(), 10, "the Still there? warning")
    kiosk.shot("still-there")
    kiosk.until(lambda: kiosk.state() == "title", 10, "the idle reset")
    kiosk.shot("after-reset")
    assert process.poll() is None
