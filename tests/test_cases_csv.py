"""Creating cases from a CSV list: labels or keys accepted, all-or-nothing, line numbers."""

from __future__ import annotations

import pytest

from main import main
from schema.cases_csv import import_cases_csv
from schema.errors import DataImportError

GOOD = ("reference,review_type,category,title,publication_year\n"
        "DHR-2017-01,DHR,Intimate partner violence,Adult A,2017\n"
        "SCR-2016-04,cspr,child_family,Child C,2016\n")


def test_cases_are_created_from_keys_or_labels(store, tmp_path):
    path = tmp_path / "cases.csv"
    path.write_text(GOOD, encoding="utf-8")
    assert import_cases_csv(store, path) == (2, 0)
    case = store.find_cases("SCR-2016-04")[0]
    assert (case.review_type, case.category, case.publication_year) == ("CSPR", "child_family",
                                                                       2016)
    assert import_cases_csv(store, path) == (0, 2)


@pytest.mark.parametrize("text, words", [
    ("ref,review_type\nA,DHR\n", "line 1: the header lacks reference"),
    (GOOD + "SAR-1,SARR,,,\n", "line 4: unknown review type 'SARR'"),
    (GOOD + "SAR-1,SAR,,,19x9\n", "line 4: publication_year '19x9' is not a year"),
    (GOOD + ",SAR,,,\n", "line 4: the reference is empty"),
    (GOOD.replace("reference,", "reference,colour,", 1), "unknown column 'colour'"),
])
def test_a_bad_row_names_its_line_and_creates_nothing(store, tmp_path, text, words):
    path = tmp_path / "cases.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataImportError, match=words):
        import_cases_csv(store, path)
    assert store.list_cases() == []


def test_command_line(store, project_path, tmp_path, capsys):
    store.close()
    path = tmp_path / "cases.csv"
    path.write_text(GOOD, encoding="utf-8")
    assert main(["import-cases", str(project_path), str(path)]) == 0
    assert "Created 2 case(s)" in capsys.readouterr().out
