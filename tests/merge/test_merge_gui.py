"""The merge wizard, the reconciliation dialog and the agreement view, offscreen."""

from __future__ import annotations

import pytest

from desktop.merge.agreement_dialog import AgreementDialog
from desktop.merge.reconcile_dialog import load_reconcile_dialog
from desktop.merge.wizard import MergeWizard
from schema.codebook_loader import load_codebook
from schema.consensus import consensus_coding
from schema.project import create_project, open_project
from schema.resources import default_codebook_path
from schema.store import Store
from tests.merge.builders import add_document, code_review, make_project


@pytest.fixture
def sources(tmp_path, codebook):
    a = make_project(tmp_path / "lambeth.casecoder", codebook, "Lambeth", "A. Analyst")
    b = make_project(tmp_path / "southwark.casecoder", codebook, "Southwark", "B. Coder")
    pdf = b"%PDF-1.4 review of Adult D"
    code_review(a, "DHR-2019-04", gender="female", document=add_document(a, pdf),
                quote="she was attacked with a kitchen knife")
    code_review(b, "DHR-2019-04", gender="male", method="blunt_instrument",
                document=add_document(b, pdf))
    code_review(a, "SAR-2018-02", age=78)
    a.close()
    b.close()
    return [tmp_path / "lambeth.casecoder", tmp_path / "southwark.casecoder"]


def _merge_with_wizard(qtbot, target, sources, store_thread_for) -> MergeWizard:
    """Merge into `target` (made first if new) from the window's store thread."""
    if not target.exists():
        create_project(target, site="Region", coder="R", codebook=load_codebook(
            default_codebook_path())).conn.close()
    wizard = MergeWizard(store_thread_for(target, "R"))
    qtbot.addWidget(wizard)
    wizard.add_sources(sources)
    assert wizard.merge_button.isEnabled()
    wizard.merge_button.click()
    qtbot.waitUntil(lambda: wizard.task is None, timeout=10000)
    return wizard


def test_wizard_merges_and_shows_the_report(qtbot, tmp_path, sources, store_thread_for):
    target = tmp_path / "region.casecoder"
    wizard = _merge_with_wizard(qtbot, target, sources, store_thread_for)
    assert wizard.report is not None and wizard.report.changed
    text = wizard.report_view.toPlainText()
    assert "conflicts  2 field(s) in 1 case(s)" in text
    assert wizard.status.text() == "Merge complete."
    store = Store(open_project(target), "R")
    assert len(store.list_cases()) == 2
    store.close()


def test_wizard_shows_a_refusal_and_leaves_the_project_alone(qtbot, tmp_path, project_path,
                                                             store_thread_for):
    bad = tmp_path / "broken.casecoder"
    bad.write_bytes(b"not a database at all")
    before = project_path.read_bytes()
    wizard = _merge_with_wizard(qtbot, project_path, [bad], store_thread_for)
    assert "not a Casecoder project" in wizard.report_view.toPlainText()
    assert "left as it was" in wizard.status.text()
    assert project_path.read_bytes() == before


def test_reconcile_dialog_saves_a_consensus(qtbot, tmp_path, sources, store_thread_for):
    target = tmp_path / "region.casecoder"
    _merge_with_wizard(qtbot, target, sources, store_thread_for)
    store = Store(open_project(target), "R")
    [case] = store.find_cases("DHR-2019-04")
    store.close()
    thread = store_thread_for(target)
    dialog = load_reconcile_dialog(thread, case.id)
    qtbot.addWidget(dialog)
    assert [c.where for c in dialog.conflicts] == ["incident method", "victims #1 gender"]
    assert dialog.status.text() == "0 of 2 decided"
    dialog.view.choose(0, 1)
    dialog.view.choose(1, 0)
    dialog.view.editors[1].combo.setCurrentIndex(dialog.view.editors[1].combo.findText(
        "Not reported"))
    assert dialog.status.text() == "2 of 2 decided"
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.saved_coding is not None, timeout=10000)
    store = Store(open_project(target), "R")
    consensus = consensus_coding(store, case.id)
    [victim] = store.entities(consensus.id, "victims")
    assert store.answer(victim.id, "gender").state == "not_reported"
    method = store.answer(store.section_entity(consensus.id, "incident").id, "method")
    chosen = dialog.conflicts[0].values[0]
    assert method.value == chosen.value
    store.close()
    reopened = load_reconcile_dialog(thread, case.id)
    qtbot.addWidget(reopened)
    assert reopened.status.text() == "2 of 2 decided"  # the saved consensus is pre-selected


def test_agreement_dialog_lists_fields_with_units(qtbot, tmp_path, sources, store_thread_for):
    target = tmp_path / "region.casecoder"
    _merge_with_wizard(qtbot, target, sources, store_thread_for)
    dialog = AgreementDialog(store_thread_for(target))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    paths = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert "victims.gender" in paths and "review.outcome" not in paths
    dialog.hide_empty.setChecked(False)
    rows = len(dialog.results) + sum(len(r.options) for r in dialog.results)  # option rows
    assert dialog.table.rowCount() == rows
