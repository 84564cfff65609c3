"""Articles: encoding, front matter, raw HTML, links and long paragraphs become findings."""

from __future__ import annotations

from pathlib import Path

from kiosk.core.findings import Severity
from kiosk.core.loader import load_library
from tests.core.conftest import findings_for, only

HEAD = "---\ntitle: T\nsource: S\n---\n"


def _article(pack: Path, body: str | bytes, name: str = "extra.md") -> str:
    path = pack / "texts" / name
    if isinstance(body, bytes):
        path.write_bytes(body)
    else:
        path.write_text(body, encoding="utf-8")
    return f"texts/{name}"


def test_not_utf8_is_warning_with_line_and_still_shown(pack: Path) -> None:
    """A text saved in another encoding is shown with replacement characters and a warning."""
    file = _article(pack, (HEAD + "Fine line\nЗагадка\n").encode("cp1251"))
    warnings = only(findings_for(pack, Severity.WARNING), file)
    assert warnings and "not UTF-8" in warnings[0].message and warnings[0].line == 6
    article = next(a for a in load_library(pack).library.subjects[0].articles if a.id == "extra")
    assert "\ufffd" in article.text().markdown


def test_raw_html_and_script_warn(pack: Path) -> None:
    """Raw HTML and scripts in Markdown are warnings: they are shown as text."""
    file = _article(pack, HEAD + "Intro\n\n<script>alert(1)</script>\n\nSome <b>bold</b> words\n")
    messages = [(f.line, f.message) for f in only(findings_for(pack, Severity.WARNING), file)]
    assert any(line == 7 and "script" in m for line, m in messages)
    assert any(line == 9 and "<b>" in m for line, m in messages)


def test_links_warn(pack: Path) -> None:
    """A link is a warning: nothing opens on a kiosk. Internal anchors are fine."""
    file = _article(pack, HEAD + "See [the site](https://example.org) and [below](#below).\n")
    warnings = only(findings_for(pack, Severity.WARNING), file)
    assert len(warnings) == 1 and "example.org" in warnings[0].message and warnings[0].line == 5


def test_long_paragraph_is_info(pack: Path) -> None:
    """A paragraph over 100 words is a note for staff."""
    file = _article(pack, HEAD + " ".join(["word"] * 130) + "\n")
    notes = only(findings_for(pack, Severity.INFO), file)
    assert notes and "130 words" in notes[0].message


def test_missing_title_and_source(pack: Path) -> None:
    """An article without front matter shows its file name as title, with warnings."""
    file = _article(pack, "Just text.\n", name="my-notes.md")
    warnings = [f.message for f in only(findings_for(pack, Severity.WARNING), file)]
    assert any("no front matter" in m for m in warnings)
    assert any("no title" in m for m in warnings) and any("source" in m for m in warnings)
    article = next(a for a in load_library(pack).library.subjects[0].articles if a.id == "my-notes")
    assert article.text().title == "My notes"


def test_unclosed_front_matter_is_error(pack: Path) -> None:
    """Front matter without its closing '---' is an error on line 1."""
    file = _article(pack, "---\ntitle: T\nsource: S\nText\n")
    errors = only(findings_for(pack, Severity.ERROR), file)
    assert errors and errors[0].line == 1 and "not closed" in errors[0].message


def test_unknown_front_matter_key_suggests(pack: Path) -> None:
    """A misspelt front matter key is a warning naming the nearest valid key."""
    file = _article(pack, "---\ntitle: T\nsorce: S\n---\nText\n")
    warnings = only(findings_for(pack, Severity.WARNING), file)
    assert any(f.line == 3 and "source" in f.hint for f in warnings)


def test_empty_article_is_error(pack: Path) -> None:
    """An article with front matter and no text is left out with an error."""
    file = _article(pack, HEAD)
    assert only(findings_for(pack, Severity.ERROR), file)
    assert "extra" not in [a.id for a in load_library(pack).library.subjects[0].articles]


def test_articles_sorted_by_order(pack: Path) -> None:
    """Articles are listed by their 'order', the overview first."""
    _article(pack, "---\ntitle: Later\nsource: S\norder: 5\n---\nText\n", name="later.md")
    _article(pack, "---\ntitle: Zero\nsource: S\norder: 0\n---\nText\n", name="zero.md")
    assert [a.id for a in load_library(pack).library.subjects[0].articles] == ["zero", "overview", "later"]
