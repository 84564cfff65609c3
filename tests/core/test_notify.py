"""systemd readiness notification over a plain datagram socket."""

from __future__ import annotations

import os
import socket
from pathlib import Path

from kiosk.core.notify import notify, socket_address


def test_ready_is_sent_to_a_path_socket(tmp_path: Path) -> None:
    """READY=1 arrives on the socket named by NOTIFY_SOCKET."""
    path = tmp_path / "notify.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as server:
        server.bind(str(path))
        assert notify("READY=1", {"NOTIFY_SOCKET": str(path)})
        assert server.recv(64) == b"READY=1"


def test_ready_is_sent_to_an_abstract_socket() -> None:
    """An @name socket is the abstract socket \\0name."""
    name = f"@kiosk-test-{os.getpid()}"
    assert socket_address(name) == "\0" + name[1:]
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as server:
        server.bind(socket_address(name))
        assert notify("READY=1", {"NOTIFY_SOCKET": name})
        assert server.recv(64) == b"READY=1"


def test_nothing_is_sent_without_systemd() -> None:
    """Without NOTIFY_SOCKET, notify does nothing and says so."""
    assert notify("READY=1", {}) is False


def test_a_missing_socket_is_reported_not_raised(tmp_path: Path) -> None:
    """A socket that is gone makes notify return False instead of raising."""
    assert notify("READY=1", {"NOTIFY_SOCKET": str(tmp_path / "gone.sock")}) is False
