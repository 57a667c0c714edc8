"""Blind second coding in the store and on the command line: the setting, each coding's own
status, who sees which coding, and the refusals."""

from __future__ import annotations

import sqlite3

import pytest

from main import main
from schema.audit import entries
from schema.errors import ValidationError
from schema.migrations import latest_version
from schema.project import open_project
from schema.store import Store
from tests.merge.builders import code_review


@pytest.fixture
def double_coded(project_path):
    """DHR-1 coded by A. Analyst (primary) and B. Coder (second), in one project."""
    store = Store(open_project(project_path), "A. Analyst")
    case_id = code_review(store, "DHR-1", gender="female")
    second = store.add_coding(case_id, coder="B. Coder", kind="second")
    store.set_answer(store.add_entity(second.id, "victims").id, "gender", "male")
    store.close()
    return project_path, case_id


def _store(path, coder: str) -> Store:
    return Store(open_project(path), coder)


def test_blind_coding_is_off_until_turned_on_and_the_change_is_audited(double_coded):
    path, _ = double_coded
    store = _store(path, "Lead")
    try:
        assert store.blind_coding is False
        assert store.set_blind_coding(True) is True
        assert store.set_blind_coding(True) is False  # already on: nothing written
        assert store.blind_coding is True
        logged = [e for e in entries(store.db) if e.table_name == "meta"]
        assert [e.summary for e in logged] == ["blind coding on"]
        assert logged[0].actor == "Lead"
    finally:
        store.close()


def test_each_coder_sees_only_their_own_coding_until_both_are_complete(double_coded):
    path, case_id = double_coded
    lead = _store(path, "Lead")
    lead.set_blind_coding(True)
    lead.close()
    a, b = _store(path, "A. Analyst"), _store(path, "B. Coder")
    try:
        assert [c.coder for c in a.visible_codings(case_id)] == ["A. Analyst"]
        assert [c.coder for c in b.visible_codings(case_id)] == ["B. Coder"]
        assert [c.coder for c in a.hidden_codings()] == ["B. Coder"]
        mine = a.visible_codings(case_id)[0]
        a.set_coding_status(mine.id, "coded")
        assert b.is_blind(case_id)  # one coding complete is not enough
        with pytest.raises(ValidationError, match="1 of 2 marked so far"):
            b.check_comparable(case_id)
        b.set_coding_status(b.visible_codings(case_id)[0].id, "checked")
        assert len(a.visible_codings(case_id)) == 2 and not a.is_blind(case_id)
        a.check_comparable(case_id)  # no refusal now
        assert a.hidden_codings() == []
    finally:
        a.close()
        b.close()


def test_with_blind_coding_off_everyone_sees_every_coding(double_coded):
    path, case_id = double_coded
    store = _store(path, "A. Analyst")
    try:
        assert len(store.visible_codings(case_id)) == 2
        store.check_comparable(case_id)
    finally:
        store.close()


def test_a_coding_status_change_is_checked_and_audited(double_coded):
    path, case_id = double_coded
    store = _store(path, "A. Analyst")
    try:
        coding = store.codings(case_id)[0]
        with pytest.raises(ValidationError, match="unknown status"):
            store.set_coding_status(coding.id, "finished")
        assert store.get_coding(coding.id).status == "not_started"
        store.set_case_and_coding_status(case_id, "coded", coding.id, "coded")
        assert store.get_case(case_id).status == "coded"
        assert store.get_coding(coding.id).status == "coded"
        summaries = [e.summary for e in entries(store.db) if e.table_name == "codings"]
        assert "primary coding by A. Analyst marked coded" in summaries
    finally:
        store.close()


def test_agreement_details_leave_out_cases_still_blind(double_coded):
    path, case_id = double_coded
    store = _store(path, "A. Analyst")
    try:
        assert any(d.case_id == case_id for d in store.agreement_details())
        store.set_blind_coding(True)
        assert store.agreement_details() == []
    finally:
        store.close()


def test_an_upgraded_project_gives_its_codings_their_cases_status(double_coded):
    path, case_id = double_coded
    conn = sqlite3.connect(path)
    conn.execute("UPDATE cases SET status = 'checked'")
    conn.execute("ALTER TABLE codings DROP COLUMN status")
    conn.execute("DELETE FROM migrations WHERE version = 8")
    conn.execute("PRAGMA user_version = 6")
    conn.commit()
    conn.close()
    store = _store(path, "A. Analyst")
    try:
        assert store.schema_version() == latest_version()
        assert {c.status for c in store.codings(case_id)} == {"checked"}
    finally:
        store.close()


def test_settings_command_shows_and_changes_blind_coding(double_coded, capsys):
    path, _ = double_coded
    assert main(["settings", str(path)]) == 0
    assert "Blind coding: off" in capsys.readouterr().out
    assert main(["settings", str(path), "--blind", "on", "--coder", "Lead"]) == 0
    assert "Blind coding is now on." in capsys.readouterr().out
    assert main(["info", str(path)]) == 0
    assert "Blind coding:" in capsys.readouterr().out
    assert main(["settings", str(path), "--blind", "on"]) == 0
    assert "already on" in capsys.readouterr().out
    with pytest.raises(SystemExit) as refused:
        main(["settings", str(path), "--blind", "maybe"])
    assert refused.value.code == 2
    store = _store(path, "x")
    try:
        assert store.blind_coding
        assert [e.actor for e in entries(store.db) if e.table_name == "meta"] == ["Lead"]
    finally:
        store.close()


def test_the_matrix_and_timeline_show_a_blind_coder_only_their_own_answers(double_coded):
    from exports.matrix import build_matrix
    from exports.timeline import read_case_timeline

    path, case_id = double_coded
    lead = _store(path, "Lead")
    lead.set_blind_coding(True)
    lead.close()
    b = _store(path, "B. Coder")
    try:
        def gender_shown() -> list[str]:
            matrix = build_matrix(b, ["victims"])
            at = [c.field for c in matrix.columns].index("gender")
            return [row.cells[at].text for row in matrix.rows]

        assert gender_shown() == ["Male"]  # B's own, not the primary's "Female"
        [case] = b.list_cases()
        assert read_case_timeline(b, case).case_id == case_id
        assert b.coding_shown(case_id).coder == "B. Coder"
        b.set_blind_coding(False)
        assert gender_shown() == ["Female"]
    finally:
        b.close()


def test_conflicts_leave_out_blind_cases_until_both_codings_are_complete(double_coded,
                                                                         capsys):
    path, case_id = double_coded
    lead = _store(path, "Lead")
    lead.set_blind_coding(True)
    lead.close()
    assert main(["conflicts", str(path)]) == 0
    assert "1 blind-coded case(s) left out" in capsys.readouterr().err
    assert main(["conflicts", str(path), "--case", "DHR-1"]) == 2  # refused
    assert "DHR-1 is blind-coded" in capsys.readouterr().err
    both = _store(path, "Lead")
    try:
        for coding in both.codings(case_id):
            both.set_coding_status(coding.id, "coded")
    finally:
        both.close()
    assert main(["conflicts", str(path)]) == 1
    captured = capsys.readouterr()
    assert "gender" in captured.out and "left out" not in captured.err


def test_the_quote_bank_leaves_out_quotes_of_codings_still_hidden(tmp_path, project_path):
    from exports.quotes.bank import QuoteFilter, build_quote_bank
    from tests.merge.builders import add_document

    store = _store(project_path, "A. Analyst")
    document = add_document(store, b"%PDF-1.4 review of Adult D")
    case_id = code_review(store, "DHR-1", document=document, quote="a kitchen knife was used")
    store.add_coding(case_id, coder="B. Coder", kind="second")
    store.set_blind_coding(True)
    store.close()
    b = _store(project_path, "B. Coder")
    try:
        assert build_quote_bank(b, QuoteFilter()).rows == []
        b.set_blind_coding(False)
        assert [r.quote for r in build_quote_bank(b, QuoteFilter()).rows] == [
            "a kitchen knife was used"]
    finally:
        b.close()
