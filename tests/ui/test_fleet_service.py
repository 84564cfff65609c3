"""A kiosk in a fleet, in its real window: a published version is checked while a visitor
browses, shown only after the idle reset (never under the visitor's eyes), reported in the
status file, and listed on the staff panel."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel, QPushButton

from kiosk.core.fleet.layout import STATUS
from kiosk.core.fleet.publish import Publisher
from kiosk.core.fleet.tracker import Phase
from kiosk.core.loader import load_library
from kiosk.core.settings import Settings
from kiosk.ui.content_source import ContentSource
from kiosk.ui.fleet_service import FleetService
from kiosk.ui.fleet_table import FleetTable
from kiosk.ui.main_window import KioskWindow
from tests.core.packs import make_pack
from tests.ui.helpers import PORTRAIT, WindowFactory, find, screenshot, tap
from tests.ui.test_lockdown import _corner_taps, _enter_pin

WORKER_MS = 60_000  # a child process checks and imports: seconds, on a busy machine more


def titled(source: Path, title: str) -> Path:
    toml = source / "subject.toml"
    toml.write_text(toml.read_text().replace('title = "Test subject"', f'title = "{title}"'))
    return source


@pytest.fixture
def kiosk(tmp_path: Path, make_window: WindowFactory, qtbot) -> Iterator[tuple]:  # type: ignore[no-untyped-def,type-arg]
    """A window on a content root with the subject as shipped, a fleet folder, and the service."""
    root, fleet = tmp_path / "root", tmp_path / "fleet"
    root.mkdir()
    fleet.mkdir()
    make_pack(root, "subject")
    result = load_library(root)
    window = make_window(content=result.library, use_clock=False)
    source = ContentSource(root)
    services: list[FleetService] = []

    def start(**settings: object) -> FleetService:
        service = FleetService(Settings(fleet_dir=fleet, kiosk_id="gallery-1", kiosk_name="Gallery 1",
                                        **settings), window, root,  # type: ignore[arg-type]
                               reload=lambda: source.load_in_background(reload=True))
        source.loaded.connect(service.content_loaded)
        source.loaded.connect(lambda lib, found, complete: window.set_content(lib, found, checking=not complete))
        service.content_loaded(result.library, result.findings, True)
        services.append(service)
        service.start()
        return service

    yield window, fleet, root, tmp_path, start
    for service in services:
        service.stop()
    source.wait()


def shown_titles(window: KioskWindow) -> list[str]:
    return [label.text() for label in window.findChildren(QLabel, "titleHeading") if label.isVisible()]


def publish(source: Path, fleet: Path) -> str:
    now = dt.datetime.now().astimezone()
    return Publisher(source, fleet, clock=lambda: now).run().manifest.version


def test_a_version_waits_for_the_idle_reset(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Published while a visitor browses: checked at once, but the visitor's exhibit is left
    alone; the idle reset brings the new version onto the title screen."""
    window, fleet, root, tmp, start = kiosk
    service = start(idle_timeout_s=90)
    assert service.tracker is not None
    tap(window.findChild(QPushButton, "touchToBegin"))
    assert window.screen_name().startswith("exhibit")
    version = publish(titled(make_pack(tmp / "src", "subject"), "Edition two"), fleet)  # noticed by inotify
    qtbot.waitUntil(lambda: getattr(service.tracker.track("subject"), "phase", None) is Phase.READY,
                    timeout=WORKER_MS)
    service.watcher.pump()  # asked again mid-visit, it still holds the version back
    assert service.tracker.track("subject").phase is Phase.READY
    assert window.screen_name().startswith("exhibit") and not (root / "subject").is_symlink()
    window.reset_visit()  # the visitor walked away
    qtbot.waitUntil(lambda: shown_titles(window) == ["Edition two"], timeout=WORKER_MS)
    assert window.screen_name() == "title"
    status = fleet / STATUS / "gallery-1.json"
    qtbot.waitUntil(lambda: status.exists() and json.loads(status.read_text())["subjects"]["subject"]
                    .get("fleet_version") == version, timeout=10_000)
    doc = json.loads(status.read_text())
    assert doc["subjects"]["subject"]["showing"] and doc["visits_today"] == 1
    assert doc["fleet"] == [{"subject": "subject", "version": version, "phase": "current",
                             "detail": f"on show as {doc['subjects']['subject']['local_version']}"}]


def test_an_untouched_title_screen_takes_the_version_by_itself(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    """No visitor at all: once the title screen has stood untouched for the idle timeout, the
    version is applied without waiting for a visit to end."""
    window, fleet, root, tmp, start = kiosk
    publish(titled(make_pack(tmp / "src", "subject"), "Edition three"), fleet)
    start(idle_timeout_s=1)
    qtbot.waitUntil(lambda: shown_titles(window) == ["Edition three"], timeout=WORKER_MS)


def test_a_refused_version_is_on_the_staff_panel_and_the_exhibit_goes_on(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A corrupt file: the title stays as it was; behind the PIN, staff read which version was
    refused and why, and the fleet table lists this kiosk as behind."""
    window, fleet, root, tmp, start = kiosk
    version = publish(titled(make_pack(tmp / "src", "subject"), "Edition four"), fleet)
    picture = fleet / "content" / "subject" / version / "subject" / "images" / "one.jpg"
    data = picture.read_bytes()
    picture.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
    service = start(idle_timeout_s=1)
    qtbot.waitUntil(lambda: getattr(service.tracker.track("subject"), "phase", None) is Phase.REFUSED,
                    timeout=WORKER_MS)
    assert shown_titles(window) == ["Test subject"]
    qtbot.waitUntil(lambda: (fleet / STATUS / "gallery-1.json").exists(), timeout=10_000)
    _corner_taps(window)
    _enter_pin(window, "2468")
    table = window.findChild(FleetTable, "fleetStatus")
    assert table is not None and table.isVisible()
    qtbot.waitUntil(lambda: any(r[0] == "gallery-1" for r in table.rows()), timeout=10_000)
    assert f"subject {version}: refused" in table.summary_text()
    assert "images/one.jpg differs from the published manifest" in table.summary_text()
    row = next(r for r in table.rows() if r[0] == "gallery-1")
    assert row[1] == "Gallery 1" and row[2].startswith("BEHIND") and "images/one.jpg" in row[4]
    exit_button = find(window, "exitButton")
    fleet_bottom = table.mapTo(window, table.rect().bottomLeft()).y()
    assert fleet_bottom < exit_button.mapTo(window, exit_button.rect().topLeft()).y()  # above the buttons
    findings = find(window, "findingsTree")
    assert findings.mapTo(window, findings.rect().bottomLeft()).y() < table.mapTo(window, table.rect().topLeft()).y()
    screenshot(window, "landscape-staff-fleet")
    card = find(find(window, "staffPanel"), "overlayCard")

    def laid_out() -> bool:
        inside = window.rect().contains(card.mapTo(window, card.rect().bottomRight()))
        bottom = table.mapTo(window, table.rect().bottomLeft()).y()
        return inside and bottom < exit_button.mapTo(window, QPoint(0, 0)).y()

    for size, name in ((PORTRAIT, "portrait-staff-fleet"), ((1366, 768), "classroom-staff-fleet")):
        window.resize(*size)
        qtbot.waitUntil(laid_out)  # the card inside the window, the table above the buttons
        screenshot(window, name)
    tap(find(window, "staffCloseButton"))
