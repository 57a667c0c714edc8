"""Import cases JSON (as written by json_export) into a project, all or nothing.

The whole file is checked before anything is written; then every record is written in one
transaction. Records are matched by id (a section state by its coding and section): a record
already in the project is replaced by the file's version, anything else is added, and nothing
absent from the file is removed. Files of format version 1 carry no section states.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from schema.errors import DataImportError
from schema.json_export import FORMAT, FORMAT_VERSION
from schema.json_validation import check_case, check_shape, fail
from schema.project import now
from schema.store import Store
from schema.transactions import transaction


@dataclass(frozen=True)
class ImportSummary:
    cases_added: int
    cases_replaced: int
    codings: int
    answers: int
    evidence: int


def read_json_file(path: str | Path) -> dict:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataImportError(f"{path} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataImportError(f"cannot read {path}: {exc}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataImportError(f"$: malformed JSON at line {exc.lineno}, column {exc.colno}: "
                              f"{exc.msg}") from None


def validate(store: Store, data: object) -> None:
    """Raise DataImportError naming the JSON path of the first problem."""
    check_shape(data, "top", "$")
    if data["format"] != FORMAT:
        raise fail("$.format", f"expected '{FORMAT}', got '{data['format']}'")
    if data["format_version"] > FORMAT_VERSION:
        raise fail("$.format_version", f"version {data['format_version']} is newer than this "
                                       f"app reads ({FORMAT_VERSION}); update Casecoder")
    book = store.codebook
    if data["codebook"].get("id") != book.id:
        raise fail("$.codebook.id", f"the file was coded with codebook "
                                    f"'{data['codebook'].get('id')}', the project uses '{book.id}'")
    for i, doc in enumerate(data["documents"]):
        check_shape(doc, "document", f"$.documents[{i}]")
    documents = {d["sha256"] for d in data["documents"]}
    for i, case in enumerate(data["cases"]):
        check_case(case, f"$.cases[{i}]", book, documents)


def import_cases(store: Store, data: object) -> ImportSummary:
    validate(store, data)
    counts = {"added": 0, "replaced": 0, "codings": 0, "answers": 0, "evidence": 0}
    with transaction(store.db):
        for doc in data["documents"]:
            _ensure_document(store, doc)
        for case in data["cases"]:
            _write_case(store, case, counts)
    return ImportSummary(counts["added"], counts["replaced"], counts["codings"],
                         counts["answers"], counts["evidence"])


def _ensure_document(store: Store, doc: dict) -> None:
    """A document known only by reference gets a row without its bytes, so evidence can cite
    it; importing the PDF later fills it in."""
    store.db.execute(
        "INSERT OR IGNORE INTO documents (id, file_name, size_bytes, page_count, text_status, "
        "created_at, created_by, updated_at, updated_by) "
        "VALUES (?, ?, ?, ?, 'not_extracted', ?, ?, ?, ?)",
        [doc["sha256"], doc["file_name"], doc["size_bytes"], doc["page_count"],
         *[now(), store.actor] * 2])


def _upsert(store: Store, table: str, row: dict) -> bool:
    """Insert or replace one row by id; return True if it replaced an existing row."""
    existed = store.db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [row["id"]]).fetchone()
    columns = ", ".join(row)
    updates = ", ".join(f"{c} = excluded.{c}" for c in row if c != "id")
    store.db.execute(f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(row))}) "
                     f"ON CONFLICT (id) DO UPDATE SET {updates}", list(row.values()))
    return existed is not None


def _write_case(store: Store, case: dict, counts: dict) -> None:
    row = {k: v for k, v in case.items() if k not in ("documents", "codings")}
    replaced = _upsert(store, "cases", row)
    counts["replaced" if replaced else "added"] += 1
    for link in case["documents"]:
        store.db.execute(
            "INSERT OR REPLACE INTO case_documents (case_id, document_id, role, position, "
            "added_at, added_by) VALUES (?, ?, ?, ?, ?, ?)",
            [case["id"], link["sha256"], link["role"], link["position"], link["added_at"],
             link["added_by"]])
    for coding in case["codings"]:
        _write_coding(store, case["id"], coding, counts)
    store._audit("import", "cases", case["id"], case["id"],
                 f"case {case['reference']} imported from JSON",
                 after={"codings": len(case["codings"]), "replaced": replaced})


def _write_coding(store: Store, case_id: str, coding: dict, counts: dict) -> None:
    if store.db.execute("SELECT 1 FROM codebooks WHERE key = ?",
                        [coding["codebook_key"]]).fetchone() is None:
        coding = {**coding, "codebook_key": store.codebook.key}
    row = {k: v for k, v in coding.items() if k not in ("entities", "section_states")}
    _upsert(store, "codings", {**row, "case_id": case_id})
    counts["codings"] += 1
    for entity in coding["entities"]:
        erow = {k: v for k, v in entity.items() if k not in ("answers", "evidence")}
        _upsert(store, "entities", {**erow, "coding_id": coding["id"]})
        store.db.execute("DELETE FROM answers WHERE entity_id = ?", [entity["id"]])
        store.db.execute("DELETE FROM evidence WHERE entity_id = ?", [entity["id"]])
        for answer in entity["answers"]:
            value = answer.get("value")
            store.db.execute(
                "INSERT INTO answers (id, entity_id, field, state, value_json, created_at, "
                "created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [answer["id"], entity["id"], answer["field"], answer["state"],
                 None if value is None else json.dumps(value, ensure_ascii=False),
                 answer["created_at"], answer["created_by"], answer["updated_at"],
                 answer["updated_by"]])
            counts["answers"] += 1
        for item in entity["evidence"]:
            store.db.execute(
                "INSERT INTO evidence (id, entity_id, field, document_id, page, paragraph, "
                "quote, rects_json, created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?)",
                [item["id"], entity["id"], item["field"], item["document_sha256"],
                 item["page"], item["paragraph"], item["quote"], json.dumps(item["rects"]),
                 item["created_at"], item["created_by"]])
            counts["evidence"] += 1
    for item in coding.get("section_states", []):
        store.db.execute(
            "INSERT INTO section_states (coding_id, section, state, created_at, created_by, "
            "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (coding_id, "
            "section) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at, "
            "updated_by = excluded.updated_by",
            [coding["id"], item["section"], item["state"], item["created_at"],
             item["created_by"], item["updated_at"], item["updated_by"]])
