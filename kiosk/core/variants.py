"""Language versions of a media file: `harbour.ru.png` beside `harbour.png`.

A picture, a film or a poster may exist once per language. The file without a language code is
the default language's (and names the item in metadata.csv); `NAME.XX.ext` is the same item for
visitors reading language XX. This module sorts a folder's files into items and their versions
and reports the versions that can never be shown.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.core.findings import FindingSink

_LANG = re.compile(r"^[a-z]{2,3}$")
#: A version may differ from its default by this much before staff are warned (rounding of the
#: container's duration, a few frames).
DURATION_SLACK_S = 0.5


def language_part(path: Path) -> tuple[str, str] | None:
    """`("harbour", "ru")` for `harbour.ru.png`; None for `harbour.png`."""
    base, dot, code = path.stem.rpartition(".")
    if dot and base and _LANG.match(code):
        return base, code
    return None


@dataclass
class Grouped:
    """A folder's media files as items (default files) and their language versions."""

    items: list[Path] = field(default_factory=list)
    versions: dict[Path, dict[str, Path]] = field(default_factory=dict)  # default -> {lang: file}
    refused: set[Path] = field(default_factory=set)  # versions that are never shown

    def of(self, default: Path) -> dict[str, Path]:
        return self.versions.get(default, {})


def group_versions(files: Iterable[Path], suffixes: Collection[str], languages: Collection[str],
                   default_language: str, sink: FindingSink, what: str) -> Grouped:
    """Split ``files`` (those with one of ``suffixes``) into items and language versions.

    A file `NAME.XX.ext` is a version when `NAME.ext` (any of the suffixes) stands beside it or
    XX is one of the subject's languages; otherwise it is an item of its own (`map.old.png`).
    ``what`` names the kind of file in findings ("picture", "film")."""
    media = [f for f in files if f.suffix.lower() in suffixes]
    by_stem: dict[str, list[Path]] = {}
    for f in media:
        by_stem.setdefault(f.stem, []).append(f)
    out = Grouped()
    for f in media:
        split = language_part(f)
        base = _default_for(f, split[0], by_stem) if split else None
        if split is None or (base is None and split[1] not in languages):
            out.items.append(f)
            continue
        code = split[1]
        default_name = f"{split[0]}{f.suffix}"
        if base is None:
            hint = (f"rename it '{default_name}': the file without a language code is the default "
                    "language's" if code == default_language else
                    f"add the {what} in the default language '{default_language}' as '{default_name}'")
            sink.error(f, f"this is the '{code}' version of a {what}, but there is no '{default_name}' "
                          "beside it, so it is never shown", hint=hint)
            out.refused.add(f)
        elif code == default_language:
            sink.warning(f, f"'{code}' is the default language, so '{base.name}' is shown and this "
                            "file never is", hint="remove it, or put it in place of the default file")
            out.refused.add(f)
        elif code not in languages:
            sink.warning(f, f"'{code}' is not one of the subject's languages, so this version of "
                            f"'{base.name}' is never shown", hint=f'add "{code}" to languages in subject.toml')
            out.refused.add(f)
        elif code in out.versions.setdefault(base, {}):
            sink.error(f, f"a second '{code}' version of '{base.name}' (the first is "
                          f"'{out.versions[base][code].name}')", hint="keep one of them")
            out.refused.add(f)
        else:
            out.versions[base][code] = f
    return out


def _default_for(version: Path, base_stem: str, by_stem: dict[str, list[Path]]) -> Path | None:
    """The default file a version belongs to: same suffix first, else any media suffix."""
    candidates = by_stem.get(base_stem, [])
    same = [c for c in candidates if c.suffix.lower() == version.suffix.lower()]
    return (same or candidates or [None])[0]


def size_text(width: int, height: int) -> str:
    return f"{width}×{height}"
