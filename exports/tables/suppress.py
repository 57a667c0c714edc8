"""Small-number suppression for tables that will be published.

A count from 1 to N-1 is shown as "<N". Where a cell's counts add up to a whole (genders,
ethnic groups: every person counted once), a single suppressed count could be worked out from
the column total, so the next smallest count in that group is withheld too (shown as "*").
"""

from __future__ import annotations

from dataclasses import replace

from exports.tables.model import Cell, Group, Row, Table

SECONDARY = "*"


def suppress_table(table: Table, threshold: int) -> Table:
    rows = [Row(r.key, r.label, {k: suppress_cell(c, threshold) for k, c in r.cells.items()})
            for r in table.rows]
    return replace(table, rows=rows)


def suppress_cell(cell: Cell, threshold: int) -> Cell:
    return replace(cell, groups=tuple(_suppress_group(g, threshold) for g in cell.groups))


def _suppress_group(group: Group, threshold: int) -> Group:
    entries = [replace(e, shown=f"<{threshold}") if e.count is not None and
               0 < e.count < threshold else e for e in group.entries]
    primary = sum(e.suppressed for e in entries)
    if group.partition and primary == 1:
        visible = [i for i, e in enumerate(entries) if e.count and not e.suppressed]
        if visible:
            smallest = min(visible, key=lambda i: entries[i].count)
            entries[smallest] = replace(entries[smallest], shown=SECONDARY)
    return replace(group, entries=tuple(entries))
