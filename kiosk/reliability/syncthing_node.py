"""A real Syncthing daemon for the fleet tests and benchmark: its own home folder, loopback only.

Syncthing's defaults reach out at once (global discovery, relays, NAT traversal, usage and crash
reports, upgrades). A node here is generated with `syncthing generate`, and before its first
`serve` its config.xml is rewritten so that it announces nothing, relays nothing, reports
nothing, never upgrades and listens on one loopback TCP port; the GUI and REST API listen on
another. Devices and folders are then added through Syncthing's own REST API. Every wait is
bounded; `stop()` ends the daemon (terminate, then kill) and is safe to call twice.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SYNCTHING = "syncthing"
LOOPBACK = "127.0.0.1"

# Options set in config.xml before the first start (BRIEF.md: Syncthing notes).
QUIET_OPTIONS = {
    "globalAnnounceEnabled": "false",
    "localAnnounceEnabled": "false",
    "relaysEnabled": "false",
    "natEnabled": "false",
    "crashReportingEnabled": "false",
    "urAccepted": "-1",
    "autoUpgradeIntervalH": "0",
    "startBrowser": "false",
    "stunKeepaliveStartS": "0",  # no STUN either (it follows natEnabled; said twice to be sure)
    "stunKeepaliveMinS": "0",
}


class SyncthingError(RuntimeError):
    """A daemon that did not start, answer or do what it was asked in time."""


def syncthing_available() -> bool:
    return shutil.which(SYNCTHING) is not None


def syncthing_version() -> str:
    out = subprocess.run([SYNCTHING, "serve", "--version"], capture_output=True, text=True, timeout=30)
    return out.stdout.strip().splitlines()[0] if out.stdout.strip() else "unknown"


def free_port() -> int:
    """A TCP port on loopback nobody is listening on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((LOOPBACK, 0))
        return int(s.getsockname()[1])


def wait_until(condition: Callable[[], Any], timeout_s: float, what: str, interval_s: float = 0.1) -> Any:
    """Poll ``condition`` until it returns something true, or raise after ``timeout_s``.

    For external processes (daemons, kiosks) that give no signal to wait on: a bounded loop of
    short waits, never one long sleep."""
    deadline = time.monotonic() + timeout_s
    last_error: Exception | None = None
    while True:
        try:
            value = condition()
            if value:
                return value
        except (OSError, SyncthingError, ValueError) as exc:
            last_error = exc
        if time.monotonic() >= deadline:
            extra = f" (last error: {last_error})" if last_error else ""
            raise SyncthingError(f"timed out after {timeout_s:.0f} s waiting for {what}{extra}")
        time.sleep(interval_s)


@dataclass
class SyncthingNode:
    """One Syncthing daemon under ``home`` (config, keys, database and log all in there)."""

    home: Path
    name: str
    listen_port: int = field(default_factory=free_port)
    gui_port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    api_key: str = ""
    device_id: str = ""

    @property
    def config_file(self) -> Path:
        return self.home / "config.xml"

    @property
    def address(self) -> str:
        return f"tcp://{LOOPBACK}:{self.listen_port}"

    @property
    def log_file(self) -> Path:
        return self.home / "syncthing.log"

    # -- set-up -----------------------------------------------------------------------------------
    def generate(self) -> None:
        """Keys and a config with no default folder, then every outgoing feature switched off."""
        self.home.mkdir(parents=True, exist_ok=True)
        out = subprocess.run([SYNCTHING, "generate", f"--home={self.home}", "--no-default-folder",
                              "--skip-port-probing"], capture_output=True, text=True, timeout=60,
                             env=self._env())
        if out.returncode != 0:
            raise SyncthingError(f"syncthing generate failed: {out.stderr.strip() or out.stdout.strip()}")
        tree = ET.parse(self.config_file)
        root = tree.getroot()
        for folder in root.findall("folder"):
            root.remove(folder)
        device = root.find("device")
        if device is not None:
            self.device_id = device.get("id", "")
            device.set("name", self.name)
        gui = root.find("gui")
        assert gui is not None
        gui.set("tls", "false")
        _set_text(gui, "address", f"{LOOPBACK}:{self.gui_port}")
        self.api_key = _text(gui, "apikey")
        options = root.find("options")
        assert options is not None
        for tag in ("listenAddress", "globalAnnounceServer"):
            for element in options.findall(tag):
                options.remove(element)
        ET.SubElement(options, "listenAddress").text = self.address
        for key, value in QUIET_OPTIONS.items():
            _set_text(options, key, value)
        tree.write(self.config_file, encoding="unicode")

    def start(self, timeout_s: float = 30) -> None:
        """`syncthing serve` on loopback, and wait until its REST API answers."""
        if self.process is not None and self.process.poll() is None:
            return
        log = self.log_file.open("ab")
        try:
            self.process = subprocess.Popen(
                [SYNCTHING, "serve", f"--home={self.home}", "--no-browser", "--no-restart", "--no-upgrade",
                 f"--gui-address={LOOPBACK}:{self.gui_port}", "--logflags=3"],
                stdout=log, stderr=subprocess.STDOUT, env=self._env(), start_new_session=True)
        finally:
            log.close()
        wait_until(self._answers, timeout_s, f"Syncthing '{self.name}' to answer")
        self.device_id = self.get("/rest/system/status")["myID"]

    def stop(self, timeout_s: float = 15) -> None:
        """End the daemon: SIGTERM (Syncthing shuts down cleanly), then SIGKILL."""
        proc, self.process = self.process, None
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGTERM)  # the monitor process passes it on to the daemon
        try:
            proc.wait(timeout_s)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
        # Whatever is left of its session (the daemon under the monitor) goes too.
        for pid in session_pids(proc.pid):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def pids(self) -> set[int]:
        """The monitor and the daemon it runs (both in the session started for this node)."""
        return session_pids(self.process.pid) if self.process is not None else set()

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def _env(self) -> dict[str, str]:
        env = dict(os.environ)
        # Syncthing expands "~" in folder defaults: keep even that inside the node's home.
        env.update(HOME=str(self.home), STNODEFAULTFOLDER="1", STNOUPGRADE="1", STNORESTART="1")
        env.pop("STTRACE", None)
        return env

    def _answers(self) -> bool:
        if self.process is not None and self.process.poll() is not None:
            tail = self.log_file.read_text(errors="replace")[-1500:]
            raise SyncthingError(f"Syncthing '{self.name}' exited ({self.process.returncode}): {tail}")
        return bool(self.get("/rest/system/ping").get("ping") == "pong")

    # -- REST -------------------------------------------------------------------------------------
    def request(self, method: str, path: str, body: Any = None, timeout_s: float = 10) -> Any:
        conn = http.client.HTTPConnection(LOOPBACK, self.gui_port, timeout=timeout_s)
        try:
            data = None if body is None else json.dumps(body).encode()
            headers = {"X-API-Key": self.api_key}
            if data is not None:
                headers["Content-Type"] = "application/json"
            conn.request(method, path, body=data, headers=headers)
            response = conn.getresponse()
            raw = response.read()
        finally:
            conn.close()
        if response.status >= 300:
            raise SyncthingError(f"{method} {path}: HTTP {response.status} {raw[:300]!r}")
        return json.loads(raw) if raw.strip() else None

    def get(self, path: str) -> Any:
        return self.request("GET", path)

    def add_device(self, other: SyncthingNode) -> None:
        """Know ``other`` by its id, at its loopback address only (no discovery)."""
        self.request("PUT", f"/rest/config/devices/{other.device_id}", {
            "deviceID": other.device_id, "name": other.name, "addresses": [other.address],
            "autoAcceptFolders": False, "introducer": False,
        })

    def add_folder(self, folder_id: str, path: Path, kind: str, devices: list[SyncthingNode],
                   *, watch_delay_s: int = 10, rescan_s: int = 3600, order: str = "random") -> None:
        """Share ``path`` as ``folder_id``: kind is "sendonly", "receiveonly" or "sendreceive"."""
        path.mkdir(parents=True, exist_ok=True)
        self.request("PUT", f"/rest/config/folders/{folder_id}", {
            "id": folder_id, "label": folder_id, "path": str(path), "type": kind,
            "devices": [{"deviceID": d.device_id} for d in [self, *devices]],
            "fsWatcherEnabled": True, "fsWatcherDelayS": watch_delay_s, "rescanIntervalS": rescan_s,
            "order": order,
        })

    def patch_folder(self, folder_id: str, **fields: Any) -> None:
        self.request("PATCH", f"/rest/config/folders/{folder_id}", fields)

    def patch_options(self, **fields: Any) -> None:
        self.request("PATCH", "/rest/config/options", fields)

    def patch_device(self, other: SyncthingNode, **fields: Any) -> None:
        self.request("PATCH", f"/rest/config/devices/{other.device_id}", fields)

    def scan(self, folder_id: str) -> None:
        self.request("POST", f"/rest/db/scan?folder={folder_id}")

    def completion(self, folder_id: str, device: SyncthingNode | None = None) -> float:
        query = f"/rest/db/completion?folder={folder_id}"
        if device is not None:
            query += f"&device={device.device_id}"
        return float(self.get(query)["completion"])

    def folder_status(self, folder_id: str) -> dict[str, Any]:
        return dict(self.get(f"/rest/db/status?folder={folder_id}"))

    def connected_to(self, other: SyncthingNode) -> bool:
        connections = self.get("/rest/system/connections")["connections"]
        return bool(connections.get(other.device_id, {}).get("connected"))


def _text(parent: ET.Element, tag: str) -> str:
    element = parent.find(tag)
    return (element.text or "") if element is not None else ""


def _set_text(parent: ET.Element, tag: str, value: str) -> None:
    element = parent.find(tag)
    if element is None:
        element = ET.SubElement(parent, tag)
    element.text = value


def session_pids(session: int) -> set[int]:
    """Every live process in a session (from /proc): a daemon started with start_new_session."""
    found: set[int] = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if len(fields) > 3 and int(fields[3]) == session and fields[0] != "Z":
            found.add(int(stat.parent.name))
    return found


def sockets_of(pids: set[int]) -> list[tuple[str, str, str, int]]:
    """Every TCP and UDP socket the given processes hold, from `ss`: (proto, local, peer, pid)."""
    out = subprocess.run(["ss", "-tunapH"], capture_output=True, text=True, timeout=30).stdout
    found: list[tuple[str, str, str, int]] = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) < 6 or "pid=" not in line:
            continue
        for chunk in line.split("pid=")[1:]:
            pid = int(chunk.split(",")[0])
            if pid in pids:
                found.append((parts[0], parts[4], parts[5], pid))
    return found


def is_loopback(address: str, *, peer: bool = False) -> bool:
    """Whether an `ss` address ('127.0.0.1:22000', '[::1]:22000') is on loopback. For the peer
    side, 'HOST:*' (a listening or unconnected socket: no peer at all) counts as loopback too."""
    host, _, port = address.rpartition(":")
    if peer and port == "*":
        return True
    host = host.strip("[]").split("%")[0]
    return host.startswith("127.") or host in ("::1", "::ffff:127.0.0.1")
