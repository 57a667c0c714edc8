"""A REDCap dictionary -> a codebook -> a project coded through the Store API -> an export
whose dictionary is the one we started from, cell for cell."""

from __future__ import annotations

import csv
from pathlib import Path

from exports.redcap import export_redcap
from main import main
from schema.codebook_loader import load_codebook
from schema.project import create_project, open_project
from schema.store import Store

DICTIONARY = Path(__file__).with_name("round_trip_dictionary.csv")


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def _records(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _code_two_cases(store: Store) -> None:
    rosa = store.create_case("DHR-1", "DHR", title="Rosa", category="partner",
                             publication_year=2021)
    coding = store.add_coding(rosa.id)
    review = store.section_entity(coding.id, "review")
    store.set_answer(review.id, "outcome", "1")
    store.set_answer(review.id, "year", 2021)
    store.set_answer(review.id, "published", True)
    store.set_answer(review.id, "incident_date", "2019-03-14")
    store.mark_not_reported(review.id, "summary")
    victim = store.add_entity(coding.id, "victims")
    store.set_answer(victim.id, "name", "Rosa")
    store.set_answer(victim.id, "needs", ["mh", "debt"])
    for agency, missed in (("police", True), ("gp", False)):
        item = store.add_entity(coding.id, "agencies")
        store.set_answer(item.id, "agency", agency)
        store.set_answer(item.id, "missed", missed)
    store.set_case_status(rosa.id, "coded")
    george = store.create_case("SAR-1", "SAR", title="George")
    coding = store.add_coding(george.id)
    store.set_answer(store.section_entity(coding.id, "review").id, "outcome", "3")
    store.set_case_status(george.id, "checked")


def test_dictionary_to_codebook_to_export_gives_the_same_dictionary(tmp_path, capsys):
    book_path = tmp_path / "book.yaml"
    assert main(["codebook", "from-redcap", str(DICTIONARY), "--out", str(book_path),
                 "--repeat", "victims", "--repeat", "agencies"]) == 0
    printed = capsys.readouterr().out
    assert "Simplified" not in printed  # this dictionary holds nothing a codebook cannot
    assert main(["codebook", "validate", str(book_path)]) == 0
    assert "repeating groups: victims, agencies" in capsys.readouterr().out

    project = tmp_path / "p.casecoder"
    create_project(project, site="Harbridge", coder="A", codebook=load_codebook(book_path)
                   ).conn.close()
    store = Store(open_project(project), "A")
    try:
        _code_two_cases(store)
        done = export_redcap(store, tmp_path / "out")
    finally:
        store.close()

    assert _rows(done.paths[0]) == _rows(DICTIONARY)
    assert done.cases == 2
    records = _records(done.paths[1])
    rosa = records[0]
    assert (rosa["case_reference"], rosa["review_outcome"], rosa["review_published"],
            rosa["review_incident_date"], rosa["review_summary"]) == (
        "DHR-1", "1", "1", "2019-03-14", "UNK")
    assert [(r["redcap_repeat_instrument"], r["redcap_repeat_instance"],
             r["agencies_agency"], r["agencies_missed"]) for r in records[2:4]] == [
        ("agencies", "1", "police", "1"), ("agencies", "2", "gp", "0")]
    assert [records[1][f"victims_needs___{c}"] for c in ("mh", "drugs", "debt", "none")] == [
        "1", "0", "1", "0"]
    assert records[4]["case_reference"] == "SAR-1"
    assert records[4]["case_status"] == "checked"


def test_converting_our_own_export_back_keeps_keys_and_choices(tmp_path, store):
    case = store.create_case("DHR-9", "DHR")
    store.add_coding(case.id)
    done = export_redcap(store, tmp_path / "out")
    book_path = tmp_path / "back.yaml"
    assert main(["codebook", "from-redcap", str(done.paths[0]), "--out", str(book_path),
                 "--repeat", "victims"]) == 0
    back = load_codebook(book_path)
    original = store.codebook
    assert [o.key for o in back.review_types] == [o.key for o in original.review_types]
    gender = back.field("victims.gender")
    assert [o.key for o in gender.options] == ["male", "female", "other"]
    none = back.field("relationship.characteristics").option("none")
    assert none.exclusive
    assert back.section("victims").repeat and not back.section("perpetrators").repeat
