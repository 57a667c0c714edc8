"""Section marks ("perpetrators: not applicable") travel with their codings in a merge: nothing
lost, nothing doubled, the later version wins, and merging again changes nothing."""

from __future__ import annotations

import pytest

from schema.merge import merge_projects
from schema.project import open_project
from schema.store import Store
from tests.merge.builders import code_review, content, make_project


def _merge(target, *sources):
    return merge_projects(target, list(sources), actor="R. Researcher")


def _coding(store: Store, reference: str):
    [case] = store.find_cases(reference)
    return store.codings(case.id)


@pytest.fixture
def boroughs(tmp_path, codebook):
    """Both boroughs coded DHR-2019-04, a suicide; Lambeth marked its perpetrators section
    not applicable, Southwark has not yet."""
    lambeth = make_project(tmp_path / "lambeth.casecoder", codebook, "Lambeth", "A. Analyst")
    southwark = make_project(tmp_path / "southwark.casecoder", codebook, "Southwark",
                             "B. Coder")
    code_review(lambeth, "DHR-2019-04")
    code_review(southwark, "DHR-2019-04")
    [coding] = _coding(lambeth, "DHR-2019-04")
    lambeth.mark_section_not_applicable(coding.id, "perpetrators")
    lambeth.close()
    southwark.close()
    return tmp_path / "lambeth.casecoder", tmp_path / "southwark.casecoder", coding.id


def _states(path) -> dict[str, dict[str, str]]:
    store = Store(open_project(path, readonly=True), "R. Researcher")
    try:
        return {c.id: store.section_states(c.id) for case in store.list_cases()
                for c in store.codings(case.id)}
    finally:
        store.close()


def test_a_mark_arrives_with_its_coding_once_and_merging_again_changes_nothing(
        tmp_path, boroughs):
    lambeth, southwark, marked = boroughs
    target = tmp_path / "region.casecoder"
    _merge(target, lambeth, southwark)
    states = _states(target)
    assert len(states) == 2  # one case, two codings
    assert states[marked] == {"perpetrators": "not_applicable"}
    assert [s for c, s in states.items() if c != marked] == [{}]
    before, before_bytes = content(target), target.read_bytes()
    again = _merge(target, southwark, lambeth)
    assert not again.changed
    assert content(target) == before and target.read_bytes() == before_bytes
    assert len(content(target)["section_states"]) == 1


def test_a_mark_made_since_the_last_merge_is_news(tmp_path, boroughs):
    lambeth, southwark, _ = boroughs
    target = tmp_path / "region.casecoder"
    _merge(target, lambeth, southwark)
    store = Store(open_project(southwark), "B. Coder")
    [coding] = _coding(store, "DHR-2019-04")
    store.mark_section_not_applicable(coding.id, "perpetrators")
    store.close()
    report = _merge(target, southwark)
    assert report.changed
    assert _states(target)[coding.id] == {"perpetrators": "not_applicable"}


def test_a_mark_taken_back_and_an_item_added_replace_the_old_mark(tmp_path, boroughs):
    lambeth, _, marked = boroughs
    target = tmp_path / "region.casecoder"
    _merge(target, lambeth)
    store = Store(open_project(lambeth), "A. Analyst")
    store.clear_section_state(marked, "perpetrators")
    perpetrator = store.add_entity(marked, "perpetrators")
    store.set_answer(perpetrator.id, "gender", "male")
    store.close()
    assert _merge(target, lambeth).changed
    assert _states(target)[marked] == {}
    merged = Store(open_project(target), "R. Researcher")
    assert [e.id for e in merged.entities(marked, "perpetrators")] == [perpetrator.id]
    merged.close()
    assert not _merge(target, lambeth).changed
