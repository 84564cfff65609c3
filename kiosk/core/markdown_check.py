"""What the validator looks for inside an article's Markdown.

The reader renders Markdown with raw HTML disabled and links inert; this check tells staff in
advance what visitors would see differently from what they wrote.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from kiosk.core.findings import FindingSink
from kiosk.core.safepath import resolve_inside, unsafe_reference

LONG_PARAGRAPH_WORDS = 100

_parser = None


def _markdown():  # type: ignore[no-untyped-def]
    """The parser, built on first use: the kiosk's start-up pass does not check Markdown."""
    global _parser
    if _parser is None:
        from markdown_it import MarkdownIt

        _parser = MarkdownIt("commonmark", {"html": True})
    return _parser


def check_markdown(body: str, first_line: int, path: Path, subject_dir: Path, sink: FindingSink) -> None:
    """Report raw HTML, links, images outside the subject and long paragraphs in one article."""
    try:
        tokens = _markdown().parse(body)
    except Exception as exc:  # markdown-it is robust, but content must never crash validation
        sink.error(path, f"the Markdown cannot be read ({exc.__class__.__name__})")
        return
    for i, tok in enumerate(tokens):
        line = first_line + tok.map[0] if tok.map else None
        if tok.type == "html_block":
            sink.warning(
                path,
                "raw HTML in the text is shown as plain text" + (" (it contains a script)" if "<script" in tok.content.lower() else ""),
                line=line,
                hint="use Markdown only: # headings, *emphasis*, lists",
            )
        if tok.type == "paragraph_open" and i + 1 < len(tokens):
            words = len(tokens[i + 1].content.split())
            if words > LONG_PARAGRAPH_WORDS:
                sink.info(
                    path,
                    f"a paragraph of {words} words; exhibit labels read best at 75–100 words per block",
                    line=line,
                )
        if tok.type != "inline" or not tok.children:
            continue
        for child in tok.children:
            if child.type == "html_inline":
                sink.warning(path, f"raw HTML '{child.content[:40]}' is shown as plain text", line=line)
            elif child.type == "link_open":
                href = str(child.attrs.get("href", ""))
                if not href.startswith("#"):
                    sink.warning(
                        path,
                        f"a link to '{href[:60]}': links never open on a kiosk; its text is shown plainly",
                        line=line,
                        hint="name the source in words instead",
                    )
            elif child.type == "image":
                _check_image_ref(str(child.attrs.get("src", "")), line, path, subject_dir, sink)


def _check_image_ref(src: str, line: int | None, path: Path, subject_dir: Path, sink: FindingSink) -> None:
    if "://" in src or src.startswith("data:"):
        sink.error(path, f"the image '{src[:60]}' is not a file in the subject folder", line=line)
        return
    # Relative to the article's folder; it may step up to the subject folder but not beyond.
    rel_to_subject = PurePosixPath(*path.parent.relative_to(subject_dir).parts, src)
    normal: list[str] = []
    for part in rel_to_subject.parts:
        if part == "..":
            if not normal:
                sink.error(path, f"the image '{src}' lies outside the subject folder", line=line)
                return
            normal.pop()
        elif part != ".":
            normal.append(part)
    reason = unsafe_reference("/".join(normal)) if normal else "the path is empty"
    if reason:
        sink.error(path, f"the image '{src}' cannot be used: {reason}", line=line)
        return
    target = subject_dir.joinpath(*normal)
    _, why = resolve_inside(subject_dir, target)
    if why:
        sink.error(path, f"the image '{src}' cannot be used: {why}", line=line)
