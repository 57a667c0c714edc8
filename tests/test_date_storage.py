"""Dates keep their precision in storage: the answers table holds the ISO text the project
has always held ("2016", "2016-05", "2016-05-09"), so older projects read back unchanged and
JSON export and import carry each precision through as it is."""

from __future__ import annotations

import pytest

from schema.dates import date_precision, normalise_date
from schema.errors import DataImportError, ValidationError
from schema.json_export import export_cases
from schema.json_import import import_cases
from schema.project import create_project
from schema.store import Store

TYPED = {"2016": "year", "May 2016": "month", "9/5/2016": "day"}


def _events_with_dates(store: Store) -> list[str]:
    case = store.create_case("DHR-2016-01", "DHR", category="intimate_partner")
    coding = store.add_coding(case.id)
    ids = []
    for typed in TYPED:
        event = store.add_entity(coding.id, "events")
        store.set_answer(event.id, "date", normalise_date(typed))
        ids.append(event.id)
    return ids


def test_each_precision_is_stored_as_iso_text(store):
    ids = _events_with_dates(store)
    stored = [store.answer(i, "date").value for i in ids]
    assert stored == ["2016", "2016-05", "2016-05-09"]
    assert [date_precision(v) for v in stored] == list(TYPED.values())
    raw = {row[0] for row in store.db.execute(
        "SELECT value_json FROM answers WHERE field = 'date'").fetchall()}
    assert raw == {'"2016"', '"2016-05"', '"2016-05-09"'}


def test_dates_of_every_precision_survive_export_and_import(store, tmp_path, codebook):
    _events_with_dates(store)
    exported = export_cases(store)
    other = Store(create_project(tmp_path / "other.casecoder", site="Brent", coder="C",
                                 codebook=codebook), "C")
    try:
        import_cases(other, exported)
        coding = other.codings(other.find_cases("DHR-2016-01")[0].id)[0]
        dates = sorted(other.answer(e.id, "date").value
                       for e in other.entities(coding.id, "events"))
    finally:
        other.close()
    assert dates == ["2016", "2016-05", "2016-05-09"]


def test_an_import_with_a_date_that_does_not_exist_is_refused(store):
    _events_with_dates(store)
    data = export_cases(store)
    case = data["cases"][0]
    answer = next(a for e in case["codings"][0]["entities"] for a in e["answers"]
                  if a["field"] == "date" and a["value"] == "2016-05-09")
    answer["value"] = "2016-02-30"
    with pytest.raises(DataImportError, match="no day 30"):
        import_cases(store, data)


def test_the_store_refuses_a_typed_form_that_was_not_normalised(store):
    event = store.add_entity(store.add_coding(store.create_case("X-1", "DHR").id).id, "events")
    with pytest.raises(ValidationError, match="YYYY, YYYY-MM or YYYY-MM-DD"):
        store.set_answer(event.id, "date", "9/5/2016")
