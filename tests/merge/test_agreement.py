"""Agreement statistics against published worked examples, and over a merged project."""

from __future__ import annotations

import csv

import pytest

from schema.agreement import (
    cohens_kappa,
    krippendorff_alpha_nominal,
    percent_agreement,
    project_agreement,
    write_csv,
)
from schema.merge import merge_projects
from schema.project import open_project
from tests.merge.builders import code_review, make_project


def _table(yes_yes: int, yes_no: int, no_yes: int, no_no: int) -> list[tuple[str, str]]:
    return ([("yes", "yes")] * yes_yes + [("yes", "no")] * yes_no + [("no", "yes")] * no_yes
            + [("no", "no")] * no_no)


@pytest.mark.parametrize(("table", "expected"), [
    # The worked examples of the Wikipedia article "Cohen's kappa": 50 grant proposals read
    # by two readers (kappa 0.4), and two 100-item tables with the same agreement, 0.60,
    # but different marginals (kappa 0.1304 and 0.2593).
    ((20, 5, 10, 15), 0.4),
    ((45, 15, 25, 15), 0.1304),
    ((25, 35, 5, 35), 0.2593),
])
def test_cohens_kappa_matches_the_worked_examples(table, expected):
    assert cohens_kappa(_table(*table)) == pytest.approx(expected, abs=5e-5)


def test_kappa_is_undefined_when_both_raters_always_say_the_same_thing():
    assert cohens_kappa([("yes", "yes")] * 10) is None


KRIPPENDORFF_NOMINAL = [  # Krippendorff (2011), "Computing Krippendorff's alpha-reliability":
    # four observers, twelve units, values 1-5, None where an observer gave no value.
    (1, 1, None, 1), (2, 2, 3, 2), (3, 3, 3, 3), (3, 3, 3, 3), (2, 2, 2, 2), (1, 2, 3, 4),
    (4, 4, 4, 4), (1, 1, 2, 1), (2, 2, 2, 2), (None, 5, 5, 5), (None, None, 1, 1),
    (None, None, 3, None),
]


def test_krippendorff_alpha_nominal_matches_his_worked_example():
    units = [[v for v in unit if v is not None] for unit in KRIPPENDORFF_NOMINAL]
    assert krippendorff_alpha_nominal(units) == pytest.approx(0.743, abs=5e-4)


def test_alpha_for_two_coders_without_missing_values_is_near_kappa():
    pairs = _table(20, 5, 10, 15)
    alpha = krippendorff_alpha_nominal([list(p) for p in pairs])
    assert alpha == pytest.approx(0.4, abs=0.02)  # alpha corrects kappa for small samples


def test_percent_agreement_ignores_units_with_one_value():
    assert percent_agreement([["a", "a"], ["a", "b"], ["a"], ["b", "b", "b"]]) == 2 / 3


def test_project_agreement_over_cases_coded_twice(tmp_path, codebook):
    a = make_project(tmp_path / "a.casecoder", codebook, "Lambeth", "A. Analyst")
    b = make_project(tmp_path / "b.casecoder", codebook, "Southwark", "B. Coder")
    genders = [("female", "female"), ("female", "male"), ("male", "male"), ("male", "male")]
    for number, (first, second) in enumerate(genders):
        code_review(a, f"DHR-{number}", gender=first)
        code_review(b, f"DHR-{number}", gender=second)
    code_review(a, "SAR-only-once", gender="female")
    a.close()
    b.close()
    target = tmp_path / "region.casecoder"
    merge_projects(target, [tmp_path / "a.casecoder", tmp_path / "b.casecoder"], actor="R")
    db = open_project(target, readonly=True)
    results = {r.path: r for r in project_agreement(db, codebook)}
    gender = results["victims.gender"]
    assert (gender.units, gender.coders) == (4, 2)
    assert gender.percent == 0.75
    assert gender.kappa == pytest.approx(cohens_kappa(genders))
    assert results["incident.method"].percent == 1.0
    assert results["incident.location"].units == 0 and results["incident.location"].alpha is None
    assert "victims.age" not in results  # not categorical
    out = tmp_path / "agreement.csv"
    write_csv(list(results.values()), out)
    with out.open(encoding="utf-8") as handle:
        rows = {r["field"]: r for r in csv.DictReader(handle)}
    assert rows["victims.gender"]["percent_agreement"] == "0.750"
    db.conn.close()
