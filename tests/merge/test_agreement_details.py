"""The drill-down behind the agreement figures: which cases and items disagree, and how."""

from __future__ import annotations

import pytest

from main import main
from schema.merge import merge_projects
from schema.project import open_project
from schema.store import Store
from tests.merge.agreement_region import two_site_region
from tests.merge.builders import code_review, make_project


@pytest.fixture
def region(tmp_path, codebook):
    return two_site_region(tmp_path, codebook)


def _details(path):
    store = Store(open_project(path, readonly=True), "R")
    try:
        return store.agreement_details()
    finally:
        store.close()


def test_details_list_each_disagreeing_unit_with_every_coders_value(region):
    found = {(d.path, d.option, d.reference): d for d in _details(region)}
    assert set(found) == {
        ("victims.gender", "", "DHR-1"),
        ("victims.characteristics", "", "DHR-2"),
        ("victims.characteristics", "mental_health", "DHR-2"),
        ("incident.method", "", "DHR-3"),
    }
    gender = found[("victims.gender", "", "DHR-1")]
    assert gender.item == "Victim 1"
    assert [(v.coder, v.value) for v in gender.values] == [
        ("A. Analyst (Lambeth)", "Female"), ("B. Coder (Southwark)", "Male")]
    option = found[("victims.characteristics", "mental_health", "DHR-2")]
    assert [v.value for v in option.values] == ["not ticked", "ticked"]
    whole = found[("victims.characteristics", "", "DHR-2")]
    assert whole.values[1].value == "Alcohol misuse; Mental health difficulties"
    method = found[("incident.method", "", "DHR-3")]
    assert method.item == "Incident"
    assert method.values[1].value == "not reported"


def test_details_name_the_coding_and_item_to_open(region):
    store = Store(open_project(region, readonly=True), "R")
    try:
        gender = next(d for d in store.agreement_details() if d.path == "victims.gender")
        for value in gender.values:
            entity = store.get_entity(value.entity_id)
            assert (entity.coding_id, entity.section, entity.position) == (
                value.coding_id, "victims", 0)
            assert store.get_coding(value.coding_id).case_id == gender.case_id
    finally:
        store.close()


def test_agreement_details_on_the_command_line(region, capsys):
    assert main(["agreement", str(region), "--details"]) == 0
    out = capsys.readouterr().out
    assert "  = mental_health" in out  # the option's figures under its field
    assert "victims.characteristics = mental_health: the codings differ on" in out
    assert ("DHR-1 · Victim 1 · A. Analyst (Lambeth): Female | B. Coder (Southwark): Male"
            in out)


def test_details_say_so_when_the_codings_agree(tmp_path, codebook, capsys):
    a = make_project(tmp_path / "a.casecoder", codebook, "Lambeth", "A. Analyst")
    b = make_project(tmp_path / "b.casecoder", codebook, "Southwark", "B. Coder")
    code_review(a, "DHR-1")
    code_review(b, "DHR-1")
    a.close()
    b.close()
    target = tmp_path / "region.casecoder"
    merge_projects(target, [tmp_path / "a.casecoder", tmp_path / "b.casecoder"], actor="R")
    assert main(["agreement", str(target), "--details"]) == 0
    assert "The codings agree on every unit." in capsys.readouterr().out
