"""Export every case with its codings, entities, answers, evidence and section states (a
repeating section marked not applicable) as versioned JSON.

The format is described by schema/casecoder-cases.schema.json. It keeps every id and
timestamp, so exporting, importing into another project and exporting again gives the same
cases. Documents are referenced by sha256 (their bytes are not included), and the pseudonym
register is deliberately left out: the key to real names stays inside the project.
"""

from __future__ import annotations

import json
from pathlib import Path

from schema.project import now
from schema.store import Store
from schema.store_sections import has_section_states

FORMAT = "casecoder-cases"
FORMAT_VERSION = 2
"""2: codings carry `section_states`; version 1 files (without them) import unchanged."""
_STAMPS = ("created_at", "created_by", "updated_at", "updated_by")


def export_cases(store: Store) -> dict:
    """The whole project's coding as one JSON-ready dict."""
    db = store.db
    book = store.codebook
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported_at": now(),
        "source": {"database_id": store.meta.get("database_id", ""), "site": store.site},
        "codebook": {"id": book.id, "version": book.version, "sha256": book.sha256},
        "documents": [_document(row) for row in db.query(
            "SELECT id, file_name, size_bytes, page_count FROM documents ORDER BY id")],
        "cases": [_case(db, row) for row in db.query(
            "SELECT * FROM cases ORDER BY reference COLLATE NOCASE, id")],
    }


def write_export(store: Store, out: str | Path) -> dict:
    """Write the export atomically (temporary file, then rename); return the data written."""
    data = export_cases(store)
    out = Path(out)
    partial = out.with_name(out.name + ".partial")
    partial.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    partial.replace(out)
    return data


def _document(row: dict) -> dict:
    return {"sha256": row["id"], "file_name": row["file_name"],
            "size_bytes": row["size_bytes"], "page_count": row["page_count"]}


def _case(db, row: dict) -> dict:
    case = {k: row[k] for k in ("id", "reference", "title", "review_type", "category", "site",
                                "publication_year", "status", "notes", *_STAMPS)}
    case["documents"] = [
        {"sha256": d["document_id"], "role": d["role"], "position": d["position"],
         "added_at": d["added_at"], "added_by": d["added_by"]}
        for d in db.query("SELECT * FROM case_documents WHERE case_id = ? "
                          "ORDER BY position, document_id", [row["id"]])]
    case["codings"] = [_coding(db, c) for c in db.query(
        "SELECT * FROM codings WHERE case_id = ? ORDER BY created_at, id", [row["id"]])]
    return case


def _coding(db, row: dict) -> dict:
    coding = {k: row[k] for k in ("id", "coder", "site", "kind", "codebook_key", *_STAMPS)}
    if row.get("status") is not None:
        coding["status"] = row["status"]
    coding["entities"] = [_entity(db, e) for e in db.query(
        "SELECT * FROM entities WHERE coding_id = ? ORDER BY section, position, id",
        [row["id"]])]
    coding["section_states"] = _section_states(db, row["id"])
    return coding


def _section_states(db, coding_id: str) -> list[dict]:
    """Every section state row of the coding, taken-back marks ('applies') included, so an
    import into a project that holds the old mark replaces it."""
    if not has_section_states(db):
        return []
    return [{k: s[k] for k in ("section", "state", *_STAMPS)} for s in db.query(
        "SELECT * FROM section_states WHERE coding_id = ? ORDER BY section", [coding_id])]


def _entity(db, row: dict) -> dict:
    entity = {k: row[k] for k in ("id", "section", "position", *_STAMPS)}
    entity["answers"] = [
        {"id": a["id"], "field": a["field"], "state": a["state"],
         "value": None if a["value_json"] is None else json.loads(a["value_json"]),
         **{k: a[k] for k in _STAMPS}}
        for a in db.query("SELECT * FROM answers WHERE entity_id = ? ORDER BY field",
                          [row["id"]])]
    entity["evidence"] = [
        {"id": v["id"], "field": v["field"], "document_sha256": v["document_id"],
         "page": v["page"], "paragraph": v["paragraph"], "quote": v["quote"],
         "rects": json.loads(v["rects_json"]), "created_at": v["created_at"],
         "created_by": v["created_by"]}
        for v in db.query("SELECT * FROM evidence WHERE entity_id = ? ORDER BY created_at, id",
                          [row["id"]])]
    return entity
