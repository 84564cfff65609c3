"""The words around a chart: what a touched figure's callout says, and the key under the plot.

Plain Python over the core's layout and the shell's strings, so the PNG export and the tab say
exactly the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from kiosk.core.chartdata import ChartLayout, PlottedPoint
from kiosk.core.datetext import format_date
from kiosk.core.numbers import format_value
from kiosk.ui.i18n import tr


@dataclass(frozen=True)
class CalloutText:
    value: str
    when: str
    approximate: str
    note: str
    source: str


def point_value(layout: ChartLayout, plotted: PlottedPoint, language: str) -> str:
    p = plotted.point
    return format_value(p.value, language, p.unit or layout.chart.y_unit, p.approximate)


def point_when(layout: ChartLayout, plotted: PlottedPoint, language: str) -> str:
    p = plotted.point
    if p.x is not None and layout.kind == "line":
        return format_date(p.x, p.x_precision, language)
    if 0 <= plotted.category_index < len(layout.categories):
        return layout.categories[plotted.category_index].get(language)
    return format_date(p.x, p.x_precision, language) if p.x is not None else ""


def callout_text(layout: ChartLayout, plotted: PlottedPoint, language: str) -> CalloutText:
    p = plotted.point
    return CalloutText(
        value=point_value(layout, plotted, language),
        when=point_when(layout, plotted, language),
        approximate=tr("≈ An approximate figure: the source gives no exact number.", language) if p.approximate else "",
        note=p.note.get(language),
        source=tr("Source: {source}", language, source=p.source),
    )


def key_html(layout: ChartLayout, language: str, colours: list[str]) -> str:
    """Under the plot: each series' colour, its source and its figures as text; then what the
    dashes, hollow markers and reference lines mean."""
    parts: list[str] = []
    for key in layout.series:
        colour = colours[key.index % len(colours)]
        figures = " · ".join(
            f"{escape(point_when(layout, p, language))}: "
            f"<b>{escape(point_value(layout, p, language))}</b>"
            for p in layout.points if p.series_index == key.index)
        sources = "; ".join(escape(s) for s in key.sources)
        parts.append(
            f"<p><span style='color:{colour}'>■</span>&nbsp;"
            f"{escape(tr('Source: {source}', language, source=''))}{sources}<br/>"
            f"<span class='figures'>{figures}</span></p>")
    notes: list[str] = []
    for ref in layout.chart.references:
        text = escape(ref.label.get(language))
        if ref.source:
            text += " " + escape(tr("(source: {source})", language, source=ref.source))
        notes.append(f"<span style='color:#F0E442'>- - -</span>&nbsp;{text}")
    if layout.has_unknown_spans:
        notes.append(escape(tr("Dashed line: the figures between these dates are not known.", language)))
    if layout.has_approximate:
        notes.append(escape(tr("Hollow marker, hatched bar or ≈: an approximate figure.", language)))
    if notes:
        parts.append("<p>" + "<br/>".join(notes) + "</p>")
    return "".join(parts)
