"""The local Syncthing daemon, as far as the kiosk needs it: read its config.xml for the REST API's
address and key and for the folder ids, and ask it over loopback, and nowhere else.

The kiosk never needs Syncthing's API to work: a version is complete when every file matches its
manifest. Where the API answers, the kiosk also waits for Syncthing's own completion of the
folder at 100 %, and `kiosk publish` asks it to scan at once instead of within its watcher's
delay. Used from the staff commands and the kiosk's worker process, never the kiosk's own.
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from kiosk.core.doctor import Check

TIMEOUT_S = 3.0
LOOPBACK_HOSTS = ("127.0.0.1", "::1", "localhost")


class SyncthingUnavailable(Exception):
    """No config, no loopback API, or no answer; the message says which."""


@dataclass(frozen=True)
class SyncthingFolder:
    id: str
    path: Path
    type: str  # "sendreceive", "sendonly", "receiveonly", "receiveencrypted"
    paused: bool = False


@dataclass(frozen=True)
class SyncthingApi:
    config: Path
    host: str  # always a loopback address
    port: int
    api_key: str
    tls: bool
    folders: tuple[SyncthingFolder, ...] = field(default_factory=tuple)

    def folder_for(self, path: Path) -> SyncthingFolder | None:
        """The Syncthing folder whose path is ``path`` (both resolved)."""
        want = _resolved(path)
        return next((f for f in self.folders if _resolved(f.path) == want), None)

    # -- requests ---------------------------------------------------------------------------------
    def request(self, method: str, path: str, timeout_s: float = TIMEOUT_S) -> Any:
        import http.client

        conn: http.client.HTTPConnection
        if self.tls:
            import ssl

            # Syncthing's GUI certificate is self-signed; the address is loopback (read_config).
            conn = http.client.HTTPSConnection(self.host, self.port, timeout=timeout_s,
                                               context=ssl._create_unverified_context())
        else:
            conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout_s)
        try:
            conn.request(method, path, headers={"X-API-Key": self.api_key})
            response = conn.getresponse()
            body = response.read()
        except (OSError, http.client.HTTPException) as exc:
            raise SyncthingUnavailable(f"Syncthing's API at {self.host}:{self.port} does not answer ({exc})") from None
        finally:
            conn.close()
        if response.status == 403:
            raise SyncthingUnavailable(f"Syncthing's API refused the key from {self.config}")
        if response.status >= 300:
            raise SyncthingUnavailable(f"Syncthing's API answered HTTP {response.status} to {path}")
        try:
            return json.loads(body) if body.strip() else None
        except ValueError:
            raise SyncthingUnavailable(f"Syncthing's API answered {path} with no JSON") from None

    def completion(self, folder_id: str) -> float:
        """How much of the folder this device has, 0–100 (Syncthing's /rest/db/completion)."""
        answer = self.request("GET", f"/rest/db/completion?folder={quote(folder_id)}")
        try:
            return float(answer["completion"])
        except (TypeError, KeyError, ValueError):
            raise SyncthingUnavailable("Syncthing's completion answer has no percentage") from None

    def scan(self, folder_id: str, sub: str = "") -> None:
        """Ask Syncthing to look at the folder now (rather than after its watcher's delay)."""
        query = f"/rest/db/scan?folder={quote(folder_id)}" + (f"&sub={quote(sub)}" if sub else "")
        self.request("POST", query)

    def ping(self) -> None:
        self.request("GET", "/rest/system/ping")


def config_candidates(env: Mapping[str, str]) -> list[Path]:
    """Where Syncthing keeps config.xml by default on Linux, newest releases first."""
    home = Path(env.get("HOME", "~")).expanduser()
    state = Path(env.get("XDG_STATE_HOME") or home / ".local" / "state")
    config = Path(env.get("XDG_CONFIG_HOME") or home / ".config")
    out = [Path(env["STHOME"]) / "config.xml"] if env.get("STHOME") else []
    out += [state / "syncthing" / "config.xml", config / "syncthing" / "config.xml"]
    return out


def find_config(explicit: Path | None = None, env: Mapping[str, str] | None = None) -> Path | None:
    """``explicit`` (a config.xml or the folder holding it), else the first default that exists."""
    if explicit is not None:
        path = explicit.expanduser()
        path = path / "config.xml" if path.is_dir() else path
        return path if path.is_file() else None
    return next((p for p in config_candidates(os.environ if env is None else env) if p.is_file()), None)


def read_config(path: Path) -> SyncthingApi:
    """The API's loopback address and key, and the folders, from a config.xml."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise SyncthingUnavailable(f"{path}: cannot read Syncthing's config ({exc})") from None
    gui = root.find("gui")
    if gui is None or gui.get("enabled", "true") == "false":
        raise SyncthingUnavailable(f"{path}: Syncthing's GUI and API are switched off")
    address = (gui.findtext("address") or "").strip()
    api_key = (gui.findtext("apikey") or "").strip()
    if not api_key:
        raise SyncthingUnavailable(f"{path}: no API key in Syncthing's config")
    host, port = _loopback_address(address, path)
    home = Path(os.environ.get("HOME", "~")).expanduser()
    folders = []
    for f in root.findall("folder"):
        raw = f.get("path", "")
        folder_path = Path(raw.replace("~", str(home), 1) if raw.startswith("~") else raw)
        folders.append(SyncthingFolder(f.get("id", ""), folder_path, f.get("type", "sendreceive"),
                                       (f.findtext("paused") or "false").strip() == "true"))
    return SyncthingApi(path, host, port, api_key, gui.get("tls", "false") == "true", tuple(folders))


def _loopback_address(address: str, path: Path) -> tuple[str, int]:
    """Where to reach the GUI on this machine's loopback: a GUI on every address (0.0.0.0) is
    reached on 127.0.0.1; one bound to another machine-facing address is not asked at all."""
    if address.startswith("unix:") or address.startswith("/"):
        raise SyncthingUnavailable(f"{path}: Syncthing's GUI listens on a Unix socket, which the kiosk does not use")
    for prefix in ("http://", "https://"):
        address = address.removeprefix(prefix)
    host, sep, port_text = address.rpartition(":")
    if not sep or not port_text.isdigit():
        raise SyncthingUnavailable(f"{path}: Syncthing's GUI address {address!r} has no port")
    host = host.strip("[]")
    if host in ("", "0.0.0.0", "::"):
        host = "127.0.0.1"
    if host not in LOOPBACK_HOSTS and not host.startswith("127."):
        raise SyncthingUnavailable(f"{path}: Syncthing's GUI listens on {host}, not on loopback; "
                                   "the kiosk asks it on loopback only")
    return ("127.0.0.1" if host == "localhost" else host), int(port_text)


def local_api(explicit: Path | None = None) -> SyncthingApi:
    config = find_config(explicit)
    if config is None:
        where = explicit or ", ".join(str(p) for p in config_candidates(os.environ))
        raise SyncthingUnavailable(f"no Syncthing config.xml found ({where})")
    return read_config(config)


def _resolved(path: Path) -> str:
    try:
        return str(path.expanduser().resolve())
    except OSError:
        return str(path)


def fleet_checks(fleet_dir: Path, status_dir: Path, explicit_config: Path | None = None) -> list[Check]:
    """`kiosk doctor` on a kiosk of a fleet: the folders, and how the local Syncthing shares them."""
    from kiosk.core.fleet.layout import CONTENT

    content = fleet_dir / CONTENT
    checks = [Check("fleet folder", content.is_dir(),
                    f"{content}" + ("" if content.is_dir() else " does not exist yet"),
                    "" if content.is_dir() else "share the fleet's content folder to this kiosk in Syncthing "
                                                f"(Receive Only, at {content}); see docs/fleet.md")]
    writable = status_dir.is_dir() and os.access(status_dir, os.W_OK)
    checks.append(Check("status folder", writable, f"{status_dir}" + ("" if writable else " is missing or read-only"),
                        "" if writable else f"share the fleet's status folder from this kiosk (Send Only, at "
                                            f"{status_dir}); see docs/fleet.md"))
    try:
        api = local_api(explicit_config)
        api.ping()
    except SyncthingUnavailable as exc:
        checks.append(Check("Syncthing", False, str(exc), "install Syncthing and start it for the kiosk's user "
                                                          "(systemctl --user enable --now syncthing); docs/fleet.md"))
        return checks
    checks.append(Check("Syncthing", True, f"its API answers on {api.host}:{api.port} ({api.config})"))
    for path, want, role in ((content, "receiveonly", "content"), (status_dir, "sendonly", "status")):
        folder = api.folder_for(path)
        if folder is None:
            checks.append(Check(f"Syncthing {role}", False, f"no Syncthing folder at {path}",
                                f"accept the fleet's {role} folder at {path} ({want}); docs/fleet.md"))
            continue
        ok = folder.type == want and not folder.paused
        detail = f"folder '{folder.id}' is {folder.type}" + (", paused" if folder.paused else "")
        checks.append(Check(f"Syncthing {role}", ok, detail,
                            "" if ok else f"make it {'Receive Only' if want == 'receiveonly' else 'Send Only'}"
                                          " and not paused, in Syncthing's folder settings", severe=folder.paused))
    return checks
