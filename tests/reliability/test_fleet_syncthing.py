"""A fleet on real Syncthing daemons (loopback only): a staff node publishes, two real kiosks take
each version at an idle moment, `kiosk fleet status` on the staff node shows them; and the faults
a fleet meets: a kiosk's Syncthing stopped mid-transfer, a corrupt file, conflict copies.

The daemons are shared by the tests of this module (starting three takes seconds); each test
publishes its own versions and asserts only on them, so the tests do not depend on each other.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.core.fleet.syncthing import read_config
from kiosk.reliability.fleet_lab import CONTENT_FOLDER, FleetLab, KioskNode, make_subject
from kiosk.reliability.syncthing_node import is_loopback, sockets_of, syncthing_available, wait_until

SUBJECT = "fleet-subject"
pytestmark = pytest.mark.timeout(240)


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FleetLab]:
    if not syncthing_available():
        pytest.fail("syncthing is not installed: ./scripts/setup.sh installs it (Debian package syncthing)")
    base = tmp_path_factory.mktemp("fleet")
    fleet = FleetLab(base, kiosks=2, idle_timeout_s=1.0)
    try:
        fleet.setup()
        yield fleet
    finally:
        fleet.close()
        assert not any(k.syncthing.running for k in fleet.kiosks) and not fleet.staff.running


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    return tmp_path


def publish_and_wait(lab: FleetLab, sources: Path, edition: str, **kw: Any) -> str:
    version = lab.publish(make_subject(sources / edition, SUBJECT, edition, **kw))
    lab.wait_on_version(SUBJECT, version)
    return version


def live_files(kiosk: KioskNode) -> set[str]:
    """Every file of the subject version the kiosk has live (what visitors are shown)."""
    live = (kiosk.content_root / SUBJECT).resolve()
    return {p.relative_to(live).as_posix() for p in live.rglob("*") if p.is_file()}


def fleet_entry(kiosk: KioskNode) -> dict[str, Any]:
    return next((f for f in kiosk.status().get("fleet", []) if f["subject"] == SUBJECT), {})


def article(kiosk: KioskNode) -> str:
    return ((kiosk.content_root / SUBJECT).resolve() / "texts" / "overview.md").read_text(encoding="utf-8")


def test_a_published_version_reaches_every_kiosk(lab: FleetLab, sources: Path) -> None:
    """Staff publish once; both kiosks show the new edition, and the staff's table says so."""
    version = publish_and_wait(lab, sources, "first")
    for kiosk in lab.kiosks:
        assert "edition first" in article(kiosk)
        assert kiosk.status()["subjects"][SUBJECT]["content_sha256"]
    table = lab.wait_fleet_table(lambda t: len(t["kiosks"]) == 2 and all(k["current"] for k in t["kiosks"]))
    assert table["published"] == {SUBJECT: version}
    assert {k["kiosk_id"] for k in table["kiosks"]} == {"kiosk-1", "kiosk-2"}
    assert all(k["online"] and not k["errors"] for k in table["kiosks"])
    hashes = {k["status"]["subjects"][SUBJECT]["content_sha256"] for k in table["kiosks"]}
    assert len(hashes) == 1  # both show exactly the same files
    for kiosk in lab.kiosks:
        assert (lab.staff_fleet / "status" / f"{kiosk.kiosk_id}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    printed = lab.kiosk_command("fleet", "status", str(lab.staff_fleet)).stdout
    assert "2 of 2 kiosks on the current version, 0 offline" in printed


def test_nothing_listens_or_connects_beyond_loopback(lab: FleetLab, sources: Path) -> None:
    """Every TCP and UDP socket of the daemons and kiosks (ss -tunap) is on 127.0.0.1."""
    publish_and_wait(lab, sources, "sockets")
    pids = lab.pids()
    assert len(pids) >= 6  # three daemons (each with its monitor) and two kiosks
    sockets = sockets_of(pids)
    assert sockets, "ss showed no socket at all: the check would prove nothing"
    assert any(proto == "tcp" and not peer.endswith(":*") for proto, _, peer, _ in sockets)  # a live sync link
    outside = [s for s in sockets if not is_loopback(s[1]) or not is_loopback(s[2], peer=True)]
    assert outside == []


def test_the_doctor_checks_how_syncthing_shares_the_fleet(lab: FleetLab) -> None:
    """`kiosk doctor` on a kiosk reads its Syncthing's config and API and finds the folders
    shared the right way round: content received only, status sent only."""
    out = lab.kiosks[0].command("doctor", "--content", str(lab.kiosks[0].content_root)).stdout
    lines = [" ".join(line.split()) for line in out.splitlines()]
    assert any(line.startswith("ok Syncthing its API answers on 127.0.0.1:") for line in lines), out
    assert "ok Syncthing content folder 'exhibit-content' is receiveonly" in lines, out
    assert "ok Syncthing status folder 'exhibit-status' is sendonly" in lines, out
    assert any(line.startswith("ok fleet folder") for line in lines)
    assert any(line.startswith("ok status folder") for line in lines)


def test_a_kiosk_whose_syncthing_stops_mid_transfer_keeps_its_version(lab: FleetLab, sources: Path) -> None:
    """Its Syncthing stopped half way: that kiosk keeps showing the old version, and takes the new
    one once Syncthing runs again and the transfer completes; the other kiosk is not held up."""
    old = publish_and_wait(lab, sources, "before")
    slow, other = lab.kiosks
    slow.syncthing.patch_options(maxRecvKbps=400, limitBandwidthInLan=True)
    try:
        new = lab.publish(make_subject(sources / "big", SUBJECT, "after", images=2, image_bytes=3_000_000))
        arriving = slow.fleet_dir / "content" / SUBJECT / new
        images = arriving / SUBJECT / "images"
        wait_until(lambda: (arriving / "manifest.json").exists() and images.is_dir()
                   and any(p.name.startswith(".syncthing.") for p in images.iterdir()),
                   60, "the slow kiosk to be in the middle of the transfer")
        # Syncthing itself says so, through the kiosk's own client of its REST API.
        assert read_config(slow.syncthing.config_file).completion(CONTENT_FOLDER) < 100
        slow.syncthing.stop()
    finally:
        if slow.syncthing.running:
            slow.syncthing.patch_options(maxRecvKbps=0, limitBandwidthInLan=False)
    lab.wait_on_version(SUBJECT, new, [other])
    wait_until(lambda: fleet_entry(slow).get("version") == new and fleet_entry(slow).get("phase") == "waiting",
               30, "the stopped kiosk to report the version as incomplete")
    assert "have arrived" in fleet_entry(slow)["detail"]
    assert slow.status()["subjects"][SUBJECT]["fleet_version"] == old
    assert "edition before" in article(slow)
    slow.syncthing.start()
    slow.syncthing.patch_options(maxRecvKbps=0, limitBandwidthInLan=False)
    lab.wait_on_version(SUBJECT, new, [slow], timeout_s=120)
    assert "edition after" in article(slow)
    lab.wait_fleet_table(lambda t: all(k["current"] and k["online"] for k in t["kiosks"]), 60,
                         "both kiosks current again")
    assert read_config(slow.syncthing.config_file).completion(CONTENT_FOLDER) == 100


def _flip_a_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[-100] ^= 0xFF  # inside the picture's pixels: same size, still a valid PNG
    stat = path.stat()
    path.write_bytes(bytes(data))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def test_a_corrupt_file_is_refused_and_reported(lab: FleetLab, sources: Path) -> None:
    """A file changed after publishing: every kiosk refuses the version, keeps the last good one,
    and the staff's table names the file."""
    good = publish_and_wait(lab, sources, "good")
    lab.staff.patch_folder(CONTENT_FOLDER, paused=True)
    try:
        bad = lab.publish(make_subject(sources / "bad", SUBJECT, "corrupted"))
        _flip_a_byte(lab.staff_version_dir(SUBJECT, bad) / SUBJECT / "images" / "picture00.png")
    finally:
        lab.staff.patch_folder(CONTENT_FOLDER, paused=False)

    def refused_everywhere(table: dict[str, Any]) -> bool:
        return all(not k["current"] and any(bad in e and "images/picture00.png" in e and "differs" in e
                                            for e in k["errors"]) for k in table["kiosks"])

    table = lab.wait_fleet_table(refused_everywhere, 60, "both kiosks to refuse the corrupt version")
    assert all(k["online"] for k in table["kiosks"])
    assert all(f"{SUBJECT}: {good} (newest {bad})" in k["behind"] for k in table["kiosks"])
    for kiosk in lab.kiosks:
        assert fleet_entry(kiosk)["phase"] == "refused"
        assert kiosk.status()["subjects"][SUBJECT]["fleet_version"] == good
        assert kiosk.status()["subjects"][SUBJECT]["showing"]
        assert "edition good" in article(kiosk)
        assert "refused" in kiosk.log_text() and "differs from the published manifest" in kiosk.log_text()
    printed = lab.kiosk_command("fleet", "status", str(lab.staff_fleet)).stdout
    assert "BEHIND" in printed and "images/picture00.png" in printed
    # A clean version afterwards is taken as usual, and the errors go.
    fixed = publish_and_wait(lab, sources, "fixed")
    lab.wait_fleet_table(lambda t: all(k["current"] and not k["errors"] for k in t["kiosks"]), 60,
                         f"the errors to clear with {fixed}")


def test_conflict_and_temporary_files_are_never_content(lab: FleetLab, sources: Path) -> None:
    """Syncthing's conflict copies (of an article, a picture, the manifest itself) arrive with a
    version; the kiosks apply the version as published and never import or show them."""
    lab.staff.patch_folder(CONTENT_FOLDER, paused=True)
    try:
        version = lab.publish(make_subject(sources / "conflicts", SUBJECT, "clean"))
        folder = lab.staff_version_dir(SUBJECT, version)
        stamp = "sync-conflict-20261204-101010-ABCDEFG"
        (folder / SUBJECT / "texts" / f"overview.{stamp}.md").write_text(
            "---\ntitle: Stray\nlanguage: en\norder: 2\n---\nA conflict copy, never to be shown.\n", encoding="utf-8")
        shutil.copy(folder / SUBJECT / "images" / "picture00.png",
                    folder / SUBJECT / "images" / f"picture00.{stamp}.png")
        (folder / f"manifest.{stamp}.json").write_text('{"format": 1, "files": {}}', encoding="utf-8")
    finally:
        lab.staff.patch_folder(CONTENT_FOLDER, paused=False)
    lab.wait_on_version(SUBJECT, version)
    for kiosk in lab.kiosks:
        received = kiosk.fleet_dir / "content" / SUBJECT / version / SUBJECT / "texts" / f"overview.{stamp}.md"
        assert received.exists(), "the conflict copy should have been synced to the kiosk"
        files = live_files(kiosk)
        assert not [f for f in files if "sync-conflict" in f or ".syncthing." in f]
        assert {"texts/overview.md", "images/picture00.png", "images/metadata.csv", "subject.toml"} <= files
        assert fleet_entry(kiosk)["phase"] == "current"
        assert not kiosk.status()["errors"]
