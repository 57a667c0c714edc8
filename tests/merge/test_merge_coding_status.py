"""A coding's own status (coded, checked) travels with it, and a later change arrives when the
source is merged again."""

from __future__ import annotations

from schema.merge import merge_projects
from schema.project import open_project
from schema.store import Store
from tests.merge.builders import code_review, make_project


def _statuses(path) -> list[str]:
    store = Store(open_project(path, readonly=True), "R. Researcher")
    try:
        return [c.status for case in store.list_cases() for c in store.codings(case.id)]
    finally:
        store.close()


def test_a_later_coding_status_arrives_on_the_next_merge(tmp_path, codebook):
    source = tmp_path / "lambeth.casecoder"
    store = make_project(source, codebook, "Lambeth", "A. Analyst")
    code_review(store, "DHR-2019-04")
    [case] = store.list_cases()
    [coding] = store.codings(case.id)
    store.close()
    target = tmp_path / "region.casecoder"
    merge_projects(target, [source], actor="R. Researcher")
    first = _statuses(target)
    store = Store(open_project(source), "A. Analyst")
    store.set_coding_status(coding.id, "checked")
    store.close()
    merge_projects(target, [source], actor="R. Researcher")
    assert first != ["checked"] and _statuses(target) == ["checked"]
