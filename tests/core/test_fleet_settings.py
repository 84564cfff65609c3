"""The fleet's settings: read from the settings file like every other key, each number bounded."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core.settings import Settings, SettingsError, load_settings


def test_a_kiosk_in_a_fleet_is_set_up_in_its_settings_file(tmp_path: Path) -> None:
    """The fleet folder, who the kiosk is, how many versions the staff PC keeps, when a kiosk
    counts as offline, and where Syncthing's config is."""
    f = tmp_path / "settings.toml"
    f.write_text('fleet_dir = "/srv/exhibit/fleet"\nkiosk_id = "gallery-2"\nkiosk_name = "Gallery 2, by the door"\n'
                 'fleet_keep_versions = 5\nfleet_offline_after_s = 3600\n'
                 'syncthing_config = "/home/kiosk/.local/state/syncthing/config.xml"\n')
    s = load_settings([f])
    assert s.fleet_dir == Path("/srv/exhibit/fleet") and s.fleet_status_dir is None
    assert (s.kiosk_id, s.kiosk_name, s.fleet_keep_versions, s.fleet_offline_after_s) == (
        "gallery-2", "Gallery 2, by the door", 5, 3600)
    assert s.syncthing_config == Path("/home/kiosk/.local/state/syncthing/config.xml")


def test_no_fleet_by_default() -> None:
    s = Settings()
    assert s.fleet_dir is None and s.fleet_status_dir is None and s.kiosk_id == ""
    assert s.fleet_keep_versions == 3 and s.fleet_offline_after_s == 900


@pytest.mark.parametrize(("line", "key"), [
    ("fleet_keep_versions = 0", "fleet_keep_versions"),
    ("fleet_keep_versions = 51", "fleet_keep_versions"),
    ("fleet_offline_after_s = 10", "fleet_offline_after_s"),
    ("fleet_offline_after_s = 1e9", "fleet_offline_after_s"),
    ('kiosk_id = "gallery 2"', "kiosk_id"),
    ('kiosk_id = "../../etc"', "kiosk_id"),
    (f'kiosk_name = "{"x" * 101}"', "kiosk_name"),
])
def test_out_of_bounds_values_name_the_file_and_key(tmp_path: Path, line: str, key: str) -> None:
    """A kiosk id that could not be a file name, or a number out of its range, is refused."""
    f = tmp_path / "settings.toml"
    f.write_text(line + "\n")
    with pytest.raises(SettingsError, match=rf"settings.toml: `{key}`"):
        load_settings([f])
