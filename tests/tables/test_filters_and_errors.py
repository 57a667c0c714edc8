"""Filters choose the cases counted; bad specs, empty projects and empty filters say so clearly."""

from __future__ import annotations

import pytest

from exports.tables import TableFilter, TableSpecError, build_tables, parse_years
from exports.tables.data import TablesError
from main import main
from schema.codebook_loader import parse_codebook
from schema.project import create_project
from schema.resources import default_codebook_path
from schema.store import Store


def _reviews(tables, key="victims") -> dict[str, int]:
    return {c.key: c.cases for c in tables.table(key).columns}


def test_site_filter_counts_only_that_site(seed_store):
    lambeth = build_tables(seed_store, TableFilter(site="Lambeth"))
    croydon = build_tables(seed_store, TableFilter(site="Croydon"))
    assert lambeth.cases + croydon.cases == 64 and croydon.cases == 12
    assert "Filters: site Croydon." in croydon.footnotes


def test_review_type_filter_keeps_only_those_reviews(seed_store):
    tables = build_tables(seed_store, TableFilter(review_type="DHR"))
    assert _reviews(tables) == {"youth_peer": 0, "intimate_partner": 17, "adult_family": 9,
                                "adult_peer": 0, "child_family": 0, "child_sexual_abuse": 0}
    empty = {r.key: r.cells["youth_peer"].text for r in tables.table("victims").rows}
    assert set(empty.values()) == {"No information"}
    assert tables.table("victims").columns[0].heading == "Youth peer violence\n0 reviews"


def test_years_filter(seed_store):
    assert parse_years("2017–2018") == (2017, 2018)
    one = build_tables(seed_store, TableFilter(years=(2017, 2017)))
    two = build_tables(seed_store, TableFilter(years=(2017, 2018)))
    assert one.cases == 16 and two.cases == 32
    assert "published 2017–2018" in two.footnotes[2]


@pytest.mark.parametrize("text", ["17-18", "2019-2016", "next year"])
def test_bad_years_are_refused(text):
    with pytest.raises(TablesError, match="years"):
        parse_years(text)


def test_filter_matching_no_case_names_what_the_project_holds(seed_store):
    with pytest.raises(TablesError) as caught:
        build_tables(seed_store, TableFilter(site="Lambeth", review_type="IIR",
                                             years=(2016, 2016)))
    message = str(caught.value)
    assert "no case matches the filters (site Lambeth, review type IIR, published 2016)" \
        in message
    assert "sites: Croydon, Lambeth" in message


def test_empty_project_says_to_add_cases(store):
    with pytest.raises(TablesError, match="the project has no cases yet"):
        build_tables(store)


def test_cases_without_coding_are_reported(store):
    case = store.create_case("R-1", "DHR", category="intimate_partner")
    with pytest.raises(TablesError, match="none of the 1 matching cases is marked coded or "
                                          "checked; .* or include cases in progress"):
        build_tables(store)
    store.set_case_status(case.id, "coded")
    with pytest.raises(TablesError, match="none of the 1 matching cases has been coded yet"):
        build_tables(store)


def test_unknown_field_in_a_table_spec_is_named_with_a_suggestion(tmp_path):
    text = default_codebook_path().read_text(encoding="utf-8")
    assert "field: victims.gender\n" in text
    book = parse_codebook(text.replace("field: victims.gender\n", "field: victims.gendr\n", 1))
    store = Store(create_project(tmp_path / "p.casecoder", site="X", coder="T", codebook=book),
                  "T")
    try:
        store.add_coding(store.create_case("R-1", "DHR").id)
        with pytest.raises(TableSpecError) as caught:
            build_tables(store)
    finally:
        store.close()
    message = str(caught.value)
    assert "unknown field 'victims.gendr'" in message
    assert "did you mean 'victims.gender'?" in message and "table 'victims'" in message


def test_consensus_coding_is_counted_instead_of_the_primary(store):
    case = store.create_case("R-1", "DHR", category="intimate_partner")
    store.set_case_status(case.id, "coded")
    primary = store.add_coding(case.id)
    store.set_answer(store.add_entity(primary.id, "victims").id, "gender", "male")
    assert build_tables(store).table("victims").rows[0].cells["intimate_partner"].text == \
        "1 male"
    consensus = store.add_coding(case.id, coder="Consensus", kind="consensus")
    store.set_answer(store.add_entity(consensus.id, "victims").id, "gender", "female")
    tables = build_tables(store)
    assert tables.table("victims").rows[0].cells["intimate_partner"].text == "1 female"
    assert tables.cases == 1


# The command line ----------------------------------------------------------------------------

def test_command_writes_the_files_asked_for(seed_project, tmp_path, capsys):
    out = tmp_path / "out"
    code = main(["tables", str(seed_project), "--out", str(out), "--format", "csv,html",
                 "--site", "Croydon", "--suppress-below", "3"])
    assert code == 0
    assert "6 tables from 12 cases marked coded or checked" in capsys.readouterr().out
    assert sorted(p.suffix for p in out.iterdir()).count(".csv") == 6
    assert (out / "summary_tables.html").exists() and not (out / "summary_tables.pdf").exists()
    assert "Filters: site Croydon." in (out / "summary_tables.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("extra", "words"), [
    (["--site", "Atlantis"], "no case matches the filters (site Atlantis)"),
    (["--format", "docx"], "unknown format docx"),
    (["--years", "2020-2010"], "run backwards"),
    (["--suppress-below", "0"], "must be 2 or more"),
])
def test_command_refuses_bad_input_in_one_line(seed_project, tmp_path, capsys, extra, words):
    code = main(["tables", str(seed_project), "--out", str(tmp_path / "o"), *extra])
    err = capsys.readouterr().err
    assert code == 2 and words in err and "Traceback" not in err
    assert not (tmp_path / "o").exists()


def test_command_on_an_empty_project(project_path, tmp_path, capsys):
    assert main(["tables", str(project_path), "--out", str(tmp_path / "o")]) == 2
    assert "the project has no cases yet" in capsys.readouterr().err
