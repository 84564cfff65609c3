"""Reading one subject folder: subject.toml, then texts, images, video and data, each checked as
it is read (texts_reader, media_reader), and the charts checked against the data."""

from __future__ import annotations

from pathlib import Path

from kiosk.core.findings import FindingSink
from kiosk.core.manifest import Manifest, read_manifest
from kiosk.core.media_reader import MediaReader
from kiosk.core.model import ChartDef, Series, Subject
from kiosk.core.safepath import listdir, resolve_inside
from kiosk.core.series import build_series, read_series_file
from kiosk.core.subject_folder import SubjectFolder
from kiosk.core.tables import nearest
from kiosk.core.texts_reader import TextsReader

FOLDERS = ("texts", "images", "video", "data")


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
        self._check_top_level()
        articles = TextsReader(self.ctx).read()
        media = MediaReader(self.ctx)
        images = media.images()
        videos = media.videos()
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
