"""The Charts tab: each chart's figures as a table, every figure with its source.

No pyqtgraph here (it costs ~350 ms to import): the drawn charts come in a later issue and
replace this tab through the common interface.
"""

from __future__ import annotations

from html import escape

from kiosk.core.model import ChartDef, DataPoint
from kiosk.ui.strings import tr
from kiosk.ui.tabs.detail_pane import Detail
from kiosk.ui.tabs.list_detail import ListDetailTab
from kiosk.ui.tabs.touch_list import ListRow

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def point_label(point: DataPoint, language: str) -> str:
    if point.x is not None:
        if point.x_precision == "year":
            return str(point.x.year)
        if point.x_precision == "month":
            return f"{MONTHS[point.x.month - 1]} {point.x.year}"
        return f"{point.x.day} {MONTHS[point.x.month - 1]} {point.x.year}"
    return point.category.get(language) if point.category else ""


def value_text(point: DataPoint, unit: str = "") -> str:
    value = point.value
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    suffix = point.unit or unit
    return f"{'≈ ' if point.approximate else ''}{number}{' ' + suffix if suffix else ''}"


class ChartsTab(ListDetailTab):
    def _kind(self, chart: ChartDef) -> str:
        return tr("line_chart" if chart.kind == "line" else "bar_chart", self.language)

    def _points(self, chart: ChartDef) -> list[DataPoint]:
        return [p for name in chart.series if name in self.subject.series
                for p in self.subject.series[name].points]

    def rows(self) -> list[ListRow]:
        rows = []
        for chart in self.subject.charts:
            meta = " · ".join((self._kind(chart),
                               tr("points", self.language, n=len(self._points(chart)))))
            glyph = "chart" if chart.kind == "line" else "bars"
            rows.append(ListRow(chart.title.get(self.language) or chart.id, meta, glyph=glyph))
        return rows

    def detail_for(self, row: int) -> Detail:
        chart = self.subject.charts[row]
        lang = self.language
        x_head = escape(chart.x_label.get(lang))
        y_head = escape(chart.y_label.get(lang))
        several = len(chart.series) > 1
        body = ["<table width='100%' cellspacing='0' cellpadding='10'>",
                f"<tr><th align='left'>{x_head}</th>"
                + ("<th align='left'>&nbsp;</th>" if several else "")
                + f"<th align='right'>{y_head}</th><th align='left'>&nbsp;</th></tr>"]
        sources: list[str] = []
        for point in self._points(chart):
            if point.source not in sources:
                sources.append(point.source)
            mark = sources.index(point.source) + 1
            series_cell = f"<td>{escape(point.series)}</td>" if several else ""
            body.append(
                f"<tr><td>{escape(point_label(point, lang))}</td>{series_cell}"
                f"<td align='right'>{escape(value_text(point, chart.y_unit))}</td>"
                f"<td><sup>{mark}</sup></td></tr>"
            )
        body.append("</table>")
        for line in chart.references:
            body.append(f"<p>— {escape(line.label.get(lang))}</p>")
        for note in chart.annotations:
            body.append(f"<p>{note.x.isoformat()}: {escape(note.label.get(lang))}</p>")
        if any(p.approximate for p in self._points(chart)):
            body.append(f"<p><i>{escape(tr('approximate', lang))}</i></p>")
        for i, source in enumerate(sources, start=1):
            body.append(f"<p><sup>{i}</sup> {escape(tr('source', lang, source=source))}</p>")
        meta = " · ".join(p for p in (self._kind(chart), chart.y_label.get(lang)) if p)
        return Detail(title=chart.title.get(lang) or chart.id, meta=meta, html="".join(body))
