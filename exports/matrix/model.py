"""The matrix as plain records, shared by the window, the XLSX writer and the tests."""

from __future__ import annotations

from dataclasses import dataclass, field

CELL_KINDS = ("answered", "not_reported", "not_applicable", "empty", "no_item")
KIND_WORDS = {"not_reported": "Not reported", "not_applicable": "Not applicable"}
"""What a marked cell says. "empty" is a field nobody has coded yet; "no_item" is a sub-row
past the last item of that section (a case with two victims and three events)."""

FIXED_HEADINGS = ("Case", "Review type", "Category", "Status", "Item")


@dataclass(frozen=True)
class FieldColumn:
    """One field of a chosen section."""

    section: str
    field: str
    label: str
    section_label: str
    repeat: bool

    @property
    def path(self) -> str:
        return f"{self.section}.{self.field}"


@dataclass(frozen=True)
class MatrixCell:
    kind: str
    text: str = ""
    sort_key: tuple = ()


@dataclass(frozen=True)
class MatrixRow:
    """One sub-row of a case: `item` is 0 for the first (and only, without repeats)."""

    case_id: str
    reference: str
    review_type: str
    category: str
    status: str
    coding_id: str | None
    item: int
    items: int
    cells: tuple[MatrixCell, ...]
    entities: dict[str, str] = field(default_factory=dict)
    """Section key -> the entity id this sub-row shows for it (for opening the form there)."""

    @property
    def fixed(self) -> tuple[str, ...]:
        """The texts of the columns before the fields."""
        item = f"{self.item + 1} of {self.items}" if self.items > 1 else ""
        return (self.reference, self.review_type, self.category, self.status, item)


@dataclass(frozen=True)
class Matrix:
    columns: tuple[FieldColumn, ...]
    rows: tuple[MatrixRow, ...]
    sections: tuple[str, ...]

    @property
    def case_count(self) -> int:
        return len({row.case_id for row in self.rows})

    def case_rows(self, case_id: str) -> list[MatrixRow]:
        return [row for row in self.rows if row.case_id == case_id]

    def column_index(self, path: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.path == path)
