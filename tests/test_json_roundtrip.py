"""JSON export and import: lossless round trip, all-or-nothing import, errors with JSON paths."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest

from main import main
from schema.errors import DataImportError
from schema.json_export import export_cases
from schema.json_import import import_cases
from schema.project import create_project, open_project
from schema.store import Store

SCHEMA = Path(__file__).resolve().parent.parent / "schema" / "casecoder-cases.schema.json"


def _coded_store(store: Store) -> Store:
    store.db.execute(
        "INSERT INTO documents (id, file_name, size_bytes, page_count, created_at, created_by, "
        "updated_at, updated_by) VALUES ('d' || hex(randomblob(8)), 'overview.pdf', 1200, 14, "
        "'t', 'x', 't', 'x')")
    document_id = store.db.execute("SELECT id FROM documents").fetchone()[0]
    case = store.create_case("DHR-2017-03", "DHR", title="Zoë", category="intimate_partner",
                             publication_year=2017)
    store.link_document(case.id, document_id, role="overview report")
    coding = store.add_coding(case.id)
    victim = store.add_entity(coding.id, "victims")
    store.set_answer(victim.id, "characteristics", ["experiencing_da", "da_pregnancy"])
    store.set_answer(victim.id, "age", "25_34")
    store.mark_not_reported(victim.id, "ethnicity")
    store.set_answer(victim.id, "eal", False)
    perpetrator = store.add_entity(coding.id, "perpetrators")
    store.set_answer(perpetrator.id, "age", 41)
    store.attach_evidence(victim.id, "characteristics", document_id=document_id, page=7,
                          paragraph="3.4", quote="Łukasz told the GP", rects=[(1, 2, 3, 4.5)])
    incident = store.section_entity(coding.id, "incident")
    store.mark_not_applicable(incident.id, "method")
    store.set_answer(incident.id, "date", "2016-05")
    second = store.add_coding(case.id, coder="B. Coder", kind="second")
    store.set_answer(store.section_entity(second.id, "review").id, "published", True)
    store.create_case("CSPR-2018-01", "CSPR", category="child_family")
    return store


def _without_volatile(data: dict) -> dict:
    data = copy.deepcopy(data)
    data.pop("exported_at")
    data.pop("source")
    return data


def test_round_trip_is_lossless(store, tmp_path, codebook):
    exported = export_cases(_coded_store(store))
    jsonschema.validate(exported, json.loads(SCHEMA.read_text()))
    other_path = tmp_path / "other.casecoder"
    other = Store(create_project(other_path, site="Hackney", coder="C", codebook=codebook), "C")
    summary = import_cases(other, json.loads(json.dumps(exported)))
    assert (summary.cases_added, summary.codings, summary.evidence) == (2, 2, 1)
    assert _without_volatile(export_cases(other)) == _without_volatile(exported)
    again = import_cases(other, exported)
    assert (again.cases_added, again.cases_replaced) == (0, 2)
    assert _without_volatile(export_cases(other)) == _without_volatile(exported)


def _path_of_first_problem(store, data) -> str:
    with pytest.raises(DataImportError) as caught:
        import_cases(store, data)
    return str(caught.value)


@pytest.mark.parametrize("break_it, path, words", [
    (lambda d: _victim_answer(d, "eal").update(field="shoe"),
     "$.cases[1].codings[0].entities[", "unknown field key 'victims.shoe'"),
    (lambda d: _victim_answer(d, "age").update(value="about forty"),
     ".answers[", "not one of its options"),
    (lambda d: d["cases"][1].update(review_type="XYZ"), "$.cases[1].review_type",
     "unknown review type"),
    (lambda d: d["cases"][0].pop("reference"), "$.cases[0]", "'reference' is missing"),
    (lambda d: d.update(format_version=7), "$.format_version", "newer"),
])
def test_bad_imports_name_the_json_path_and_write_nothing(store, break_it, path, words):
    data = export_cases(_coded_store(store))
    cases_before, audit_before = store.count("cases"), store.count("audit_log")
    store.delete_case(store.find_cases("CSPR-2018-01")[0].id)
    snapshot = (store.count("cases"), store.count("answers"), store.count("audit_log"))
    break_it(data)
    message = _path_of_first_problem(store, data)
    assert path in message and words in message
    assert (store.count("cases"), store.count("answers"), store.count("audit_log")) == snapshot
    assert cases_before == 2 and audit_before > 0


def _victim_answer(data: dict, field: str) -> dict:
    dhr = next(c for c in data["cases"] if c["reference"] == "DHR-2017-03")
    for entity in dhr["codings"][0]["entities"]:
        if entity["section"] == "victims":
            return next(a for a in entity["answers"] if a["field"] == field)
    raise AssertionError("no victim")


def test_cli_round_trip_and_malformed_json(store, project_path, tmp_path, capsys):
    _coded_store(store).close()
    out = tmp_path / "cases.json"
    assert main(["export-json", str(project_path), "--out", str(out)]) == 0
    broken = tmp_path / "broken.json"
    broken.write_text(out.read_text()[:-40])
    before = project_path.read_bytes()
    assert main(["import-json", str(project_path), str(broken)]) == 2
    err = capsys.readouterr().err
    assert "malformed JSON at line" in err and "Traceback" not in err
    assert project_path.read_bytes() == before
    assert main(["import-json", str(project_path), str(out)]) == 0
    assert "0 new and 2 replaced" in capsys.readouterr().out


def test_an_interrupted_import_leaves_the_project_as_it_was(store, monkeypatch):
    data = export_cases(_coded_store(store))
    target = Store(open_project(store.db.conn.execute("PRAGMA database_list").fetchone()[2]),
                   "X")
    for case in data["cases"]:
        target.delete_case(case["id"])
    counts = (target.count("cases"), target.count("answers"), target.count("evidence"))
    import schema.json_import as json_import

    calls = {"n": 0}
    real = json_import._write_coding

    def fail_on_second(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(json_import, "_write_coding", fail_on_second)
    with pytest.raises(OSError):
        import_cases(target, data)
    assert (target.count("cases"), target.count("answers"), target.count("evidence")) == counts
