"""What every part of reading a subject folder shares: where it is, where findings go, and the
helpers that keep every opened file inside the folder."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from kiosk.core.findings import FindingSink
from kiosk.core.manifest import Manifest
from kiosk.core.model import Localized
from kiosk.core.safepath import listdir, resolve_inside
from kiosk.core.tables import Row

# Letters and digits of the ASCII alphabet: a space or an accent works here but can be mangled
# when a USB stick or a zip file goes between Windows, macOS and Linux (docs/content.md).
_SAFE_NAME = re.compile(r"^[A-Za-z0-9._-]+$")
UNSAFE_NAME = ("the name has a space, an accent or another sign besides letters a–z, digits, '-', '_' "
               "and '.'; it works here, but may be garbled when copied between Windows, macOS and Linux")
UNSAFE_NAME_HINT = "rename it, e.g. 'Café crème.jpg' to 'cafe-creme.jpg' (and its row in metadata.csv)"


def safe_name(name: str) -> bool:
    return bool(_SAFE_NAME.match(unicodedata.normalize("NFC", name)))


@dataclass
class SubjectFolder:
    folder: Path  # resolved once: every file is read through this one version
    sink: FindingSink
    media_checks: bool
    manifest: Manifest

    @property
    def real_root(self) -> Path:
        return self.folder

    @property
    def default(self) -> str:
        return self.manifest.default_language

    def folder_named(self, name: str) -> Path | None:
        """A media folder of the subject, if it exists and stays inside the subject."""
        path = self.folder / name
        if not path.is_dir():
            return None
        _, why = resolve_inside(self.folder, path, root_is_resolved=True)
        return None if why else path

    def safe_entries(self, folder: Path) -> list[Path]:
        """Regular files of a folder that stay inside the subject; the others become findings."""
        out: list[Path] = []
        for entry in listdir(folder):
            _, why = resolve_inside(self.folder, entry, root_is_resolved=True)
            if why:
                self.sink.error(entry, f"this file is never opened: {why}")
                continue
            if entry.is_dir():
                self.sink.info(entry, "subfolders are not read; move its files up one level")
                continue
            if not safe_name(entry.name):
                self.sink.warning(entry, UNSAFE_NAME, hint=UNSAFE_NAME_HINT)
            out.append(entry)
        return out

    def localized(self, row: Row | None, key: str) -> Localized:
        if row is None:
            return Localized({}, self.default)
        return Localized({(k or self.default): v for k, v in row.variants(key).items()}, self.default)

    def order(self, row: Row | None, path: Path) -> float:
        if row is None or not row.get("order"):
            return float("inf")
        try:
            return float(row.get("order"))
        except ValueError:
            self.sink.warning(path, f"'order' must be a number, not '{row.get('order')}'", line=row.line)
            return float("inf")
