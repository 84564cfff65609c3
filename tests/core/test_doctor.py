"""`kiosk doctor`'s checks say what is wrong and how to fix it."""

from __future__ import annotations

from pathlib import Path

from kiosk.core import doctor
from kiosk.core.autostart import build, install
from tests.core.packs import make_pack


def test_no_display_says_what_to_set() -> None:
    """Without a display the doctor names DISPLAY and how to fix it."""
    check = doctor.check_display({})
    assert not check.ok and "DISPLAY" in check.detail and "DISPLAY=:0" in check.fix


def test_display_without_server(tmp_path: Path) -> None:
    """A DISPLAY with no X server behind it is reported."""
    check = doctor.check_display({"DISPLAY": ":987"})
    assert not check.ok and "X987" in check.detail


def test_qt_report_on_this_machine() -> None:
    """The Qt probe runs in a child process and reports the pinned bindings and MP4 playback."""
    probe, error = doctor.run_qt_probe()
    assert probe is not None, error
    checks = {c.name: c for c in doctor.qt_checks(probe, error)}
    assert checks["Qt bindings"].ok and checks["Qt bindings"].detail == "PySide6 6.11.3"
    assert checks["video"].ok


def test_no_audio_is_a_warning_with_a_fix() -> None:
    """No audio output is a warning (videos play silently), with a fix."""
    checks = {c.name: c for c in doctor.qt_checks(
        {"pyside": "6.11.3", "multimedia": True, "decodes_mp4": True, "audio_outputs": [], "cyrillic_fonts": 3,
         "has_dejavu": True}, "")}
    assert not checks["audio"].ok and not checks["audio"].severe and "PulseAudio" in checks["audio"].fix


def test_wrong_bindings_flagged() -> None:
    """The PySide6 release that aborts on Python 3.11 is flagged."""
    checks = {c.name: c for c in doctor.qt_checks({"pyside": "6.12.0", "multimedia": True, "decodes_mp4": True,
                                                   "audio_outputs": ["x"], "cyrillic_fonts": 3, "has_dejavu": True}, "")}
    assert not checks["Qt bindings"].ok and "6.11.3" in checks["Qt bindings"].fix


def test_content_and_disk(tmp_path: Path) -> None:
    """Content errors point at kiosk validate; low disk space is reported."""
    pack = make_pack(tmp_path)
    assert doctor.check_content(pack).ok
    (pack / "images" / "one.jpg").write_bytes(b"")
    bad = doctor.check_content(pack)
    assert not bad.ok and "kiosk validate" in bad.fix
    assert not doctor.check_disk([tmp_path], min_free=1 << 62)[0].ok


def test_autostart_files(tmp_path: Path) -> None:
    """install-autostart writes a supervised systemd unit and a session entry that starts it."""
    files = build(["/opt/kiosk/.venv/bin/kiosk", "run", "--content", "/srv/exhibit"], home_config=tmp_path)
    assert not doctor.check_autostart(tmp_path).ok
    install(files)
    assert doctor.check_autostart(tmp_path).ok
    unit = files.unit_path.read_text()
    assert "Type=notify" in unit and "Restart=always" in unit and "WatchdogSec=" in unit
    assert "ExecStart=/opt/kiosk/.venv/bin/kiosk run --content /srv/exhibit" in unit
    assert "systemctl --user start exhibit-kiosk.service" in files.desktop_path.read_text()
