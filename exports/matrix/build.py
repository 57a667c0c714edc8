"""Reading the matrix from the store: one coding per case, as the tables count them.

Each case shows the coding that speaks for it (schema.counting: consensus, else primary),
so the matrix agrees with the summary tables and the brief; while blind second coding hides
a case's other codings, the coder sees their own (Store.coding_shown). Every case is
listed, whatever its status, so the matrix also shows what remains to be coded.
"""

from __future__ import annotations

from exports.matrix.model import KIND_WORDS, FieldColumn, Matrix, MatrixCell, MatrixRow
from schema.codebook_model import Codebook, Field, Section
from schema.counting import STATUS_WORDS
from schema.dates import DateError, parse_stored
from schema.errors import CasecoderError
from schema.records import Answer, Case
from schema.store import Store


class MatrixError(CasecoderError):
    """The matrix cannot be made as asked (an unknown section)."""


def section_keys(book: Codebook, wanted: list[str] | None) -> tuple[str, ...]:
    """The sections asked for, checked against the codebook; every section when none."""
    known = [s.key for s in book.sections]
    if not wanted:
        return tuple(known)
    unknown = [key for key in wanted if key not in known]
    if unknown:
        raise MatrixError(f"the codebook has no section {', '.join(map(repr, unknown))}; "
                          f"choose from {', '.join(known)}")
    return tuple(dict.fromkeys(wanted))


def build_matrix(store: Store, sections: list[str] | None = None, progress=None) -> Matrix:
    """The matrix of every case over the fields of `sections` (keys; all when None)."""
    book = store.codebook
    chosen = [book.section(key) for key in section_keys(book, sections)]
    columns = tuple(FieldColumn(s.key, f.key, f.label, s.label, s.repeat)
                    for s in chosen for f in s.fields)
    rows: list[MatrixRow] = []
    cases = store.list_cases()
    for done, case in enumerate(cases):
        if progress is not None:
            progress.check()
            progress.update(done, len(cases), f"Reading {case.reference}")
        rows += _case_rows(store, book, case, chosen)
    return Matrix(columns, tuple(rows), tuple(s.key for s in chosen))


def _case_rows(store: Store, book: Codebook, case: Case,
               chosen: list[Section]) -> list[MatrixRow]:
    coding = store.coding_shown(case.id)
    answers = store.coding_answers(coding.id) if coding else {}
    items: dict[str, list[str]] = {s.key: [] for s in chosen}
    if coding is not None:
        for entity in store.entities(coding.id):
            if entity.section in items:
                items[entity.section].append(entity.id)
    count = max([len(items[s.key]) for s in chosen if s.repeat] + [1])
    fixed = (case.reference, book.review_type_label(case.review_type),
             book.category_label(case.category) if case.category else "",
             STATUS_WORDS.get(case.status, case.status).capitalize())
    rows = []
    for item in range(count):
        entities, cells = {}, []
        for section in chosen:
            index = item if section.repeat else 0
            entity = items[section.key][index] if index < len(items[section.key]) else None
            if entity:
                entities[section.key] = entity
            shown = entity is not None and (section.repeat or item == 0)
            for spec in section.fields:
                # The first sub-row of a case shows every section, coded or not; later
                # sub-rows show only the items that reach that far.
                row = answers.get(entity, {}) if shown else ({} if item == 0 else None)
                cells.append(_cell(spec, row))
        rows.append(MatrixRow(case.id, *fixed, coding.id if coding else None, item, count,
                              tuple(cells), entities))
    return rows


def _cell(spec: Field, row: dict[str, Answer] | None) -> MatrixCell:
    if row is None:
        return MatrixCell("no_item", "", (3, ""))
    answer = row.get(spec.key)
    if answer is None:
        return MatrixCell("empty", "", (2, ""))
    if answer.state in KIND_WORDS:
        return MatrixCell(answer.state, KIND_WORDS[answer.state], (1, answer.state))
    text = answer_text(spec, answer.value)
    return MatrixCell("answered", text, (0, _sortable(spec, answer.value, text)))


def answer_text(spec: Field, value: object) -> str:
    """An answer in words: option labels, Yes/No, a date at its own precision."""
    if spec.type == "multi":
        return "; ".join(spec.option_label(str(key)) for key in value or [])
    if spec.type == "choice" or (spec.type == "age" and isinstance(value, str)):
        return spec.option_label(str(value))
    if spec.type == "boolean":
        return "Yes" if value else "No"
    if spec.type == "date":
        try:
            return parse_stored(value).describe()
        except DateError:
            return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _sortable(spec: Field, value: object, text: str) -> object:
    """Numbers sort as numbers, dates in time order, everything else by its words."""
    if spec.type in ("number", "age") and isinstance(value, int | float):
        return f"{float(value):020.6f}"
    if spec.type == "date":
        return str(value)
    return text.casefold()
