"""Cells that count answers: "15 female, 2 male", "White (5), Not reported (5)" and the top
characteristics of a category ("ties at fifth place are all shown").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from exports.tables.model import NO_INFORMATION, Cell, Entry, Group
from exports.tables.spec import RowSpec

Answer = tuple[str, object] | None


@dataclass
class Tally:
    """What the people (or cases) of one cell answered for one field."""

    options: Counter = field(default_factory=Counter)
    not_reported: int = 0
    collapsed_cases: int = 0
    """Cases with several people, none of whose answers the review reports."""
    not_applicable: int = 0
    absent: int = 0
    answered: int = 0

    @property
    def recorded(self) -> int:
        return self.answered + self.not_reported + self.not_applicable


def tally(answers_by_case: list[list[Answer]], collapse: bool = False) -> Tally:
    result = Tally()
    values: list = []
    absent = not_reported = not_applicable = 0
    for answers in answers_by_case:
        if collapse and len(answers) > 1 and \
                all(a is not None and a[0] == "not_reported" for a in answers):
            result.collapsed_cases += 1
            continue
        for answer in answers:
            if answer is None:
                absent += 1
                continue
            state, value = answer
            if state == "answered":
                if isinstance(value, list):
                    values.extend(value)
                else:
                    values.append(value)
                result.answered += 1
            elif state == "not_reported":
                not_reported += 1
            else:
                not_applicable += 1
    result.options.update(values)
    result.absent, result.not_reported, result.not_applicable = \
        absent, not_reported, not_applicable
    return result


def _ordered(row: RowSpec, counts: Counter) -> list[tuple[object, int]]:
    order = {o.key: i for f in row.fields for i, o in enumerate(f.options)}
    order.update({True: 0, False: 1})
    return sorted(((k, n) for k, n in counts.items() if n > 0),
                  key=lambda item: (-item[1], order.get(item[0], len(order))))


def _label(text: str, count_first: bool) -> str:
    return text[:1].lower() + text[1:] if count_first else text


def _empty_note(row: RowSpec, t: Tally) -> str:
    if t.not_reported or t.collapsed_cases:
        return row.not_reported_label
    if t.not_applicable and t.not_applicable == t.recorded:
        return "Not applicable"
    if t.answered:
        return "None recorded"
    return NO_INFORMATION


def count_entries(row: RowSpec, t: Tally, section_label: str) -> list[Entry]:
    """All answers as entries, largest first; "Not reported" leads only when it dominates.

    Nothing but "not reported" gives no entries: the cell then just says "Not reported".
    """
    if not t.options:
        return []
    first = row.count_first
    ordered = _ordered(row, t.options)
    entries = [Entry(_label(row.option_label(k), first), n, first) for k, n in ordered]
    if t.not_reported:
        unreported = Entry(_label(row.not_reported_label, first), t.not_reported, first)
        largest = ordered[0][1] if ordered else 0
        entries.insert(0, unreported) if t.not_reported > largest else entries.append(unreported)
    if t.collapsed_cases:
        plural = "s" if t.collapsed_cases > 1 else ""
        text = (f"case{plural} with multiple {section_label.lower()}, "
                f"{row.field.label.lower()}s not reported")
        entries.append(Entry(text, t.collapsed_cases, count_first=True))
    if entries and t.absent:
        entries.append(Entry(_label("Not coded", first), t.absent, first))
    return entries


def counts_cell(row: RowSpec, answers_by_case: list[list[Answer]], section_label: str,
                splits: list[tuple[str, list[int]]] | None = None) -> Cell:
    """Counts of each answer; with `splits` ((prefix, case indexes), ...) one group each."""
    partition = row.field.type != "multi"
    if not splits:
        t = tally(answers_by_case, row.collapse_unreported_groups)
        entries = count_entries(row, t, section_label)
        return Cell.of(*entries, partition=partition) if entries else \
            Cell.note(_empty_note(row, t))
    groups, counted = [], False
    for prefix, indexes in splits:
        t = tally([answers_by_case[i] for i in indexes], row.collapse_unreported_groups)
        entries = count_entries(row, t, section_label)
        counted = counted or bool(entries)
        entries = entries or [Entry(_empty_note(row, t))]
        groups.append(Group(tuple(entries), prefix=prefix, partition=partition))
    if not counted:
        return Cell.note(_empty_note(row, tally(answers_by_case,
                                                row.collapse_unreported_groups)))
    return Cell(tuple(groups))


def top_cell(row: RowSpec, answers_by_case: list[list[Answer]]) -> Cell:
    """The `limit` most common answers, with every answer tied at the last place."""
    t = tally(answers_by_case)
    ordered = _ordered(row, t.options)
    if not ordered:
        return Cell.note(_empty_note(row, t))
    cutoff = ordered[min(row.limit, len(ordered)) - 1][1]
    shown = [(k, n) for k, n in ordered if n >= cutoff]
    return Cell.of(*(Entry(row.option_label(k), n) for k, n in shown), listed=True)


def mark_shared(cells: list[Cell]) -> list[Cell]:
    """Bold the entries that appear in two or more of the given cells (the categories)."""
    seen: Counter = Counter()
    for cell in cells:
        seen.update({e.label for e in cell.entries if e.count is not None})
    return [cell.map_entries(lambda e: _bold(e, seen)) for cell in cells]


def _bold(entry: Entry, seen: Counter) -> Entry:
    shared = entry.count is not None and seen[entry.label] >= 2
    return replace(entry, bold=True) if shared else entry
