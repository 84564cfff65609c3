"""Reading one subject folder: texts, images, video and data, each checked as it is read."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from kiosk.core.captions import read_captions
from kiosk.core.findings import FindingSink
from kiosk.core.frontmatter import parse_front_matter
from kiosk.core.imageprobe import IMAGE_SUFFIXES, probe_image
from kiosk.core.manifest import Manifest, read_manifest
from kiosk.core.markdown_check import check_markdown
from kiosk.core.model import Article, ArticleText, ChartDef, ImageItem, Localized, MediaInfo, Series, Subject, VideoItem
from kiosk.core.safepath import listdir, resolve_inside, unsafe_reference
from kiosk.core.series import build_series, read_series_file
from kiosk.core.tables import Row, decode_text, nearest, read_table
from kiosk.core.videoprobe import VIDEO_SUFFIXES, probe_video

FOLDERS = ("texts", "images", "video", "data")
METADATA = "metadata.csv"
METADATA_COLUMNS = ("file", "order", "title", "caption", "credit", "alt")
METADATA_TRANSLATABLE = ("title", "caption", "credit", "alt")
CAPTION_SUFFIXES = (".vtt", ".srt")
_LANG_PART = re.compile(r"^[a-z]{2,3}$")
_SAFE_NAME = re.compile(r"^[\w.\- ]+$")


class SubjectReader:
    def __init__(self, folder: Path, sink: FindingSink, *, media_checks: bool, read_from: Path | None = None) -> None:
        # The folder is resolved once: an import swaps a subject by re-pointing its symlink, and
        # reading every file through the version resolved here never mixes two versions.
        # `read_from` reads a pinned version instead (safe mode's last good content).
        self.subject_id = folder.name
        if read_from is not None:
            folder = read_from
        self.real_root = folder.resolve()
        self.folder = self.real_root
        self.sink = sink
        self.sink.alias(self.real_root, folder)
        self.media_checks = media_checks
        self.manifest: Manifest | None = None

    # -- helpers -------------------------------------------------------------------------
    @property
    def default(self) -> str:
        return self.manifest.default_language if self.manifest else "en"

    def _safe_entries(self, folder: Path) -> list[Path]:
        """Regular files of a folder that stay inside the subject; the others become findings."""
        out: list[Path] = []
        for entry in listdir(folder):
            _, why = resolve_inside(self.real_root, entry, root_is_resolved=True)
            if why:
                self.sink.error(entry, f"this file is never opened: {why}")
                continue
            if entry.is_dir():
                self.sink.info(entry, "subfolders are not read; move its files up one level")
                continue
            if not _SAFE_NAME.match(unicodedata.normalize("NFC", entry.name)):
                self.sink.warning(entry, "the file name has unusual characters; it works, but letters, "
                                         "digits, '-', '_' and '.' are safest when copying between machines")
            out.append(entry)
        return out

    def _localized(self, row: Row | None, key: str) -> Localized:
        if row is None:
            return Localized({}, self.default)
        return Localized({(k or self.default): v for k, v in row.variants(key).items()}, self.default)

    def _order(self, row: Row | None, path: Path) -> float:
        if row is None or not row.get("order"):
            return float("inf")
        try:
            return float(row.get("order"))
        except ValueError:
            self.sink.warning(path, f"'order' must be a number, not '{row.get('order')}'", line=row.line)
            return float("inf")

    # -- the subject -----------------------------------------------------------------------
    def read(self) -> Subject | None:
        manifest_path = self.folder / "subject.toml"
        _, why = resolve_inside(self.real_root, manifest_path, root_is_resolved=True)
        if why:
            self.sink.error(manifest_path, f"subject.toml is never opened: {why}")
            return None
        self.manifest = read_manifest(manifest_path, self.sink)
        if self.manifest is None:
            return None
        m = self.manifest
        self._check_top_level()
        articles = self._read_texts()
        images = self._read_images()
        videos = self._read_videos()
        series = self._read_data()
        charts = self._check_charts(series)
        return Subject(
            id=self.subject_id,
            path=self.folder,
            title=m.title,
            subtitle=m.subtitle,
            year=m.year,
            summary=m.summary,
            credit=m.credit,
            licence=m.licence,
            default_language=m.default_language,
            languages=m.languages,
            tabs=m.tabs,
            idle_timeout_s=m.idle_timeout_s,
            articles=tuple(articles),
            images=tuple(images),
            videos=tuple(videos),
            series=series,
            charts=tuple(charts),
        )

    def _check_top_level(self) -> None:
        for entry in listdir(self.folder):
            if entry.name == "subject.toml" or entry.name in FOLDERS:
                if entry.name in FOLDERS:
                    _, why = resolve_inside(self.real_root, entry, root_is_resolved=True)
                    if why:
                        self.sink.error(entry, f"this folder is never opened: {why}")
                continue
            guess = nearest(entry.name, FOLDERS) if entry.is_dir() else None
            self.sink.info(entry, "nothing uses this", hint=f"did you mean '{guess}'?" if guess else
                           "a subject holds subject.toml and the folders texts, images, video and data")

    def _folder(self, name: str) -> Path | None:
        path = self.folder / name
        if not path.is_dir():
            return None
        _, why = resolve_inside(self.real_root, path, root_is_resolved=True)
        return None if why else path

    # -- texts -----------------------------------------------------------------------------
    def _read_texts(self) -> list[Article]:
        folder = self._folder("texts")
        if folder is None:
            return []
        versions: dict[str, dict[str, ArticleText]] = {}
        orders: dict[str, float] = {}
        for path in self._safe_entries(folder):
            if path.suffix.lower() != ".md":
                if path.suffix.lower() not in IMAGE_SUFFIXES:
                    self.sink.info(path, "nothing uses this: articles are Markdown files ending in .md")
                continue
            stem = path.name[: -len(path.suffix)]
            base, _, lang_part = stem.rpartition(".")
            if base and _LANG_PART.match(lang_part):
                article_id, file_lang = base, lang_part
            else:
                article_id, file_lang = stem, None
            text = self._read_article(path, file_lang)
            if text is None:
                continue
            if text.language in versions.setdefault(article_id, {}):
                self.sink.error(path, f"a second '{text.language}' version of the article '{article_id}'")
                continue
            versions[article_id][text.language] = text
            if text.language == self.default or article_id not in orders:
                orders[article_id] = self._article_order
        articles = [Article(aid, orders[aid], v, self.default) for aid, v in versions.items()]
        for a in articles:
            if self.default not in a.versions:
                only = next(iter(a.versions.values()))
                self.sink.warning(only.path, f"the article has no version in the default language "
                                             f"'{self.default}'; visitors of every language read this one")
        articles.sort(key=lambda a: (a.order, a.id))
        return articles

    def _read_article(self, path: Path, file_lang: str | None) -> ArticleText | None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            self.sink.error(path, f"the article cannot be read ({exc.strerror or exc.__class__.__name__})")
            return None
        text = decode_text(data, path, self.sink).replace("\r\n", "\n")
        fm = parse_front_matter(text, path, self.sink)
        language = fm.values.get("language") or file_lang or self.default
        if file_lang and language != file_lang:
            self.sink.warning(path, f"the file name says '{file_lang}' but the front matter says '{language}'",
                              line=fm.lines.get("language"))
            language = file_lang
        if self.manifest and language not in self.manifest.languages:
            self.sink.warning(path, f"the language '{language}' is not in the subject's languages",
                              line=fm.lines.get("language"))
        title = fm.values.get("title", "")
        if not title:
            title = path.stem.replace("-", " ").replace("_", " ").capitalize()
            self.sink.warning(path, "the article has no title; the file name is shown instead", line=1,
                              hint="add 'title: …' to the front matter")
        source = fm.values.get("source", "")
        if not source:
            self.sink.warning(path, "the article does not name its source", line=1,
                              hint="add 'source: …' to the front matter: every text shows its source")
        self._article_order = float("inf")
        if fm.values.get("order"):
            try:
                self._article_order = float(fm.values["order"])
            except ValueError:
                self.sink.warning(path, f"'order' must be a number, not '{fm.values['order']}'",
                                  line=fm.lines.get("order"))
        if not fm.body.strip():
            self.sink.error(path, "the article has no text")
            return None
        if self.media_checks:  # the fast start-up pass leaves this to the full check after it
            check_markdown(fm.body, fm.body_first_line, path, self.folder, self.sink)
        return ArticleText(language, title, fm.values.get("author", ""), source, path, fm.body)

    # -- images and video: files plus metadata.csv ----------------------------------------
    def _metadata(self, folder: Path, suffixes: frozenset[str], files: list[Path]) -> dict[str, Row]:
        """metadata.csv rows by file name; rows naming missing or unusable files become errors."""
        path = folder / METADATA
        if not path.exists():
            if any(f.suffix.lower() in suffixes for f in files):
                self.sink.warning(path, f"{folder.name}/ has no {METADATA}: captions, credits and alt text are missing",
                                  hint="see docs/content.md for its columns")
            return {}
        table = read_table(path, self.sink, required=("file",), known=METADATA_COLUMNS,
                           translatable=METADATA_TRANSLATABLE)
        if table is None:
            return {}
        # Names compare in Unicode NFC: a file copied from a Mac is named in NFD, while the same
        # name typed into a spreadsheet is NFC. Both mean the same file to staff.
        names = {unicodedata.normalize("NFC", f.name): f.name for f in files}
        rows: dict[str, Row] = {}
        for row in table.rows:
            ref = row.get("file")
            reason = unsafe_reference(ref)
            if reason is None and "/" in ref:
                reason = "name the file alone: it must stand in this folder"
            if reason:
                self.sink.error(path, f"the file '{ref}' cannot be used: {reason}", line=row.line)
                continue
            actual = names.get(unicodedata.normalize("NFC", ref))
            if actual is None:
                target = folder / ref
                if target.is_symlink() or target.exists():
                    continue  # already reported as unsafe while listing the folder
                guess = nearest(ref, list(names.values()))
                self.sink.error(path, f"the file '{ref}' does not exist", line=row.line,
                                hint=f"did you mean '{guess}'?" if guess else "check the file name and its ending")
                continue
            if actual in rows:
                self.sink.error(path, f"'{ref}' has a second row (the first is on line {rows[actual].line})",
                                line=row.line)
                continue
            if Path(actual).suffix.lower() not in suffixes:
                self.sink.error(path, f"'{ref}' is not a supported type here ("
                                + ", ".join(sorted(suffixes)) + ")", line=row.line)
                continue
            rows[actual] = row
        return rows

    def _media_info(self, path: Path, row: Row | None, csv_path: Path, need_alt: bool) -> MediaInfo:
        info = MediaInfo(self._localized(row, "title"), self._localized(row, "caption"),
                         self._localized(row, "credit"), self._localized(row, "alt"))
        if row is None:
            self.sink.warning(path, f"no row in {csv_path.parent.name}/{METADATA}: shown without caption or credit",
                              hint=f"add a line for '{path.name}' to {METADATA}")
            return info
        missing = [k for k, v in (("caption", info.caption), ("credit", info.credit)) if not v]
        if need_alt and not info.alt:
            missing.append("alt text")
        if missing:
            self.sink.warning(csv_path, f"'{path.name}' has no " + " and no ".join(missing), line=row.line)
        return info

    def _read_images(self) -> list[ImageItem]:
        folder = self._folder("images")
        if folder is None:
            return []
        files = self._safe_entries(folder)
        rows = self._metadata(folder, IMAGE_SUFFIXES, files)
        items: list[ImageItem] = []
        for path in files:
            suffix = path.suffix.lower()
            if path.name == METADATA:
                continue
            if suffix not in IMAGE_SUFFIXES:
                self.sink.info(path, "nothing uses this: images are JPEG, PNG or WebP files")
                continue
            width = height = 0
            orientation = 1
            if self.media_checks:
                probe = probe_image(path)
                if probe.error:
                    self.sink.error(path, probe.error, hint="export the image again, or remove it")
                    continue
                width, height, orientation = probe.width, probe.height, probe.orientation
            row = rows.get(path.name)
            info = self._media_info(path, row, folder / METADATA, need_alt=True)
            items.append(ImageItem(path, self._order(row, folder / METADATA), info, width, height, orientation))
        items.sort(key=lambda i: (i.order, i.path.name))
        return items

    def _read_videos(self) -> list[VideoItem]:
        folder = self._folder("video")
        if folder is None:
            return []
        files = self._safe_entries(folder)
        rows = self._metadata(folder, VIDEO_SUFFIXES, files)
        videos = [f for f in files if f.suffix.lower() in VIDEO_SUFFIXES]
        stems = {v.stem: v for v in videos}
        used: set[Path] = {folder / METADATA}
        items: list[VideoItem] = []
        for path in videos:
            used.add(path)
            captions: dict[str, Path] = {}
            transcripts: dict[str, Path] = {}
            poster: Path | None = None
            for side in files:
                rest = side.name[len(path.stem):] if side.name.startswith(path.stem + ".") else None
                if rest is None or side == path:
                    continue
                parts = rest.lower().split(".")[1:]  # ".ru.vtt" -> ["ru", "vtt"]
                lang = parts[0] if len(parts) == 2 and _LANG_PART.match(parts[0]) else self.default
                ext = "." + parts[-1]
                if len(parts) > 2 or (len(parts) == 2 and not _LANG_PART.match(parts[0])):
                    continue
                if ext in CAPTION_SUFFIXES:
                    used.add(side)
                    track = read_captions(side, self.sink)
                    if track.cues:
                        captions.setdefault(lang, side)
                elif ext == ".txt":
                    used.add(side)
                    transcripts[lang] = side
                elif ext in IMAGE_SUFFIXES and len(parts) == 1:
                    used.add(side)
                    if self.media_checks:
                        probe = probe_image(side)
                        if probe.error:
                            self.sink.error(side, f"the poster cannot be shown: {probe.error}")
                            continue
                    poster = side
            probe_duration, has_audio, width, height = 0.0, False, 0, 0
            if self.media_checks:
                probe = probe_video(path)
                if probe.error:
                    self.sink.error(path, probe.error, hint="export it again as H.264 MP4 with AAC sound")
                    continue
                probe_duration, has_audio, width, height = probe.duration_s, probe.has_audio, probe.width, probe.height
                if has_audio and self.default not in captions:
                    self.sink.warning(path, "the video has sound but no captions",
                                      hint=f"add {path.stem}.vtt beside it: every video with sound needs captions")
            if not transcripts and (captions or has_audio):
                self.sink.info(path, "no transcript", hint=f"add {path.stem}.txt beside it; the player offers it to visitors")
            row = rows.get(path.name)
            info = self._media_info(path, row, folder / METADATA, need_alt=False)
            items.append(VideoItem(path, self._order(row, folder / METADATA), info, probe_duration, has_audio,
                                   width, height, captions, transcripts, poster))
        for f in files:
            if f not in used:
                stem_guess = nearest(f.name.split(".")[0], list(stems))
                hint = (f"a file beside a video must start with its name ('{stem_guess}.')" if stem_guess
                        else "video files are MP4 or WebM")
                self.sink.info(f, "nothing uses this", hint=hint)
        items.sort(key=lambda i: (i.order, i.path.name))
        return items

    # -- data and charts -----------------------------------------------------------------
    def _read_data(self) -> dict[str, Series]:
        folder = self._folder("data")
        if folder is None:
            return {}
        points = []
        for path in self._safe_entries(folder):
            if path.suffix.lower() != ".csv":
                self.sink.info(path, "nothing uses this: data files are CSV")
                continue
            points.extend(read_series_file(path, self.default, self.sink))
        return build_series(points, self.sink)

    def _check_charts(self, series: dict[str, Series]) -> list[ChartDef]:
        assert self.manifest is not None
        manifest_path = self.folder / "subject.toml"
        charts: list[ChartDef] = []
        used: set[str] = set()
        for chart, line in self.manifest.charts:
            missing = [s for s in chart.series if s not in series]
            if missing:
                guess = nearest(missing[0], list(series))
                self.sink.error(manifest_path, f"chart '{chart.id}' names the series '{missing[0]}', which no "
                                f"file in data/ defines", line=line,
                                hint=f"did you mean '{guess}'?" if guess else "series come from the 'series' column")
                continue
            if chart.kind == "line" and not all(series[s].is_dated for s in chart.series):
                self.sink.error(manifest_path, f"chart '{chart.id}' is a line chart, so its series need dates",
                                line=line, hint='use type = "bar" for categories')
                continue
            if any(c.id == chart.id for c in charts):
                self.sink.error(manifest_path, f"a second chart with the id '{chart.id}'", line=line)
                continue
            used.update(chart.series)
            charts.append(chart)
        for name in sorted(set(series) - used):
            first = series[name].points[0] if series[name].points else None
            if first:
                self.sink.info(first.file, f"no chart shows the series '{name}'", line=first.line)
        return charts
