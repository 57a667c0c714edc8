"""Typing dates in the coding form: the forms people write are saved at their precision and
shown in words; anything else is refused at the field with a message, keeping the answer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.gui.input_helpers import host, type_into


@pytest.fixture
def date_field(codebook):
    return codebook.field("incident.date")


@pytest.mark.parametrize("typed, stored, shown", [
    ("2021", "2021", "2021"),
    ("Aug 2021", "2021-08", "August 2021"),
    ("August 2021", "2021-08", "August 2021"),
    ("08/2021", "2021-08", "August 2021"),
    ("3/8/2021", "2021-08-03", "3 August 2021"),
    ("3 August 2021", "2021-08-03", "3 August 2021"),
    ("2021-08-03", "2021-08-03", "3 August 2021"),
])
def test_typed_dates_are_saved_at_their_precision(qtbot, date_field, typed, stored, shown):
    widget = host(qtbot, date_field)
    edit = widget.editor.focus_widget()
    type_into(qtbot, edit, typed)
    assert widget.committed == [stored]
    assert edit.text() == shown
    assert widget.editor.problem is None
    assert stored in edit.toolTip()


@pytest.mark.parametrize("typed, words", [
    ("31/2/2021", "February 2021 has no day 31"),
    ("13/13/2021", "no month 13"),
    ("Augst 2021", "did you mean August"),
    ("2021-8", "two digits"),
    ("3/8/21", "four digits"),
    ("last summer", "not a date"),
])
def test_a_bad_date_is_refused_and_the_saved_date_stays(qtbot, date_field, typed, words):
    widget = host(qtbot, date_field, saved="2019-03")
    edit = widget.editor.focus_widget()
    type_into(qtbot, edit, typed, finish="tab")
    assert widget.committed == []
    assert edit.text() == typed  # kept for correcting, not thrown away
    problem = widget.editor.problem
    assert problem is not None and words in problem and "March 2019" in problem
    assert widget.editor.message.isVisible()
    assert widget.editor.value() == "2019-03"


def test_correcting_the_text_saves_it_and_clears_the_message(qtbot, date_field):
    widget = host(qtbot, date_field)
    edit = widget.editor.focus_widget()
    type_into(qtbot, edit, "Augst 2021")
    assert "field stays empty" in widget.editor.problem
    type_into(qtbot, edit, "August 2021")
    assert widget.committed == ["2021-08"]
    assert widget.editor.problem is None and not widget.editor.message.isVisible()


def test_escape_puts_the_saved_date_back(qtbot, date_field):
    widget = host(qtbot, date_field, saved="2021-08-03")
    edit = widget.editor.focus_widget()
    type_into(qtbot, edit, "3/13/2021")
    assert widget.editor.problem is not None
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert edit.text() == "3 August 2021"
    assert widget.editor.problem is None and widget.committed == []


def test_emptying_the_field_clears_the_answer(qtbot, date_field):
    widget = host(qtbot, date_field, saved="2021")
    type_into(qtbot, widget.editor.focus_widget(), "")
    assert widget.committed == [None]


def test_a_stored_date_of_each_precision_reads_back(qtbot, date_field):
    widget = host(qtbot, date_field)
    for stored, shown in (("2016", "2016"), ("2016-05", "May 2016"),
                          ("2016-05-09", "9 May 2016")):
        widget.editor.set_value(stored)
        assert widget.editor.focus_widget().text() == shown
        assert widget.editor.value() == stored
    assert widget.committed == []


def test_an_impossible_stored_date_is_shown_and_flagged(qtbot, date_field):
    widget = host(qtbot, date_field, saved="2016-02-30")
    assert widget.editor.focus_widget().text() == "2016-02-30"
    assert "not a real date" in widget.editor.problem
