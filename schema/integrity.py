"""`check`: everything that can be wrong with a project file, listed rather than raised."""

from __future__ import annotations

from pathlib import Path

from schema.codebook_loader import parse_codebook
from schema.encryption import DRIVER_ERRORS
from schema.errors import CasecoderError, ProjectError
from schema.migrations import latest_version
from schema.project import open_project, read_meta
from schema.store_sections import KNOWN_STATES, NOT_APPLICABLE, has_section_states

REQUIRED_META = ("database_id", "site", "codebook_key", "created_at")


def check_project(path: str | Path) -> list[str]:
    """Return the problems found in a project; an empty list means it is sound.

    Raises ProjectError only when the file is not a Casecoder project at all (or is too new),
    since then there is nothing to check. Opens read-only: checking never changes the file.
    """
    path = Path(path)
    try:
        db = open_project(path, readonly=True)
    except ProjectError as exc:
        if "is damaged" in str(exc):
            return [str(exc)]
        raise
    problems: list[str] = []
    try:
        problems += _integrity(db.conn)
        if not problems:
            problems += _foreign_keys(db.conn)
            problems += _version(db.conn)
            problems += _meta_and_codebook(db)
    except DRIVER_ERRORS as exc:
        problems.append(f"the database cannot be read: {exc}")
    finally:
        db.conn.close()
    return problems


def _integrity(conn) -> list[str]:
    rows = [r[0] for r in conn.execute("PRAGMA integrity_check(50)")]
    return [] if rows == ["ok"] else [f"integrity: {r}" for r in rows]


def _foreign_keys(conn) -> list[str]:
    return [f"foreign key: a row of {table} (rowid {rowid}) points to a missing {parent} row"
            for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")]


def _version(conn) -> list[str]:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version < latest_version():
        return [f"schema version {version} is older than this app's {latest_version()}; "
                f"opening the project for editing will upgrade it"]
    return []


def _meta_and_codebook(db) -> list[str]:
    meta = read_meta(db)
    problems = [f"meta: '{key}' is missing" for key in REQUIRED_META if key not in meta]
    key = meta.get("codebook_key")
    if not key:
        return problems
    row = db.execute("SELECT yaml_text FROM codebooks WHERE key = ?", [key]).fetchone()
    if row is None:
        return problems + [f"codebook {key} named in meta is not stored in the project"]
    try:
        codebook = parse_codebook(row[0], source=f"stored codebook {key}")
    except CasecoderError as exc:
        return problems + [str(exc)]
    return problems + _unknown_fields(db, codebook) + _section_states(db, codebook)


def _unknown_fields(db, codebook) -> list[str]:
    known = {(f.section, f.key) for f in codebook.all_fields()}
    rows = db.execute("SELECT DISTINCT e.section, a.field FROM answers a "
                      "JOIN entities e ON e.id = a.entity_id")
    return [f"answers use field '{section}.{field}', which the codebook does not define"
            for section, field in rows if (section, field) not in known]


def _section_states(db, codebook) -> list[str]:
    """Section marks (migration 7) that name no repeating section, hold an unknown state, or
    stand beside items of the section (which a merge of two edits could leave behind)."""
    if not has_section_states(db):
        return []
    repeating = {s.key for s in codebook.sections if s.repeat}
    problems = []
    for section, state, count in db.execute(
            "SELECT section, state, count(*) FROM section_states GROUP BY section, state"):
        if section not in repeating:
            problems.append(f"section states name '{section}', which is not a repeating "
                            f"section of the codebook ({count} coding(s))")
        if state not in KNOWN_STATES:
            problems.append(f"section states hold the unknown state '{state}' ({count} "
                            f"coding(s)); a newer Casecoder may have written it")
    rows = db.execute(
        "SELECT s.section, count(*) FROM section_states s WHERE s.state = ? AND EXISTS "
        "(SELECT 1 FROM entities e WHERE e.coding_id = s.coding_id AND e.section = s.section)"
        " GROUP BY s.section", [NOT_APPLICABLE])
    problems += [f"{count} coding(s) mark '{section}' not applicable but hold items of it; "
                 f"open the case and remove the items or take the mark back"
                 for section, count in rows]
    return problems
