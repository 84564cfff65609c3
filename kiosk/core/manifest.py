"""Reading `subject.toml`: the subject's titles, languages, tabs and chart definitions."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.core.findings import FindingSink
from kiosk.core.model import TAB_NAMES, Annotation, ChartDef, Localized, ReferenceLine
from kiosk.core.tables import decode_text, nearest

TOP_KEYS = (
    "title", "subtitle", "year", "summary", "default_language", "languages", "tabs",
    "idle_timeout", "credit", "licence", "translations", "charts", "order", "draft", "card",
)
TRANSLATABLE = ("title", "subtitle", "summary", "credit")
CHART_KEYS = (
    "id", "type", "title", "series", "x_label", "y_label", "y_unit", "references",
    "annotations", "translations",
)
CHART_TRANSLATABLE = ("title", "x_label", "y_label")
CHART_TYPES = ("line", "bar")
_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
_ID = re.compile(r"^[A-Za-z0-9_-]+$")
_TOML_LINE = re.compile(r"at line (\d+)")


@dataclass
class Manifest:
    title: Localized
    subtitle: Localized
    year: str
    summary: Localized
    credit: Localized
    licence: str
    default_language: str
    languages: tuple[str, ...]
    tabs: tuple[str, ...]
    idle_timeout_s: float | None
    order: float = float("inf")
    draft: bool = False
    card: str = ""  # a picture inside the subject folder, e.g. "images/harbour.jpg"
    card_line: int | None = None
    tabs_line: int | None = None  # where `tabs` is written; None when the default order is used
    # each chart with the line of its `series = [...]` (or of its [[charts]] header)
    charts: list[tuple[ChartDef, int | None]] = field(default_factory=list)


class _Lines:
    """Finds the line where a key is written, so findings point staff at it."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")

    def of(self, key: str, after: int = 0) -> int | None:
        pat = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=|[{{,]\s*{re.escape(key)}\s*=")
        for i in range(max(0, after - 1), len(self.lines)):
            if pat.search(self.lines[i]):
                return i + 1
        return None

    def table(self, header: str, nth: int = 0) -> int | None:
        seen = -1
        for i, ln in enumerate(self.lines):
            if ln.strip().replace(" ", "") in (f"[[{header}]]", f"[{header}]"):
                seen += 1
                if seen == nth:
                    return i + 1
        return None


def _localized(values: dict[str, Any], key: str, translations: dict[str, dict[str, Any]], default: str) -> Localized:
    out: dict[str, str] = {}
    if isinstance(values.get(key), str) and values[key].strip():
        out[default] = values[key].strip()
    for lang, table in translations.items():
        if isinstance(table, dict) and isinstance(table.get(key), str) and table[key].strip():
            out[lang] = table[key].strip()
    return Localized(out, default)


def _label(item: dict[str, Any], default: str) -> Localized:
    out = {default: str(item.get("label", "")).strip()} if item.get("label") else {}
    for k, v in item.items():
        if k.startswith("label_") and isinstance(v, str) and v.strip():
            out[k[len("label_"):]] = v.strip()
    return Localized(out, default)


def parse_date(text: str) -> tuple[dt.date, str] | None:
    """`1924`, `1924-01` or `1924-01-01` as (date, precision)."""
    text = text.strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            return dt.date(int(text), 1, 1), "year"
        if re.fullmatch(r"\d{4}-\d{1,2}", text):
            y, m = text.split("-")
            return dt.date(int(y), int(m), 1), "month"
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
            y, m, d = text.split("-")
            return dt.date(int(y), int(m), int(d)), "day"
    except ValueError:
        return None
    return None


def read_manifest(path: Path, sink: FindingSink) -> Manifest | None:
    """Parse subject.toml. Returns None (with an error finding) when the subject cannot be shown."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        sink.error(path, f"subject.toml cannot be read ({exc.strerror or exc.__class__.__name__})")
        return None
    text = decode_text(data, path, sink)
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = _TOML_LINE.search(str(exc))
        sink.error(
            path,
            f"subject.toml is not valid TOML: {str(exc).split(' (at')[0]}",
            line=int(m.group(1)) if m else None,
            hint="text values need double quotes: title = \"My subject\"",
        )
        return None
    lines = _Lines(text)
    for key in doc:
        if key not in TOP_KEYS:
            guess = nearest(key, TOP_KEYS)
            sink.warning(
                path,
                f"unknown key '{key}'; it is ignored",
                line=lines.of(key) or lines.table(key),
                hint=f"did you mean '{guess}'?" if guess else "see docs/content.md for the keys",
            )

    def text_value(key: str) -> str:
        value = doc.get(key, "")
        if not isinstance(value, str):
            sink.error(path, f"'{key}' must be text in double quotes", line=lines.of(key))
            return ""
        return value.strip()

    default = text_value("default_language") or "en"
    if not _LANG.match(default):
        sink.error(path, f"'{default}' is not a language code such as 'en' or 'ru'", line=lines.of("default_language"))
        default = "en"
    languages_raw = doc.get("languages", [default])
    if not isinstance(languages_raw, list) or not all(isinstance(x, str) for x in languages_raw):
        sink.error(path, "'languages' must be a list such as [\"en\", \"ru\"]", line=lines.of("languages"))
        languages_raw = [default]
    languages = [x.strip() for x in languages_raw if _LANG.match(x.strip())]
    for bad in (x for x in languages_raw if not _LANG.match(x.strip())):
        sink.error(path, f"'{bad}' is not a language code", line=lines.of("languages"))
    if default not in languages:
        languages.insert(0, default)

    translations_raw = doc.get("translations", {})
    translations: dict[str, dict[str, Any]] = {}
    if not isinstance(translations_raw, dict):
        sink.error(path, "'translations' must be tables such as [translations.ru]", line=lines.of("translations"))
    else:
        for lang, table in translations_raw.items():
            where = lines.table(f"translations.{lang}")
            if not isinstance(table, dict):
                sink.error(path, f"[translations.{lang}] must be a table", line=where)
                continue
            if lang not in languages:
                sink.warning(path, f"translations for '{lang}', which is not in 'languages'", line=where,
                             hint=f"add \"{lang}\" to languages")
            for k in table:
                if k not in TRANSLATABLE:
                    guess = nearest(k, TRANSLATABLE)
                    sink.warning(path, f"unknown key '{k}' in [translations.{lang}]; it is ignored",
                                 line=lines.of(k, where or 0), hint=f"did you mean '{guess}'?" if guess else "")
            translations[lang] = table

    title = _localized(doc, "title", translations, default)
    if not title.has(default):
        sink.error(path, "the subject has no title", line=1, hint='add a line: title = "…"')
        return None

    tabs_raw = doc.get("tabs", list(TAB_NAMES))
    tabs: list[str] = []
    if not isinstance(tabs_raw, list):
        sink.error(path, "'tabs' must be a list such as [\"texts\", \"images\"]", line=lines.of("tabs"))
        tabs_raw = list(TAB_NAMES)
    for t in tabs_raw:
        if t in TAB_NAMES and t not in tabs:
            tabs.append(t)
        elif t not in TAB_NAMES:
            guess = nearest(str(t), TAB_NAMES)
            sink.warning(path, f"unknown tab '{t}'", line=lines.of("tabs"),
                         hint=f"did you mean '{guess}'?" if guess else "tabs: " + ", ".join(TAB_NAMES))

    idle: float | None = None
    if "idle_timeout" in doc:
        raw = doc["idle_timeout"]
        if isinstance(raw, bool) or not isinstance(raw, int | float) or not 10 <= raw <= 3600:
            sink.error(path, "'idle_timeout' must be a number of seconds from 10 to 3600", line=lines.of("idle_timeout"))
        else:
            idle = float(raw)

    order = float("inf")
    if "order" in doc:
        raw = doc["order"]
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            sink.warning(path, "'order' must be a number such as 1 or 2.5; the subject is placed last",
                         line=lines.of("order"), hint="order = 1")
        else:
            order = float(raw)
    draft = doc.get("draft", False)
    if not isinstance(draft, bool):
        sink.error(path, "'draft' must be true or false (without quotes)", line=lines.of("draft"),
                   hint="draft = true")
        draft = True  # when in doubt, keep it from visitors
    card = doc.get("card", "")
    if not isinstance(card, str):
        sink.error(path, "'card' must name a picture in double quotes", line=lines.of("card"),
                   hint='card = "images/harbour.jpg"')
        card = ""

    licence = text_value("licence")
    year = str(doc.get("year", "")).strip()
    manifest = Manifest(
        title=title,
        subtitle=_localized(doc, "subtitle", translations, default),
        year=year,
        summary=_localized(doc, "summary", translations, default),
        credit=_localized(doc, "credit", translations, default),
        licence=licence,
        default_language=default,
        languages=tuple(languages),
        tabs=tuple(tabs),
        idle_timeout_s=idle,
        order=order,
        draft=draft,
        card=card.strip(),
        card_line=lines.of("card"),
        tabs_line=(lines.of("tabs") or 1) if "tabs" in doc else None,
    )
    if draft:
        sink.info(path, "this subject is a draft (draft = true): it is checked, but visitors do not see it",
                  line=lines.of("draft"), hint="remove the line, or write draft = false, to show it")
    if not manifest.credit:
        sink.warning(path, "the subject has no credit line", hint='add credit = "…" naming the sources')
    charts = doc.get("charts", [])
    if not isinstance(charts, list):
        sink.error(path, "charts must be written as [[charts]] tables", line=lines.of("charts"))
        charts = []
    for n, chart in enumerate(charts):
        where = lines.table("charts", n)
        parsed = _read_chart(chart, where, default, lines, path, sink)
        if parsed:
            manifest.charts.append((parsed, lines.of("series", where or 0) or where))
    return manifest


def _read_chart(chart: Any, where: int | None, default: str, lines: _Lines, path: Path, sink: FindingSink) -> ChartDef | None:
    if not isinstance(chart, dict):
        sink.error(path, "a [[charts]] entry must be a table", line=where)
        return None
    for k in chart:
        if k not in CHART_KEYS:
            guess = nearest(k, CHART_KEYS)
            sink.warning(path, f"unknown chart key '{k}'; it is ignored", line=lines.of(k, where or 0),
                         hint=f"did you mean '{guess}'?" if guess else "")
    chart_id = str(chart.get("id", "")).strip()
    if not _ID.match(chart_id):
        sink.error(path, "a chart needs an id of letters, digits, - and _", line=where, hint='id = "membership"')
        return None
    kind = str(chart.get("type", "line"))
    if kind not in CHART_TYPES:
        sink.error(path, f"chart '{chart_id}': type '{kind}' is not 'line' or 'bar'", line=lines.of("type", where or 0))
        return None
    series = chart.get("series")
    if not isinstance(series, list) or not series or not all(isinstance(s, str) for s in series):
        sink.error(path, f"chart '{chart_id}': 'series' must list one or more series names",
                   line=lines.of("series", where or 0))
        return None
    translations = chart.get("translations", {})
    if not isinstance(translations, dict):
        translations = {}
    title = _localized(chart, "title", translations, default)
    if not title:
        sink.warning(path, f"chart '{chart_id}' has no title", line=where)
    refs: list[ReferenceLine] = []
    for ref in chart.get("references", []) if isinstance(chart.get("references"), list) else []:
        value = ref.get("value") if isinstance(ref, dict) else None
        if isinstance(value, bool) or not isinstance(value, int | float):
            sink.error(path, f"chart '{chart_id}': a reference line needs a numeric value",
                       line=lines.of("references", where or 0))
            continue
        refs.append(ReferenceLine(float(value), _label(ref, default), str(ref.get("source", "")).strip()))
    notes: list[Annotation] = []
    for ann in chart.get("annotations", []) if isinstance(chart.get("annotations"), list) else []:
        when = parse_date(str(ann.get("x", ""))) if isinstance(ann, dict) else None
        if when is None:
            sink.error(path, f"chart '{chart_id}': an annotation needs x = \"YYYY-MM-DD\"",
                       line=lines.of("annotations", where or 0))
            continue
        notes.append(Annotation(when[0], _label(ann, default)))
    return ChartDef(
        id=chart_id,
        kind=kind,
        title=title,
        series=tuple(s.strip() for s in series),
        x_label=_localized(chart, "x_label", translations, default),
        y_label=_localized(chart, "y_label", translations, default),
        y_unit=str(chart.get("y_unit", "")),
        references=tuple(refs),
        annotations=tuple(notes),
    )
