"""Articles from Markdown to the small HTML a QTextDocument shows: safe for a kiosk.

Raw HTML is escaped (shown as text), pictures may come only from inside the subject folder, and
links lead nowhere: internal ``#anchors`` stay (the reader scrolls to them), every other link is
kept only as an inert ``href`` the reader never follows. Headings get anchors from their text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote

from kiosk.core.imageprobe import IMAGE_SUFFIXES
from kiosk.core.safepath import resolve_inside, unsafe_reference

# Pictures in a text are named by number, under a scheme the reader alone resolves.
IMAGE_SCHEME = "kiosk-image"
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True)
class RenderedArticle:
    html: str
    images: tuple[Path, ...]  # the approved picture files; ``kiosk-image:N`` is images[N]
    anchors: tuple[str, ...]  # heading anchors, in order
    refused: tuple[str, ...]  # picture references that were not shown, for the log


def slugify(text: str) -> str:
    """A heading's anchor: lower case letters and digits joined by hyphens (any script)."""
    text = unicodedata.normalize("NFKC", text).lower()
    words = re.findall(r"\w+", text)
    return "-".join(words) or "section"


def image_url(index: int) -> str:
    return f"{IMAGE_SCHEME}:{index}"


def image_index(url: str) -> int | None:
    """The picture number in a ``kiosk-image:N`` URL, or None for anything else."""
    prefix = f"{IMAGE_SCHEME}:"
    if not url.startswith(prefix) or not url[len(prefix):].isdigit():
        return None
    return int(url[len(prefix):])


def resolve_picture(src: str, article_dir: Path, subject_dir: Path) -> tuple[Path | None, str]:
    """A picture reference from an article, checked: (file, "") or (None, why not)."""
    ref = unquote(src.strip())
    if _SCHEME.match(ref) and not re.match(r"^[A-Za-z]:[\\/]", ref):
        return None, "pictures in a text must be files in the subject folder"
    # Relative to the article's folder; it may step up to the subject folder but not beyond.
    try:
        parts = [*article_dir.relative_to(subject_dir).parts, *PurePosixPath(ref).parts]
    except ValueError:
        return None, "the article is not inside the subject folder"
    if ref.startswith(("/", "\\")) or "\\" in ref or "\x00" in ref:
        return None, unsafe_reference(ref) or "the path is not allowed"
    normal: list[str] = []
    for part in parts:
        if part == "..":
            if not normal:
                return None, "the picture lies outside the subject folder"
            normal.pop()
        elif part != ".":
            normal.append(part)
    why = unsafe_reference("/".join(normal)) if normal else "the path is empty"
    if why:
        return None, why
    path, why = resolve_inside(subject_dir, subject_dir.joinpath(*normal))
    if path is None:
        return None, why or "the picture cannot be used"
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        return None, "the file is not a JPEG, PNG or WebP picture"
    return path, ""


def _markdown() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False})


def render_markdown(markdown: str, article_dir: Path, subject_dir: Path) -> RenderedArticle:
    """Render an article's Markdown body. Never raises on bad content."""
    md = _markdown()
    images: list[Path] = []
    anchors: list[str] = []
    refused: list[str] = []

    def heading_open(tokens: Sequence[Any], idx: int, options: Any, env: Any) -> str:
        inline = tokens[idx + 1] if idx + 1 < len(tokens) else None
        slug = slugify(inline.content if inline is not None else "")
        base, n = slug, 2
        while slug in anchors:
            slug, n = f"{base}-{n}", n + 1
        anchors.append(slug)
        return f'<{tokens[idx].tag}><a name="{escape(slug)}"></a>'

    def link_open(tokens: Sequence[Any], idx: int, options: Any, env: Any) -> str:
        href = str(tokens[idx].attrGet("href") or "")
        if href.startswith("#"):
            return f'<a class="internal" href="#{escape(slugify(unquote(href[1:])))}">'
        return f'<a class="inert" href="{escape(href)}">'

    def image(tokens: Sequence[Any], idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        alt = escape(token.content or "")
        path, why = resolve_picture(str(token.attrGet("src") or ""), article_dir, subject_dir)
        if path is None:
            refused.append(f"{token.attrGet('src')}: {why}")
            return f'<span class="missing">{alt}</span>' if alt else ""
        images.append(path)
        return f'<img src="{image_url(len(images) - 1)}" alt="{alt}" />'

    md.renderer.rules["heading_open"] = heading_open
    md.renderer.rules["link_open"] = link_open
    md.renderer.rules["image"] = image
    try:
        html = md.render(markdown)
    except Exception:  # noqa: BLE001 - content must never take the reader down
        html = "".join(f"<p>{escape(p)}</p>" for p in markdown.split("\n\n") if p.strip())
    return RenderedArticle(html, tuple(images), tuple(anchors), tuple(refused))
