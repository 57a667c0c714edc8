"""Build and write the metadata.json Datasette reads beside a project file.

Datasette names a database after its file's stem (`lambeth.casecoder` is `lambeth`), so the
metadata is keyed by that name. Tables and views Datasette would list but nobody reads (the
migration log, text fingerprints) are hidden; the FTS index's own tables Datasette hides
itself. Written for Datasette 0.65, where facets and search settings live in metadata.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from exports.output_guard import check_output, check_plaintext, write_whole
from schema.codebook_model import Codebook, Field, Section
from schema.opening import open_store
from schema.section_views import FIXED_COLUMNS, field_column, view_name
from schema.store import Store

HIDDEN = ("migrations", "document_fingerprints", "codebooks", "meta")
FACET_TYPES = ("choice", "boolean")
ROW_COLUMNS = {
    "reference": "The review's reference, as the project records it.",
    "title": "The review's title.",
    "review_type": "Kind of review (key), e.g. DHR, CSPR, SAR.",
    "category": "The case category the summary tables group by (key).",
    "case_status": "not_started, in_progress, coded or checked; summary tables count coded "
                   "and checked cases.",
    "coder": "Who made this coding.",
    "coding_kind": "primary, second or consensus.",
    "coding_site": "The site (borough) the coding was made at.",
    "counting_coding": "1 when this is the coding that speaks for the case in tables "
                       "(its consensus coding, else its first primary, else its first second).",
    "item": "Which item of the section (1, 2, ...), in a repeating section; empty otherwise.",
}


def datasette_metadata(codebook: Codebook, *, database: str, title: str = "") -> dict:
    """The metadata.json content for a project holding `codebook`, served as `database`."""
    tables = {view_name(s.key): _section_table(s) for s in codebook.sections}
    tables.update(_core_tables())
    for name in HIDDEN:
        tables[name] = {"hidden": True}
    return {
        "title": title or f"Casecoder project {database}",
        "description": f"Coded case reviews, coded with the codebook {codebook.title} "
                       f"({codebook.key}). Each section_ view holds one section's answers.",
        "databases": {database: {"tables": tables}},
    }


@dataclass(frozen=True)
class MetadataExport:
    """What was written, and whether the file already has the views it describes (a file
    from an older Casecoder gains them when it is next opened for writing)."""

    metadata: dict
    views_present: bool


def export_datasette_metadata(project: str | Path | Store, out: str | Path, *,
                              force: bool = False,
                              allow_plaintext: bool = False) -> MetadataExport:
    """Write the metadata for a project (a path or an open Store) to `out`.

    Refuses (ExportRefused, nothing written) when `out` exists without `force`, or when the
    project is encrypted without `allow_plaintext` (Datasette cannot read such a file)."""
    path = _project_path(project)
    out = check_output(out, force=force)
    check_plaintext(path, allow_plaintext=allow_plaintext, what="its codebook")
    store = project if isinstance(project, Store) else open_store(path, readonly=True)
    try:
        metadata = datasette_metadata(store.codebook, database=path.stem)
        present = _views_present(store)
    finally:
        if store is not project:
            store.close()
    text = json.dumps(metadata, indent=2, ensure_ascii=False) + "\n"
    write_whole(out, lambda partial: partial.write_text(text, encoding="utf-8"))
    return MetadataExport(metadata, present)


def _section_table(section: Section) -> dict:
    columns = {name: text for name, text in ROW_COLUMNS.items() if name in FIXED_COLUMNS}
    if not section.repeat:
        columns.pop("item")
    columns.update({field_column(f): column_description(f) for f in section.fields})
    facets = ["review_type", "coding_kind"]
    facets += [field_column(f) for f in section.fields if f.type in FACET_TYPES]
    kind = "one row per item" if section.repeat else "one row per case"
    return {
        "title": section.label,
        "description": f"{section.help or section.label}: {kind} and coding; "
                       f"answers in words.",
        "columns": columns,
        "facets": facets,
        "sort": "reference",
    }


def column_description(spec: Field) -> str:
    """A field's label, its help and, for a closed answer, the answers it allows."""
    parts = [spec.label.rstrip(".") + "."]
    if spec.help:
        parts.append(spec.help.strip())
    if spec.options and spec.type in ("choice", "multi", "age"):
        joined = "; ".join(o.label for o in spec.options)
        parts.append(("Bands: " if spec.type == "age" else "One or more of: "
                      if spec.type == "multi" else "One of: ") + joined + ".")
    if spec.type == "age":
        parts.append("Whole years, or a band when only that is known.")
    if spec.type == "date":
        parts.append("A date as precise as the review gives: YYYY, YYYY-MM or YYYY-MM-DD.")
    if spec.allow_na:
        parts.append("May be Not applicable.")
    return " ".join(parts)


def _core_tables() -> dict:
    return {
        "cases": {"title": "Cases", "description": "One row per review coded in the project.",
                  "facets": ["review_type", "category", "status", "site"],
                  "label_column": "reference"},
        "case_overview": {"title": "Cases at a glance",
                          "facets": ["review_type", "category", "status"]},
        "page_text": {"title": "Review text by page",
                      "description": "The text found on each page of the stored review PDFs. "
                                     "Search it with the box above the table.",
                      "fts_table": "pages_fts", "fts_pk": "id",
                      "facets": ["file_name", "status"]},
        "pages": {"title": "Pages (text layer)", "facets": ["status"]},
        "documents": {"title": "Review documents", "label_column": "file_name",
                      "facets": ["text_status"]},
        "evidence": {"title": "Evidence quotes",
                     "description": "A quote from a review supporting one answer: page, "
                                    "paragraph and the quoted words.",
                     "facets": ["field", "created_by"]},
        "audit_log": {"title": "Audit log", "facets": ["action", "actor", "table_name"]},
    }


def _project_path(project: str | Path | Store) -> Path:
    if isinstance(project, Store):
        row = project.db.conn.execute("PRAGMA database_list").fetchone()
        return Path(row[2])
    return Path(project)


def _views_present(store: Store) -> bool:
    stored = {r[0] for r in store.db.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'view'")}
    wanted = {view_name(s.key) for s in store.codebook.sections} | {"page_text"}
    return wanted <= stored
