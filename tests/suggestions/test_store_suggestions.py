"""Accepting a suggestion cites and ticks in one step and can be taken back; a dismissal is
kept in the project for the case; the `suggest` command lists what the case offers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from schema.errors import ValidationError
from tests.suggestions.planted import open_planted, planted_project

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def planted(tmp_path):
    return planted_project(tmp_path)


def _entity(store, case_id, section="incident"):
    coding = store.add_coding(case_id)
    if section != "incident":
        return store.add_entity(coding.id, section).id
    return store.section_entity(coding.id, section).id


def _offer(store, case_id, option):
    return next(s for s in store.case_suggestions(case_id) if s.option == option)


def test_accepting_cites_the_passage_and_sets_a_single_choice(planted):
    path, case_id = planted
    store = open_planted(path)
    entity = _entity(store, case_id)
    store.set_answer(entity, "method", "other")
    offer = _offer(store, case_id, "sharp")
    accepted = store.accept_suggestion(entity, offer)
    assert store.answer(entity, "method").value == "sharp"
    [evidence] = store.evidence_for(entity, "method")
    assert (evidence.page, evidence.paragraph, evidence.quote) == (1, "4.1", offer.quote)
    assert evidence.rects == [list(r) for r in offer.rects]
    store.revert_suggestion(accepted)
    assert store.answer(entity, "method").value == "other"
    assert store.evidence_for(entity, "method") == []
    store.reapply_suggestion(accepted)
    assert store.answer(entity, "method").value == "sharp"
    assert [e.id for e in store.evidence_for(entity, "method")] == [evidence.id]
    store.close()


def test_accepting_adds_to_a_multi_field_and_undo_leaves_it_unanswered(planted):
    path, case_id = planted
    store = open_planted(path)
    entity = _entity(store, case_id)
    first = store.accept_suggestion(entity, _offer(store, case_id, "control"))
    store.accept_suggestion(entity, _offer(store, case_id, "organisation"))
    assert store.answer(entity, "features").value == ["control", "organisation"]
    assert len(store.evidence_for(entity, "features")) == 1  # one sentence, cited once
    store.close()
    store = open_planted(path)
    store.clear_answer(entity, "features")
    store.revert_suggestion(first)
    assert store.answer(entity, "features") is None
    store.close()


def test_an_option_that_cannot_go_beside_an_exclusive_one_is_refused_unchanged(planted):
    path, case_id = planted
    store = open_planted(path)
    entity = _entity(store, case_id)
    store.set_answer(entity, "features", ["none"])
    audit_rows = store.count("audit_log")
    with pytest.raises(ValidationError, match="cannot be ticked beside 'None'"):
        store.accept_suggestion(entity, _offer(store, case_id, "control"))
    assert store.answer(entity, "features").value == ["none"]
    assert store.evidence_for(entity, "features") == []
    assert store.count("audit_log") == audit_rows
    store.close()


def test_a_dismissed_passage_stays_dismissed_after_reopening(planted):
    path, case_id = planted
    store = open_planted(path)
    offer = _offer(store, case_id, "control")
    store.dismiss_suggestion(case_id, offer)
    store.dismiss_suggestion(case_id, offer)  # twice is once
    store.close()
    store = open_planted(path, actor="B. Other")
    assert all(s.key != offer.key for s in store.case_suggestions(case_id))
    assert store.count("suggestion_dismissals") == 1
    store.undismiss_suggestion(case_id, offer)
    assert offer.key in {s.key for s in store.case_suggestions(case_id)}
    store.close()


def test_dismissals_go_with_their_case(planted):
    path, case_id = planted
    store = open_planted(path)
    store.dismiss_suggestion(case_id, _offer(store, case_id, "control"))
    store.delete_case(case_id)
    assert store.count("suggestion_dismissals") == 0
    store.close()


def _cli(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)


def test_the_suggest_command_prints_field_option_page_and_snippet(planted):
    path, case_id = planted
    done = _cli("suggest", str(path), "--case", "ref-1")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "incident.method\tSharp instrument\tp. 1, para 4.1\tHer partner had [stabbed] her " \
           "with a kitchen knife in the hallway, and…" in lines
    assert any(line.startswith("incident.features\tOrganisation\tp. 1, para 4.2\t")
               and "[organization]" in line for line in lines)
    assert len(lines) == 5
    store = open_planted(path)
    store.dismiss_suggestion(case_id, _offer(store, case_id, "sharp"))
    store.close()
    assert len(_cli("suggest", str(path), "--case", "REF-1").stdout.splitlines()) == 4
    missing = _cli("suggest", str(path), "--case", "REF-9")
    assert missing.returncode == 2
    assert missing.stderr.strip().count("\n") == 0 and "no case 'REF-9'" in missing.stderr


def test_combining_two_cases_keeps_the_dismissal_and_undo_puts_it_back(planted):
    path, case_id = planted
    store = open_planted(path)
    offer = _offer(store, case_id, "control")
    store.dismiss_suggestion(case_id, offer)
    other = store.create_case("REF-2", "DHR")
    survivor, folded = sorted((case_id, other.id))
    record = store.combine_cases(case_id, other.id)
    assert offer.key in store.dismissed_suggestions(survivor)
    assert all(s.key != offer.key for s in store.case_suggestions(survivor))
    store.uncombine_cases(record)
    assert offer.key in store.dismissed_suggestions(case_id)
    assert store.dismissed_suggestions(other.id) == set()
    store.close()
