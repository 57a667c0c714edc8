"""The merge wizard's look-alike step: the pairs side by side, with similarity and the pages
that differ, decided and carried out on the project."""

from __future__ import annotations

import pytest

from desktop.merge.wizard import MergeWizard
from schema.codebook_loader import load_codebook
from schema.project import create_project, open_project
from schema.resources import default_codebook_path
from schema.store import Store
from tests.merge.review_copies import CaseSpec, build_site, draft


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    folder = tmp_path_factory.mktemp("wizard")
    return [build_site(folder / "a.casecoder", "Harbridge", "ana", [CaseSpec("SAR-2023-02")]),
            build_site(folder / "c.casecoder", "Northfold", "cal",
                       [CaseSpec("NF-SAR-DRAFT", change=draft)])]


def _wizard(qtbot, tmp_path, sites, store_thread_for) -> tuple[MergeWizard, object]:
    target = tmp_path / "region.casecoder"
    create_project(target, site="Region", coder="R",
                   codebook=load_codebook(default_codebook_path())).conn.close()
    wizard = MergeWizard(store_thread_for(target, "R"))
    qtbot.addWidget(wizard)
    wizard.add_sources(sites)
    wizard.merge_button.click()
    qtbot.waitUntil(lambda: wizard.task is None, timeout=20000)
    return wizard, target


def _cases(target) -> list[str]:
    store = Store(open_project(target, readonly=True), "R")
    try:
        return sorted(c.reference for c in store.list_cases())
    finally:
        store.close()


@pytest.mark.parametrize("choice, expected", [
    ("same", 1), ("different", 2)])
def test_look_alikes_are_shown_side_by_side_and_decided(qtbot, tmp_path, sites,
                                                        store_thread_for, choice, expected):
    wizard, target = _wizard(qtbot, tmp_path, sites, store_thread_for)
    view = wizard.candidates
    assert wizard.tabs.currentWidget() is view
    assert wizard.tabs.tabText(wizard.tabs.currentIndex()) == "Look-alike cases (1)"
    assert view.pair_list.item(0).text().endswith("% alike")
    assert {view.details.item(0, 0).text(), view.details.item(0, 1).text()} == {
        "SAR-2023-02", "NF-SAR-DRAFT"}
    qtbot.waitUntil(lambda: view.pages.rowCount() > 0, timeout=10000)
    assert view.first_text.toPlainText() and view.second_text.toPlainText()
    view.choice_buttons[choice].click()
    wizard.apply_button.click()
    qtbot.waitUntil(lambda: wizard.task is None and wizard.decisions_applied, timeout=10000)
    assert wizard.tabs.indexOf(view) == -1  # nothing left to decide
    assert len(_cases(target)) == expected
    again = MergeWizard(store_thread_for(target, "R"))
    qtbot.addWidget(again)
    again.add_sources(sites)
    again.merge_button.click()
    qtbot.waitUntil(lambda: again.task is None, timeout=20000)
    assert again.report.candidates == []  # decided once, not asked again
