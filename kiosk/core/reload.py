"""Live reload: noticing that content changed, and choosing what to show afterwards.

A reload never makes the exhibit worse: a subject whose new version has errors keeps showing its
last good version (staff see why in the staff panel); the new version is taken once it is clean.
"""

from __future__ import annotations

import os
from pathlib import Path

from kiosk.core.digest import blake2b
from kiosk.core.findings import Finding, Severity
from kiosk.core.loader import SUBJECT_FILE, LoadResult
from kiosk.core.model import Library, Subject


def content_fingerprint(root: Path) -> str:
    """A digest of every file's name, size and modification time under the content root.

    Cheap (no file is read). It follows symlinks that stay inside the content root, so an
    import's swap of a subject's link shows; a link leading outside, or back into a folder
    already walked (a loop), is noted by its target and never followed.
    """
    digest = blake2b(digest_size=16)
    real_root = os.path.realpath(root)
    seen: set[str] = set()
    stack = [str(root)]
    while stack:
        folder = stack.pop()
        real = os.path.realpath(folder)
        if real in seen:
            continue
        seen.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_symlink():
                target = os.path.realpath(entry.path)
                inside = target == real_root or target.startswith(real_root + os.sep)
                if not inside or target in seen:
                    digest.update(f"{entry.path}|link|{os.readlink(entry.path)}".encode())
                    continue
            try:
                st = entry.stat(follow_symlinks=True)
            except OSError:
                digest.update(f"{entry.path}|broken".encode())
                continue
            if entry.is_dir(follow_symlinks=True):
                digest.update(f"{entry.path}|dir|{os.path.realpath(entry.path)}".encode())
                stack.append(entry.path)
            else:
                digest.update(f"{entry.path}|{st.st_size}|{st.st_mtime_ns}".encode())
    return digest.hexdigest()


def subjects_with_errors(result: LoadResult) -> set[str]:
    """The ids of subjects that have at least one error in this result."""
    root = result.library.root
    single = (root / SUBJECT_FILE).exists()
    out: set[str] = set()
    for f in result.findings:
        if f.severity is not Severity.ERROR:
            continue
        if single:
            out.add(root.name)
        elif "/" in f.file:
            out.add(f.file.split("/", 1)[0])
        elif f.file and f.file != ".":
            out.add(f.file)
    return out


def merge_reload(previous: Library, result: LoadResult) -> tuple[Library, list[Finding]]:
    """What to show after a reload, and notes for staff about subjects kept at their old version."""
    broken = subjects_with_errors(result)
    new_by_id = {s.id: s for s in result.library.subjects}
    old_by_id = {s.id: s for s in previous.subjects}
    chosen: list[Subject] = []
    notes: list[Finding] = []
    drafts = {s.id for s in result.library.drafts}
    for sid in sorted(new_by_id.keys() | old_by_id.keys(), key=lambda i: i):
        if sid in drafts:
            continue  # staff took it back to a draft: visitors no longer see any version of it
        if sid in broken and sid in old_by_id:
            chosen.append(old_by_id[sid])
            notes.append(Finding(sid, None, Severity.WARNING,
                                 "the changed content has errors: visitors still see the last good version",
                                 "fix the errors below; the kiosk takes the new version once it is clean"))
        elif sid in new_by_id:
            chosen.append(new_by_id[sid])
    chosen.sort(key=lambda s: (s.order, s.id))
    return Library(result.library.root, tuple(chosen), result.library.drafts), notes
