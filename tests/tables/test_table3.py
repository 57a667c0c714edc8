"""The 64-case fixture reproduces the seed report's Table 3 (victims), cell by cell.

Expected cells are the published ones, transcribed. Where the published table is not
consistent with itself, the codebook's wording and order are expected instead, and the line
says so:
- labels are the codebook's option labels ("Substance misuse problems" in every category; the
  seed also writes "Substance misuse" and "Experiencing domestic violence");
- entries with equal counts follow codebook order (the seed lists White (3) before Asian (3),
  and Domestic abuse during pregnancy (4) before Substance misuse (4)).
"""

from __future__ import annotations

import pytest

from exports.tables import build_tables
from tests.tables.seed_fixture import build_seed_fixture

EXPECTED = {
    "youth_peer": {
        "gender": "Homicide: 4 male, 1 female; Suicide: 3 female",
        "age": "13–25",
        "ethnicity": "Not reported (5), Black/Black British (3)",
        "characteristics": "Absent parent(s) (5)\nAbuse or neglect (as a child) (5)\n"
                           "Experiencing domestic abuse (5)\nMental health difficulties (5)\n"
                           "Substance misuse problems (5)",
    },
    "intimate_partner": {
        "gender": "15 female, 2 male",
        "age": "18–44",
        "ethnicity": "White (5), Asian/Asian British (3), Black/Black British (2), Mixed (1), "
                     "Other (1), Not reported (5)",
        # tie order: codebook (seed: pregnancy first); seed label "Substance misuse"
        "characteristics": "Experiencing domestic abuse (12)\nAlcohol misuse (5)\n"
                           "Substance misuse problems (4)\nDomestic abuse during pregnancy (4)\n"
                           "English as a second or additional language (4)\n"
                           "Born outside UK (4)",
    },
    "adult_family": {
        "gender": "5 female, 4 male",
        "age": "35–85+, majority over 65",
        # tie order: codebook (seed: White (3) first)
        "ethnicity": "Asian/Asian British (3), White (3), Black/Black British (2), "
                     "Not reported (1)",
        "characteristics": "Caring responsibilities (6)\n"
                           "Chronic illness or long-term condition (6)\n"
                           "Experiencing domestic abuse (4)\n"
                           "English as a second or additional language (4)\n"
                           "Abuse or neglect (as an adult) (3)",
    },
    "adult_peer": {
        "gender": "6 male, 3 female",
        "age": "25–74",
        "ethnicity": "Not reported (8), White (1)",
        "characteristics": "Chronic illness or long-term condition (3)\nDisability (2)\n"
                           "Unemployment (2)",
    },
    "child_family": {
        "gender": "10 male, 9 female, 4 not reported",
        "age": "0–18, majority aged 5 or under",
        "ethnicity": "Not reported (9), Mixed (7), Black/Black British (6), "
                     "Asian/Asian British (1)",
        # seed label: "Experiencing domestic violence"
        "characteristics": "Experiencing domestic abuse (9)\n"
                           "Abuse or neglect (as a child) (8)\n"
                           "Parent with a mental health condition (8)\n"
                           "Growing up in a household where adults have alcohol or drug "
                           "problems (7)\nAbsent parent(s) (3)",
    },
    "child_sexual_abuse": {
        "gender": "2 female, 1 case with multiple victims, genders not reported",
        "age": "Not reported (2), 8–9 (1)",
        "ethnicity": "Not reported",
        "characteristics": "Absent parent(s) (2)\nAbuse or neglect (as a child) (2)\n"
                           "Care-experienced child (2)",
    },
}
REVIEWS = {"youth_peer": 8, "intimate_partner": 17, "adult_family": 9, "adult_peer": 9,
           "child_family": 18, "child_sexual_abuse": 3}
CELLS = [(category, row) for category in EXPECTED for row in EXPECTED[category]]


@pytest.fixture(scope="module")
def victims_table(tmp_path_factory, codebook):
    from schema.project import create_project
    from schema.store import Store

    path = tmp_path_factory.mktemp("seed") / "seed.casecoder"
    store = Store(create_project(path, site="Lambeth", coder="Tester", codebook=codebook),
                  "Tester")
    build_seed_fixture(store)
    table = build_tables(store).table("victims")
    store.close()
    return table


def test_columns_are_the_six_categories_with_their_review_counts(victims_table):
    assert {c.key: c.cases for c in victims_table.columns} == REVIEWS
    assert victims_table.columns[0].heading == "Youth peer violence\n8 reviews"


@pytest.mark.parametrize(("category", "row"), CELLS)
def test_cell_matches_the_published_table(victims_table, category, row):
    cells = {r.key: r.cells for r in victims_table.rows}
    assert cells[row][category].text == EXPECTED[category][row]


def test_characteristics_in_two_or_more_categories_are_bold(victims_table):
    cells = next(r for r in victims_table.rows if r.key == "characteristics").cells
    bold = {e.label for cell in cells.values() for e in cell.entries if e.bold}
    assert bold == {"Absent parent(s)", "Abuse or neglect (as a child)",
                    "Experiencing domestic abuse", "Substance misuse problems",
                    "English as a second or additional language",
                    "Chronic illness or long-term condition"}
