"""A repeating section marked not applicable (a suicide's perpetrators) in the data export:
the wide table gives its item 1 the not-applicable code, the long table one row saying so."""

from __future__ import annotations

import csv
import math

import pyreadstat
import pytest

from exports.data import DataOptions, export_data
from exports.data.columns import NOT_APPLICABLE


@pytest.fixture
def marked(store):
    """DHR-S (a suicide): perpetrators marked not applicable. DHR-H: one perpetrator."""
    suicide = store.create_case("DHR-S", "DHR", category="intimate_partner")
    coding = store.add_coding(suicide.id)
    store.set_answer(store.add_entity(coding.id, "victims").id, "gender", "female")
    store.mark_section_not_applicable(coding.id, "perpetrators")
    store.set_case_status(suicide.id, "coded")
    homicide = store.create_case("DHR-H", "DHR", category="intimate_partner")
    other = store.add_coding(homicide.id)
    store.set_answer(store.add_entity(other.id, "perpetrators").id, "gender", "male")
    store.set_case_status(homicide.id, "coded")
    return store


def _read(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_wide_gives_item_1_the_not_applicable_code_and_the_dictionary_lists_it(marked,
                                                                              tmp_path):
    export_data(marked, tmp_path / "wide.csv")
    rows = {r["case.reference"]: r for r in _read(tmp_path / "wide.csv")}
    suicide, homicide = rows["DHR-S"], rows["DHR-H"]
    assert suicide["perpetrators.count"] == "0"
    assert suicide["perpetrators_1.gender"] == str(NOT_APPLICABLE)
    assert suicide["perpetrators_1.age"] == str(NOT_APPLICABLE)
    assert homicide["perpetrators_1.gender"] == "1"  # male, the first option
    assert homicide["perpetrators_1.age"] == ""  # not coded
    assert suicide["further_reading.count"] == "0" and "further_reading_1.title" not in suicide
    dictionary = {r["column"]: r for r in _read(tmp_path / "wide.dictionary.csv")}
    assert "-8 = not applicable" in dictionary["perpetrators_1.gender"]["missing codes"]


def test_spss_reads_the_code_as_user_missing(marked, tmp_path):
    export_data(marked, tmp_path / "wide.sav")
    frame, meta = pyreadstat.read_sav(tmp_path / "wide.sav", user_missing=True)
    suicide = frame[frame["case.reference"] == "DHR-S"].iloc[0]
    assert suicide["perpetrators_1.gender"] == NOT_APPLICABLE
    assert {-9.0, -8.0} == {r["lo"] for r in meta.missing_ranges["perpetrators_1.gender"]}
    assert meta.variable_value_labels["perpetrators_1.gender"][-8] == "not applicable"
    plain, _meta = pyreadstat.read_sav(tmp_path / "wide.sav")
    assert math.isnan(plain[plain["case.reference"] == "DHR-S"].iloc[0][
        "perpetrators_1.gender"])


def test_long_carries_one_not_applicable_row_for_the_section(marked, tmp_path):
    export_data(marked, tmp_path / "long.csv", DataOptions(shape="long"))
    rows = _read(tmp_path / "long.csv")
    mine = [r for r in rows if r["case.reference"] == "DHR-S" and r["section"] == "perpetrators"]
    assert [(r["item"], r["field"], r["state"], r["value"]) for r in mine] == \
        [("", "", "not_applicable", "")]
    theirs = [r for r in rows if r["case.reference"] == "DHR-H"
              and r["section"] == "perpetrators"]
    assert theirs and all(r["item"] == "1" and r["field"] for r in theirs)
