"""Every row of docs/content.md's findings tables happens, at the severity the row promises.

The test reads the tables from the document itself: a row added to the docs without a way to
trigger it here fails, and so does a row whose severity the checker no longer gives.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.core.findings import Severity
from kiosk.core.loader import validate
from tests.core.packs import jpeg_bytes

DOC = Path(__file__).resolve().parents[2] / "docs" / "content.md"
TABLE_HEADERS = ("| finding | severity |", "| finding about a version | severity |")


def _rows() -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    lines = DOC.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if line.strip() not in TABLE_HEADERS:
            continue
        for row in lines[i + 2:]:
            if not row.startswith("|"):
                break
            finding, severity = (c.strip() for c in row.strip().strip("|").rsplit("|", 1))
            rows.append((finding, severity))
    return rows


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as f:
        f.write(text)


VTT_ROW = "clip.mp4,1,Clip,A short clip,Made for tests\n"
# A distinctive piece of each row's words -> what staff would do to cause it.
TRIGGERS: dict[str, Callable[[Path], None]] = {
    "not valid TOML": lambda p: _edit(p / "subject.toml", 'year = "1924"', "year = 1924 unquoted"),
    "unknown key": lambda p: _append(p / "subject.toml", '\nsubtitel = "x"\n'),
    "`tabs` leaving out": lambda p: _edit(p / "subject.toml", 'licence = "CC BY-SA 4.0"',
                                          'licence = "CC BY-SA 4.0"\ntabs = ["texts", "images", "charts"]'),
    "`draft = true`": lambda p: _edit(p / "subject.toml", 'licence = "CC BY-SA 4.0"',
                                      'licence = "CC BY-SA 4.0"\ndraft = true'),
    "`card` naming a file": lambda p: _edit(p / "subject.toml", 'licence = "CC BY-SA 4.0"',
                                            'licence = "CC BY-SA 4.0"\ncard = "images/none.jpg"'),
    "a file named in a CSV": lambda p: _append(p / "images" / "metadata.csv", "gone.jpg,3,Gone,c,Made for tests,a,\n"),
    "a path leaving the subject folder": lambda p: _append(p / "images" / "metadata.csv",
                                                           "../one.jpg,3,Out,c,Made for tests,a,\n"),
    "image truncated": lambda p: (p / "images" / "one.jpg").write_bytes(jpeg_bytes()[:200]),
    "video empty": lambda p: (p / "video" / "clip.mp4").write_bytes(b""),
    "video with sound and no captions": lambda p: (p / "video" / "clip.vtt").unlink(),
    "malformed cue": lambda p: (p / "video" / "clip.vtt").write_text("WEBVTT\n\n00:00:01 --> nonsense\nHi\n"),
    "text not UTF-8": lambda p: (p / "texts" / "overview.md").write_bytes(
        (p / "texts" / "overview.md").read_bytes().replace(b"A short", b"A sh\xf6rt")),
    "a CSV saved in UTF-16 or a Windows code page": lambda p: (p / "images" / "metadata.csv").write_bytes(
        (p / "images" / "metadata.csv").read_text(encoding="utf-8").replace("Первая картинка", "")
        .replace("The first picture", "Café crème").encode("cp1252")),
    "character set cannot be recognised": lambda p: (p / "images" / "metadata.csv").write_bytes(
        (p / "images" / "metadata.csv").read_bytes() + b"two.png,2,Two,\x98\x81,Made for tests,A,\n"),
    "can be read two ways": lambda p: _edit(p / "data" / "members.csv", "446089", "1.234"),
    "a file or folder name with a space": lambda p: (p / "images" / "my picture.jpg").write_bytes(jpeg_bytes()),
    "raw HTML": lambda p: _append(p / "texts" / "overview.md", "\n<b>bold</b>\n"),
    "CSV ragged row": lambda p: _append(p / "data" / "members.csv", "members,1925-01-01,5\n"),
    "missing alt text, caption, credit or source": lambda p: _edit(
        p / "subject.toml", 'credit = "Test source, CC BY-SA 4.0"\n', ""),
    "a language version of a picture or film without its default": lambda p: (
        p / "images" / "three.ru.jpg").write_bytes(jpeg_bytes()),
    "a language version in a language the subject does not offer": lambda p: (
        p / "images" / "one.de.jpg").write_bytes(jpeg_bytes()),
    "a file in a folder that nothing uses": lambda p: (p / "images" / "notes.txt").write_text("x"),
    "paragraph over 100 words": lambda p: _append(p / "texts" / "overview.md", "\n" + "word " * 120 + "\n"),
    # the table of language versions
    "`NAME.ru.jpg` with no `NAME.jpg`": lambda p: (p / "images" / "three.ru.jpg").write_bytes(jpeg_bytes()),
    "a version whose picture or film is broken": lambda p: (p / "images" / "one.ru.jpg").write_bytes(
        jpeg_bytes()[:200]),
    "a version in a language that is not in `languages`": lambda p: (p / "images" / "one.de.jpg").write_bytes(
        jpeg_bytes()),
    "a picture version of another size": lambda p: (p / "images" / "one.ru.jpg").write_bytes(
        jpeg_bytes((80, 48))),
    "a film version with sound and no captions": lambda p: (p / "video" / "clip.ru.mp4").write_bytes(
        (p / "video" / "clip.mp4").read_bytes()),
    "a row in `metadata.csv` naming a version": lambda p: (
        (p / "images" / "one.ru.jpg").write_bytes(jpeg_bytes()),
        _append(p / "images" / "metadata.csv", "one.ru.jpg,3,Один,c,Made for tests,a,\n")),
    "a film version without a poster of its own": lambda p: (p / "video" / "clip.ru.mp4").write_bytes(
        (p / "video" / "clip.mp4").read_bytes()),
}
SEVERITIES = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO}
ROWS = _rows()


def _trigger(finding: str) -> Callable[[Path], None]:
    keys = [k for k in TRIGGERS if k in finding]
    assert len(keys) == 1, f"docs/content.md row {finding!r} needs exactly one trigger here, has {keys}"
    return TRIGGERS[keys[0]]


def test_the_tables_are_read_whole() -> None:
    """Both tables are found, every row has a trigger, and no trigger is left without a row."""
    assert len(ROWS) >= 25
    used = {k for k in TRIGGERS for finding, _ in ROWS if k in finding}
    assert used == set(TRIGGERS)
    for finding, severity in ROWS:
        _trigger(finding)
        assert severity in SEVERITIES, (finding, severity)


@pytest.mark.parametrize(("finding", "severity"), ROWS, ids=[r[0][:50] for r in ROWS])
def test_each_row_is_found_at_its_severity(pack: Path, finding: str, severity: str) -> None:
    """Doing what the row describes produces a finding of exactly the severity the row names."""
    before = {(f.file, f.severity, f.message) for f in validate(pack)}
    _trigger(finding)(pack)
    after = validate(pack)
    new = [f for f in after if (f.file, f.severity, f.message) not in before]
    assert any(f.severity is SEVERITIES[severity] for f in new), (finding, [
        (str(f.severity), f.file, f.message) for f in new])
