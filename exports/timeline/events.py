"""Reading a case's escalation events through the Store API.

The events are the items of the codebook's repeating `events` section, read from the coding
that speaks for the case (schema.counting's rule: consensus, else primary). Dates keep the
precision the review gave (schema.dates); the stage is placed by its position among the
field's options, so a codebook that renames the stages still draws them in order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from schema.codebook_model import Codebook, Field
from schema.dates import DateError, PartialDate, parse_stored
from schema.errors import CasecoderError, NotFoundError, ValidationError
from schema.records import Answer, Case, CaseFilter
from schema.store import Store

EVENTS = "events"
FIELDS = ("date", "feature", "timeline_stage", "description")
Clean = Callable[[str], str]


@dataclass(frozen=True)
class TimelineEvent:
    """One coded event; `number` is its place in the coding (1 for the first item)."""

    number: int
    date: PartialDate | None
    kind: str
    stage: int | None  # 1 to the number of stages, None when no stage was coded
    description: str
    entity_id: str = ""

    @property
    def date_text(self) -> str:
        return self.date.describe() if self.date else "No date"


@dataclass(frozen=True)
class CaseTimeline:
    """A case's events with what the drawing needs to name them."""

    case_id: str
    reference: str
    title: str
    category: str
    stages: tuple[str, ...]
    events: tuple[TimelineEvent, ...]

    @property
    def dated(self) -> list[TimelineEvent]:
        """Events with a date, earliest first (same date: in the order coded)."""
        return sorted((e for e in self.events if e.date),
                      key=lambda e: (e.date.iso(), e.number))

    @property
    def undated(self) -> list[TimelineEvent]:
        """Events without a date, in the order coded."""
        return [e for e in self.events if e.date is None]

    def stages_reached(self) -> set[int]:
        return {e.stage for e in self.events if e.stage}


def events_fields(book: Codebook) -> dict[str, Field]:
    """The fields of the codebook's events section, or a one-line error if it has none."""
    try:
        section = book.section(EVENTS)
    except ValidationError:
        raise CasecoderError("this project's codebook has no 'events' section, so there are "
                             "no escalation events to draw") from None
    found = {key: section.field(key) for key in FIELDS}
    missing = [key for key, spec in found.items() if spec is None]
    if missing:
        raise CasecoderError(f"the codebook's events section lacks the field(s) "
                             f"{', '.join(missing)} a timeline needs")
    return found


def read_case_timeline(store: Store, case: Case, clean: Clean | None = None, *,
                       as_counted: bool = False) -> CaseTimeline:
    """The case's events from the coding the store's coder is shown (Store.coding_shown: the
    one that counts, or their own while the case is blind-coded); `as_counted` reads the
    coding that counts whatever the setting, as the brief's other sections do. `clean` is
    applied to every text coders typed (the brief passes its pseudonymiser)."""
    clean = clean or (lambda text: text)
    coding = store.coding_for_tables(case.id) if as_counted else store.coding_shown(case.id)
    book = store.codebook_by_key(coding.codebook_key) if coding else store.codebook
    fields = events_fields(book)
    stages = tuple(o.label for o in fields["timeline_stage"].options)
    events: list[TimelineEvent] = []
    if coding is not None:
        answers = store.coding_answers(coding.id)
        for number, entity in enumerate(store.entities(coding.id, EVENTS), start=1):
            events.append(_event(number, entity.id, answers.get(entity.id, {}), fields, clean))
    category = book.category_label(case.category) if case.category else ""
    return CaseTimeline(case.id, clean(case.reference), clean(case.title), category, stages,
                        tuple(events))


def read_category_timelines(store: Store, category: str) -> list[CaseTimeline]:
    """Every case of a category (by key), each with its events, in reference order."""
    book = store.codebook
    if category not in {o.key for o in book.categories}:
        raise ValidationError(f"unknown category {category!r}; expected one of "
                              f"{', '.join(o.key for o in book.categories)}")
    cases = store.list_cases(CaseFilter(category=category))
    if not cases:
        raise NotFoundError(f"the project has no cases of category {category!r}")
    return [read_case_timeline(store, case) for case in cases]


def _event(number: int, entity_id: str, row: dict[str, Answer], fields: dict[str, Field],
           clean: Clean) -> TimelineEvent:
    def value(key: str) -> object:
        answer = row.get(key)
        return answer.value if answer is not None and answer.state == "answered" else None

    stage_key = value("timeline_stage")
    stage_keys = [o.key for o in fields["timeline_stage"].options]
    kind = value("feature")
    return TimelineEvent(
        number=number, date=_date(value("date")),
        kind=fields["feature"].option_label(str(kind)) if kind else "",
        stage=stage_keys.index(stage_key) + 1 if stage_key in stage_keys else None,
        description=clean(str(value("description") or "")).strip(), entity_id=entity_id)


def _date(value: object) -> PartialDate | None:
    if value in (None, ""):
        return None
    try:
        return parse_stored(value)
    except DateError:
        return None
