"""Bar charts of a table's charted row (top characteristics by category), as data and layout.

`chart_for` turns a computed row into one panel per column. `layout` places the panels,
wrapped labels and bars in points; the SVG (HTML) and reportlab (PDF) writers draw the same
layout, so the two outputs cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.utils import simpleSplit

from exports.tables.compute import Columns, feature_counts, row_options
from exports.tables.model import Bar, Chart, ChartPanel, Row, Table
from exports.tables.spec import RowSpec, TableSpec

MAX_BARS = 6
FONT = "Helvetica"


def chart_for(spec: TableSpec, table: Table, columns: Columns,
              suppress_below: int | None) -> Chart | None:
    """The chart of the row the spec names, or None if it names none or nothing is counted."""
    if not spec.chart:
        return None
    row_spec = next(r for r in spec.rows if r.key == spec.chart)
    if row_spec.show == "marks":
        panels = [_feature_panel(row_spec, column.label, cases, suppress_below)
                  for column, cases in columns]
    else:
        row = next(r for r in table.rows if r.key == spec.chart or
                   r.key.startswith(f"{spec.chart}."))
        panels = [_entry_panel(row, column.key, f"{column.label} ({column.cases})",
                               row_spec) for column, _ in columns]
    panels = [p for p in panels if p.bars]
    if not panels:
        return None
    note = "Counts below the suppression threshold are not drawn." if suppress_below else ""
    return Chart(f"{row_spec.label} by {_by(spec)}", tuple(panels), note)


def _by(spec: TableSpec) -> str:
    return {"case.category": "category", "case.review_type": "review type",
            "case.site": "site", "case.publication_year": "year"}.get(spec.columns, "group")


def _entry_panel(row: Row, column_key: str, title: str, row_spec: RowSpec) -> ChartPanel:
    skip = {row_spec.not_reported_label, "Not coded", "not coded"}
    bars = [Bar(e.label, float(e.count), str(e.count))
            for e in row.cells[column_key].entries
            if e.count and not e.suppressed and e.label not in skip and e.total is None]
    return ChartPanel(title, tuple(bars[:MAX_BARS]))


def _feature_panel(row: RowSpec, title: str, cases: list,
                   suppress_below: int | None) -> ChartPanel:
    counts, _ = feature_counts(row, cases)
    order = [o.key for o in row_options(row)]
    ranked = sorted((k for k in counts if counts[k] >= (suppress_below or 1)),
                    key=lambda k: (-counts[k], order.index(k) if k in order else 0))
    bars = [Bar(row.option_label(k), float(counts[k]), str(counts[k]))
            for k in ranked[:MAX_BARS]]
    return ChartPanel(f"{title} ({len(cases)})", tuple(bars))


# Layout ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Shape:
    kind: str  # "text" or "rect"
    x: float
    y: float  # from the top, in points
    width: float = 0
    height: float = 0
    text: str = ""
    size: float = 8
    bold: bool = False
    anchor: str = "start"  # start | end
    fill: str = "#000000"


PANEL_GAP = 18
LABEL_WIDTH_SHARE = 0.48
BAR_HEIGHT = 11
LINE = 9.5
WRAP_SLACK = 0.85
"""Labels wrap at this share of their room: browsers without Helvetica draw wider text."""


def layout(chart: Chart, width: float, per_row: int = 3) -> tuple[list[Shape], float]:
    """Shapes for the whole chart and its height; labels wrap, bars scale to the panel."""
    shapes = [Shape("text", 0, 12, text=chart.title, size=11, bold=True)]
    panel_width = (width - PANEL_GAP * (per_row - 1)) / per_row
    top = 26.0
    for start in range(0, len(chart.panels), per_row):
        heights = []
        for i, panel in enumerate(chart.panels[start:start + per_row]):
            x = i * (panel_width + PANEL_GAP)
            panel_shapes, height = _panel(panel, x, top, panel_width)
            shapes += panel_shapes
            heights.append(height)
        top += max(heights) + 14
    if chart.note:
        shapes.append(Shape("text", 0, top + 6, text=chart.note, size=7, fill="#555555"))
        top += 14
    return shapes, top


def _panel(panel: ChartPanel, x: float, top: float, width: float) -> tuple[list[Shape], float]:
    title_lines = simpleSplit(panel.title, f"{FONT}-Bold", 8.5, width * WRAP_SLACK)
    shapes = [Shape("text", x, top + 9 + i * 10.5, text=line, size=8.5, bold=True)
              for i, line in enumerate(title_lines)]
    y = top + 6 + len(title_lines) * 10.5
    label_width = width * LABEL_WIDTH_SHARE
    bar_space = width - label_width - 6 - 18
    largest = max(b.value for b in panel.bars) or 1
    for bar in panel.bars:
        lines = simpleSplit(bar.label, FONT, 7.5, label_width * WRAP_SLACK)
        block = max(BAR_HEIGHT, len(lines) * LINE) + 4
        for j, line in enumerate(lines):
            shapes.append(Shape("text", x + label_width, y + 8 + j * LINE, text=line,
                                size=7.5, anchor="end"))
        bar_width = max(1.0, bar_space * bar.value / largest)
        bar_x = x + label_width + 6
        shapes.append(Shape("rect", bar_x, y + 1, bar_width, BAR_HEIGHT, fill="#3b6ea5"))
        shapes.append(Shape("text", bar_x + bar_width + 3, y + 9, text=bar.text, size=7.5))
        y += block
    return shapes, y - top
