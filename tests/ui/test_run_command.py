"""`kiosk run` from the outside: no display, bad settings, readiness for systemd."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.commands.run import missing_display

ROOT = Path(__file__).resolve().parents[2]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "NOTIFY_SOCKET")}
    env["XDG_CONFIG_HOME"] = str(Path(extra.pop("config_home", "/nonexistent")))
    env.update(extra)
    return env


def test_missing_display_is_detected_before_qt() -> None:
    """On Linux with no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM the reason names them."""
    reason = missing_display({}, "linux")
    assert reason and "DISPLAY" in reason and "QT_QPA_PLATFORM" in reason
    assert missing_display({"DISPLAY": ":0"}, "linux") is None
    assert missing_display({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert missing_display({}, "darwin") is None


def test_no_display_exits_2_with_a_message(tmp_path: Path) -> None:
    """`kiosk run` with no display exits with code 2 and a message, not a Qt abort."""
    result = subprocess.run([sys.executable, "-m", "kiosk", "run"], env=_env(
        config_home=str(tmp_path)), capture_output=True, text=True, timeout=30, check=False)
    assert result.returncode == 2
    assert "DISPLAY" in result.stderr and "QT_QPA_PLATFORM" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_settings_exit_2_naming_file_and_key(tmp_path: Path) -> None:
    """A bad --config file stops the start with a message naming the file and the key."""
    config = tmp_path / "kiosk.toml"
    config.write_text("idle_timeout_s = \"soon\"\n")
    result = subprocess.run([sys.executable, "-m", "kiosk", "run", "--config", str(config)],
                            env=_env(QT_QPA_PLATFORM="offscreen", config_home=str(tmp_path)),
                            capture_output=True, text=True, timeout=30, check=False)
    assert result.returncode == 2
    assert "kiosk.toml" in result.stderr and "idle_timeout_s" in result.stderr


def _wait_ready(content: Path, tmp_path: Path) -> tuple[bytes, str]:
    address = f"@kiosk-ready-{os.getpid()}-{content.name}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as server:
        server.bind("\0" + address[1:])
        server.settimeout(30)
        process = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "run", "--content", str(content)],
            env=_env(QT_QPA_PLATFORM="offscreen", NOTIFY_SOCKET=address,
                     config_home=str(tmp_path)),
            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        try:
            message = server.recv(64)
        finally:
            process.kill()
            _, err = process.communicate(timeout=10)
    return message, err


def test_ready_is_sent_after_the_first_paint(tmp_path: Path) -> None:
    """Under systemd (NOTIFY_SOCKET) the kiosk sends READY=1 once the title screen painted."""
    message, err = _wait_ready(ROOT / "assets", tmp_path)
    assert message == b"READY=1"
    assert err.index("screen=title") < err.index("painted ms=")


@pytest.mark.skipif(sys.platform != "linux", reason="abstract sockets are Linux-only")
def test_empty_content_still_comes_up(tmp_path: Path) -> None:
    """With no usable content the kiosk still starts (the calm unavailable screen)."""
    empty = tmp_path / "empty"
    empty.mkdir()
    message, err = _wait_ready(empty, tmp_path)
    assert message == b"READY=1"
    assert "screen=unavailable" in err
    assert "Traceback" not in err
