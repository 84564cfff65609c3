"""Reading one subject folder: subject.toml, then texts, images, video and data, each checked as
it is read (texts_reader, media_reader), and the charts checked against the data."""

from __future__ import annotations

from pathlib import Path

from kiosk.core.findings import FindingSink
from kiosk.core.imageprobe import IMAGE_SUFFIXES, probe_image
from kiosk.core.manifest import Manifest, read_manifest
from kiosk.core.media_reader import MediaReader
from kiosk.core.model import ChartDef, Series, Subject
from kiosk.core.safepath import listdir, resolve_inside, unsafe_reference
from kiosk.core.series import build_series, read_series_file
from kiosk.core.subject_folder import UNSAFE_NAME, SubjectFolder, safe_name
from kiosk.core.tables import nearest
from kiosk.core.texts_reader import TextsReader
from kiosk.core.variants import group_versions

FOLDERS = ("texts", "images", "video", "data")
#: How each tab's content is counted in a finding about `tabs` leaving it out.
_TAB_CONTENT = {"texts": ("article", "articles", "texts/"), "images": ("picture", "pictures", "images/"),
                "video": ("film", "films", "video/"), "charts": ("chart", "charts", "subject.toml")}


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
        self.ctx = SubjectFolder(self.folder, self.sink, self.media_checks, m)
        if not safe_name(self.subject_id):
            self.sink.warning(self.folder, UNSAFE_NAME, hint="rename the folder, e.g. 'The Harbour' to 'the-harbour'")
        self._check_top_level()
        articles = TextsReader(self.ctx).read()
        media = MediaReader(self.ctx)
        images = media.images()
        videos = media.videos()
        series = self._read_data()
        charts = self._check_charts(series)
        self._check_tabs({"texts": len(articles), "images": len(images), "video": len(videos),
                          "charts": len(charts)})
        card, card_variants = self._read_card()
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
            order=m.order,
            draft=m.draft,
            card=card,
            card_variants=card_variants,
        )

    def _check_tabs(self, counts: dict[str, int]) -> None:
        """`tabs` written in subject.toml must not hide content without a word to staff."""
        assert self.manifest is not None
        if self.manifest.tabs_line is None:
            return
        for name, n in counts.items():
            if n and name not in self.manifest.tabs:
                one, many, where = _TAB_CONTENT[name]
                self.sink.warning(self.folder / "subject.toml",
                                  f"'tabs' leaves out \"{name}\", so the {n} {one if n == 1 else many} in "
                                  f"{where} {'is' if n == 1 else 'are'} never shown",
                                  line=self.manifest.tabs_line,
                                  hint=f'add "{name}" to tabs, or move the files out of the subject')

    def _read_card(self) -> tuple[Path | None, dict[str, Path]]:
        """The chooser card's picture named by `card` in subject.toml, with its language versions."""
        assert self.manifest is not None
        ref, line = self.manifest.card, self.manifest.card_line
        manifest_path = self.folder / "subject.toml"
        if not ref:
            return None, {}
        reason = unsafe_reference(ref)
        path = self.folder / ref
        if reason is None:
            _, reason = resolve_inside(self.real_root, path, root_is_resolved=True)
        if reason:
            self.sink.error(manifest_path, f"the card picture '{ref}' cannot be used: {reason}", line=line)
            return None, {}
        if path.suffix.lower() not in IMAGE_SUFFIXES or not path.is_file():
            self.sink.error(manifest_path, f"the card picture '{ref}' is not a JPEG, PNG or WebP file in the "
                            "subject folder", line=line, hint='card = "images/harbour.jpg"')
            return None, {}
        if self.media_checks:
            probe = probe_image(path)
            if probe.error:
                self.sink.error(manifest_path, f"the card picture '{ref}' cannot be shown: {probe.error}", line=line)
                return None, {}
        # Its language versions stand beside it; staff hear about them where they are listed.
        quiet = FindingSink(self.folder)
        siblings = [p for p in listdir(path.parent) if p.stem.startswith(path.stem + ".")]
        grouped = group_versions([path, *siblings], IMAGE_SUFFIXES, self.manifest.languages,
                                 self.manifest.default_language, quiet, "picture")
        versions = {code: v for code, v in grouped.of(path).items()
                    if not self.media_checks or not probe_image(v).error}
        return path, versions

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

    # -- data and charts -----------------------------------------------------------------
    def _read_data(self) -> dict[str, Series]:
        folder = self.ctx.folder_named("data")
        if folder is None:
            return {}
        points = []
        for path in self.ctx.safe_entries(folder):
            if path.suffix.lower() != ".csv":
                self.sink.info(path, "nothing uses this: data files are CSV")
                continue
            points.extend(read_series_file(path, self.ctx.default, self.sink))
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
