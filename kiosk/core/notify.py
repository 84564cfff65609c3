"""systemd readiness notification (``Type=notify``) with plain sockets, no libsystemd.

``NOTIFY_SOCKET`` names a Unix datagram socket: a path, or an abstract socket written with a
leading ``@``. Failure is logged and reported, never raised: a kiosk must come up regardless.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

log = logging.getLogger(__name__)


def socket_address(value: str) -> str:
    """The address to connect to: ``@name`` becomes the abstract socket ``\\0name``."""
    return "\0" + value[1:] if value.startswith("@") else value


def notify(state: str, env: Mapping[str, str] | None = None) -> bool:
    """Send ``state`` (e.g. ``"READY=1"``) to systemd. False when not under systemd or failed."""
    value = (env if env is not None else os.environ).get("NOTIFY_SOCKET", "")
    if not value:
        return False
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.connect(socket_address(value))
            sock.sendall(state.encode("utf-8"))
    except OSError as exc:
        log.warning("could not notify systemd at %s: %s", value, exc)
        return False
    return True
