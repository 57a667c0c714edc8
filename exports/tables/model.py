"""What a computed summary table is: columns (groups of cases), rows, and cells of entries.

A cell is a list of entries ("White (5)", "15 female", "✓") in one or more groups ("Homicide:",
"Suicide:"). Keeping counts as numbers until the end lets suppression replace them, lets the
writers show shared characteristics in bold, and lets charts reuse the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

NO_INFORMATION = "No information"
MARK = "✓"


@dataclass(frozen=True)
class Entry:
    """One item of a cell: a label with an optional count of cases or people."""

    label: str
    count: int | None = None
    count_first: bool = False
    bold: bool = False
    total: int | None = None
    shown: str | None = None
    """The count as printed when suppression replaced it (e.g. "<5")."""
    shown_total: str | None = None
    """The total as printed when it is itself a small count (e.g. "<5")."""

    @property
    def suppressed(self) -> bool:
        return self.shown is not None

    @property
    def text(self) -> str:
        if self.count is None:
            return self.label
        count = self.shown or str(self.count)
        if self.total is not None:
            return self._share_text(count)
        return f"{count} {self.label}" if self.count_first else f"{self.label} ({count})"

    def _share_text(self, count: str) -> str:
        total = self.shown_total or str(self.total)
        if self.suppressed or not self.total:
            return f"{count} of {total}"
        return f"{round(100 * self.count / self.total)}% ({count} of {self.total})"


@dataclass(frozen=True)
class Group:
    """Entries under an optional prefix; `partition` when the counts add up to a whole."""

    entries: tuple[Entry, ...]
    prefix: str = ""
    partition: bool = False


@dataclass(frozen=True)
class Cell:
    groups: tuple[Group, ...] = ()
    listed: bool = False
    """True: one entry per line (top characteristics); False: entries run on, comma-separated."""

    @classmethod
    def of(cls, *entries: Entry, partition: bool = False, listed: bool = False) -> Cell:
        return cls((Group(tuple(entries), partition=partition),), listed=listed)

    @classmethod
    def note(cls, text: str) -> Cell:
        return cls.of(Entry(text))

    @property
    def entries(self) -> list[Entry]:
        return [e for g in self.groups for e in g.entries]

    def lines(self) -> list[list[tuple[str, bool]]]:
        """The cell as lines of (text, bold) runs, for writers that format text."""
        lines: list[list[tuple[str, bool]]] = []
        for group in self.groups:
            if self.listed:
                if group.prefix:
                    lines.append([(f"{group.prefix}:", False)])
                lines += [[(e.text, e.bold)] for e in group.entries]
                continue
            runs: list[tuple[str, bool]] = [(f"{group.prefix}: ", False)] if group.prefix else []
            for i, entry in enumerate(group.entries):
                if i:
                    runs.append((", ", False))
                runs.append((entry.text, entry.bold))
            lines.append(runs)
        return lines

    @property
    def text(self) -> str:
        """Plain text: listed cells one entry per line, others as "a, b; Prefix: c"."""
        joined = ["".join(t for t, _ in line) for line in self.lines()]
        return "\n".join(joined) if self.listed else "; ".join(joined)

    def map_entries(self, change) -> Cell:
        groups = tuple(replace(g, entries=tuple(change(e) for e in g.entries))
                       for g in self.groups)
        return replace(self, groups=groups)


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    cases: int

    @property
    def heading(self) -> str:
        return f"{self.label}\n{self.cases} review{'s' if self.cases != 1 else ''}"


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    cells: dict[str, Cell]


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str


@dataclass(frozen=True)
class ChartPanel:
    title: str
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Chart:
    title: str
    panels: tuple[ChartPanel, ...]
    note: str = ""


@dataclass
class Table:
    key: str
    title: str
    columns: list[Column]
    rows: list[Row]
    corner: str = ""
    notes: list[str] = field(default_factory=list)
    chart: Chart | None = None

    def grid(self) -> list[list[str]]:
        """Header and rows as plain text, for CSV and the clipboard."""
        header = [self.corner or "", *(c.heading.replace("\n", " (") + ")"
                                      for c in self.columns)]
        body = [[row.label, *(row.cells[c.key].text for c in self.columns)]
                for row in self.rows]
        return [header, *body]


@dataclass
class TableSet:
    """Every table computed from one project with one set of filters."""

    tables: list[Table]
    footnotes: list[str]
    cases: int = 0
    title: str = "Per-category summary tables"
    footer: str = ""
    """One line for every printed page: N, codebook version, filters and date."""

    def table(self, key: str) -> Table:
        for table in self.tables:
            if table.key == key:
                return table
        raise KeyError(key)
