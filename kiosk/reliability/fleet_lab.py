"""A fleet on this machine: a staff node and kiosk nodes, each a real Syncthing daemon on loopback,
each kiosk running the real `kiosk run` (offscreen) on its own content, settings and data folders.

The end-to-end tests (tests/reliability/test_fleet_syncthing.py) and the fleet benchmark
(kiosk.bench.fleet) drive it the way the museum's IT person and staff would: `kiosk publish` on
the staff node, `kiosk fleet status` there, and each kiosk's own status file and log. Every
daemon and kiosk it starts is stopped by `close()`, also when a step fails.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.reliability.syncthing_node import SyncthingNode, session_pids, wait_until

CONTENT_FOLDER = "exhibit-content"
STATUS_FOLDER = "exhibit-status"
ROOT = Path(__file__).resolve().parents[2]
STATUS_WATCH_DELAY_S = 2  # the kiosks' status folders: Syncthing's default is 10 s


# -- a subject to publish ---------------------------------------------------------------------------


def make_subject(parent: Path, name: str, edition: str, *, images: int = 1, image_bytes: int = 20_000) -> Path:
    """A clean subject: one article naming its edition, and `images` pictures of about
    `image_bytes` each (uncompressed PNG noise, so sizes are what they say)."""
    import numpy as np
    from PIL import Image

    subject = parent / name
    shutil.rmtree(subject, ignore_errors=True)
    (subject / "texts").mkdir(parents=True)
    (subject / "images").mkdir()
    (subject / "subject.toml").write_text(textwrap.dedent(f"""\
        title = "Fleet test subject"
        subtitle = "Edition {edition}"
        year = "1924"
        summary = "A subject published to a fleet of kiosks."
        credit = "Made for the fleet tests"
        licence = "CC BY-SA 4.0"
        """), encoding="utf-8")
    (subject / "texts" / "overview.md").write_text(textwrap.dedent(f"""\
        ---
        title: Overview
        author: Exhibit Kiosk project
        source: Made for the fleet tests
        language: en
        order: 1
        ---
        This is edition {edition} of the subject.
        """), encoding="utf-8")
    rows = ["file,order,title,caption,credit,alt"]
    rng = np.random.default_rng(zlib.crc32(edition.encode()))
    side = max(16, int((image_bytes / 3) ** 0.5))
    for i in range(images):
        pixels = rng.integers(0, 256, (side, side, 3), dtype=np.uint8)
        buf = io.BytesIO()
        Image.fromarray(pixels, "RGB").save(buf, "PNG", compress_level=0)
        (subject / "images" / f"picture{i:02d}.png").write_bytes(buf.getvalue())
        rows.append(f"picture{i:02d}.png,{i},Picture {i},Noise {i},Made for the fleet tests,Coloured noise")
    (subject / "images" / "metadata.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return subject


# -- the nodes --------------------------------------------------------------------------------------


@dataclass
class KioskNode:
    """One kiosk: its Syncthing daemon, fleet folder, content root, settings and `kiosk run`."""

    base: Path
    kiosk_id: str
    idle_timeout_s: float = 1.0
    syncthing: SyncthingNode = field(init=False)
    process: subprocess.Popen[bytes] | None = None

    def __post_init__(self) -> None:
        self.syncthing = SyncthingNode(self.base / "syncthing", self.kiosk_id)

    @property
    def fleet_dir(self) -> Path:
        return self.base / "fleet"

    @property
    def content_root(self) -> Path:
        return self.base / "content"

    @property
    def settings_file(self) -> Path:
        return self.base / "settings.toml"

    @property
    def log_file(self) -> Path:
        return self.base / "kiosk.log"

    @property
    def status_file(self) -> Path:
        return self.fleet_dir / "status" / f"{self.kiosk_id}.json"

    def write_settings(self) -> None:
        self.settings_file.write_text(textwrap.dedent(f"""\
            fleet_dir = "{self.fleet_dir}"
            kiosk_id = "{self.kiosk_id}"
            kiosk_name = "Kiosk {self.kiosk_id}"
            syncthing_config = "{self.syncthing.config_file}"
            """), encoding="utf-8")

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "NOTIFY_SOCKET")}
        env["QT_QPA_PLATFORM"] = "offscreen"
        for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            env[var] = str(self.base / "xdg" / var.lower())
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
        return env

    def start_kiosk(self) -> None:
        if self.process is not None and self.process.poll() is None:
            return
        log = self.log_file.open("ab")
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "kiosk", "run", "--content", str(self.content_root),
                 "--config", str(self.settings_file), "--idle-timeout", str(self.idle_timeout_s)],
                stdout=subprocess.DEVNULL, stderr=log, env=self.env(), cwd=ROOT, start_new_session=True)
        finally:
            log.close()

    def stop_kiosk(self) -> None:
        proc, self.process = self.process, None
        if proc is None:
            return
        if proc.poll() is None:
            proc.terminate()  # a clean quit: a kill would count as a crash for the crash guard
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)
        for pid in session_pids(proc.pid):  # a worker it had started, if any
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def command(self, *args: str, timeout_s: float = 120) -> subprocess.CompletedProcess[str]:
        """A `kiosk` command on this kiosk (its settings, its folders)."""
        return subprocess.run([sys.executable, "-m", "kiosk", *args, "--config", str(self.settings_file)],
                              capture_output=True, text=True, timeout=timeout_s, env=self.env(), cwd=ROOT)

    def log_text(self) -> str:
        try:
            return self.log_file.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def status(self) -> dict[str, Any]:
        try:
            return dict(json.loads(self.status_file.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return {}

    def pids(self) -> set[int]:
        out = set(self.syncthing.pids())
        if self.process is not None:
            out |= session_pids(self.process.pid)
        return out


class FleetLab:
    """A staff node and `kiosks` kiosk nodes under `base`, all on loopback."""

    def __init__(self, base: Path, kiosks: int = 2, *, idle_timeout_s: float = 1.0) -> None:
        self.base = base
        self.staff = SyncthingNode(base / "staff" / "syncthing", "staff")
        self.staff_fleet = base / "staff" / "fleet"
        self.staff_settings = base / "staff" / "settings.toml"
        self.kiosks = [KioskNode(base / f"kiosk{i + 1}", f"kiosk-{i + 1}", idle_timeout_s) for i in range(kiosks)]

    # -- set-up -------------------------------------------------------------------------------
    def setup(self, *, start_kiosks: bool = True, timeout_s: float = 60) -> None:
        """Generate and start every daemon, introduce them, share the two folders each way."""
        nodes = [self.staff, *(k.syncthing for k in self.kiosks)]
        for node in nodes:
            node.generate()
        for node in nodes:
            node.start()
        (self.staff_fleet / "content").mkdir(parents=True, exist_ok=True)
        (self.staff_fleet / "status").mkdir(parents=True, exist_ok=True)
        self.staff_settings.write_text(f'syncthing_config = "{self.staff.config_file}"\n', encoding="utf-8")
        for kiosk in self.kiosks:
            self.staff.add_device(kiosk.syncthing)
            kiosk.syncthing.add_device(self.staff)
        kiosk_nodes = [k.syncthing for k in self.kiosks]
        self.staff.add_folder(CONTENT_FOLDER, self.staff_fleet / "content", "sendonly", kiosk_nodes)
        self.staff.add_folder(STATUS_FOLDER, self.staff_fleet / "status", "receiveonly", kiosk_nodes)
        for kiosk in self.kiosks:
            # Small files first (docs/fleet.md advises it): the manifest arrives before the films.
            kiosk.syncthing.add_folder(CONTENT_FOLDER, kiosk.fleet_dir / "content", "receiveonly", [self.staff],
                                       order="smallestFirst")
            kiosk.syncthing.add_folder(STATUS_FOLDER, kiosk.fleet_dir / "status", "sendonly", [self.staff],
                                       watch_delay_s=STATUS_WATCH_DELAY_S)
            kiosk.content_root.mkdir(parents=True, exist_ok=True)
            kiosk.write_settings()
        for kiosk in self.kiosks:
            wait_until(lambda k=kiosk: self.staff.connected_to(k.syncthing), timeout_s,
                       f"the staff node to connect to {kiosk.kiosk_id}")
        if start_kiosks:
            for kiosk in self.kiosks:
                kiosk.start_kiosk()

    def close(self) -> None:
        """Stop every kiosk and daemon started here; safe to call more than once."""
        for kiosk in self.kiosks:
            kiosk.stop_kiosk()
        for node in [*(k.syncthing for k in self.kiosks), self.staff]:
            node.stop()

    def pids(self) -> set[int]:
        out = set(self.staff.pids())
        for kiosk in self.kiosks:
            out |= kiosk.pids()
        return out

    # -- what staff do ------------------------------------------------------------------------
    def kiosk_command(self, *args: str, timeout_s: float = 120) -> subprocess.CompletedProcess[str]:
        """A `kiosk` staff command on the staff node (with the staff node's settings)."""
        env = {k: v for k, v in os.environ.items()}
        env["XDG_CONFIG_HOME"] = str(self.base / "staff" / "xdg-config")
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
        return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True, text=True,
                              timeout=timeout_s, env=env, cwd=ROOT)

    def publish(self, subject: Path) -> str:
        """`kiosk publish SUBJECT FLEET`; the new version's name."""
        out = self.kiosk_command("publish", str(subject), str(self.staff_fleet), "--config", str(self.staff_settings))
        if out.returncode != 0:
            raise RuntimeError(f"kiosk publish failed ({out.returncode}): {out.stdout}{out.stderr}")
        for word in out.stdout.split():
            if word.endswith(":") and word[:4].isdigit():
                return word.rstrip(":")
        raise RuntimeError(f"kiosk publish named no version: {out.stdout}")

    def fleet_status(self) -> dict[str, Any]:
        out = self.kiosk_command("fleet", "status", str(self.staff_fleet), "--json", "--config",
                                 str(self.staff_settings))
        if out.returncode != 0:
            raise RuntimeError(f"kiosk fleet status failed ({out.returncode}): {out.stderr}")
        return dict(json.loads(out.stdout))

    def staff_version_dir(self, subject: str, version: str) -> Path:
        return self.staff_fleet / "content" / subject / version

    # -- waiting ------------------------------------------------------------------------------
    def wait_on_version(self, subject: str, version: str, kiosks: list[KioskNode] | None = None,
                        timeout_s: float = 90) -> None:
        """Until each kiosk's own status says it shows `version` of `subject`."""
        for kiosk in kiosks or self.kiosks:
            wait_until(lambda k=kiosk: _shows(k.status(), subject, version), timeout_s,
                       f"{kiosk.kiosk_id} to show {subject} {version}\n{kiosk.log_text()[-3000:]}")

    def wait_fleet_table(self, check, timeout_s: float = 60, what: str = "the fleet table") -> dict[str, Any]:  # type: ignore[no-untyped-def]
        """Until `kiosk fleet status --json` on the staff node satisfies `check`."""
        seen: list[dict[str, Any]] = []

        def ok() -> bool:
            table = self.fleet_status()
            seen[:] = [table]
            return bool(check(table))

        try:
            wait_until(ok, timeout_s, what, interval_s=0.5)
        except Exception as exc:
            raise type(exc)(f"{exc}\nlast table: {json.dumps(seen[-1] if seen else {}, indent=1)[:3000]}") from None
        return seen[-1]


def _shows(status: dict[str, Any], subject: str, version: str) -> bool:
    mine = status.get("subjects", {}).get(subject, {})
    return bool(mine.get("fleet_version") == version and mine.get("showing"))


@contextmanager
def fleet_lab(base: Path, kiosks: int = 2, **kwargs: Any) -> Iterator[FleetLab]:
    lab = FleetLab(base, kiosks, **kwargs)
    try:
        lab.setup()
        yield lab
    finally:
        lab.close()
