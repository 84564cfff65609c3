"""Loading a content root: every subject read, checked and turned into the content model.

This is the one place content is validated. `kiosk validate`, the importer and the app's start
all call `load_library`; what it leaves out (items with errors) is exactly what the findings name.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.core.findings import Finding, FindingSink, Severity
from kiosk.core.model import Library, Subject
from kiosk.core.safepath import listdir, resolve_inside
from kiosk.core.subject_reader import SubjectReader

log = logging.getLogger(__name__)

SUBJECT_FILE = "subject.toml"


@dataclass(frozen=True)
class LoadResult:
    library: Library
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.WARNING]


def subject_folders(root: Path, sink: FindingSink) -> list[Path]:
    """The subject folders under a content root; `root` may itself be one subject folder."""
    if (root / SUBJECT_FILE).exists() or (root / SUBJECT_FILE).is_symlink():
        return [root]
    if not root.is_dir():
        sink.error(root, "this folder does not exist or cannot be read")
        return []
    folders: list[Path] = []
    for entry in listdir(root):
        if entry.is_symlink():
            _, why = resolve_inside(root, entry)
            if why:
                sink.error(entry, f"the subject folder is not used: {why}")
                continue
        if not entry.is_dir():
            continue
        if (entry / SUBJECT_FILE).exists():
            folders.append(entry)
        else:
            sink.info(entry, f"this folder has no {SUBJECT_FILE}, so it is not a subject")
    if not folders:
        sink.error(root, f"no subjects here: a subject is a folder with a {SUBJECT_FILE} file",
                   hint="see docs/content.md")
    return folders


def load_library(
    root: Path, *, media_checks: bool = True, pinned: Mapping[str, Path] | None = None
) -> LoadResult:
    """Read every subject under `root`. Never raises on bad content: problems become findings.

    With `media_checks=False` images and videos are listed but not probed, so the kiosk can paint
    its title screen first and run the full check right after. `pinned` reads the named subjects
    from the given version folders instead of the live ones (safe mode's last good content).
    """
    root = Path(root)
    sink = FindingSink(root)
    subjects: list[Subject] = []
    drafts: list[Subject] = []
    for folder in subject_folders(root, sink):
        try:
            version = (pinned or {}).get(folder.name)
            if version is not None and not Path(version).is_dir():
                version = None
            subject = SubjectReader(folder, sink, media_checks=media_checks,
                                    read_from=Path(version) if version else None).read()
        except Exception as exc:  # a bug must not take the exhibit down; staff see it as a finding
            log.exception("reading %s failed", folder)
            sink.error(folder, f"this subject could not be read ({exc.__class__.__name__}: {exc})",
                       hint="please report this: the checker itself failed")
            continue
        if subject is None:
            continue
        if not subject.visible_tabs():
            # A card that opens onto no tab would be a dead end for a visitor.
            sink.error(folder / SUBJECT_FILE, "this subject has nothing to show (no text, image, "
                       "video or chart could be used), so visitors do not see it",
                       hint="see the other findings for this folder, or add content to it")
            continue
        (drafts if subject.draft else subjects).append(subject)
    findings = sorted(sink.findings, key=lambda f: (f.file, f.line or 0, -f.severity))
    # The chooser's order: `order` in subject.toml, then the folder name.
    subjects.sort(key=lambda s: (s.order, s.id))
    drafts.sort(key=lambda s: (s.order, s.id))
    return LoadResult(Library(root, tuple(subjects), tuple(drafts)), findings)


def validate(path: Path) -> list[Finding]:
    """Every finding for a content root or one subject folder, full media checks included."""
    return load_library(path, media_checks=True).findings
