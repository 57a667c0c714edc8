"""Which cases count: only cases marked coded or checked, in-progress ones when asked, never
those not started; tables say which statuses they counted; a brief with almost nothing
coded is refused rather than printed."""

from __future__ import annotations

import csv

import pytest

from exports.brief import BriefRefused, BriefScope, build_brief
from exports.tables import TableFilter, TablesError, build_tables
from main import main
from schema.counting import MIN_ANSWERED_FOR_BRIEF
from tests.brief.sample import code_sample_case


def _victim(store, reference: str, gender: str, status: str) -> str:
    case = store.create_case(reference, "DHR", category="intimate_partner")
    coding = store.add_coding(case.id)
    store.set_answer(store.add_entity(coding.id, "victims").id, "gender", gender)
    store.set_case_status(case.id, status)
    return case.id


def _gender_cell(tables) -> str:
    return tables.table("victims").rows[0].cells["intimate_partner"].text


@pytest.fixture
def mixed(store):
    """One case of each status, each with one victim whose gender tells them apart."""
    _victim(store, "DHR-CODED", "female", "coded")
    _victim(store, "DHR-CHECKED", "female", "checked")
    _victim(store, "DHR-WIP", "male", "in_progress")
    _victim(store, "DHR-NEW", "other", "not_started")
    return store


def test_only_coded_and_checked_cases_count_by_default(mixed):
    tables = build_tables(mixed)
    assert tables.cases == 2
    assert _gender_cell(tables) == "2 female"
    note = tables.table("victims").notes[-1]
    assert note.startswith("Counted: cases marked coded or checked (1 coded, 1 checked).")
    assert "Not counted, for their status: 1 not started, 1 in progress." in note
    assert "N = 2 cases marked coded or checked" in tables.footer


def test_in_progress_counts_only_when_asked_and_not_started_never(mixed):
    tables = build_tables(mixed, TableFilter(include_in_progress=True))
    assert tables.cases == 3
    assert _gender_cell(tables) == "2 female, 1 male"  # the not-started "other" is not there
    note = tables.table("perpetrators").notes[-1]
    assert note.startswith("Counted: cases marked coded, checked or in progress "
                           "(1 coded, 1 checked, 1 in progress).")
    assert "1 not started" in note


def test_a_not_started_case_with_answers_alone_is_refused(store):
    _victim(store, "DHR-NEW", "female", "not_started")
    with pytest.raises(TablesError, match="none of the 1 matching cases is marked coded or "
                                          "checked"):
        build_tables(store)
    with pytest.raises(TablesError, match="is marked coded, checked or in progress"):
        build_tables(store, TableFilter(include_in_progress=True))


def test_tables_command_flag_and_csv_note(mixed, project_path, tmp_path, capsys):
    mixed.close()
    out = tmp_path / "out"
    assert main(["tables", str(project_path), "--out", str(out), "--format", "csv"]) == 0
    assert "from 2 cases marked coded or checked" in capsys.readouterr().out
    assert main(["tables", str(project_path), "--out", str(out), "--format", "csv",
                 "--include-in-progress"]) == 0
    assert "from 3 cases marked coded, checked or in progress" in capsys.readouterr().out
    with (out / "victims.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    notes = [row[0] for row in rows[rows.index([]) + 1:]]
    assert any(n.startswith("Counted: cases marked coded, checked or in progress") for n in notes)


# The brief ---------------------------------------------------------------------------------

def _thin_case(store, reference: str, answers: int, status: str = "coded") -> None:
    case = store.create_case(reference, "SAR", category="intimate_partner")
    review = store.section_entity(store.add_coding(case.id).id, "review")
    values = [("subject", "Adult C"), ("summary", "Adult C died at home."),
              ("local_authority", "Harbridge"), ("publication_year", 2022),
              ("published", True), ("incident_year", 2020)]
    for field, value in values[:answers]:
        store.set_answer(review.id, field, value)
    store.mark_not_reported(review.id, "other_local_authorities")  # not an answer
    store.set_case_status(case.id, status)


def test_a_case_brief_with_almost_nothing_coded_is_refused(store):
    _thin_case(store, "SAR-THIN", MIN_ANSWERED_FOR_BRIEF - 1)
    with pytest.raises(BriefRefused, match=f"case SAR-THIN has only "
                                           f"{MIN_ANSWERED_FOR_BRIEF - 1} answered fields, "
                                           f"and a brief needs at least "
                                           f"{MIN_ANSWERED_FOR_BRIEF}"):
        build_brief(store, BriefScope.case("SAR-THIN"))
    _thin_case(store, "SAR-ENOUGH", MIN_ANSWERED_FOR_BRIEF)
    assert build_brief(store, BriefScope.case("SAR-ENOUGH")).cases == ["SAR-ENOUGH"]


def test_brief_command_refuses_in_one_line_with_exit_1(store, project_path, tmp_path, capsys):
    _thin_case(store, "SAR-THIN", 1)
    store.close()
    out = tmp_path / "brief.pdf"
    assert main(["brief", str(project_path), "--case", "SAR-THIN", "--out", str(out)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "only 1 answered field," in err
    assert not out.exists()


def test_thematic_brief_uses_counted_statuses_and_names_what_it_left_out(store):
    code_sample_case(store, "SAR-2021-04")
    code_sample_case(store, "DHR-2020-09", review_type="DHR", status="in_progress")
    code_sample_case(store, "DHR-2020-10", review_type="DHR", status="not_started")
    _thin_case(store, "SAR-THIN", 2)
    result = build_brief(store, BriefScope.category("intimate_partner"))
    assert result.cases == ["SAR-2021-04"]
    assert sorted(result.skipped) == [
        "DHR-2020-09: marked in progress", "DHR-2020-10: marked not started",
        f"SAR-THIN: only 2 answered fields, and a brief needs at least "
        f"{MIN_ANSWERED_FOR_BRIEF}"]
    wider = build_brief(store, BriefScope.category("intimate_partner"),
                        include_in_progress=True)
    assert sorted(wider.cases) == ["DHR-2020-09", "SAR-2021-04"]


def test_thematic_brief_with_nothing_counted_is_refused(store, project_path, tmp_path,
                                                         capsys):
    code_sample_case(store, "DHR-2020-09", review_type="DHR", status="in_progress")
    store.close()
    out = tmp_path / "brief.pdf"
    args = ["brief", str(project_path), "--category", "intimate_partner", "--out", str(out)]
    assert main(args) == 1
    assert "or include cases in progress" in capsys.readouterr().err
    assert main([*args, "--include-in-progress"]) == 0
    assert out.read_bytes().startswith(b"%PDF")
