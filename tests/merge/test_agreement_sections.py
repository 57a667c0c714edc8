"""Agreement on whether a repeating section applies: one coder marks perpetrators not
applicable (a suicide), another codes a perpetrator; that is a disagreement."""

from __future__ import annotations

import pytest

from schema.agreement import krippendorff_alpha_nominal, project_agreement
from schema.merge import merge_projects
from schema.project import open_project
from schema.store import Store
from tests.merge.builders import code_review, make_project

# Per case: what coder A and coder B did with the perpetrators section.
# "na" marks it not applicable, "item" codes one perpetrator, "" leaves it empty.
PLAN = [("na", "na"), ("na", "item"), ("item", "item"), ("item", "item"), ("", "item")]


def _code(store: Store, reference: str, how: str) -> None:
    code_review(store, reference)
    [case] = store.find_cases(reference)
    [coding] = store.codings(case.id)
    if how == "na":
        store.mark_section_not_applicable(coding.id, "perpetrators")
    elif how == "item":
        store.set_answer(store.add_entity(coding.id, "perpetrators").id, "gender", "male")


@pytest.fixture
def results(tmp_path, codebook):
    a = make_project(tmp_path / "a.casecoder", codebook, "Lambeth", "A. Analyst")
    b = make_project(tmp_path / "b.casecoder", codebook, "Southwark", "B. Coder")
    for number, (first, second) in enumerate(PLAN):
        _code(a, f"DHR-{number}", first)
        _code(b, f"DHR-{number}", second)
    _code(a, "SAR-once", "na")  # coded once: no unit
    a.close()
    b.close()
    target = tmp_path / "region.casecoder"
    merge_projects(target, [tmp_path / "a.casecoder", tmp_path / "b.casecoder"], actor="R")
    db = open_project(target, readonly=True)
    try:
        return {r.path: r for r in project_agreement(db, codebook)}
    finally:
        db.conn.close()


def test_each_repeating_section_gets_an_applies_row_after_the_fields(results, codebook):
    paths = list(results)
    repeating = [f"{s.key}.(applies)" for s in codebook.sections if s.repeat]
    assert paths[-len(repeating):] == repeating
    row = results["perpetrators.(applies)"]
    assert row.type == "section" and "Perpetrators" in row.label


def test_marked_not_applicable_against_coded_items_is_a_disagreement(results):
    row = results["perpetrators.(applies)"]
    # The empty, unmarked section of DHR-4 gives no value, so that case is not a unit.
    assert (row.units, row.coders) == (4, 2)
    assert row.percent == pytest.approx(3 / 4)
    # A: na na item item / B: na item item item -> observed 0.75, chance (2*1 + 2*3)/16
    assert row.kappa == pytest.approx((0.75 - 0.5) / (1 - 0.5))
    na, item = "not_applicable", "applies"
    assert row.alpha == pytest.approx(krippendorff_alpha_nominal(
        [[na, na], [na, item], [item, item], [item, item]]))


def test_a_section_nobody_touched_has_no_units(results):
    row = results["further_reading.(applies)"]
    assert row.units == 0 and row.percent is None and row.kappa is None
