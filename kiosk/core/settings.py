"""The kiosk's one typed settings object, read from TOML files and command-line flags.

Layers, later ones winning: the platform settings file (``settings_path()``), then a file named
with ``--config``, then flags. A bad value is reported with the file and key it came from, so
staff can fix it without reading a traceback. Qt-free: the staff commands use it too.
"""

from __future__ import annotations

import base64
import tomllib
from collections.abc import Mapping, Sequence
from difflib import get_close_matches
from pathlib import Path
from typing import Annotated, Any, Literal

import msgspec
from msgspec import Meta

APP_NAME = "exhibit-kiosk"
PIN_ALGORITHM = "pbkdf2_sha256"
PIN_ITERATIONS = 200_000
DEFAULT_PIN = "2468"
# hash_pin("2468", salt=b"exhibit-kiosk-default-pin"[:16]): precomputed so that importing this
# module costs nothing. Staff replace it with their own `staff_pin_hash` (see docs/settings.md).
DEFAULT_PIN_HASH = (
    "pbkdf2_sha256$200000$ZXhoaWJpdC1raW9zay1kZQ==$FWLdA6mbhHHVvJZP2imN_sJqukvfvOMf6MN8DSQA4PE="
)
FLAG_SOURCE = "command line"

NonNegative = Annotated[float, Meta(ge=0)]


class SettingsError(ValueError):
    """A settings file or flag that cannot be used; the message names the file and key."""


class Settings(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """Everything the kiosk can be told. Documented key by key in docs/settings.md.

    msgspec rather than pydantic: the same typed validation at a fifth of the import cost, which
    counts because settings are read on the way to the first painted title screen.
    """

    content_dir: Path | None = None
    windowed: bool = False
    screen: Annotated[int, Meta(ge=0)] = 0
    idle_timeout_s: NonNegative | None = None
    warning_s: NonNegative = 20.0
    hide_cursor: bool | None = None
    staff_pin_hash: str = DEFAULT_PIN_HASH
    reduced_motion: bool = False
    high_contrast: bool = False
    low_reach: bool = False
    attract_interval_s: Annotated[float, Meta(gt=0)] = 8.0
    volume_cap_percent: Annotated[int, Meta(ge=0, le=100)] = 60
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    analytics: bool = True
    live_reload: bool = True
    # A fleet of kiosks on Syncthing (docs/fleet.md): where this kiosk receives published versions
    # and writes its status, who it is, and (on the staff PC) what `kiosk publish` keeps.
    fleet_dir: Path | None = None
    fleet_status_dir: Path | None = None  # unset: FLEET_DIR/status
    kiosk_id: Annotated[str, Meta(pattern=r"^([A-Za-z0-9][A-Za-z0-9_.-]{0,63})?$")] = ""  # "": host name
    kiosk_name: Annotated[str, Meta(max_length=100)] = ""
    fleet_keep_versions: Annotated[int, Meta(ge=1, le=50)] = 3
    fleet_offline_after_s: Annotated[float, Meta(ge=60, le=90 * 86400)] = 900.0
    syncthing_config: Path | None = None  # unset: Syncthing's own default place

    def __post_init__(self) -> None:
        try:
            parse_pin_hash(self.staff_pin_hash)
        except ValueError as exc:
            raise msgspec.ValidationError(f"{exc} - at `$.staff_pin_hash`") from None

    @property
    def cursor_hidden(self) -> bool:
        """Hidden for touch use in full screen, shown in a classroom window unless set."""
        return (not self.windowed) if self.hide_cursor is None else self.hide_cursor

    @classmethod
    def keys(cls) -> tuple[str, ...]:
        return cls.__struct_fields__


def settings_path() -> Path:
    """The platform's per-user settings file (it need not exist)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME)) / "settings.toml"


def default_content_dir() -> Path:
    """The repository's bundled `assets/` when running from a checkout, else `./assets`."""
    bundled = Path(__file__).resolve().parents[2] / "assets"
    return bundled if bundled.is_dir() else Path.cwd() / "assets"


def load_settings(
    files: Sequence[Path] = (),
    flags: Mapping[str, Any] | None = None,
    *,
    required: Sequence[Path] = (),
) -> Settings:
    """Merge the settings files that exist (``required`` ones must) and then the flags.

    Flags whose value is None were not given and do not override anything.
    """
    merged: dict[str, Any] = {}
    origin: dict[str, str] = {}
    for path in files:
        if not path.is_file():
            if path in required:
                raise SettingsError(f"{path}: settings file not found")
            continue
        for key, value in _read_toml(path).items():
            merged[key] = value
            origin[key] = str(path)
    for key, value in (flags or {}).items():
        if value is not None:
            merged[key] = value
            origin[key] = FLAG_SOURCE
    try:
        return msgspec.convert(merged, Settings, strict=False, dec_hook=_decode)
    except msgspec.ValidationError as exc:
        raise SettingsError(_describe(exc, origin)) from None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: cannot read the settings file ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: not valid TOML: {exc}") from None
    known = set(Settings.keys())
    for key in data:
        if key not in known:
            near = get_close_matches(key, sorted(known), n=1)
            hint = f" (did you mean `{near[0]}`?)" if near else ""
            raise SettingsError(f"{path}: unknown key `{key}`{hint}")
    content = data.get("content_dir")
    if isinstance(content, str) and content and not Path(content).expanduser().is_absolute():
        data["content_dir"] = str(path.parent / content)
    if isinstance(content, str):
        data["content_dir"] = str(Path(data["content_dir"]).expanduser())
    return data


def _decode(kind: type, value: Any) -> Any:
    if kind is Path and isinstance(value, str | Path):
        return Path(value)
    raise NotImplementedError


def _describe(exc: msgspec.ValidationError, origin: Mapping[str, str]) -> str:
    """'Expected `int`, got `str` - at `$.screen`' as 'FILE: `screen`: expected `int`, got `str`'."""
    text = str(exc)
    message, _, where = text.rpartition(" - at `$.")
    key = where.rstrip("`").split(".")[0].split("[")[0] if where else "?"
    if not message:
        message = text
    source = origin.get(key, "defaults")
    return f"{source}: `{key}`: {message[0].lower() + message[1:] if message else message}"


# -- the staff PIN ------------------------------------------------------------------------------


def hash_pin(pin: str, *, salt: bytes | None = None, iterations: int = PIN_ITERATIONS) -> str:
    """A storable PIN hash: ``pbkdf2_sha256$iterations$salt$hash`` (salt and hash base64url)."""
    import hashlib  # OpenSSL: loaded only when a PIN is made or checked (kiosk.core.digest)
    import secrets

    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)
    return "$".join(
        (PIN_ALGORITHM, str(iterations), _b64(salt), _b64(digest)),
    )


def verify_pin(pin: str, stored: str) -> bool:
    """True when ``pin`` matches ``stored``; compares in constant time."""
    import hashlib
    import hmac

    iterations, salt, digest = parse_pin_hash(stored)
    candidate = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)
    return hmac.compare_digest(candidate, digest)


def parse_pin_hash(stored: str) -> tuple[int, bytes, bytes]:
    parts = stored.split("$")
    if len(parts) != 4 or parts[0] != PIN_ALGORITHM:
        raise ValueError(f"expected '{PIN_ALGORITHM}$iterations$salt$hash' (see `hash_pin`)")
    try:
        iterations = int(parts[1])
        salt = base64.urlsafe_b64decode(parts[2])
        digest = base64.urlsafe_b64decode(parts[3])
    except ValueError:
        raise ValueError("the PIN hash is damaged: iterations, salt or hash unreadable") from None
    if iterations < 1 or not salt or len(digest) != 32:
        raise ValueError("the PIN hash is damaged: iterations, salt or hash out of range")
    return iterations, salt, digest


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii")

