"""Articles rendered for the reader: no raw HTML, pictures only from the subject (Qt-free)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.core.markdown_render import image_index, render_markdown, slugify


@pytest.fixture
def subject(tmp_path: Path) -> Path:
    folder = tmp_path / "subject"
    (folder / "texts").mkdir(parents=True)
    (folder / "images").mkdir()
    (folder / "images" / "poster.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "secret.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return folder


def _render(subject: Path, body: str):  # type: ignore[no-untyped-def]
    return render_markdown(body, subject / "texts", subject)


def test_raw_html_is_escaped(subject: Path) -> None:
    """A script tag in an article is shown as text, never as markup."""
    html = _render(subject, "Hello <script>alert(1)</script>\n\n<div onclick='x'>hi</div>").html
    assert "<script>" not in html and "&lt;script&gt;" in html and "<div" not in html


def test_pictures_inside_the_subject_are_kept(subject: Path) -> None:
    """A picture next door in images/ is shown, under the reader's own scheme."""
    result = _render(subject, "![A poster](../images/poster.png)")
    assert result.images == ((subject / "images" / "poster.png").resolve(),)
    assert 'src="kiosk-image:0"' in result.html and image_index("kiosk-image:0") == 0


@pytest.mark.parametrize("src", ["../../secret.png", "/etc/passwd", "http://example.com/a.png",
                                 "file:///etc/passwd", "data:image/png;base64,AAAA",
                                 "../images/missing.png", "..%2F..%2Fsecret.png"])
def test_pictures_from_elsewhere_are_refused(subject: Path, src: str) -> None:
    """Anything outside the subject folder, remote or missing shows its alt text instead."""
    result = _render(subject, f"![Outside]({src})")
    assert result.images == () and "kiosk-image" not in result.html and "<img" not in result.html


def test_a_symlink_leaving_the_subject_is_refused(subject: Path) -> None:
    """A picture that is a symlink to a file outside the subject is not shown."""
    os.symlink(subject.parent / "secret.png", subject / "images" / "link.png")
    assert _render(subject, "![x](../images/link.png)").images == ()


def test_links_are_inert_and_anchors_internal(subject: Path) -> None:
    """External links keep only an inert href; #anchors point at heading anchors."""
    result = _render(subject, "## The Campaign\n\n[see](https://example.com) and [up](#the-campaign)")
    assert result.anchors == ("the-campaign",)
    assert '<a name="the-campaign">' in result.html
    assert 'class="inert" href="https://example.com"' in result.html
    assert 'class="internal" href="#the-campaign"' in result.html


def test_slugs_work_in_any_script_and_repeat_safely(subject: Path) -> None:
    """Russian headings get anchors; two equal headings get distinct ones."""
    assert slugify("Кто вступал, и зачем?") == "кто-вступал-и-зачем"
    assert _render(subject, "# A\n\n# A").anchors == ("a", "a-2")
