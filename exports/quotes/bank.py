"""The quote bank: every piece of evidence behind a field's answers, across the project.

`build_quote_bank(store, QuoteFilter(field="relationship.characteristics",
option="coercive_control", category="intimate_partner"))` lists, case by case, each quote a
coder cited for that field where the answer holds that option, with its document, page and
paragraph. With no field it lists every piece of evidence in the project. Every coding counts
(first, second and consensus codings alike), each row naming its coder, so a board sees all
the material; the `coder` filter keeps one person's. While blind second coding hides other
coders' codings of a case (Store.hidden_codings), their quotes are left out, in the window
and on the command line alike.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from schema.codebook_model import Codebook, Field
from schema.errors import ValidationError

BOOLEAN_OPTIONS = {"yes": True, "no": False}
STATE_WORDS = {"not_reported": "Not reported", "not_applicable": "Not applicable"}


@dataclass(frozen=True)
class QuoteFilter:
    """What the bank lists. `field` is "section.field"; `option` one of its option keys (for a
    yes/no field: yes or no). Empty values do not filter."""

    field: str | None = None
    option: str | None = None
    category: str | None = None
    review_type: str | None = None
    site: str | None = None
    coder: str | None = None


@dataclass(frozen=True)
class QuoteRow:
    """One piece of evidence with the answer it supports and where it sits in its case."""

    evidence_id: str
    case_id: str
    case_reference: str
    category: str
    review_type: str
    site: str
    coder: str
    coding_kind: str
    field_path: str
    field_label: str
    section_label: str  # "Victim" for an item of a repeating section, else the section
    item: int | None  # 1-based item of a repeating section (victim 2), else None
    options: tuple[str, ...]  # the option keys the answer holds
    answer: str  # the answer as a reader sees it
    document_id: str | None
    file_name: str
    page: int | None
    paragraph: str
    quote: str
    rects: tuple = ()


@dataclass(frozen=True)
class QuoteBank:
    """The rows, best read in order, and what was asked for."""

    query: QuoteFilter
    rows: list[QuoteRow]
    title: str
    scope: str  # the filters in words, for the PDF and the panel
    codebook: str
    unquoted_answers: int = 0  # answers matching the filter that cite no quote
    cases: int = 0


def build_quote_bank(store, query: QuoteFilter) -> QuoteBank:
    """Every evidence row matching `query`, ordered by case, field and place in the document."""
    book = store.codebook
    spec = check_filter(book, query)
    rows = [_row(book, r) for r in _evidence_rows(store.db, query)]
    hidden = {(c.case_id, c.coder) for c in store.hidden_codings()}  # blind second coding
    if hidden:
        rows = [r for r in rows if (r.case_id, r.coder) not in hidden]
    if query.option:
        rows = [r for r in rows if query.option in r.options]
    unquoted = _unquoted_answers(store.db, query, spec) if spec else 0
    return QuoteBank(query=query, rows=rows, title=_title(book, spec, query),
                     scope=describe_scope(book, query), codebook=book.key,
                     unquoted_answers=unquoted, cases=len({r.case_id for r in rows}))


def check_filter(book: Codebook, query: QuoteFilter) -> Field | None:
    """The field asked for, after checking every value names something in the codebook."""
    if query.option and not query.field:
        raise ValidationError("--option needs --field: name the field the option belongs to, "
                              "e.g. --field relationship.characteristics")
    for value, choices, what in ((query.category, book.categories, "category"),
                                 (query.review_type, book.review_types, "review type")):
        if value and choices and value not in {o.key for o in choices}:
            raise ValidationError(f"unknown {what} {value!r}; expected one of "
                                  f"{', '.join(o.key for o in choices)}")
    if not query.field:
        return None
    spec = book.field(query.field)
    if query.option:
        known = list(BOOLEAN_OPTIONS) if spec.type == "boolean" else [o.key for o in spec.options]
        if query.option not in known:
            raise ValidationError(
                f"{spec.path} has no option {query.option!r}; expected one of "
                f"{', '.join(known) or '(none: it is a ' + spec.type + ' field)'}")
    return spec


def describe_scope(book: Codebook, query: QuoteFilter) -> str:
    """The filters in words: "Intimate partner · DHR · coder Sam" ("All cases" when none)."""
    parts = [book.category_label(query.category) if query.category else "",
             book.review_type_label(query.review_type) if query.review_type else "",
             f"site {query.site}" if query.site else "",
             f"coder {query.coder}" if query.coder else ""]
    return " · ".join(p for p in parts if p) or "All cases"


def _title(book: Codebook, spec: Field | None, query: QuoteFilter) -> str:
    if spec is None:
        return "Quote bank: All evidence"
    section = book.section(spec.section).label
    option = f" = {_option_label(spec, query.option)}" if query.option else ""
    return f"Quote bank: {section} / {spec.label}{option}"


def _option_label(spec: Field, key: str) -> str:
    if spec.type == "boolean":
        return "Yes" if BOOLEAN_OPTIONS[key] else "No"
    return spec.option_label(key)


def _conditions(query: QuoteFilter) -> tuple[list[str], list]:
    clauses, params = [], []
    for column, value in (("c.category", query.category), ("c.review_type", query.review_type),
                          ("c.site", query.site), ("g.coder", query.coder)):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    if query.field:
        section, _, key = query.field.partition(".")
        clauses += ["e.section = ?", "x.field = ?"]
        params += [section, key]
    return clauses, params


_FROM = ("JOIN entities e ON e.id = x.entity_id JOIN codings g ON g.id = e.coding_id "
         "JOIN cases c ON c.id = g.case_id ")


def _evidence_rows(db, query: QuoteFilter) -> list[dict]:
    clauses, params = _conditions(query)
    where = f"WHERE {' AND '.join(clauses)} " if clauses else ""
    return list(db.query(
        "SELECT x.id, x.field, x.document_id, x.page, x.paragraph, x.quote, x.rects_json, "
        "e.section, e.position, g.coder, g.kind, c.id AS case_id, c.reference, c.category, "
        "c.review_type, c.site, d.file_name, a.state, a.value_json FROM evidence x " + _FROM +
        "LEFT JOIN documents d ON d.id = x.document_id "
        "LEFT JOIN answers a ON a.entity_id = x.entity_id AND a.field = x.field " + where +
        "ORDER BY c.reference COLLATE NOCASE, c.id, g.created_at, e.section, e.position, "
        "x.field, d.file_name, x.page, x.created_at, x.id", params))


def _unquoted_answers(db, query: QuoteFilter, spec: Field) -> int:
    """Answers of the field (holding the option, if one is asked for) with no evidence."""
    clauses, params = _conditions(query)
    rows = db.execute(
        "SELECT x.value_json FROM answers x " + _FROM + "WHERE x.state = 'answered' AND "
        + " AND ".join(clauses) + " AND NOT EXISTS (SELECT 1 FROM evidence v WHERE "
        "v.entity_id = x.entity_id AND v.field = x.field)", params).fetchall()
    if not query.option:
        return len(rows)
    return sum(query.option in _held(spec, _load(r[0])) for r in rows)


def _row(book: Codebook, r: dict) -> QuoteRow:
    spec = _field_spec(book, r["section"], r["field"])
    section = _section(book, r["section"])
    value = _load(r["value_json"]) if r["state"] == "answered" else None
    return QuoteRow(
        evidence_id=r["id"], case_id=r["case_id"], case_reference=r["reference"],
        category=r["category"] or "", review_type=r["review_type"], site=r["site"],
        coder=r["coder"], coding_kind=r["kind"], field_path=f"{r['section']}.{r['field']}",
        field_label=spec.label if spec else r["field"],
        section_label=(section.item_label or section.label) if section else r["section"],
        item=r["position"] + 1 if section is not None and section.repeat else None,
        options=_held(spec, value) if spec and r["state"] == "answered" else (),
        answer=_answer_text(spec, r["state"], value),
        document_id=r["document_id"], file_name=r["file_name"] or "", page=r["page"],
        paragraph=r["paragraph"] or "", quote=r["quote"],
        rects=tuple(tuple(x) for x in json.loads(r["rects_json"] or "[]")))


def _section(book: Codebook, key: str):
    return next((s for s in book.sections if s.key == key), None)


def _field_spec(book: Codebook, section: str, key: str) -> Field | None:
    found = _section(book, section)
    return found.field(key) if found else None


def _load(value_json: str | None) -> object:
    return None if value_json is None else json.loads(value_json)


def _held(spec: Field | None, value: object) -> tuple[str, ...]:
    """The option keys an answer holds: its choice, its ticked options, or yes/no."""
    if spec is None or value is None:
        return ()
    if spec.type == "boolean":
        return ("yes",) if value is True else ("no",)
    if spec.type == "choice":
        return (str(value),)
    if spec.type == "multi" and isinstance(value, list):
        return tuple(str(v) for v in value)
    return ()


def _answer_text(spec: Field | None, state: str | None, value: object) -> str:
    if state in STATE_WORDS:
        return STATE_WORDS[state]
    if value is None:
        return ""
    if spec is not None and spec.type == "boolean":
        return "Yes" if value else "No"
    if spec is not None and spec.type in ("choice", "multi"):
        keys = value if isinstance(value, list) else [value]
        return "; ".join(spec.option_label(str(k)) for k in keys)
    return str(value)
