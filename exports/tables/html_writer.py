"""HTML output: one printable page with every table, its bar chart (inline SVG) and footnotes."""

from __future__ import annotations

from html import escape
from pathlib import Path

from exports.tables.charts import Shape, layout
from exports.tables.files import write_atomically
from exports.tables.model import Cell, Chart, Table, TableSet

CHART_WIDTH = 760.0
STYLE = """
@page { size: A4 landscape; margin: 12mm; }
body { font-family: Helvetica, Arial, sans-serif; font-size: 10pt; color: #111; margin: 16px; }
h1 { font-size: 16pt; } h2 { font-size: 13pt; margin-top: 28px; break-after: avoid; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #999; padding: 4px 6px; vertical-align: top; text-align: left;
         overflow-wrap: anywhere; word-wrap: break-word; hyphens: auto; }
thead th { background: #dce6f1; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th.row { width: 18%; background: #f3f3f3; }
td.mark { text-align: center; }
.notes, .footnotes { font-size: 8.5pt; color: #333; }
.chart { margin-top: 10px; break-inside: avoid; max-width: 100%; }
.chart svg { max-width: 100%; height: auto; }
"""


def write_html(tables: TableSet, path: Path) -> Path:
    text = render_html(tables)
    return write_atomically(path, lambda temp: temp.write_text(text, encoding="utf-8"))


def render_html(tables: TableSet) -> str:
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             f"<title>{escape(tables.title)}</title><style>{STYLE}</style></head><body>",
             f"<h1>{escape(tables.title)}</h1>"]
    for table in tables.tables:
        parts.append(_table_html(table))
    parts.append('<div class="footnotes"><ul>')
    parts += [f"<li>{escape(note)}</li>" for note in tables.footnotes]
    parts.append("</ul></div></body></html>")
    return "\n".join(parts)


def _cell_html(cell: Cell) -> str:
    lines = []
    for line in cell.lines():
        lines.append("".join(f"<strong>{escape(t)}</strong>" if bold else escape(t)
                             for t, bold in line))
    return ("<br>" if cell.listed else "; ").join(lines)


def _table_html(table: Table) -> str:
    head = "".join(f"<th>{escape(c.label)}<br><small>{c.cases} review"
                   f"{'s' if c.cases != 1 else ''}</small></th>" for c in table.columns)
    rows = []
    for row in table.rows:
        cells = "".join(
            f'<td class="mark">{_cell_html(row.cells[c.key])}</td>'
            if row.cells[c.key].text in ("✓", "") else f"<td>{_cell_html(row.cells[c.key])}</td>"
            for c in table.columns)
        rows.append(f'<tr><th class="row" scope="row">{escape(row.label)}</th>{cells}</tr>')
    notes = "".join(f"<p>{escape(n)}</p>" for n in table.notes)
    chart = f'<div class="chart">{chart_svg(table.chart)}</div>' if table.chart else ""
    return (f'<section id="{escape(table.key)}"><h2>{escape(table.title)}</h2>'
            f'<table><thead><tr><th class="row">{escape(table.corner)}</th>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table><div class="notes">{notes}</div>'
            f"{chart}</section>")


def chart_svg(chart: Chart, width: float = CHART_WIDTH) -> str:
    shapes, height = layout(chart, width)
    body = "".join(_shape_svg(s) for s in shapes)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" '
            f'height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" role="img" '
            f'aria-label="{escape(chart.title)}" '
            f'font-family="Helvetica, Arial, Liberation Sans, sans-serif">'
            f"{body}</svg>")


def _shape_svg(shape: Shape) -> str:
    if shape.kind == "rect":
        return (f'<rect x="{shape.x:.1f}" y="{shape.y:.1f}" width="{shape.width:.1f}" '
                f'height="{shape.height:.1f}" fill="{shape.fill}"/>')
    weight = ' font-weight="bold"' if shape.bold else ""
    return (f'<text x="{shape.x:.1f}" y="{shape.y:.1f}" font-size="{shape.size}" '
            f'text-anchor="{shape.anchor}" fill="{shape.fill}"{weight}>'
            f"{escape(shape.text)}</text>")
