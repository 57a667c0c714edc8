"""Section states in cases JSON: carried per coding, replaced on re-import, checked on the
way in, and files from before they existed still import."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest

from schema.errors import DataImportError
from schema.json_export import export_cases
from schema.json_import import import_cases
from schema.project import create_project
from schema.store import Store

SCHEMA = Path(__file__).resolve().parent.parent / "schema" / "casecoder-cases.schema.json"


@pytest.fixture
def marked(store):
    case = store.create_case("DHR-2020-05", "DHR", category="intimate_partner")
    coding = store.add_coding(case.id)
    store.set_answer(store.add_entity(coding.id, "victims").id, "age", 52)
    store.mark_section_not_applicable(coding.id, "perpetrators")
    store.mark_section_not_applicable(coding.id, "further_reading")
    store.clear_section_state(coding.id, "further_reading")
    return store, coding


@pytest.fixture
def other(tmp_path, codebook):
    opened = Store(create_project(tmp_path / "other.casecoder", site="Hackney", coder="C",
                                  codebook=codebook), "C")
    yield opened
    opened.close()


def _coding_of(data: dict) -> dict:
    return data["cases"][0]["codings"][0]


def test_section_states_survive_a_round_trip_and_a_second_import(marked, other):
    store, coding = marked
    exported = export_cases(store)
    jsonschema.validate(exported, json.loads(SCHEMA.read_text()))
    states = {s["section"]: s["state"] for s in _coding_of(exported)["section_states"]}
    assert states == {"perpetrators": "not_applicable", "further_reading": "applies"}
    import_cases(other, json.loads(json.dumps(exported)))
    assert other.section_states(coding.id) == {"perpetrators": "not_applicable"}
    import_cases(other, exported)
    assert other.count("section_states") == 2
    assert _coding_of(export_cases(other))["section_states"] == \
        _coding_of(exported)["section_states"]


def test_a_taken_back_mark_in_the_file_replaces_the_mark_in_the_project(marked, other):
    store, coding = marked
    import_cases(other, export_cases(store))
    store.clear_section_state(coding.id, "perpetrators")
    import_cases(other, export_cases(store))
    assert other.section_states(coding.id) == {}
    assert other.add_entity(coding.id, "perpetrators").section == "perpetrators"


def test_a_version_1_file_without_section_states_still_imports(marked, other):
    store, coding = marked
    old = copy.deepcopy(export_cases(store))
    old["format_version"] = 1
    for case in old["cases"]:
        for item in case["codings"]:
            del item["section_states"]
    jsonschema.validate(old, json.loads(SCHEMA.read_text()))
    summary = import_cases(other, old)
    assert summary.codings == 1 and other.section_states(coding.id) == {}


@pytest.mark.parametrize("break_it, words", [
    (lambda s: s.update(section="relationship"), "not a repeating section"),
    (lambda s: s.update(state="maybe"), "unknown state 'maybe'"),
    (lambda s: s.pop("updated_by"), "'updated_by' is missing"),
])
def test_a_bad_section_state_is_refused_with_its_path_and_nothing_is_written(
        marked, other, break_it, words):
    store, _ = marked
    data = copy.deepcopy(export_cases(store))
    break_it(_coding_of(data)["section_states"][0])
    with pytest.raises(DataImportError) as refused:
        import_cases(other, data)
    assert "$.cases[0].codings[0].section_states[" in str(refused.value)
    assert words in str(refused.value)
    assert other.count("cases") == 0 and other.count("section_states") == 0


def test_a_mark_beside_items_of_its_section_is_refused(marked, other):
    store, _ = marked
    data = copy.deepcopy(export_cases(store))
    coding = _coding_of(data)
    victim = next(e for e in coding["entities"] if e["section"] == "victims")
    coding["entities"].append({**copy.deepcopy(victim), "id": "x" * 32,
                               "section": "perpetrators", "answers": [], "evidence": []})
    with pytest.raises(DataImportError, match="marked not applicable but the coding holds"):
        import_cases(other, data)


def test_a_codings_own_status_travels_and_a_bad_one_is_refused(marked, other):
    store, coding = marked
    store.set_coding_status(coding.id, "coded")
    exported = export_cases(store)
    jsonschema.validate(exported, json.loads(SCHEMA.read_text()))
    assert _coding_of(exported)["status"] == "coded"
    import_cases(other, json.loads(json.dumps(exported)))
    assert other.get_coding(coding.id).status == "coded"
    broken = copy.deepcopy(exported)
    _coding_of(broken)["status"] = "finished"
    before = export_cases(other)["cases"]
    with pytest.raises(DataImportError, match=r"codings\[0\]\.status: unknown status"):
        import_cases(other, broken)
    assert export_cases(other)["cases"] == before
