"""The wide table read back as CSV (csv module) and as SPSS (pyreadstat): the same values,
the missing codes, value labels and user-missing values."""

from __future__ import annotations

import csv
import math

import pyreadstat
import pytest

from exports.data import DataOptions, export_data


def _read_csv(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _by_reference(rows: list[dict]) -> dict[str, dict]:
    return {row["case.reference"]: row for row in rows}


@pytest.fixture
def wide_csv(data_store, tmp_path):
    out = tmp_path / "cases.csv"
    result = export_data(data_store, out)
    assert result.paths == [out, tmp_path / "cases.dictionary.csv"]
    return _by_reference(_read_csv(out))


def test_one_row_per_counted_case_through_the_coding_that_counts(wide_csv):
    assert set(wide_csv) == {"DHR-A", "SAR-B"}  # in progress and not started are left out
    a = wide_csv["DHR-A"]
    assert a["coding.kind"] == "3"  # consensus
    assert a["review.outcome"] == "1"  # homicide, the consensus answer (primary: suicide)
    assert a["victims_1.gender"] == "2"  # female, as the consensus has it
    assert "coding.coder" not in a


def test_states_are_told_apart_from_zero_and_from_not_coded(wide_csv):
    a, b = wide_csv["DHR-A"], wide_csv["SAR-B"]
    assert a["review.other_local_authorities"] == "-8"  # not applicable, a text field
    assert a["incident.method"] == "-9"  # not reported
    assert a["incident.location"] == ""  # not coded
    assert a["review.published"] == "1"
    assert a["escalation.features.victim_self_harm"] == "0"  # answered, not ticked
    assert b["escalation.features.victim_self_harm"] == ""  # not coded at all


def test_repeating_sections_are_numbered_up_to_the_largest_count(wide_csv):
    a, b = wide_csv["DHR-A"], wide_csv["SAR-B"]
    assert "victims_3.gender" not in a and "perpetrators_1.gender" not in a
    assert (a["victims.count"], b["victims.count"], a["perpetrators.count"]) == ("2", "1", "0")
    assert a["victims_1.characteristics.mental_health"] == "1"
    assert a["victims_1.characteristics.alcohol_misuse"] == "0"
    assert a["victims_2.characteristics.mental_health"] == "-9"
    assert a["victims_2.gender"] == "-9"
    assert (a["victims_1.age"], a["victims_1.age.band"]) == ("34", "-7")
    assert (a["victims_2.age"], a["victims_2.age.band"]) == ("-7", "5")  # 18_24, fifth band
    assert b["victims_2.gender"] == "" and b["victims_1.age"] == "70"


def test_the_csv_dictionary_lists_every_column(data_store, tmp_path):
    export_data(data_store, tmp_path / "cases.csv")
    header = list(_read_csv(tmp_path / "cases.csv")[0])
    entries = _by_reference_column(_read_csv(tmp_path / "cases.dictionary.csv"))
    assert list(entries) == header
    gender = entries["victims_1.gender"]
    assert gender["field"] == "victims.gender" and gender["label"] == "Victim 1: Gender"
    assert "2 = Female" in gender["values"]
    assert gender["missing codes"] == "-9 = not reported in the review"
    assert "-8 = not applicable" in entries["review.other_local_authorities"]["missing codes"]


def _by_reference_column(rows: list[dict]) -> dict[str, dict]:
    return {row["column"]: row for row in rows}


def _same(csv_value: str, sav_value: object) -> bool:
    if isinstance(sav_value, float):
        return (csv_value == "" and math.isnan(sav_value)) or float(csv_value) == sav_value
    return csv_value == sav_value


def test_sav_holds_the_same_values_as_the_csv(data_store, tmp_path):
    export_data(data_store, tmp_path / "cases.csv")
    export_data(data_store, tmp_path / "cases.sav")
    from_csv = _by_reference(_read_csv(tmp_path / "cases.csv"))
    frame, meta = pyreadstat.read_sav(tmp_path / "cases.sav", user_missing=True)
    assert meta.column_names == list(from_csv["DHR-A"])
    for record in frame.to_dict("records"):
        expected = from_csv[record["case.reference"]]
        differing = [k for k, v in record.items() if not _same(expected[k], v)]
        assert differing == []


def test_sav_has_labels_and_user_missing_codes(data_store, tmp_path):
    export_data(data_store, tmp_path / "cases.sav")
    _frame, meta = pyreadstat.read_sav(tmp_path / "cases.sav", user_missing=True)
    assert meta.column_names_to_labels["victims_1.gender"] == "Victim 1: Gender"
    labels = meta.variable_value_labels["victims_1.gender"]
    assert labels[2] == "Female" and labels[-9] == "not reported in the review"
    assert {-9.0} == {r["lo"] for r in meta.missing_ranges["victims_1.gender"]}
    assert {"-9", "-8"} == {r["lo"] for r in
                            meta.missing_ranges["review.other_local_authorities"]}
    plain, _meta = pyreadstat.read_sav(tmp_path / "cases.sav")  # missing codes read as missing
    a = plain[plain["case.reference"] == "DHR-A"].iloc[0]
    assert math.isnan(a["incident.method"]) and a["victims_1.gender"] == 2


def test_all_codings_gives_one_row_per_coding_with_its_coder(data_store, tmp_path):
    out = tmp_path / "codings.csv"
    export_data(data_store, out, DataOptions(all_codings=True))
    rows = _read_csv(out)
    found = [(r["case.reference"], r["coding.kind"], r["coding.coder"], r["review.outcome"])
             for r in rows]
    assert sorted(found) == [("DHR-A", "1", "A. Analyst", "2"), ("DHR-A", "2", "B. Second", "1"),
                             ("DHR-A", "3", "C. Lead", "1"), ("SAR-B", "1", "A. Analyst", "")]
