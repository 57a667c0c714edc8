"""Check a cases JSON document against the format and the project's codebook.

Every problem is reported with the JSON path of the first fault (e.g.
`$.cases[2].codings[0].entities[1].answers[3].value`), so a person can find it in the file.
"""

from __future__ import annotations

from schema.codebook_model import ANSWER_STATES, Codebook, Section
from schema.errors import DataImportError, ValidationError
from schema.records import CASE_STATUSES, CODING_KINDS
from schema.store_sections import KNOWN_STATES, NOT_APPLICABLE

STR, INT, OPT_STR, OPT_INT = (str,), (int,), (str, type(None)), (int, type(None))
STAMPS = {"created_at": STR, "created_by": STR, "updated_at": STR, "updated_by": STR}
SHAPES: dict[str, dict[str, tuple]] = {
    "top": {"format": STR, "format_version": INT, "codebook": (dict,), "documents": (list,),
            "cases": (list,)},
    "document": {"sha256": STR, "file_name": STR, "size_bytes": INT, "page_count": INT},
    "case": {"id": STR, "reference": STR, "title": STR, "review_type": STR,
             "category": OPT_STR, "site": STR, "publication_year": OPT_INT, "status": STR,
             "notes": STR, **STAMPS, "documents": (list,), "codings": (list,)},
    "case_document": {"sha256": STR, "role": STR, "position": INT, "added_at": STR,
                      "added_by": STR},
    "coding": {"id": STR, "coder": STR, "site": STR, "kind": STR, "codebook_key": STR,
               **STAMPS, "entities": (list,)},
    "entity": {"id": STR, "section": STR, "position": INT, **STAMPS, "answers": (list,),
               "evidence": (list,)},
    "answer": {"id": STR, "field": STR, "state": STR, **STAMPS},
    "section_state": {"section": STR, "state": STR, **STAMPS},
    "evidence": {"id": STR, "field": STR, "document_sha256": OPT_STR, "page": OPT_INT,
                 "paragraph": STR, "quote": STR, "rects": (list,), "created_at": STR,
                 "created_by": STR},
}
OPTIONAL = {"top": {"exported_at", "source", "format_version"}, "answer": {"value"},
            "coding": {"section_states", "status"}}


def fail(path: str, message: str) -> DataImportError:
    return DataImportError(f"{path}: {message}")


def check_shape(value: object, kind: str, path: str) -> dict:
    """Check a record's type, its required keys and their types; refuse unknown keys."""
    if not isinstance(value, dict):
        raise fail(path, f"expected an object, got {type(value).__name__}")
    shape = SHAPES[kind]
    for key in value:
        if key not in shape and key not in OPTIONAL.get(kind, ()):
            raise fail(f"{path}.{key}", f"unknown key '{key}'")
    for key, types in shape.items():
        if key not in value:
            raise fail(path, f"'{key}' is missing")
        if not isinstance(value[key], types) or (isinstance(value[key], bool)
                                                  and bool not in types):
            raise fail(f"{path}.{key}", f"expected {_type_names(types)}, got "
                                        f"{type(value[key]).__name__}")
    return value


def _type_names(types: tuple) -> str:
    names = {str: "text", int: "a whole number", list: "a list", dict: "an object",
             type(None): "null"}
    return " or ".join(names.get(t, t.__name__) for t in types)


def check_case(case: dict, path: str, book: Codebook, documents: set[str]) -> None:
    check_shape(case, "case", path)
    if book.review_types and case["review_type"] not in {o.key for o in book.review_types}:
        raise fail(f"{path}.review_type", f"unknown review type '{case['review_type']}'")
    if case["category"] and book.categories and \
            case["category"] not in {o.key for o in book.categories}:
        raise fail(f"{path}.category", f"unknown category '{case['category']}'")
    if case["status"] not in CASE_STATUSES:
        raise fail(f"{path}.status", f"unknown status '{case['status']}'")
    for i, link in enumerate(case["documents"]):
        check_shape(link, "case_document", f"{path}.documents[{i}]")
        if link["sha256"] not in documents:
            raise fail(f"{path}.documents[{i}].sha256", "not listed in $.documents")
    for i, coding in enumerate(case["codings"]):
        check_coding(coding, f"{path}.codings[{i}]", book, documents)


def check_coding(coding: dict, path: str, book: Codebook, documents: set[str]) -> None:
    check_shape(coding, "coding", path)
    if coding["kind"] not in CODING_KINDS:
        raise fail(f"{path}.kind", f"unknown coding kind '{coding['kind']}'")
    for i, entity in enumerate(coding["entities"]):
        epath = f"{path}.entities[{i}]"
        check_shape(entity, "entity", epath)
        try:
            section = book.section(entity["section"])
        except ValidationError:
            raise fail(f"{epath}.section",
                       f"unknown section '{entity['section']}' in the project's codebook"
                       ) from None
        for j, answer in enumerate(entity["answers"]):
            check_answer(answer, f"{epath}.answers[{j}]", section)
        for j, item in enumerate(entity["evidence"]):
            check_evidence(item, f"{epath}.evidence[{j}]", section, documents)
    check_section_states(coding, path, book)
    check_coding_status(coding, path)


def check_coding_status(coding: dict, path: str) -> None:
    """A coding's own status, when given, is one the project knows (older files have none)."""
    status = coding.get("status", "not_started")
    if status not in CASE_STATUSES:
        raise fail(f"{path}.status", f"unknown status {status!r}; expected one of "
                                     f"{', '.join(CASE_STATUSES)}")


def check_section_states(coding: dict, path: str, book: Codebook) -> None:
    """Optional (absent before format version 2): each names a repeating section once, with
    a known state; a section marked not applicable holds no items."""
    states = coding.get("section_states", [])
    if not isinstance(states, list):
        raise fail(f"{path}.section_states", "expected a list")
    repeating = {s.key for s in book.sections if s.repeat}
    seen: set[str] = set()
    for i, item in enumerate(states):
        spath = f"{path}.section_states[{i}]"
        check_shape(item, "section_state", spath)
        if item["section"] not in repeating:
            raise fail(f"{spath}.section", f"'{item['section']}' is not a repeating section "
                                           f"of the project's codebook")
        if item["section"] in seen:
            raise fail(f"{spath}.section", f"'{item['section']}' is listed twice")
        seen.add(item["section"])
        if item["state"] not in KNOWN_STATES:
            raise fail(f"{spath}.state", f"unknown state '{item['state']}'; expected one of "
                                         f"{', '.join(KNOWN_STATES)}")
        if item["state"] == NOT_APPLICABLE and any(
                e.get("section") == item["section"] for e in coding["entities"]):
            raise fail(f"{spath}.state", f"'{item['section']}' is marked not applicable but "
                                         f"the coding holds items of it")


def check_answer(answer: dict, path: str, section: Section) -> None:
    check_shape(answer, "answer", path)
    spec = section.field(answer["field"])
    if spec is None:
        raise fail(f"{path}.field", f"unknown field key '{section.key}.{answer['field']}'")
    if answer["state"] not in ANSWER_STATES:
        raise fail(f"{path}.state", f"unknown state '{answer['state']}'")
    if answer["state"] == "not_applicable" and not spec.allow_na:
        raise fail(f"{path}.state", f"{spec.path} cannot be not applicable")
    if answer["state"] == "answered":
        try:
            spec.check_value(answer.get("value"))
        except ValidationError as exc:
            raise fail(f"{path}.value", str(exc)) from None
    elif answer.get("value") is not None:
        raise fail(f"{path}.value", f"a {answer['state']} answer has no value")


def check_evidence(item: dict, path: str, section: Section, documents: set[str]) -> None:
    check_shape(item, "evidence", path)
    if section.field(item["field"]) is None:
        raise fail(f"{path}.field", f"unknown field key '{section.key}.{item['field']}'")
    if item["document_sha256"] is not None and item["document_sha256"] not in documents:
        raise fail(f"{path}.document_sha256", "not listed in $.documents")
