"""Importing from the window asks which case the files belong to: a new case made from the
file, an existing case, or none; nothing is attached silently to the selected case."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QLabel

from desktop.documents.import_dialog import ImportSummaryDialog
from desktop.documents.import_target_dialog import ImportTargetDialog, guess_case
from tests.cases.conftest import read
from tests.documents.pdf_files import write_text_pdf
from tests.gui.helpers import click_button, wait_dialog, wait_idle

PAGES = [[("1.1", "This review looks at the support offered to Adult C."),
          ("1.2", "The panel met six times between March and June.")]]


@pytest.fixture
def new_pdf(tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    return write_text_pdf(folder / "SAR 2023_04 overview report.pdf", PAGES)


def _choose(qtbot, window, monkeypatch, paths) -> ImportTargetDialog:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *args, **kwargs: ([str(p) for p in paths], ""))
    window.actions.import_documents.trigger()
    return wait_dialog(qtbot, window, ImportTargetDialog)


def _finish(qtbot, window) -> ImportSummaryDialog:
    summary = wait_dialog(qtbot, window, ImportSummaryDialog)
    wait_idle(qtbot, window, timeout=60000)
    return summary


def test_guessing_reference_and_type_from_the_file_name(codebook):
    assert guess_case("SAR 2023_04 overview report.pdf", codebook) == ("SAR-2023-04", "SAR")
    assert guess_case("dhr-2019-3.pdf", codebook) == ("DHR-2019-3", "DHR")
    assert guess_case("Executive summary.pdf", codebook) == ("Executive summary", None)


def test_a_new_case_is_made_from_the_file(qtbot, window, two_cases, monkeypatch, new_pdf):
    dialog = _choose(qtbot, window, monkeypatch, [new_pdf])
    assert dialog.existing_radio.isChecked()  # the open case is offered, not assumed
    assert dialog.case_combo.currentData() == two_cases.first
    dialog.new_radio.setChecked(True)
    assert dialog.reference_edit.text() == "SAR-2023-04"
    assert dialog.type_combo.currentData() == "SAR"
    dialog.title_edit.setText("Adult C")
    click_button(qtbot, dialog, "Import")
    summary = _finish(qtbot, window)
    assert summary.statuses() == ["imported"]
    qtbot.waitUntil(lambda: window.workspace.current.case.reference == "SAR-2023-04",
                    timeout=10000)
    case = window.workspace.current.case
    assert (case.title, case.review_type, case.status) == ("Adult C", "SAR", "not_started")
    assert [d.file_name for d in window.workspace.current.documents] == [new_pdf.name]
    assert read(two_cases.path, lambda s: len(s.case_documents(two_cases.first))) == 2


def test_files_go_into_the_existing_case_chosen(qtbot, window, two_cases, monkeypatch,
                                                new_pdf):
    dialog = _choose(qtbot, window, monkeypatch, [new_pdf])
    dialog.case_combo.setCurrentIndex(dialog.case_combo.findData(two_cases.second))
    click_button(qtbot, dialog, "Import")
    summary = _finish(qtbot, window)
    assert "linked to case SAR-02" in summary.findChild(QLabel).text()
    qtbot.waitUntil(lambda: window.workspace.current.case.id == two_cases.second,
                    timeout=10000)
    assert [d.file_name for d in window.workspace.current.documents] == [new_pdf.name]
    assert read(two_cases.path, lambda s: len(s.case_documents(two_cases.first))) == 2
    assert read(two_cases.path, lambda s: len(s.list_cases())) == 2


def test_a_taken_reference_is_refused_and_cancel_imports_nothing(qtbot, window, two_cases,
                                                                 monkeypatch, new_pdf):
    dialog = _choose(qtbot, window, monkeypatch, [new_pdf])
    dialog.new_radio.setChecked(True)
    dialog.reference_edit.setText("dhr-01")
    click_button(qtbot, dialog, "Import")
    assert dialog.isVisible() and "already exists" in dialog.problem.text()
    dialog.reject()
    wait_idle(qtbot, window)
    assert read(two_cases.path, lambda s: len(s.documents())) == 2


def test_no_case_for_now_links_nothing(qtbot, window, two_cases, monkeypatch, new_pdf):
    dialog = _choose(qtbot, window, monkeypatch, [new_pdf])
    dialog.none_radio.setChecked(True)
    assert not dialog.case_combo.isEnabled() and not dialog.reference_edit.isEnabled()
    click_button(qtbot, dialog, "Import")
    _finish(qtbot, window)
    assert read(two_cases.path, lambda s: len(s.documents())) == 3
    assert read(two_cases.path, lambda s: [len(s.case_documents(c.id))
                                           for c in s.list_cases()]) == [2, 0]
