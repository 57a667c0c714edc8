"""Small-number suppression for tables that will be published.

A count from 1 to N-1 is shown as "<N". Where a cell's counts add up to a whole (genders,
ethnic groups: every person counted once), the hidden counts could be worked out from the
column total: one hidden count exactly, or several whose sum is below N (two counts of 1 that
must add up to 2). So further counts of that group are withheld too (shown as "*"), smallest
first, until at least two are hidden and together they reach N.
"""

from __future__ import annotations

from dataclasses import replace

from exports.tables.model import Cell, Entry, Group, Row, Table

SECONDARY = "*"


def suppress_table(table: Table, threshold: int) -> Table:
    rows = [Row(r.key, r.label, {k: suppress_cell(c, threshold) for k, c in r.cells.items()})
            for r in table.rows]
    return replace(table, rows=rows)


def suppress_cell(cell: Cell, threshold: int) -> Cell:
    return replace(cell, groups=tuple(_suppress_group(g, threshold) for g in cell.groups))


def _suppress_group(group: Group, threshold: int) -> Group:
    entries = [_small_total(replace(e, shown=f"<{threshold}") if e.count is not None and
                            0 < e.count < threshold else e, threshold)
               for e in group.entries]
    if group.partition and any(e.suppressed for e in entries):
        while _revealing(entries, threshold):
            visible = [i for i, e in enumerate(entries) if e.count and not e.suppressed]
            if not visible:
                break
            smallest = min(visible, key=lambda i: entries[i].count)
            entries[smallest] = replace(entries[smallest], shown=SECONDARY)
    return replace(group, entries=tuple(entries))


def _small_total(entry: Entry, threshold: int) -> Entry:
    """A share of a small total ("3 of 3") hides the total too: it counts cases as well."""
    if entry.total is not None and 0 < entry.total < threshold:
        return replace(entry, shown=entry.shown or f"<{threshold}",
                       shown_total=f"<{threshold}")
    return entry


def _revealing(entries: list[Entry], threshold: int) -> bool:
    """Whether the total minus the shown counts would give the hidden ones away."""
    hidden = [e.count or 0 for e in entries if e.suppressed]
    return len(hidden) == 1 or sum(hidden) < threshold
