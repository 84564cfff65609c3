"""Reading the local Syncthing's config.xml and asking its REST API: loopback only, with its key."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.core.fleet.syncthing import SyncthingUnavailable, config_candidates, find_config, read_config
from kiosk.core.fleet.worker import syncthing_says

CONFIG = """<configuration version="36">
    <folder id="exhibit-content" label="content" path="{content}" type="receiveonly">
        <paused>false</paused>
    </folder>
    <folder id="exhibit-status" label="status" path="~/fleet/status" type="sendonly"></folder>
    <gui enabled="true" tls="false" debugging="false">
        <address>{address}</address>
        <apikey>the-key</apikey>
    </gui>
</configuration>
"""


def write_config(folder: Path, address: str, content: Path | str = "/srv/fleet/content") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "config.xml"
    path.write_text(CONFIG.format(address=address, content=content))
    return path


@pytest.mark.parametrize(("address", "host"), [
    ("127.0.0.1:8384", "127.0.0.1"), ("0.0.0.0:8384", "127.0.0.1"), ("localhost:8384", "127.0.0.1"),
    ("[::1]:8384", "::1"), ("http://127.0.0.1:8384", "127.0.0.1"),
])
def test_the_api_is_reached_on_loopback(tmp_path: Path, address: str, host: str) -> None:
    """Whatever the GUI listens on locally, the kiosk asks on a loopback address, with the key."""
    api = read_config(write_config(tmp_path, address))
    assert (api.host, api.port, api.api_key, api.tls) == (host, 8384, "the-key", False)


@pytest.mark.parametrize("address", ["192.168.1.20:8384", "unix:///run/syncthing.sock", "127.0.0.1"])
def test_a_gui_that_is_not_on_loopback_is_never_asked(tmp_path: Path, address: str) -> None:
    """A GUI bound to a network address, a socket or no port: the kiosk does without the API."""
    with pytest.raises(SyncthingUnavailable):
        read_config(write_config(tmp_path, address))


def test_folders_are_found_by_their_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The folder id comes from the folder whose path is the fleet's content folder (~ expanded)."""
    monkeypatch.setenv("HOME", str(tmp_path))
    content = tmp_path / "fleet" / "content"
    api = read_config(write_config(tmp_path / "st", "127.0.0.1:1", "~/fleet/content"))
    found = api.folder_for(content)
    assert found is not None and (found.id, found.type) == ("exhibit-content", "receiveonly")
    status = api.folder_for(tmp_path / "fleet" / "status")
    assert status is not None and status.type == "sendonly"
    assert api.folder_for(tmp_path / "elsewhere") is None


def test_the_config_is_found_where_syncthing_keeps_it(tmp_path: Path) -> None:
    """An explicit file or folder first; else the state folder (new releases), then ~/.config."""
    env = {"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    assert config_candidates(env)[:2] == [tmp_path / ".local/state/syncthing/config.xml",
                                          tmp_path / "cfg/syncthing/config.xml"]
    assert find_config(env=env) is None
    older = write_config(tmp_path / "cfg" / "syncthing", "127.0.0.1:1")
    assert find_config(env=env) == older
    explicit = write_config(tmp_path / "mine", "127.0.0.1:1")
    assert find_config(tmp_path / "mine") == explicit == find_config(explicit)
    assert find_config(tmp_path / "missing") is None


class _Syncthing(http.server.BaseHTTPRequestHandler):
    completion = 100.0
    seen: list[tuple[str, str]] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        type(self).seen.append((self.path, self.headers.get("X-API-Key", "")))
        if self.headers.get("X-API-Key") != "the-key":
            self.send_response(403)
            self.end_headers()
            return
        body = json.dumps({"completion": type(self).completion, "needBytes": 10}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def api_server() -> Iterator[http.server.HTTPServer]:
    """A stand-in for Syncthing's REST API, on loopback, stopped after the test."""
    server = http.server.HTTPServer(("127.0.0.1", 0), _Syncthing)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Syncthing.seen = []
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_the_worker_waits_for_syncthing_to_reach_100_percent(tmp_path: Path, api_server) -> None:  # type: ignore[no-untyped-def]
    """Where the API answers, a version whose files are all here still waits for the folder's
    completion at 100 %; the request carries the API key and names the folder."""
    content = tmp_path / "fleet" / "content"
    version = content / "subject" / "0001-20261204-101500"
    version.mkdir(parents=True)
    config = write_config(tmp_path / "st", f"127.0.0.1:{api_server.server_address[1]}", content)
    _Syncthing.completion = 97.5
    percent, where = syncthing_says(version, config)
    assert percent == 97.5 and "exhibit-content" in where
    assert _Syncthing.seen == [("/rest/db/completion?folder=exhibit-content", "the-key")]
    _Syncthing.completion = 100.0
    assert syncthing_says(version, config)[0] == 100.0


def test_no_answer_means_the_files_alone_decide(tmp_path: Path) -> None:
    """Syncthing stopped (nothing listening): no completion, and the reason, never an exception."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    content = tmp_path / "content"
    version = content / "subject" / "0001-20261204-101500"
    version.mkdir(parents=True)
    percent, why = syncthing_says(version, write_config(tmp_path / "st", f"127.0.0.1:{port}", content))
    assert percent is None and "does not answer" in why
