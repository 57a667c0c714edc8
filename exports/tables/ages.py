"""Age ranges with a majority note ("35–85+, majority over 65").

Ages are stored as whole years, or as an age band key when the review gives only a band. A band
counts towards a note only when the whole band satisfies it (band 65-74 is not "over 65").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from exports.tables.model import NO_INFORMATION, Cell, Entry
from exports.tables.spec import MajorityNote, RowSpec
from schema.codebook_model import Field

_BAND = re.compile(r"(\d+)\s*(?:[-–]\s*(\d+)|(\+))")


@dataclass(frozen=True)
class Span:
    low: int
    high: int | None
    """None: open-ended (85+)."""

    def satisfies(self, note: MajorityNote) -> bool:
        if note.test == "at_most":
            return self.high is not None and self.high <= note.age
        return self.low > note.age


def band_spans(age_field: Field) -> dict[str, Span]:
    """Bounds of each band option, read from its label ("0-4", "85+") or key ("85_plus")."""
    spans = {}
    for option in age_field.options:
        match = _BAND.search(option.label) or _BAND.search(option.key.replace("_", "-"))
        if match:
            high = None if match.group(3) else int(match.group(2))
            spans[option.key] = Span(int(match.group(1)), high)
        elif option.key.endswith("plus") and option.key[:-5].isdigit():
            spans[option.key] = Span(int(option.key[:-5]), None)
    return spans


def to_span(value: object, bands: dict[str, Span]) -> Span | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return Span(int(value), int(value))
    return bands.get(str(value))


def _span(value: object, bands: dict[str, Span], known: dict[object, Span | None]) -> Span | None:
    """`to_span`, remembered: ten thousand cases hold only a hundred or so distinct ages."""
    if isinstance(value, list):
        return to_span(value, bands)
    key = (type(value), value)
    if key not in known:
        known[key] = to_span(value, bands)
    return known[key]


def range_text(spans: list[Span], notes: tuple[MajorityNote, ...]) -> str:
    low = min(s.low for s in spans)
    top = max(spans, key=lambda s: (s.high is None, s.high if s.high is not None else s.low))
    high = f"{top.low}+" if top.high is None else str(top.high)
    text = str(low) if str(low) == high else f"{low}–{high}"
    for note in notes:
        if 2 * sum(s.satisfies(note) for s in spans) > len(spans):
            return f"{text}, {note.text}"
    return text


def age_cell(row: RowSpec, people_by_case: list[list[tuple[str, object] | None]]) -> Cell:
    """The age range of everyone in a column; when most cases give no age, say how many."""
    bands = band_spans(row.field)
    known: dict[object, Span | None] = {}
    spans: list[Span] = []
    with_age = without_age = not_reported = not_applicable = recorded = 0
    for answers in people_by_case:
        states = [a[0] for a in answers if a]
        case_spans = [_span(a[1], bands, known) for a in answers if a and a[0] == "answered"]
        case_spans = [s for s in case_spans if s is not None]
        spans += case_spans
        recorded += len(states)
        not_reported += states.count("not_reported")
        not_applicable += states.count("not_applicable")
        if case_spans:
            with_age += 1
        elif "not_reported" in states:
            without_age += 1
    if row.majority is not None and row.majority.applies(not_reported, len(spans)):
        return Cell.note(row.majority.text)
    if not spans:
        if not_reported:
            return Cell.note(row.not_reported_label)
        return Cell.note("Not applicable" if recorded and not_applicable == recorded
                         else NO_INFORMATION)
    text = range_text(spans, row.majority_notes)
    if without_age > with_age:
        return Cell.of(Entry(row.not_reported_label, without_age), Entry(text, with_age),
                       partition=True)
    return Cell.note(text)
