"""Schema version 5 on a file made at version 4: the page index becomes one Datasette finds
and keeps its rows, and the section views appear and follow the codebook."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from datasette.utils import detect_fts

from schema.codebook_loader import parse_codebook
from schema.merge.run import merge_projects
from schema.migrations import all_migrations, latest_version
from schema.project import APPLICATION_ID, _write_initial_rows, open_project
from schema.section_views import view_name
from schema.store import Store
from tests.merge.builders import code_review, make_project

STAMP = "2024-01-01T00:00:00+00:00"


def _version_4_project(path, codebook) -> None:
    """A project as Casecoder wrote it at schema version 4, with a document of two pages."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for migration in [m for m in all_migrations() if m.version <= 4]:
        conn.execute("BEGIN IMMEDIATE")
        migration.apply(conn)
        conn.execute("INSERT INTO migrations VALUES (?, ?, ?)",
                     (migration.version, migration.name, datetime.now(UTC).isoformat()))
        conn.execute(f"PRAGMA user_version = {migration.version}")
        conn.execute("COMMIT")
    _write_initial_rows(conn, site="Lambeth", coder="A. Analyst", codebook=codebook)
    conn.execute("INSERT INTO documents (id, file_name, size_bytes, page_count, text_status, "
                 "created_at, created_by, updated_at, updated_by) "
                 "VALUES ('d1', 'old.pdf', 10, 2, 'ok', ?, 'a', ?, 'a')", (STAMP, STAMP))
    conn.executemany("INSERT INTO pages (document_id, page, status, text) "
                     "VALUES ('d1', ?, 'ok', ?)",
                     [(1, "The neighbour heard shouting."), (2, "A kitchen knife was found.")])
    assert detect_fts(conn, "pages") is None  # the old declaration Datasette misses
    conn.close()


def test_a_version_4_project_gains_the_detectable_index_on_opening(tmp_path, codebook):
    path = tmp_path / "old.casecoder"
    _version_4_project(path, codebook)
    db = open_project(path)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == latest_version()
        assert detect_fts(db.conn, "pages") == "pages_fts"
        hits = db.execute("SELECT p.page FROM pages_fts JOIN pages p ON p.id = pages_fts.rowid "
                          "WHERE pages_fts MATCH 'knife'").fetchall()
        assert hits == [(2,)]  # the rows indexed before the upgrade were carried over
        db.execute("INSERT INTO pages (document_id, page, status, text) "
                   "VALUES ('d1', 3, 'ok', 'Knife crime figures.')")
        db.conn.commit()
        assert db.execute("SELECT count(*) FROM pages_fts WHERE pages_fts MATCH 'knife'"
                          ).fetchone()[0] == 2  # and the triggers still keep it in step
        views = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='view'")}
        assert {view_name(s.key) for s in codebook.sections} | {"page_text"} <= views
    finally:
        db.conn.close()


def test_section_views_hold_answers_made_after_the_upgrade(tmp_path, codebook):
    path = tmp_path / "old.casecoder"
    _version_4_project(path, codebook)
    store = Store(open_project(path), "A. Analyst")
    try:
        case = store.create_case("DHR-2019-04", "DHR", title="Family of X")
        coding = store.add_coding(case.id)
        victim = store.add_entity(coding.id, "victims")
        store.set_answer(victim.id, "gender", "female")
        store.mark_not_reported(victim.id, "ethnicity")
        rows = store.db.execute("SELECT reference, gender, ethnicity, item, counting_coding "
                                "FROM section_victims").fetchall()
    finally:
        store.close()
    assert rows == [("DHR-2019-04", "Female", "Not reported", 1, 1)]


def test_views_follow_a_codebook_a_merge_brings_in(tmp_path, codebook):
    target = tmp_path / "region.casecoder"
    make_project(target, codebook, "Region", "R. Researcher").close()
    text = codebook.source_text.replace(f'version: "{codebook.version}"', "version: '1.1'", 1)
    text = text.replace(
        "      - {key: description, label: What happened, type: long_text}",
        "      - {key: description, label: What happened, type: long_text}\n"
        "      - {key: weapon_source, label: Where the weapon came from, type: text}", 1)
    source = make_project(tmp_path / "newer.casecoder", parse_codebook(text, source="newer"),
                          "Newer", "E. Editor")
    code_review(source, "DHR-newer")
    source.close()
    assert "weapon_source" not in _columns(target, "section_incident")
    assert merge_projects(target, [tmp_path / "newer.casecoder"],
                          actor="R. Researcher").codebook_upgraded
    assert "weapon_source" in _columns(target, "section_incident")


def _columns(path, view: str) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[1] for r in conn.execute(f"PRAGMA table_info([{view}])")]
    finally:
        conn.close()


def test_a_codebook_this_version_cannot_read_does_not_stop_the_upgrade(tmp_path, codebook):
    path = tmp_path / "old.casecoder"
    _version_4_project(path, codebook)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE codebooks SET yaml_text = 'sections: [unclosed', sha256 = 'x'")
    conn.commit()
    conn.close()
    db = open_project(path)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == latest_version()
        assert detect_fts(db.conn, "pages") == "pages_fts"
    finally:
        db.conn.close()
