"""Keeping every file the kiosk opens inside its subject folder.

Staff content is untrusted input: a metadata row saying `../../etc/passwd`, a symlink pointing
outside the exhibit or a symlink loop must be reported and never opened.
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePosixPath

_DRIVE = re.compile(r"^[A-Za-z]:")


def unsafe_reference(ref: str) -> str | None:
    """Why a path written in content (a CSV cell, a Markdown link) may not be used, or None."""
    if not ref.strip():
        return "the path is empty"
    if "\x00" in ref:
        return "the path contains a NUL character"
    if _DRIVE.match(ref):
        return "the path names a drive letter"
    if ref.startswith(("/", "\\")):
        return "the path is absolute"
    if "\\" in ref:
        return "the path uses backslashes; use '/' between folders"
    if any(part == ".." for part in PurePosixPath(ref).parts):
        return "the path leaves the folder with '..'"
    return None


def resolve_inside(root: Path, path: Path, *, root_is_resolved: bool = False) -> tuple[Path | None, str | None]:
    """Resolve `path`, following symlinks, and insist the result stays under `root`.

    Returns (resolved path, None) or (None, reason). Never reads the file itself.
    """
    real_root = root
    if not root_is_resolved:
        try:
            real_root = root.resolve(strict=True)
        except (OSError, RuntimeError) as exc:
            return None, f"the subject folder cannot be read ({exc.__class__.__name__})"
    try:
        resolved = path.resolve(strict=True)
    except RuntimeError:
        return None, "the file is a symlink loop"
    except FileNotFoundError:
        if path.is_symlink():
            return None, "the file is a broken symlink"
        return None, "the file does not exist"
    except OSError as exc:
        if exc.errno == 40:  # ELOOP
            return None, "the file is a symlink loop"
        return None, f"the file cannot be read ({exc.strerror or exc.__class__.__name__})"
    if resolved != real_root and real_root not in resolved.parents:
        return None, "the file is a symlink pointing outside the subject folder"
    return resolved, None


def is_hidden(path: Path) -> bool:
    return path.name.startswith(".") or path.name in ("Thumbs.db", "desktop.ini")


def listdir(folder: Path) -> list[Path]:
    """Entries of a folder sorted by name, hidden files left out; empty if it cannot be read."""
    try:
        entries = [Path(e.path) for e in os.scandir(folder)]
    except OSError:
        return []
    return sorted((p for p in entries if not is_hidden(p)), key=lambda p: p.name)
