"""The records CSV: REDCap's import shape, missing-data codes, and the counting rule."""

from __future__ import annotations

import csv

from exports.redcap import export_redcap


def _export(store, tmp_path, **options):
    done = export_redcap(store, tmp_path / "out", **options)
    with done.paths[1].open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return done, reader.fieldnames, list(reader)


def _dictionary(done) -> dict[str, dict[str, str]]:
    with done.paths[0].open(encoding="utf-8", newline="") as handle:
        return {row["Variable / Field Name"]: row for row in csv.DictReader(handle)}


def _coded_case(store, reference="DHR-1", status="coded", kind="primary"):
    case = store.create_case(reference, "DHR", category="intimate_partner")
    coding = store.add_coding(case.id, kind=kind)
    store.set_case_status(case.id, status)
    return case, coding


def test_checkbox_columns_repeat_rows_and_missing_codes(store, tmp_path):
    case, coding = _coded_case(store)
    for gender in ("female", "male"):
        victim = store.add_entity(coding.id, "victims")
        store.set_answer(victim.id, "gender", gender)
    store.mark_not_reported(victim.id, "ethnicity")
    store.mark_not_reported(victim.id, "characteristics")
    first = store.entities(coding.id, "victims")[0]
    store.set_answer(first.id, "characteristics", ["mental_health", "disability"])
    store.set_answer(first.id, "age", "25_34")
    store.set_answer(victim.id, "age", 40)
    aces = store.section_entity(coding.id, "aces")
    store.mark_not_applicable(aces.id, "victim")
    method = store.section_entity(coding.id, "incident")
    store.mark_not_applicable(method.id, "method")

    done, columns, rows = _export(store, tmp_path)

    assert columns[:3] == ["record_id", "redcap_repeat_instrument", "redcap_repeat_instance"]
    assert "victims_characteristics___mental_health" in columns
    assert "victims_characteristics___unk" in columns
    assert "victims_characteristics___na" not in columns  # no case uses it
    assert "aces_victim___na" in columns
    main_row, one, two = rows
    assert main_row["record_id"] == case.id and main_row["redcap_repeat_instrument"] == ""
    assert main_row["incident_method"] == "NA"
    assert main_row["aces_victim___na"] == "1" and main_row["aces_victim___verbal_abuse"] == "0"
    assert main_row["victims_gender"] == ""  # a repeating field stays off the case row
    assert (one["redcap_repeat_instrument"], one["redcap_repeat_instance"]) == ("victims", "1")
    assert (one["victims_gender"], one["victims_age"]) == ("female", "25_34")
    assert one["victims_characteristics___mental_health"] == "1"
    assert one["victims_characteristics___disability"] == "1"
    assert one["victims_characteristics___eal"] == "0"
    assert one["victims_characteristics___unk"] == ""
    assert (two["victims_gender"], two["victims_age"], two["victims_ethnicity"]) == (
        "male", "40", "UNK")
    assert two["victims_characteristics___unk"] == "1"
    assert two["victims_characteristics___mental_health"] == "0"
    assert two["case_reference"] == ""  # case columns belong to the case row only


def test_only_counted_cases_through_their_counting_coding(store, tmp_path):
    _case, primary = _coded_case(store, "DHR-1")
    store.set_answer(store.section_entity(primary.id, "review").id, "outcome", "suicide")
    consensus = store.add_coding(_case.id, kind="consensus")
    store.set_answer(store.section_entity(consensus.id, "review").id, "outcome", "homicide")
    _coded_case(store, "DHR-2", status="in_progress")
    _never, coding = _coded_case(store, "DHR-3", status="not_started")
    store.set_answer(store.section_entity(coding.id, "review").id, "outcome", "suicide")

    done, _columns, rows = _export(store, tmp_path)
    assert [r["case_reference"] for r in rows] == ["DHR-1"]
    assert (rows[0]["review_outcome"], rows[0]["case_coding"]) == ("homicide", "consensus")

    done, _columns, rows = _export(store, tmp_path, include_in_progress=True, force=True)
    assert [r["case_reference"] for r in rows] == ["DHR-1", "DHR-2"]
    assert "in progress" in done.paths[2].read_text(encoding="utf-8")


def test_dates_and_numbers_declared_by_what_the_answers_hold(store, tmp_path):
    _case, coding = _coded_case(store)
    store.set_answer(store.section_entity(coding.id, "incident").id, "date", "2021-08-03")
    event = store.add_entity(coding.id, "events")
    store.set_answer(event.id, "date", "2021-08")
    review = store.section_entity(coding.id, "review")
    store.set_answer(review.id, "number_of_victims", 1.5)

    done, _columns, rows = _export(store, tmp_path)
    variables = _dictionary(done)
    validation = "Text Validation Type OR Show Slider Number"
    assert variables["incident_date"][validation] == "date_ymd"
    assert variables["events_date"][validation] == ""  # a partial date: plain text
    assert variables["review_number_of_victims"][validation] == "number"
    assert variables["review_incident_year"][validation] == "integer"
    assert rows[0]["incident_date"] == "2021-08-03" and rows[1]["events_date"] == "2021-08"
    assert "events_date" in done.paths[2].read_text(encoding="utf-8")


def test_default_codebook_dictionary_has_valid_unique_names(store, tmp_path):
    done, _columns, _rows = _export(store, tmp_path)
    with done.paths[0].open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][0] == "Variable / Field Name" and len(rows[0]) == 18
    assert all(len(row) == 18 for row in rows)
    names = [row[0] for row in rows[1:]]
    assert names[0] == "record_id" and len(set(names)) == len(names)
    assert all(len(n) <= 26 and n[0].isalpha() and n == n.lower() for n in names)
    annotations = {row[17].split()[0] for row in rows[1:]}
    assert "casecoder:perpetrators.characteristics" in annotations
    types = {row[0]: row[3] for row in rows[1:]}
    assert (types["review_outcome"], types["escalation_features"], types["review_published"],
            types["review_summary"]) == ("radio", "checkbox", "yesno", "notes")
    exclusive = next(row for row in rows if row[17].startswith(
        "casecoder:relationship.characteristics"))
    assert exclusive[17].endswith("@NONEOFTHEABOVE='none'")
