"""What a learning brief says, as plain records, already pseudonymised.

`CaseMaterial` is what one coded case contributes; `BriefContent` is the brief as laid out,
for one case or for a set of cases. The layout reads only `BriefContent`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass

from exports.timeline.events import CaseTimeline


@dataclass(frozen=True)
class Item:
    """A piece of text with an optional note (theme, agency) and source (case reference)."""

    text: str
    note: str = ""
    source: str = ""


@dataclass(frozen=True)
class Recommendation:
    text: str
    agency: str = ""
    level: str = ""
    owner: str = ""
    status: str = ""
    source: str = ""


@dataclass(frozen=True)
class Fact:
    """One cell of the facts panel: a label, a short headline and optional detail."""

    label: str
    value: str
    detail: str = ""


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class CaseMaterial:
    """One coded case, read through the codebook's labels and the case's name register."""

    reference: str
    title: str
    review_type: str
    category: str
    codebook: str
    review_type_short: str = ""
    """The review type's name for headings (the codebook's short label, else its label)."""
    subject: str = ""
    summary: str = ""
    published: str = ""
    published_flag: bool | None = None
    local_authorities: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    findings: tuple[Item, ...] = ()
    good_practice: tuple[Item, ...] = ()
    learning: tuple[Item, ...] = ()
    voice: str = ""
    voice_quotes: tuple[str, ...] = ()
    families: str = ""
    family_quotes: tuple[str, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    links: tuple[Link, ...] = ()
    timeline: CaseTimeline | None = None


@dataclass(frozen=True)
class BriefContent:
    """A brief ready for layout. Empty sections are left out by the layout."""

    kind: str
    title: str
    subject: str
    anonymity_note: str
    codebook: str
    background: tuple[Item, ...] = ()
    facts: tuple[Fact, ...] = ()
    themes: tuple[Item, ...] = ()
    """Theme labels; in a thematic brief each notes how many reviews raise it."""
    findings: tuple[Item, ...] = ()
    good_practice: tuple[Item, ...] = ()
    learning: tuple[tuple[str, tuple[Item, ...]], ...] = ()
    voice_heading: str = "Hearing the voice of the person"
    voice: tuple[Item, ...] = ()
    voice_quotes: tuple[Item, ...] = ()
    families: tuple[Item, ...] = ()
    family_quotes: tuple[Item, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    links: tuple[Link, ...] = ()
    case_count: int = 1
    timeline: CaseTimeline | None = None
    """A one-case brief's escalation events, when any are coded."""


def all_texts(record: object) -> list[str]:
    """Every string inside a record, however deeply nested (for the final name check)."""
    if isinstance(record, str):
        return [record]
    if is_dataclass(record):
        return [t for f in fields(record) for t in all_texts(getattr(record, f.name))]
    if isinstance(record, tuple | list):
        return [t for item in record for t in all_texts(item)]
    return []
