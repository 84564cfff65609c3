"""The typed settings object: TOML layers, flags, errors that name file and key, the PIN hash."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.core.settings import (
    DEFAULT_PIN,
    DEFAULT_PIN_HASH,
    Settings,
    SettingsError,
    hash_pin,
    load_settings,
    settings_path,
    verify_pin,
)


def test_defaults_are_a_locked_full_screen_kiosk() -> None:
    """With no file and no flag: full screen, hidden cursor, 20 s warning, default PIN."""
    s = load_settings()
    assert s == Settings()
    assert not s.windowed and s.cursor_hidden
    assert s.warning_s == 20 and s.idle_timeout_s is None
    assert verify_pin(DEFAULT_PIN, s.staff_pin_hash)


def test_windowed_shows_the_cursor_unless_told_otherwise() -> None:
    """Classroom mode shows the cursor; hide_cursor overrides either way."""
    assert not Settings(windowed=True).cursor_hidden
    assert Settings(windowed=True, hide_cursor=True).cursor_hidden


def test_layers_config_file_then_flags(tmp_path: Path) -> None:
    """The user file, then --config, then flags: later layers win."""
    user = tmp_path / "user.toml"
    user.write_text('idle_timeout_s = 60\nreduced_motion = true\ncontent_dir = "packs"\n')
    extra = tmp_path / "extra.toml"
    extra.write_text("idle_timeout_s = 45\n")
    s = load_settings([user, extra], {"idle_timeout_s": 30.0, "windowed": None})
    assert s.idle_timeout_s == 30
    assert s.reduced_motion
    assert s.content_dir == tmp_path / "packs"  # relative to the file that names it
    assert not s.windowed


def test_missing_user_file_is_fine_but_missing_config_is_not(tmp_path: Path) -> None:
    """An absent platform file is skipped; an absent --config file is an error naming it."""
    gone = tmp_path / "gone.toml"
    assert load_settings([gone]) == Settings()
    with pytest.raises(SettingsError, match="gone.toml"):
        load_settings([gone], required=[gone])


def test_unknown_key_names_file_and_nearest_key(tmp_path: Path) -> None:
    """A misspelt key names the file and suggests the right one."""
    f = tmp_path / "settings.toml"
    f.write_text("idle_timout_s = 30\n")
    with pytest.raises(SettingsError, match=r"settings.toml: unknown key `idle_timout_s`.*idle_timeout_s"):
        load_settings([f])


def test_bad_value_names_file_and_key(tmp_path: Path) -> None:
    """A value of the wrong type names the file and the key."""
    f = tmp_path / "settings.toml"
    f.write_text('warning_s = "soon"\n')
    with pytest.raises(SettingsError, match=r"settings.toml: `warning_s`"):
        load_settings([f])


def test_bad_flag_is_attributed_to_the_command_line() -> None:
    """A bad flag value is reported as coming from the command line."""
    with pytest.raises(SettingsError, match=r"command line: `idle_timeout_s`"):
        load_settings(flags={"idle_timeout_s": -5})


def test_broken_toml_names_the_file(tmp_path: Path) -> None:
    """A TOML syntax error names the file and its line."""
    f = tmp_path / "settings.toml"
    f.write_text("windowed = \n")
    with pytest.raises(SettingsError, match=r"settings.toml: not valid TOML.*line 1"):
        load_settings([f])


def test_pin_hash_round_trip_and_salt() -> None:
    """hash_pin makes a salted pbkdf2 string that verify_pin accepts for that PIN only."""
    a = hash_pin("1357", iterations=1000)
    b = hash_pin("1357", iterations=1000)
    assert a != b and a.startswith("pbkdf2_sha256$1000$")
    assert verify_pin("1357", a) and not verify_pin("1358", a)
    assert verify_pin(DEFAULT_PIN, DEFAULT_PIN_HASH)


def test_damaged_pin_hash_is_a_settings_error() -> None:
    """A staff_pin_hash that is not in the documented form is refused with its key named."""
    with pytest.raises(SettingsError, match="staff_pin_hash"):
        load_settings(flags={"staff_pin_hash": "2468"})


def test_settings_path_is_the_platform_config_location() -> None:
    """The settings file lives in the platform's config folder for exhibit-kiosk."""
    p = settings_path()
    assert p.name == "settings.toml" and "exhibit-kiosk" in str(p)


def test_core_modules_of_the_shell_are_qt_free() -> None:
    """Settings, idle arithmetic and notify import without pulling in Qt."""
    code = (
        "import sys, kiosk.core.settings, kiosk.core.idle, kiosk.core.notify\n"
        "sys.exit(any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
