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


def tally(answers_by_case: list[list[Answer]], collapse: bool = False,
          row: RowSpec | None = None) -> Tally:
    """Count the answers; with a `row` that groups options, each group counts once a person."""
    result = Tally()
    grouping = row.group_of if row is not None and row.groups else None
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
                if grouping is not None:
                    picked = value if isinstance(value, list) else [value]
                    values.extend(dict.fromkeys(map(grouping, picked)))
                elif isinstance(value, list):
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


def _option_order(row: RowSpec) -> dict[object, int]:
    """Codebook order of the options; a group sits where its first option does."""
    order: dict[object, int] = {}
    for spec_field in row.fields:
        for i, option in enumerate(spec_field.options):
            order.setdefault(option.key, i)
    for group in row.groups:
        order[group.key] = min(order.get(k, len(order)) for k in group.options)
    order.update({True: 0, False: 1})
    return order


def _ordered(row: RowSpec, counts: Counter) -> list[tuple[object, int]]:
    order = _option_order(row)
    return sorted(((k, n) for k, n in counts.items() if n > 0),
                  key=lambda item: (-item[1], order.get(item[0], len(order))))


def _label(text: str, count_first: bool) -> str:
    return text[:1].lower() + text[1:] if count_first else text


def _sentence(entries: list[Entry]) -> list[Entry]:
    """Entries after the first start in lower case ("Parent (17), partner of parent (1)")."""
    return entries[:1] + [replace(e, label=e.label[:1].lower() + e.label[1:])
                          for e in entries[1:]]


def _place_not_reported(row: RowSpec, entries: list[Entry], unreported: Entry) -> None:
    """Put "Not reported" where the row says: by its count (after equal counts), last, or
    first only when it outnumbers every answer."""
    position = row.not_reported_position
    if position == "last":
        entries.append(unreported)
    elif position == "first_if_most":
        largest = max((e.count or 0 for e in entries), default=0)
        entries.insert(0, unreported) if unreported.count > largest else \
            entries.append(unreported)
    else:
        at = next((i for i, e in enumerate(entries) if (e.count or 0) < unreported.count),
                  len(entries))
        entries.insert(at, unreported)


def _empty_note(row: RowSpec, t: Tally) -> str:
    if t.not_reported or t.collapsed_cases:
        return row.none_reported or row.not_reported_label
    if t.not_applicable and t.not_applicable == t.recorded:
        return "Not applicable"
    if t.answered:
        return "None recorded"
    return NO_INFORMATION


def count_entries(row: RowSpec, t: Tally, section_label: str) -> list[Entry]:
    """All answers as entries, largest first, "Not reported" placed as the row says.

    Nothing but "not reported" gives no entries: the cell then just says "Not reported".
    """
    if not t.options:
        return []
    first = row.count_first
    ordered = _ordered(row, t.options)
    entries = [Entry(_label(row.option_label(k), first), n, first) for k, n in ordered]
    if t.not_reported:
        _place_not_reported(
            row, entries, Entry(_label(row.not_reported_label, first), t.not_reported, first))
    if row.sentence_case:
        entries = _sentence(entries)
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
        t = tally(answers_by_case, row.collapse_unreported_groups, row)
        entries = _entries_or_majority(row, t, section_label)
        return Cell.of(*entries, partition=partition) if entries else \
            Cell.note(_empty_note(row, t))
    groups, counted = [], False
    for prefix, indexes in splits:
        t = tally([answers_by_case[i] for i in indexes], row.collapse_unreported_groups, row)
        entries = _entries_or_majority(row, t, section_label)
        counted = counted or bool(entries)
        entries = entries or [Entry(_empty_note(row, t))]
        groups.append(Group(tuple(entries), prefix=prefix, partition=partition))
    if not counted:
        return Cell.note(_empty_note(row, tally(answers_by_case,
                                                row.collapse_unreported_groups, row)))
    return Cell(tuple(groups))


def _entries_or_majority(row: RowSpec, t: Tally, section_label: str) -> list[Entry]:
    """The entries; or the row's "not known for the majority" text, which also keeps the
    one or two known answers of a mostly unreported column from being printed."""
    if row.majority is not None and row.majority.applies(t.not_reported, t.answered):
        return [Entry(row.majority.text)]
    return count_entries(row, t, section_label)


def top_cell(row: RowSpec, answers_by_case: list[list[Answer]]) -> Cell:
    """The `limit` most common answers, with every answer tied at the last place."""
    t = tally(answers_by_case, row=row)
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
