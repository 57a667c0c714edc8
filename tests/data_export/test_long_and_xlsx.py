"""The long (tidy) shape, the XLSX data and dictionary sheets, and the filters."""

from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook

from exports.data import DataExportError, DataFilter, DataOptions, export_data


def _read_csv(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def long_rows(data_store, tmp_path):
    export_data(data_store, tmp_path / "long.csv", DataOptions(shape="long"))
    return _read_csv(tmp_path / "long.csv")


def _rows(rows, reference, section, item, field):
    return [r for r in rows if (r["case.reference"], r["section"], r["item"], r["field"])
            == (reference, section, str(item), field)]


def test_long_has_one_row_per_item_field_and_option_with_its_state(long_rows, codebook):
    gender = _rows(long_rows, "DHR-A", "victims", 2, "gender")
    assert [(g["state"], g["value"], g["option"]) for g in gender] == \
        [("not_reported", "", "")]
    first = _rows(long_rows, "DHR-A", "victims", 1, "gender")[0]
    assert (first["state"], first["value"], first["value_label"]) == \
        ("answered", "female", "Female")
    ticks = _rows(long_rows, "DHR-A", "victims", 1, "characteristics")
    options = codebook.field("victims.characteristics").options
    assert [t["option"] for t in ticks] == [o.key for o in options]
    assert {t["option"] for t in ticks if t["value"] == "1"} == \
        {"mental_health", "substance_misuse"}
    location = _rows(long_rows, "DHR-A", "incident", 1, "location")[0]
    assert (location["state"], location["value"]) == ("not_coded", "")
    band = _rows(long_rows, "DHR-A", "victims", 2, "age")[0]
    assert (band["value"], band["value_label"]) == ("18_24", "18-24")


def test_long_rows_cover_every_field_of_every_item(long_rows, codebook):
    a_rows = [r for r in long_rows if r["case.reference"] == "DHR-A"]
    per_item = {s.key: sum(len(f.options) if f.type == "multi" else 1 for f in s.fields)
                for s in codebook.sections}
    expected = sum(n for key, n in per_item.items() if not codebook.section(key).repeat)
    expected += 2 * per_item["victims"]
    assert len(a_rows) == expected
    assert {r["coding.kind"] for r in long_rows} == {"consensus", "primary"}


def test_xlsx_has_the_data_and_a_dictionary_sheet(data_store, tmp_path):
    out = tmp_path / "cases.xlsx"
    export_data(data_store, out)
    book = load_workbook(out)
    assert book.sheetnames == ["data", "dictionary"]
    data = list(book["data"].values)
    header = list(data[0])
    a = dict(zip(header, next(r for r in data if r[0] == "DHR-A"), strict=True))
    assert (a["victims_1.gender"], a["incident.method"], a["incident.location"]) == (2, -9, None)
    assert a["review.summary"].startswith("=SUM(A1)")  # kept as text, not a formula
    dictionary = list(book["dictionary"].values)
    assert dictionary[0] == ("column", "field", "label", "type", "values", "missing codes")
    entries = {row[0]: row for row in dictionary[1:]}
    assert list(entries) == header
    assert entries["victims_2.age.band"][1:4] == ("victims.age", "Victim 2: Age (band)", "age")
    assert "5 = 18-24" in entries["victims_2.age.band"][4]
    assert "-7 = answered in the other age column" in entries["victims_2.age.band"][5]
    assert entries["case.review_type"][4].startswith("1 = ")


@pytest.mark.parametrize(("data_filter", "expected"), [
    (DataFilter(category="adult_family"), {"SAR-B"}),
    (DataFilter(site="Lambeth"), {"DHR-A"}),
    (DataFilter(years=(2021, 2022)), {"SAR-B"}),
    (DataFilter(include_in_progress=True), {"DHR-A", "SAR-B", "CSPR-C"}),
])
def test_filters_choose_the_cases(data_store, tmp_path, data_filter, expected):
    out = tmp_path / "some.csv"
    export_data(data_store, out, DataOptions(filter=data_filter))
    assert {r["case.reference"] for r in _read_csv(out)} == expected


def test_a_filter_matching_nothing_writes_nothing(data_store, tmp_path):
    with pytest.raises(DataExportError, match="no case matches the filters"):
        export_data(data_store, tmp_path / "none.csv",
                    DataOptions(filter=DataFilter(site="Nowhere")))
    with pytest.raises(DataExportError, match="include cases in progress"):
        export_data(data_store, tmp_path / "none.csv",
                    DataOptions(filter=DataFilter(review_type="CSPR")))
    assert list(tmp_path.iterdir()) == []
