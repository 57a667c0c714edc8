"""Agreement per option of a multi-choice field, against a case worked out by hand."""

from __future__ import annotations

import csv

import pytest

from schema.agreement import project_agreement, write_csv
from schema.agreement_options import option_agreements, option_units
from schema.codebook_model import Field, Option
from schema.merge import merge_projects
from schema.project import open_project
from tests.merge.builders import code_review, make_project

TRAITS = Field(key="traits", label="Traits", type="multi", section="people", options=(
    Option("x", "X"), Option("y", "Y"), Option("z", "Z"), Option("w", "W")))

# Two coders, A and B, seven units. Worked by hand below; "NR" is "not reported".
#
#   unit  A        B        x (A,B)  y (A,B)  z (A,B)
#   u1    {x,y}    {x}      1 1      1 0      0 0
#   u2    {x}      {x}      1 1      0 0      0 0
#   u3    {}       {y}      0 0      0 1      0 0
#   u4    NR       {x}      -        -        -      (A missing: the unit drops out)
#   u5    {y}      {x,y}    0 1      1 1      0 0
#   u6    {x,z}    {y,z}    1 0      0 1      1 1
#   u7    NR       NR       -        -        -
#
# Option x, N = 5 (u1 u2 u3 u5 u6): agree on u1 u2 u3, so 3/5 = 0.600.
#   Kappa: A ticks 3 of 5, B ticks 3 of 5; chance = (3*3 + 2*2) / 25 = 0.52;
#   kappa = (0.60 - 0.52) / (1 - 0.52) = 0.1667.
#   Alpha: coincidences o11 = 4 (u1, u2), o00 = 2 (u3), o01 = o10 = 2 (u5, u6);
#   n1 = 6, n0 = 4, n = 10; alpha = 1 - (n - 1) * o01 / (n0 * n1) = 1 - 9 * 2 / 24 = 0.250.
# Option y, N = 5: agree on u2 u5, so 0.400.
#   A ticks 2, B ticks 3; chance = (2*3 + 3*2) / 25 = 0.48;
#   kappa = (0.40 - 0.48) / 0.52 = -0.1538.
#   o11 = 2 (u5), o00 = 2 (u2), o01 = o10 = 3 (u1, u3, u6); n1 = n0 = 5;
#   alpha = 1 - 9 * 3 / 25 = -0.080.
# Option z, N = 5: all agree (1.000); A and B tick it once each; chance = (1 + 16) / 25 = 0.68;
#   kappa = (1 - 0.68) / 0.32 = 1.000; no off-diagonal coincidence, alpha = 1.000.
# Option w: never ticked; 1.000 agreement, kappa and alpha undefined (no variation).
# Whole set, N = 7: agree on u2 and u7 only, 2/7.
UNITS = {
    ("u1", 0): {"A": ("x", "y"), "B": ("x",)},
    ("u2", 0): {"A": ("x",), "B": ("x",)},
    ("u3", 0): {"A": (), "B": ("y",)},
    ("u4", 0): {"A": "<not_reported>", "B": ("x",)},
    ("u5", 0): {"A": ("y",), "B": ("x", "y")},
    ("u6", 0): {"A": ("x", "z"), "B": ("y", "z")},
    ("u7", 0): {"A": "<not_reported>", "B": "<not_reported>"},
}


def _by_option():
    return {o.option: o for o in option_agreements(TRAITS, UNITS)}


@pytest.mark.parametrize(("option", "percent", "kappa", "alpha"), [
    ("x", 0.600, 0.1667, 0.250),
    ("y", 0.400, -0.1538, -0.080),
    ("z", 1.000, 1.000, 1.000),
])
def test_each_option_matches_the_hand_worked_figures(option, percent, kappa, alpha):
    found = _by_option()[option]
    assert (found.units, found.coders) == (5, 2)
    assert found.percent == pytest.approx(percent, abs=5e-4)
    assert found.kappa == pytest.approx(kappa, abs=5e-4)
    assert found.alpha == pytest.approx(alpha, abs=5e-4)


def test_an_option_nobody_ticked_agrees_fully_with_kappa_and_alpha_undefined():
    never = _by_option()["w"]
    assert (never.units, never.percent, never.kappa, never.alpha) == (5, 1.0, None, None)


def test_not_reported_is_missing_for_every_option():
    read = option_units(UNITS, "x")
    assert ("u4", 0) in read and read[("u4", 0)] == {"B": 1}  # A left out
    assert ("u7", 0) not in read  # nobody gave a set of options


def test_only_multi_choice_fields_get_option_figures():
    gender = Field(key="gender", label="Gender", type="choice", section="people",
                   options=(Option("female", "Female"), Option("male", "Male")))
    assert option_agreements(gender, {("u1", 0): {"A": "female", "B": "male"}}) == ()


def test_project_agreement_and_csv_carry_option_rows(tmp_path, codebook):
    a = make_project(tmp_path / "a.casecoder", codebook, "Lambeth", "A. Analyst")
    b = make_project(tmp_path / "b.casecoder", codebook, "Southwark", "B. Coder")
    for number in range(3):
        code_review(a, f"DHR-{number}")  # each ticks alcohol misuse
        code_review(b, f"DHR-{number}")
    coding = b.codings(b.find_cases("DHR-2")[0].id)[0]
    entity = b.entities(coding.id, "victims")[0]
    b.set_answer(entity.id, "characteristics", ["alcohol_misuse", "mental_health"])
    a.close()
    b.close()
    target = tmp_path / "region.casecoder"
    merge_projects(target, [tmp_path / "a.casecoder", tmp_path / "b.casecoder"], actor="R")
    db = open_project(target, readonly=True)
    results = {r.path: r for r in project_agreement(db, codebook)}
    db.conn.close()
    field = results["victims.characteristics"]
    assert field.percent == pytest.approx(2 / 3)
    options = {o.option: o for o in field.options}
    assert len(options) == len(codebook.field("victims.characteristics").options)
    assert options["alcohol_misuse"].percent == 1.0
    assert options["mental_health"].percent == pytest.approx(2 / 3)
    assert options["mental_health"].units == 3
    out = tmp_path / "agreement.csv"
    write_csv(list(results.values()), out)
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    row = next(r for r in rows if r["option"] == "mental_health")
    assert (row["field"], row["type"], row["percent_agreement"]) == (
        "victims.characteristics", "option", "0.667")
    assert next(r for r in rows if r["field"] == "victims.gender")["option"] == ""
