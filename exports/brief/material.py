"""Reading what one coded case contributes to a brief, from the coding that speaks for it.

Option keys become the codebook's labels, and every text entered by a coder (quotes included)
passes through the case's pseudonymiser on the way in, so nothing after this point ever holds a
registered real name.
"""

from __future__ import annotations

import re

from exports.brief.content import CaseMaterial, Item, Link, Recommendation
from exports.brief.pseudonyms import Pseudonymiser
from exports.timeline.events import EVENTS, CaseTimeline, read_case_timeline
from schema.codebook_model import Codebook
from schema.errors import NotFoundError
from schema.records import Answer, Case
from schema.store import Store

Row = dict[str, Answer]
_SEPARATORS = re.compile(r"\s*[;,\n]\s*")


class CodingReader:
    """The answers of one coding, by section, read through labels and the pseudonymiser."""

    def __init__(self, store: Store, coding_id: str, book: Codebook,
                 names: Pseudonymiser) -> None:
        self.book = book
        self.names = names
        answers = store.coding_answers(coding_id)
        self._rows: dict[str, list[tuple[str, Row]]] = {}
        for entity in store.entities(coding_id):
            self._rows.setdefault(entity.section, []).append(
                (entity.id, answers.get(entity.id, {})))
        self._quotes: dict[tuple[str, str], list[str]] = {}
        for evidence in store.coding_evidence(coding_id):
            if evidence.quote.strip():
                self._quotes.setdefault((evidence.entity_id, evidence.field), []).append(
                    evidence.quote.strip())

    def rows(self, section: str) -> list[Row]:
        return [row for _, row in self._rows.get(section, [])]

    def single(self, section: str) -> Row:
        rows = self.rows(section)
        return rows[0] if rows else {}

    def quotes(self, section: str, field: str) -> tuple[str, ...]:
        found = [q for entity_id, _ in self._rows.get(section, [])
                 for q in self._quotes.get((entity_id, field), [])]
        return tuple(self.names.clean(q) for q in found)

    @staticmethod
    def value(row: Row, field: str) -> object:
        answer = row.get(field)
        return answer.value if answer is not None and answer.state == "answered" else None

    def text(self, row: Row, field: str) -> str:
        value = self.value(row, field)
        return self.names.clean(str(value)).strip() if value not in (None, "") else ""

    def label(self, section: str, row: Row, field: str) -> str:
        value = self.value(row, field)
        if value is None:
            return ""
        return self.book.field(f"{section}.{field}").option_label(str(value))

    def labels(self, section: str, row: Row, field: str) -> tuple[str, ...]:
        keys = self.value(row, field)
        if not keys:
            return ()
        spec = self.book.field(f"{section}.{field}")
        return tuple(spec.option_label(key) for key in keys)


def read_case_material(store: Store, case: Case, names: Pseudonymiser,
                       books: dict[str, Codebook] | None = None) -> CaseMaterial:
    """What one case contributes to a brief. Raises NotFoundError if it was never coded."""
    coding = store.coding_for_tables(case.id)
    if coding is None:
        raise NotFoundError(f"case {case.reference} has not been coded yet; code it before "
                            f"building a brief")
    books = {} if books is None else books
    if coding.codebook_key not in books:
        books[coding.codebook_key] = store.codebook_by_key(coding.codebook_key)
    book = books[coding.codebook_key]
    reader = CodingReader(store, coding.id, book, names)
    return CaseMaterial(
        reference=names.clean(case.reference), title=names.clean(case.title),
        review_type=book.review_type_label(case.review_type),
        review_type_short=book.review_type_short(case.review_type),
        category=book.category_label(case.category) if case.category else "",
        codebook=f"{book.id} version {book.version}",
        **_review_facts(reader), **_learning(reader), **_voice(reader),
        agencies=_agencies(reader), recommendations=_recommendations(reader),
        links=_links(reader), timeline=_timeline(store, case, book, names))


def _review_facts(reader: CodingReader) -> dict:
    row = reader.single("review")
    published = reader.value(row, "published")
    state = row["published"].state if "published" in row else ""
    year = reader.value(row, "publication_year")
    if published is True:
        published_text = f"Yes, published in {year}" if year else "Yes"
    elif published is False:
        published_text = "No, the full review has not been published"
    else:
        published_text = "Not stated in the review" if state == "not_reported" else ""
    authorities = [reader.text(row, "local_authority")]
    authorities += _SEPARATORS.split(reader.text(row, "other_local_authorities"))
    return {"subject": reader.text(row, "subject"), "summary": reader.text(row, "summary"),
            "published": published_text,
            "published_flag": published if isinstance(published, bool) else None,
            "local_authorities": tuple(dict.fromkeys(a for a in authorities if a))}


def _agencies(reader: CodingReader) -> tuple[str, ...]:
    labels = (reader.label("agencies", row, "agency") for row in reader.rows("agencies"))
    return tuple(dict.fromkeys(label for label in labels if label))


def _learning(reader: CodingReader) -> dict:
    def items(section: str, note_field: str) -> tuple[Item, ...]:
        found = ((reader.text(row, "text"), reader.label(section, row, note_field))
                 for row in reader.rows(section))
        return tuple(Item(text, note) for text, note in found if text)

    return {"themes": reader.labels("themes", reader.single("themes"), "themes"),
            "findings": items("findings", "theme"),
            "good_practice": items("good_practice", "agency"),
            "learning": items("learning", "theme")}


def _voice(reader: CodingReader) -> dict:
    row = reader.single("voice")
    return {"voice": reader.text(row, "persons_voice"),
            "voice_quotes": reader.quotes("voice", "persons_voice"),
            "families": reader.text(row, "including_families"),
            "family_quotes": reader.quotes("voice", "including_families")}


def _recommendations(reader: CodingReader) -> tuple[Recommendation, ...]:
    found = []
    for row in reader.rows("recommendations"):
        text = reader.text(row, "text")
        if text:
            found.append(Recommendation(
                text=text, agency=reader.label("recommendations", row, "agency"),
                level=reader.label("recommendations", row, "level"),
                owner=reader.text(row, "owner"),
                status=reader.label("recommendations", row, "status")))
    return tuple(found)


def _links(reader: CodingReader) -> tuple[Link, ...]:
    found = []
    for row in reader.rows("further_reading"):
        title, url = reader.text(row, "title"), reader.text(row, "url")
        if title or url:
            found.append(Link(title=title or url, url=url))
    return tuple(found)


def _timeline(store: Store, case: Case, book: Codebook,
              names: Pseudonymiser) -> CaseTimeline | None:
    """The case's escalation events, when its codebook has them and some are coded."""
    if not any(s.key == EVENTS for s in book.sections):
        return None
    timeline = read_case_timeline(store, case, names.clean, as_counted=True)
    return timeline if timeline.events else None
