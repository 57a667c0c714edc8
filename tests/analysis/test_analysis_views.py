"""The analysis windows in the app: a matrix click opens the case at the field; the timeline
shows the case's events."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from desktop.analysis.matrix_view import MatrixWindow
from desktop.analysis.timeline_view import CATEGORY, TimelineWindow
from desktop.settings import AppSettings
from tests.gui.helpers import open_window, wait_dialog


@pytest.fixture
def window(qtbot, demo, tmp_path):
    copy = tmp_path / "demo.casecoder"
    shutil.copyfile(demo, copy)
    shown = open_window(qtbot, AppSettings(tmp_path / "settings.ini"))
    shown.open_project(copy)
    qtbot.waitUntil(lambda: shown.workspace is not None
                    and shown.workspace.current is not None, timeout=15000)
    yield shown
    shown.close_project()


def _matrix(qtbot, window) -> MatrixWindow:
    window.actions.features["matrix"].trigger()
    dialog = wait_dialog(qtbot, window, MatrixWindow)
    qtbot.waitUntil(lambda: dialog.task is None and dialog.model.rowCount() > 0,
                    timeout=10000)
    return dialog


def test_a_matrix_click_opens_the_case_at_that_field(qtbot, window):
    assert window.workspace.current.case.reference != "DHR-2022-01"
    dialog = _matrix(qtbot, window)
    for row in range(dialog.sections.count()):  # show the events only
        item = dialog.sections.item(row)
        item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole)
                           == "events" else Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: dialog.task is None and dialog.matrix.sections == ("events",),
                    timeout=10000)
    model = dialog.model
    column = 5 + dialog.matrix.column_index("events.description")
    row = next(r for r in range(model.rowCount())
               if model.row_at(model.index(r, 0)).reference == "DHR-2022-01"
               and model.row_at(model.index(r, 0)).item == 1)
    index = model.index(row, column)
    assert index.data() == "Neighbour calls police; television broken; DASH graded standard."
    dialog.table.scrollTo(index)
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=dialog.table.visualRect(index).center())
    expected = model.row_at(index).entities["events"]
    qtbot.waitUntil(lambda: window.form.focused_field() == (expected, "description"),
                    timeout=10000)
    assert window.workspace.current.case.reference == "DHR-2022-01"
    editor = window.form.row_for(expected, "description").editor.focus_widget()
    assert editor.hasFocus() or window.form.isAncestorOf(editor)


def test_the_matrix_sorts_and_filters_whole_cases(qtbot, window):
    dialog = _matrix(qtbot, window)
    model = dialog.model
    references = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert references == sorted(references)  # opens in reference order
    dialog.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    after = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert after == sorted(references, reverse=True)
    marked = [model.index(r, c) for r in range(model.rowCount())
              for c in range(5, model.columnCount())
              if model.index(r, c).data(Qt.ItemDataRole.UserRole) == "not_reported"]
    assert marked and marked[0].data(Qt.ItemDataRole.FontRole).italic()
    dialog.filter.setText("Rosa")
    shown = {model.index(r, 0).data() for r in range(model.rowCount())}
    assert shown == {"DHR-2022-01"}
    assert dialog.status.text().startswith("1 of 4 cases")


def test_the_timeline_window_shows_the_case_events(qtbot, window):
    window.panel.select_case(next(c.id for c in window.workspace.overview.cases
                                  if c.reference == "DHR-2022-01"))
    qtbot.waitUntil(lambda: window.workspace.current.case.reference == "DHR-2022-01",
                    timeout=10000)
    window.actions.features["timeline"].trigger()
    dialog = wait_dialog(qtbot, window, TimelineWindow)
    qtbot.waitUntil(lambda: dialog.picture is not None, timeout=10000)
    labels = dialog.picture.labels()
    assert "5. Escalation" in labels
    assert any(text.startswith("November 2019 · stage 5") for text in labels)
    assert dialog.status.text() == "3 escalation events coded."
    assert dialog.view.width() > 800
    image = dialog.view.grab().toImage()
    assert image.pixelColor(image.width() // 2, image.height() // 2).isValid()
    dialog.mode.setCurrentText(CATEGORY)
    qtbot.waitUntil(lambda: dialog.picture is not None and dialog.picture.title ==
                    "Intimate partner violence", timeout=10000)
    assert "DHR-2022-01" in dialog.picture.labels()
