"""Suggestions in the window: shown beside their field after the case opens, accepted as one
undoable step (cited and ticked), dismissed for good, and never ticked without a click."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.settings import AppSettings
from tests.gui.helpers import open_window, wait_idle
from tests.suggestions.planted import open_planted, planted_project

LEFT = Qt.MouseButton.LeftButton


def _open(qtbot, tmp_path, path):
    window = open_window(qtbot, AppSettings(tmp_path / "settings.ini"))
    window.open_project(path)
    qtbot.waitUntil(lambda: window.workspace is not None
                    and window.workspace.current is not None, timeout=10000)
    return window


def _row(qtbot, window, field):
    snapshot = window.workspace.current.snapshot
    entity = snapshot.section_entities("incident")[0].id
    row = window.form.row_for(entity, field)
    qtbot.waitUntil(lambda: row.suggested.isVisible(), timeout=10000)
    return entity, row


def _stored(path, entity, field):
    store = open_planted(path)
    try:
        answer = store.answer(entity, field)
        return (answer.value if answer else None), store.evidence_for(entity, field)
    finally:
        store.close()


def _popup(qtbot, row):
    qtbot.mouseClick(row.suggested, LEFT)
    popup = row.suggested.popup
    qtbot.waitUntil(popup.isVisible)
    return popup


def test_accept_cites_and_ticks_and_one_undo_takes_both_back(qtbot, tmp_path):
    path, _case = planted_project(tmp_path)
    window = _open(qtbot, tmp_path, path)
    entity, row = _row(qtbot, window, "method")
    wait_idle(qtbot, window)
    assert _stored(path, entity, "method") == (None, [])  # offered, not ticked
    assert row.suggested.text() == "✦ 1 suggested"
    popup = _popup(qtbot, row)
    [entry] = popup.entries
    assert "Sharp instrument" in entry.findChildren(type(popup.heading))[0].text()
    qtbot.mouseClick(entry.accept, LEFT)
    wait_idle(qtbot, window)
    value, evidence = _stored(path, entity, "method")
    assert value == "sharp"
    assert [(e.page, e.paragraph) for e in evidence] == [(1, "4.1")]
    assert evidence[0].quote.startswith("Her partner had stabbed her")
    qtbot.waitUntil(lambda: row.value() == "sharp" and not row.suggested.isVisible())
    window.actions.undo.trigger()
    wait_idle(qtbot, window)
    assert _stored(path, entity, "method") == (None, [])
    qtbot.waitUntil(lambda: row.value() is None and row.suggested.isVisible())
    window.actions.redo.trigger()
    wait_idle(qtbot, window)
    assert _stored(path, entity, "method")[0] == "sharp"


def test_accepting_in_a_multi_field_adds_the_option(qtbot, tmp_path):
    path, _case = planted_project(tmp_path)
    window = _open(qtbot, tmp_path, path)
    entity, row = _row(qtbot, window, "features")
    assert row.suggested.text() == "✦ 3 suggested"
    popup = _popup(qtbot, row)
    qtbot.mouseClick(popup.entries[1].accept, LEFT)  # organization
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: row.suggested.text() == "✦ 2 suggested")
    qtbot.mouseClick(_popup(qtbot, row).entries[0].accept, LEFT)  # controlling behavior
    wait_idle(qtbot, window)
    value, evidence = _stored(path, entity, "features")
    assert value == ["control", "organisation"]
    assert len(evidence) == 1  # both came from one sentence, which is cited once
    window.actions.undo.trigger()
    wait_idle(qtbot, window)
    assert _stored(path, entity, "features")[0] == ["organisation"]
    assert len(_stored(path, entity, "features")[1]) == 1


def test_a_dismissed_suggestion_stays_dismissed_after_reopening(qtbot, tmp_path):
    path, _case = planted_project(tmp_path)
    window = _open(qtbot, tmp_path, path)
    entity, row = _row(qtbot, window, "features")
    popup = _popup(qtbot, row)
    qtbot.mouseClick(popup.entries[0].dismiss, LEFT)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: row.suggested.text() == "✦ 2 suggested")
    assert _stored(path, entity, "features") == (None, [])  # a dismissal ticks nothing
    window.close_project()
    window = _open(qtbot, tmp_path, path)
    entity, row = _row(qtbot, window, "features")
    wait_idle(qtbot, window)
    assert row.suggested.text() == "✦ 2 suggested"
    keywords = [s.keyword for s in row.suggested.items]
    assert "controlling behavior" not in keywords


def test_show_opens_the_page_with_the_passage_marked(qtbot, tmp_path):
    path, _case = planted_project(tmp_path)
    window = _open(qtbot, tmp_path, path)
    _entity, row = _row(qtbot, window, "method")
    popup = _popup(qtbot, row)
    qtbot.mouseClick(popup.entries[0].view, LEFT)
    qtbot.waitUntil(lambda: window.viewer.current_highlight() is not None, timeout=5000)
    assert window.viewer.current_page() == 1
