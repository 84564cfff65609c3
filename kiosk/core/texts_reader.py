"""Reading a subject's texts/ folder: Markdown articles, one file per language version."""

from __future__ import annotations

import re
from pathlib import Path

from kiosk.core.frontmatter import parse_front_matter
from kiosk.core.imageprobe import IMAGE_SUFFIXES
from kiosk.core.markdown_check import check_markdown
from kiosk.core.model import Article, ArticleText
from kiosk.core.subject_folder import SubjectFolder
from kiosk.core.tables import decode_text

_LANG_PART = re.compile(r"^[a-z]{2,3}$")


class TextsReader:
    def __init__(self, ctx: SubjectFolder) -> None:
        self.ctx = ctx

    def read(self) -> list[Article]:
        return self._read_texts()

    def _read_texts(self) -> list[Article]:
        folder = self.ctx.folder_named("texts")
        if folder is None:
            return []
        versions: dict[str, dict[str, ArticleText]] = {}
        orders: dict[str, float] = {}
        for path in self.ctx.safe_entries(folder):
            if path.suffix.lower() != ".md":
                if path.suffix.lower() not in IMAGE_SUFFIXES:
                    self.ctx.sink.info(path, "nothing uses this: articles are Markdown files ending in .md")
                continue
            stem = path.name[: -len(path.suffix)]
            base, _, lang_part = stem.rpartition(".")
            if base and _LANG_PART.match(lang_part):
                article_id, file_lang = base, lang_part
            else:
                article_id, file_lang = stem, None
            read = self._read_article(path, file_lang)
            if read is None:
                continue
            text, order = read
            if text.language in versions.setdefault(article_id, {}):
                self.ctx.sink.error(path, f"a second '{text.language}' version of the article '{article_id}'")
                continue
            versions[article_id][text.language] = text
            if text.language == self.ctx.default or article_id not in orders:
                orders[article_id] = order
        articles = [Article(aid, orders[aid], v, self.ctx.default) for aid, v in versions.items()]
        for a in articles:
            if self.ctx.default not in a.versions:
                only = next(iter(a.versions.values()))
                self.ctx.sink.warning(only.path, f"the article has no version in the default language "
                                             f"'{self.ctx.default}'; visitors of every language read this one")
        articles.sort(key=lambda a: (a.order, a.id))
        return articles

    def _read_article(self, path: Path, file_lang: str | None) -> tuple[ArticleText, float] | None:
        """One article file, with its place in the list; None when it cannot be shown."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            self.ctx.sink.error(path, f"the article cannot be read ({exc.strerror or exc.__class__.__name__})")
            return None
        text = decode_text(data, path, self.ctx.sink).replace("\r\n", "\n")
        fm = parse_front_matter(text, path, self.ctx.sink)
        language = fm.values.get("language") or file_lang or self.ctx.default
        if file_lang and language != file_lang:
            self.ctx.sink.warning(path, f"the file name says '{file_lang}' but the front matter says '{language}'",
                              line=fm.lines.get("language"))
            language = file_lang
        if self.ctx.manifest and language not in self.ctx.manifest.languages:
            self.ctx.sink.warning(path, f"the language '{language}' is not in the subject's languages",
                              line=fm.lines.get("language"))
        title = fm.values.get("title", "")
        if not title:
            title = path.stem.replace("-", " ").replace("_", " ").capitalize()
            self.ctx.sink.warning(path, "the article has no title; the file name is shown instead", line=1,
                              hint="add 'title: …' to the front matter")
        source = fm.values.get("source", "")
        if not source:
            self.ctx.sink.warning(path, "the article does not name its source", line=1,
                              hint="add 'source: …' to the front matter: every text shows its source")
        order = float("inf")
        if fm.values.get("order"):
            try:
                order = float(fm.values["order"])
            except ValueError:
                self.ctx.sink.warning(path, f"'order' must be a number, not '{fm.values['order']}'",
                                  line=fm.lines.get("order"))
        if not fm.body.strip():
            self.ctx.sink.error(path, "the article has no text")
            return None
        if self.ctx.media_checks:  # the fast start-up pass leaves this to the full check after it
            check_markdown(fm.body, fm.body_first_line, path, self.ctx.folder, self.ctx.sink)
        return ArticleText(language, title, fm.values.get("author", ""), source, path, fm.body), order
