"""Footnotes on counting people: a table of victims counts people, not reviews, so wherever a
review holds more than one victim (or perpetrator) the reader is told how many there are.

    Within-family violence towards children: 23 victims in 18 reviews; 5 reviews had two
    victims.
"""

from __future__ import annotations

from collections import Counter

from exports.tables.data import field_answers, is_not_applicable
from exports.tables.spec import TableSpec
from schema.codebook_model import Codebook

_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def people_notes(spec: TableSpec, columns: list, book: Codebook) -> list[str]:
    """One note per column and repeating section where some review has several items."""
    notes = []
    for section in _repeating_sections(spec, book):
        noun = book.section(section).label.lower()
        path = next(f.path for row in spec.rows if row.show in PEOPLE_ROWS
                    for f in row.fields if f.section == section)
        for column, cases in columns:
            sizes = Counter(len(items) for items in field_answers(path, cases)
                            if not is_not_applicable(items))
            if not any(size > 1 for size in sizes):
                continue
            notes.append(f"{column.label}: {_people_text(sizes, noun)}")
    return notes


PEOPLE_ROWS = ("counts", "top", "age_range")
"""Rows that count people; a completeness share counts cases and needs no such note."""


def _repeating_sections(spec: TableSpec, book: Codebook) -> list[str]:
    found = [f.section for row in spec.rows if row.show in PEOPLE_ROWS for f in row.fields]
    return [s for s in dict.fromkeys(found) if book.section(s).repeat]


def _people_text(sizes: Counter, noun: str) -> str:
    """"23 victims in 18 reviews; 5 reviews had two victims, 1 review had three victims."."""
    people = sum(size * n for size, n in sizes.items())
    reviews = sum(sizes.values())
    several = [f"{n} review{'s' if n != 1 else ''} had {_number(size)} {noun}"
               for size, n in sorted(sizes.items()) if size > 1]
    return (f"{people} {noun} in {reviews} review{'s' if reviews != 1 else ''}; "
            f"{', '.join(several)}.")


def _number(size: int) -> str:
    return _WORDS[size] if size < len(_WORDS) else str(size)
