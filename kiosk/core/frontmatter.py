"""The `key: value` block at the top of a Markdown article."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kiosk.core.findings import FindingSink
from kiosk.core.tables import nearest

KNOWN_KEYS = ("title", "author", "source", "language", "order")


@dataclass
class FrontMatter:
    values: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    body: str = ""
    body_first_line: int = 1


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def parse_front_matter(text: str, path: Path, sink: FindingSink) -> FrontMatter:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        sink.warning(
            path,
            "the article has no front matter",
            line=1,
            hint="start the file with '---', lines like 'title: …' and 'source: …', then '---'",
        )
        return FrontMatter(body=text)
    fm = FrontMatter()
    end = None
    for i in range(1, len(lines)):
        raw = lines[i].rstrip()
        if raw.strip() == "---":
            end = i
            break
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        key, sep, value = raw.partition(":")
        key = key.strip().lower()
        if not sep or not key:
            sink.error(path, f"front matter line is not 'key: value': '{raw.strip()[:60]}'", line=i + 1)
            continue
        if key not in KNOWN_KEYS:
            guess = nearest(key, KNOWN_KEYS)
            sink.warning(
                path,
                f"unknown front matter key '{key}'; it is ignored",
                line=i + 1,
                hint=f"did you mean '{guess}'?" if guess else "known keys: " + ", ".join(KNOWN_KEYS),
            )
            continue
        fm.values[key] = _unquote(value)
        fm.lines[key] = i + 1
    if end is None:
        sink.error(path, "the front matter is not closed with a '---' line", line=1)
        return FrontMatter(body=text)
    fm.body = "\n".join(lines[end + 1 :])
    fm.body_first_line = end + 2
    return fm
