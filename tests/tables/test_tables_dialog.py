"""The summary tables dialog: computed off the GUI thread, filters, table chooser, Copy, Save."""

from __future__ import annotations

import csv
import io

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

from desktop.tables.dialog import TablesDialog


def _wait_computed(qtbot, dialog: TablesDialog) -> None:
    qtbot.waitUntil(lambda: dialog.task is None and dialog.status.text() != "Computing…",
                    timeout=10000)


@pytest.fixture
def dialog(qtbot, seed_project, store_thread_for) -> TablesDialog:
    shown = TablesDialog(store_thread_for(seed_project, readonly=True))
    qtbot.addWidget(shown)
    shown.show()
    _wait_computed(qtbot, shown)
    return shown


def _cell(dialog: TablesDialog, row: int, column: int) -> str:
    model = dialog.view.model()
    return model.data(model.index(row, column))


def test_opens_on_the_first_table_with_filters_from_the_project(dialog):
    assert dialog.status.text() == "6 tables from 64 cases marked coded or checked."
    assert [dialog.chooser.itemText(i) for i in range(dialog.chooser.count())][0] == \
        "Victim characteristics"
    assert [dialog.site.itemText(i) for i in range(dialog.site.count())] == \
        ["Any", "Croydon", "Lambeth"]
    model = dialog.view.model()
    assert model.columnCount() == 7 and model.rowCount() == 4
    assert _cell(dialog, 0, 0) == "Gender" and _cell(dialog, 0, 2) == "15 female, 2 male"
    assert "N = 64 cases" in dialog.footnotes.text()
    assert "Counted: cases marked coded or checked (56 coded, 8 checked)." in \
        dialog.footnotes.text()


def test_choosing_another_table_shows_it(dialog):
    dialog.chooser.setCurrentIndex(dialog.chooser.findData("escalation"))
    assert dialog.view.summary.table().key == "escalation"
    assert _cell(dialog, 0, 1) == "✓"


def test_filters_recompute_in_the_background(qtbot, dialog):
    dialog.chooser.setCurrentIndex(dialog.chooser.findData("relationship"))
    dialog.site.setCurrentText("Croydon")
    _wait_computed(qtbot, dialog)
    assert dialog.status.text() == "6 tables from 12 cases marked coded or checked."
    assert dialog.view.summary.table().key == "relationship"  # the chosen table stays
    assert "Filters: site Croydon." in dialog.footnotes.text()
    dialog.review_type.setCurrentText("SAR")
    dialog.year_from.setCurrentText("2017")
    dialog.year_to.setCurrentText("2018")
    _wait_computed(qtbot, dialog)
    assert "no case matches the filters" in dialog.status.text()
    assert dialog.view.model().rowCount() == 0
    assert not dialog.copy_button.isEnabled() and not dialog.save_button.isEnabled()


def test_suppression_from_the_dialog(qtbot, dialog):
    dialog.suppress.setValue(5)
    _wait_computed(qtbot, dialog)
    assert _cell(dialog, 0, 3) == "* female, <5 male"


def test_copy_puts_the_table_on_the_clipboard_as_tab_separated_text(dialog):
    dialog.copy_button.click()
    rows = list(csv.reader(io.StringIO(QGuiApplication.clipboard().text()), delimiter="\t"))
    assert rows[0][1] == "Youth peer violence (8 reviews)"
    assert rows[1][:2] == ["Gender", "Homicide: 4 male, 1 female; Suicide: 3 female"]
    assert rows[4][4].splitlines()[0] == "Chronic illness or long-term condition (3)"
    assert "Copied" in dialog.status.text()


def test_save_files_writes_the_ticked_formats(qtbot, dialog, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *args, **kwargs: str(tmp_path)))
    dialog.format_boxes["csv"].setChecked(False)
    dialog.format_boxes["xlsx"].setChecked(False)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Wrote"), timeout=15000)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["summary_tables.html",
                                                         "summary_tables.pdf"]


def test_save_with_no_format_ticked_asks_for_one(dialog, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("no folder should be asked for")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(refuse))
    for box in dialog.format_boxes.values():
        box.setChecked(False)
    dialog.save_button.click()
    assert "Tick at least one format" in dialog.status.text()


def test_empty_project_says_so(qtbot, project_path, store_thread_for):
    shown = TablesDialog(store_thread_for(project_path))
    qtbot.addWidget(shown)
    _wait_computed(qtbot, shown)
    assert "the project has no cases yet" in shown.status.text()
    assert not shown.copy_button.isEnabled()


def test_include_in_progress_counts_those_cases_too(qtbot, project_path, store_thread_for):
    from desktop.cli.common import open_store

    store = open_store(project_path)
    for reference, status in (("DHR-1", "coded"), ("DHR-2", "in_progress"),
                              ("DHR-3", "not_started")):
        case = store.create_case(reference, "DHR", category="intimate_partner")
        store.set_answer(store.add_entity(store.add_coding(case.id).id, "victims").id,
                         "gender", "female")
        store.set_case_status(case.id, status)
    store.close()
    shown = TablesDialog(store_thread_for(project_path))
    qtbot.addWidget(shown)
    _wait_computed(qtbot, shown)
    assert shown.status.text() == "6 tables from 1 case marked coded or checked."
    shown.in_progress.setChecked(True)
    _wait_computed(qtbot, shown)
    assert shown.status.text() == ("6 tables from 2 cases marked coded, checked or in "
                                   "progress.")
    assert "(1 coded, 0 checked, 1 in progress). Not counted, for their status: 1 not " \
           "started." in shown.footnotes.text()
