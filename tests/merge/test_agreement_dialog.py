"""The agreement dialog: option rows under a multi-choice field, the disagreeing cases of a
selected row, and a click that opens the case at that field in the main window."""

from __future__ import annotations

import pytest

from desktop.merge.agreement_dialog import show_agreement_dialog
from desktop.settings import AppSettings
from tests.gui.helpers import LEFT, open_window, wait_idle
from tests.merge.agreement_region import two_site_region


@pytest.fixture
def window(qtbot, tmp_path, codebook):
    window = open_window(qtbot, AppSettings(tmp_path / "settings.ini"))
    window.open_project(two_site_region(tmp_path, codebook))
    qtbot.waitUntil(lambda: window.workspace is not None
                    and window.workspace.current is not None, timeout=15000)
    wait_idle(qtbot, window)
    return window


def _dialog(qtbot, window):
    dialog = show_agreement_dialog(window, window.workspace.store_thread)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    return dialog


def _cell(view, row: int, column: int):
    rect = view.visualRect(view.model().index(row, column))
    return rect.center()


def test_option_rows_sit_indented_under_their_field(qtbot, window):
    dialog = _dialog(qtbot, window)
    keys = dialog.row_keys
    at = keys.index(("victims.characteristics", ""))
    assert keys[at + 1][0] == "victims.characteristics" and keys[at + 1][1]
    row = keys.index(("victims.characteristics", "mental_health"))
    assert dialog.table.item(row, 0).text() == "      Mental health difficulties"
    assert dialog.table.item(row, 1).text() == "victims.characteristics = mental_health"
    assert dialog.table.item(row, 4).text() == "67%"  # agree on 2 of 3 cases
    dialog.close()


def test_selecting_a_row_lists_the_cases_where_the_codings_differ(qtbot, window):
    dialog = _dialog(qtbot, window)
    assert dialog.select_row("victims.characteristics", "mental_health")
    view = dialog.disagreements
    assert view.rowCount() == 1
    assert [view.item(0, c).text() for c in range(view.columnCount())] == [
        "DHR-2", "Victim 1", "not ticked", "ticked"]
    assert "1 unit(s)" in dialog.details_label.text()
    assert dialog.select_row("victims.gender")
    assert view.item(0, 0).text() == "DHR-1"
    assert not dialog.select_row("incident.location")  # no units: hidden by default
    dialog.close()


def test_a_click_on_a_coders_cell_opens_that_coding_at_the_field(qtbot, window):
    dialog = _dialog(qtbot, window)
    assert dialog.select_row("victims.gender")
    view = dialog.disagreements
    column = 2 + view.coders.index("B. Coder (Southwark)")
    qtbot.mouseClick(view.viewport(), LEFT, pos=_cell(view, 0, column))
    workspace = window.workspace
    qtbot.waitUntil(lambda: workspace.current.case.reference == "DHR-1"
                    and workspace.current.coding.coder == "B. Coder", timeout=10000)
    victim = workspace.current.snapshot.section_entities("victims")[0]
    qtbot.waitUntil(lambda: window.form.focused_field() == (victim.id, "gender"),
                    timeout=5000)
    dialog.close()
