"""Reading a subject's images/ and video/ folders: the files, their metadata.csv rows, and for
films the captions, posters and transcripts that stand beside them."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from kiosk.core.captions import read_captions
from kiosk.core.imageprobe import IMAGE_SUFFIXES, probe_image
from kiosk.core.model import ImageItem, MediaInfo, VideoItem
from kiosk.core.safepath import unsafe_reference
from kiosk.core.subject_folder import SubjectFolder
from kiosk.core.tables import Row, nearest, read_table
from kiosk.core.variants import DURATION_SLACK_S, Grouped, group_versions, size_text
from kiosk.core.videoprobe import VIDEO_SUFFIXES, probe_video

METADATA = "metadata.csv"
METADATA_COLUMNS = ("file", "order", "title", "caption", "credit", "alt")
METADATA_TRANSLATABLE = ("title", "caption", "credit", "alt")
CAPTION_SUFFIXES = (".vtt", ".srt")
_LANG_PART = re.compile(r"^[a-z]{2,3}$")


class MediaReader:
    def __init__(self, ctx: SubjectFolder) -> None:
        self.ctx = ctx

    def images(self) -> list[ImageItem]:
        return self._read_images()

    def videos(self) -> list[VideoItem]:
        return self._read_videos()

    def _metadata(self, folder: Path, suffixes: frozenset[str], files: list[Path],
                  grouped: Grouped | None = None) -> dict[str, Row]:
        """metadata.csv rows by file name; rows naming missing or unusable files become errors."""
        path = folder / METADATA
        if not path.exists():
            if any(f.suffix.lower() in suffixes for f in files):
                self.ctx.sink.warning(path, f"{folder.name}/ has no {METADATA}: captions, credits and alt text are missing",
                                  hint="see docs/content.md for its columns")
            return {}
        table = read_table(path, self.ctx.sink, required=("file",), known=METADATA_COLUMNS,
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
                self.ctx.sink.error(path, f"the file '{ref}' cannot be used: {reason}", line=row.line)
                continue
            actual = names.get(unicodedata.normalize("NFC", ref))
            if actual is None:
                target = folder / ref
                if target.is_symlink() or target.exists():
                    continue  # already reported as unsafe while listing the folder
                guess = nearest(ref, list(names.values()))
                self.ctx.sink.error(path, f"the file '{ref}' does not exist", line=row.line,
                                hint=f"did you mean '{guess}'?" if guess else "check the file name and its ending")
                continue
            if actual in rows:
                self.ctx.sink.error(path, f"'{ref}' has a second row (the first is on line {rows[actual].line})",
                                line=row.line)
                continue
            version_of = next((d for d, v in (grouped.versions.items() if grouped else ())
                               if any(f.name == actual for f in v.values())), None)
            if version_of is not None:
                self.ctx.sink.warning(path, f"'{ref}' is a language version of '{version_of.name}': "
                                      "this row is not used", line=row.line,
                                      hint=f"write its captions in the row of '{version_of.name}', in "
                                           "columns such as caption_ru")
                continue
            if Path(actual).suffix.lower() not in suffixes:
                self.ctx.sink.error(path, f"'{ref}' is not a supported type here ("
                                + ", ".join(sorted(suffixes)) + ")", line=row.line)
                continue
            rows[actual] = row
        return rows

    def _media_info(self, path: Path, row: Row | None, csv_path: Path, need_alt: bool) -> MediaInfo:
        info = MediaInfo(self.ctx.localized(row, "title"), self.ctx.localized(row, "caption"),
                         self.ctx.localized(row, "credit"), self.ctx.localized(row, "alt"))
        if row is None:
            self.ctx.sink.warning(path, f"no row in {csv_path.parent.name}/{METADATA}: shown without caption or credit",
                              hint=f"add a line for '{path.name}' to {METADATA}")
            return info
        missing = [k for k, v in (("caption", info.caption), ("credit", info.credit)) if not v]
        if need_alt and not info.alt:
            missing.append("alt text")
        if missing:
            self.ctx.sink.warning(csv_path, f"'{path.name}' has no " + " and no ".join(missing), line=row.line)
        return info

    def _group(self, files: list[Path], suffixes: frozenset[str], what: str) -> Grouped:
        m = self.ctx.manifest
        return group_versions(files, suffixes, m.languages, m.default_language, self.ctx.sink, what)

    def _picture_versions(self, default: Path, versions: dict[str, Path],
                          size: tuple[int, int]) -> dict[str, Path]:
        """The language versions of a picture (or poster) that can be shown, each checked."""
        out: dict[str, Path] = {}
        for code, path in sorted(versions.items()):
            if self.ctx.media_checks:
                probe = probe_image(path)
                if probe.error:
                    self.ctx.sink.error(path, f"{probe.error}; visitors reading '{code}' see '{default.name}'",
                                        hint="export the image again, or remove it")
                    continue
                if size != (0, 0) and (probe.width, probe.height) != size:
                    self.ctx.sink.warning(path, f"this '{code}' version is {size_text(probe.width, probe.height)} "
                                          f"but '{default.name}' is {size_text(*size)}: the picture changes shape "
                                          "with the language", hint="export both at the same size")
            out[code] = path
        return out

    def _read_images(self) -> list[ImageItem]:
        folder = self.ctx.folder_named("images")
        if folder is None:
            return []
        files = self.ctx.safe_entries(folder)
        grouped = self._group(files, IMAGE_SUFFIXES, "picture")
        rows = self._metadata(folder, IMAGE_SUFFIXES, files, grouped)
        items: list[ImageItem] = []
        for path in files:
            suffix = path.suffix.lower()
            if path.name == METADATA or path in grouped.refused:
                continue
            if suffix not in IMAGE_SUFFIXES:
                self.ctx.sink.info(path, "nothing uses this: images are JPEG, PNG or WebP files")
                continue
            if path not in grouped.items:
                continue  # a language version: read with its default file below
            width = height = 0
            orientation = 1
            if self.ctx.media_checks:
                probe = probe_image(path)
                if probe.error:
                    self.ctx.sink.error(path, probe.error, hint="export the image again, or remove it")
                    continue
                width, height, orientation = probe.width, probe.height, probe.orientation
            variants = self._picture_versions(path, grouped.of(path), (width, height))
            row = rows.get(path.name)
            info = self._media_info(path, row, folder / METADATA, need_alt=True)
            items.append(ImageItem(path, self.ctx.order(row, folder / METADATA), info, width, height, orientation,
                                   variants))
        items.sort(key=lambda i: (i.order, i.path.name))
        return items

    def _read_videos(self) -> list[VideoItem]:
        folder = self.ctx.folder_named("video")
        if folder is None:
            return []
        files = self.ctx.safe_entries(folder)
        grouped = self._group(files, VIDEO_SUFFIXES, "film")
        rows = self._metadata(folder, VIDEO_SUFFIXES, files, grouped)
        videos = grouped.items
        stems = {v.stem: v for v in videos}
        used: set[Path] = {folder / METADATA, *grouped.refused}
        for versions in grouped.versions.values():
            used.update(versions.values())
        items: list[VideoItem] = []
        for path in videos:
            used.add(path)
            captions: dict[str, Path] = {}
            transcripts: dict[str, Path] = {}
            posters: dict[str, Path] = {}
            for side in files:
                rest = side.name[len(path.stem):] if side.name.startswith(path.stem + ".") else None
                if rest is None or side == path or side in used:
                    continue
                parts = rest.lower().split(".")[1:]  # ".ru.vtt" -> ["ru", "vtt"]
                lang = parts[0] if len(parts) == 2 and _LANG_PART.match(parts[0]) else self.ctx.default
                ext = "." + parts[-1]
                if len(parts) > 2 or (len(parts) == 2 and not _LANG_PART.match(parts[0])):
                    continue
                if ext in CAPTION_SUFFIXES:
                    used.add(side)
                    track = read_captions(side, self.ctx.sink)
                    if track.cues:
                        captions.setdefault(lang, side)
                elif ext == ".txt":
                    used.add(side)
                    transcripts[lang] = side
                elif ext in IMAGE_SUFFIXES:
                    used.add(side)
                    if self.ctx.media_checks:
                        probe = probe_image(side)
                        if probe.error:
                            self.ctx.sink.error(side, f"the poster cannot be shown: {probe.error}")
                            continue
                    posters.setdefault(lang if len(parts) == 2 else "", side)
            poster = posters.pop("", None)
            if poster is None and self.ctx.default in posters:
                poster = posters.pop(self.ctx.default)  # NAME.en.jpg when English is the default
            posters = self._poster_versions(path, poster, posters)
            probe_duration, has_audio, width, height = 0.0, False, 0, 0
            if self.ctx.media_checks:
                probe = probe_video(path)
                if probe.error:
                    self.ctx.sink.error(path, probe.error, hint="export it again as H.264 MP4 with AAC sound")
                    continue
                probe_duration, has_audio, width, height = probe.duration_s, probe.has_audio, probe.width, probe.height
                if has_audio and self.ctx.default not in captions:
                    self.ctx.sink.warning(path, "the video has sound but no captions",
                                      hint=f"add {path.stem}.vtt beside it: every video with sound needs captions")
            variants = self._film_versions(path, grouped.of(path), (probe_duration, width, height), posters, captions)
            if not transcripts and (captions or has_audio):
                self.ctx.sink.info(path, "no transcript", hint=f"add {path.stem}.txt beside it; the player offers it to visitors")
            row = rows.get(path.name)
            info = self._media_info(path, row, folder / METADATA, need_alt=False)
            items.append(VideoItem(path, self.ctx.order(row, folder / METADATA), info, probe_duration, has_audio,
                                   width, height, captions, transcripts, poster, variants, posters))
        for f in files:
            if f not in used:
                stem_guess = nearest(f.name.split(".")[0], list(stems))
                hint = (f"a file beside a video must start with its name ('{stem_guess}.')" if stem_guess
                        else "video files are MP4 or WebM")
                self.ctx.sink.info(f, "nothing uses this", hint=hint)
        items.sort(key=lambda i: (i.order, i.path.name))
        return items

    def _poster_versions(self, film: Path, poster: Path | None, versions: dict[str, Path]) -> dict[str, Path]:
        """Posters in other languages (`NAME.ru.jpg`), checked against the subject's languages."""
        m = self.ctx.manifest
        out: dict[str, Path] = {}
        for code, path in sorted(versions.items()):
            if code == m.default_language:
                assert poster is not None  # the caller made NAME.XX.jpg the poster otherwise
                self.ctx.sink.warning(path, f"'{code}' is the default language, so '{poster.name}' is shown "
                                      "and this poster never is", hint="remove one of the two")
                continue
            if code not in m.languages:
                self.ctx.sink.warning(path, f"'{code}' is not one of the subject's languages, so this poster "
                                      "is never shown", hint=f'add "{code}" to languages in subject.toml')
                continue
            if poster is None:
                self.ctx.sink.warning(path, f"a '{code}' poster but no default poster beside '{film.name}': "
                                      "visitors in other languages see none",
                                      hint=f"add {film.stem}.jpg (or .png) in the default language")
            out[code] = path
        return out

    def _film_versions(self, film: Path, versions: dict[str, Path], probe: tuple[float, int, int],
                       posters: dict[str, Path], captions: dict[str, Path]) -> dict[str, Path]:
        """The language versions of a film that can be played, each checked against the default."""
        duration, width, height = probe
        out: dict[str, Path] = {}
        for code, path in sorted(versions.items()):
            if self.ctx.media_checks:
                got = probe_video(path)
                if got.error:
                    self.ctx.sink.error(path, f"{got.error}; visitors reading '{code}' see '{film.name}'",
                                        hint="export it again as H.264 MP4 with AAC sound")
                    continue
                if duration and abs(got.duration_s - duration) > DURATION_SLACK_S:
                    self.ctx.sink.warning(path, f"this '{code}' version lasts {got.duration_s:.1f} s but "
                                          f"'{film.name}' lasts {duration:.1f} s", hint="captions and "
                                          "transcripts are timed to one film: export both at the same length")
                if width and (got.width, got.height) != (width, height):
                    self.ctx.sink.warning(path, f"this '{code}' version is {size_text(got.width, got.height)} but "
                                          f"'{film.name}' is {size_text(width, height)}",
                                          hint="export both at the same size")
                if got.has_audio and code not in captions:
                    self.ctx.sink.warning(path, f"this '{code}' version has sound but no '{code}' captions",
                                          hint=f"add {film.stem}.{code}.vtt beside it")
            if code not in posters:
                self.ctx.sink.info(path, f"this '{code}' version has no poster of its own; the default one is shown",
                                   hint=f"add {film.stem}.{code}.jpg beside it")
            out[code] = path
        return out
