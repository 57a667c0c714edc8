"""One SQL view per codebook section, so the project reads as plain tables in other tools.

`section_<key>` has one row per case and coding (per item, in a repeating section): the case's
reference, title and status, who coded it and in which role, whether that coding is the one
that speaks for the case (`counting_coding`, see schema.counting), then one column per field
of the section holding its answer in words: option labels rather than keys, a multiple
choice as labels joined with "; ", Yes/No, "Not reported" and "Not applicable". Dates stay as
stored (YYYY, YYYY-MM or YYYY-MM-DD, since many are partial). The row's ids come last.

The views follow the project's active codebook. They are built when a file is upgraded to
schema version 5, and rebuilt when a project is opened for writing or a merge switches its
codebook and the stored views no longer match that codebook; opening read-only never changes
them. Views of sections the codebook no longer has are dropped.
"""

from __future__ import annotations

import sqlite3

from schema.codebook_loader import parse_codebook
from schema.codebook_model import Codebook, Field, Section
from schema.counting import counting_coding_sql
from schema.errors import CodebookError

VIEW_PREFIX = "section_"
VIEWS_VERSION = 1  # raise when section_view_sql changes, so stored views are rebuilt
STATE_WORDS = {"not_reported": "Not reported", "not_applicable": "Not applicable"}
FIXED_COLUMNS = ("reference", "title", "review_type", "category", "case_status", "coder",
                 "coding_kind", "coding_site", "counting_coding", "item")
ID_COLUMNS = ("case_id", "coding_id", "entity_id")


def view_name(section_key: str) -> str:
    return f"{VIEW_PREFIX}{section_key}"


def field_column(spec: Field) -> str:
    """The column a field's answers are in: its key, unless a fixed column has that name."""
    taken = FIXED_COLUMNS + ID_COLUMNS
    return f"{spec.key}_answer" if spec.key in taken else spec.key


def active_codebook(conn: sqlite3.Connection) -> Codebook | None:
    """The codebook the project's meta names, or None for a file still being created or
    whose codebook this version cannot read (opening must not fail over the views; the
    store reports the codebook's problem when it is used)."""
    row = conn.execute("SELECT c.yaml_text, c.key FROM meta m JOIN codebooks c "
                       "ON c.key = m.value WHERE m.key = 'codebook_key'").fetchone()
    if row is None:
        return None
    try:
        return parse_codebook(row[0], source=f"codebook {row[1]} stored in the project")
    except CodebookError:
        return None


def refresh_section_views(conn: sqlite3.Connection, codebook: Codebook | None = None) -> bool:
    """Make the section views match `codebook` (default: the active one); True if changed.

    Runs inside the caller's transaction when there is one."""
    codebook = codebook or active_codebook(conn)
    if codebook is None:
        return False  # nothing to build them from: leave what is there
    wanted = _wanted(codebook)
    stored = _stored(conn)
    stale = [name for name, sql in stored.items() if wanted.get(name) != sql]
    missing = [name for name, sql in wanted.items() if stored.get(name) != sql]
    for name in stale:
        conn.execute(f"DROP VIEW [{name}]")
    for name in missing:
        conn.execute(wanted[name])
    return bool(stale or missing)


def refresh_if_stale(conn: sqlite3.Connection) -> bool:
    """Rebuild the views in one transaction of their own when they do not match the codebook.

    For a connection in autocommit mode (schema.project opens them so)."""
    sha = conn.execute("SELECT c.sha256 FROM meta m JOIN codebooks c ON c.key = m.value "
                       "WHERE m.key = 'codebook_key'").fetchone()
    stored = _stored(conn)
    if sha is None or (stored and all(_marker(sha[0]) in sql for sql in stored.values())):
        return False  # the quick test, without parsing the codebook's YAML
    codebook = active_codebook(conn)
    if codebook is None or stored == _wanted(codebook):
        return False
    conn.execute("BEGIN IMMEDIATE")
    try:
        refresh_section_views(conn, codebook)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return True


def _marker(sha256: str) -> str:
    return f"/* casecoder section view {VIEWS_VERSION}, codebook {sha256} */"


def _wanted(codebook: Codebook) -> dict[str, str]:
    return {view_name(s.key): section_view_sql(codebook, s) for s in codebook.sections}


def _stored(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'view' "
                             "AND substr(name, 1, ?) = ?", [len(VIEW_PREFIX), VIEW_PREFIX]))


def section_view_sql(codebook: Codebook, section: Section) -> str:
    """The CREATE VIEW statement of one section."""
    fields = ",\n    ".join(f"{_answer_sql(spec)} AS [{field_column(spec)}]"
                            for spec in section.fields)
    fields = f",\n    {fields}" if fields else ""
    item = "e.position + 1" if section.repeat else "NULL"
    return (f"CREATE VIEW [{view_name(section.key)}] AS {_marker(codebook.sha256)} SELECT\n"
            f"    c.reference, c.title, c.review_type, c.category, c.status AS case_status,\n"
            f"    g.coder, g.kind AS coding_kind, g.site AS coding_site,\n"
            f"    (g.id = {counting_coding_sql('c')}) AS counting_coding,\n"
            f"    {item} AS item{fields},\n"
            f"    c.id AS case_id, g.id AS coding_id, e.id AS entity_id\n"
            f"FROM entities e\n"
            f"JOIN codings g ON g.id = e.coding_id\n"
            f"JOIN cases c ON c.id = g.case_id\n"
            f"WHERE e.section = {_quote(section.key)}")


def _answer_sql(spec: Field) -> str:
    """A scalar subquery: the field's answer for row `e` in words, NULL when not answered."""
    states = " ".join(f"WHEN {_quote(state)} THEN {_quote(word)}"
                      for state, word in STATE_WORDS.items())
    return (f"(SELECT CASE a.state {states} ELSE {_value_sql(spec, 'a.value_json')} END "
            f"FROM answers a WHERE a.entity_id = e.id AND a.field = {_quote(spec.key)})")


def _value_sql(spec: Field, column: str) -> str:
    scalar = f"json_extract({column}, '$')"
    if spec.type == "choice":
        return _labels(spec, scalar)
    if spec.type == "multi":
        return (f"(SELECT group_concat({_labels(spec, 'j.value')}, '; ') "
                f"FROM json_each({column}) j)")
    if spec.type == "boolean":
        return f"CASE {scalar} WHEN 1 THEN 'Yes' WHEN 0 THEN 'No' END"
    if spec.type == "age" and spec.options:
        return f"CASE json_type({column}) WHEN 'text' THEN {_labels(spec, scalar)} " \
               f"ELSE {scalar} END"
    return scalar


def _labels(spec: Field, expression: str) -> str:
    """`expression` (an option key) as its label; a key the codebook lacks stays as it is."""
    if not spec.options:
        return expression
    cases = " ".join(f"WHEN {_quote(o.key)} THEN {_quote(o.label)}" for o in spec.options)
    return f"CASE {expression} {cases} ELSE {expression} END"


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
