"""The matrix: a row per case and a sub-row per item, marked cells, and the XLSX command."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from desktop.cli import run_command_line
from exports.matrix import build_matrix
from schema.project import open_project
from schema.store import Store


@pytest.fixture
def demo_store(demo):
    store = Store(open_project(demo, readonly=True), "tester")
    yield store
    store.close()


def test_a_row_per_case_and_a_sub_row_per_item(demo_store):
    matrix = build_matrix(demo_store, ["victims", "events"])
    references = [row.reference for row in matrix.rows]
    assert sorted(set(references)) == sorted(c.reference for c in demo_store.list_cases())
    assert references.count("DHR-2022-01") == 3  # one victim, three events
    assert references.count("CSPR-2022-03") == 2  # two victims
    dhr = matrix.case_rows(demo_store.find_cases("DHR-2022-01")[0].id)
    dates = [row.cells[matrix.column_index("events.date")].text for row in dhr]
    assert dates == ["April 2019", "November 2019", "October 2020"]
    assert dhr[1].cells[matrix.column_index("victims.pseudonym")].kind == "no_item"


def test_not_reported_cells_are_marked_apart_from_empty_ones(demo_store):
    matrix = build_matrix(demo_store, ["victims"])
    cspr = matrix.case_rows(demo_store.find_cases("CSPR-2022-03")[0].id)
    ethnicity = cspr[0].cells[matrix.column_index("victims.ethnicity")]
    assert (ethnicity.kind, ethnicity.text) == ("not_reported", "Not reported")
    detail = cspr[0].cells[matrix.column_index("victims.ethnicity_detail")]
    assert (detail.kind, detail.text) == ("empty", "")


def test_the_command_writes_frozen_headers_and_the_same_cells(demo, demo_store, tmp_path,
                                                              capsys):
    out = tmp_path / "matrix.xlsx"
    assert run_command_line(["matrix", str(demo), "--sections", "victims,events",
                             "--out", str(out)]) == 0
    assert "4 cases in 7 rows" in capsys.readouterr().out
    sheet = load_workbook(out)["Matrix"]
    assert sheet.freeze_panes == "F3"
    matrix = build_matrix(demo_store, ["victims", "events"])
    cells = [[c.value or "" for c in row][5:] for row in sheet.iter_rows(min_row=3)]
    assert cells == [[c.text for c in row.cells] for row in matrix.rows]
    marked = next(c for row in sheet.iter_rows(min_row=3) for c in row
                  if c.value == "Not reported")
    assert marked.font.italic and marked.fill.fgColor.rgb.endswith("FCE9D9")
    assert sheet["F2"].value == "Pseudonym" and sheet["F1"].value == "Victims"


def test_an_existing_file_is_kept_unless_forced(demo, tmp_path, capsys):
    out = tmp_path / "matrix.xlsx"
    out.write_bytes(b"keep me")
    assert run_command_line(["matrix", str(demo), "--out", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err and out.read_bytes() == b"keep me"
    assert run_command_line(["matrix", str(demo), "--out", str(out), "--force"]) == 0
    assert load_workbook(out)["Matrix"].max_row > 3


def test_an_unknown_section_is_refused_with_the_choices(demo, tmp_path, capsys):
    out = tmp_path / "m.xlsx"
    assert run_command_line(["matrix", str(demo), "--sections", "victim", "--out",
                             str(out)]) == 2
    assert "no section 'victim'; choose from review" in capsys.readouterr().err
    assert not out.exists()
