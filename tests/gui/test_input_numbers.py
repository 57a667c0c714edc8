"""Numbers and ages outside their range are refused at the field with a message that names
what was typed; the saved answer stays, and good numbers save as before."""

from __future__ import annotations

import pytest

from tests.gui.input_helpers import host, type_into


@pytest.fixture
def year(codebook):
    return codebook.field("review.publication_year")  # 1990 to 2100


@pytest.fixture
def age(codebook):
    return codebook.field("victims.age")


@pytest.mark.parametrize("finish", ["return", "tab"])
def test_a_number_in_range_is_saved(qtbot, year, finish):
    widget = host(qtbot, year)
    type_into(qtbot, widget.editor.focus_widget(), "2019", finish=finish)
    assert widget.committed == [2019]
    assert widget.editor.problem is None


@pytest.mark.parametrize("typed, words", [
    ("2150", "2150 is above the highest allowed, 2100"),
    ("1989", "1989 is below the lowest allowed, 1990"),  # one below: the blank marker
    ("21", "21 is below the lowest allowed, 1990"),
    ("20x1", "'20x1' is not a whole number"),
    ("2019.5", "'2019.5' is not a whole number"),
])
def test_a_number_out_of_range_is_refused_with_a_message(qtbot, year, typed, words):
    widget = host(qtbot, year, saved=2018)
    spin = widget.editor.focus_widget()
    type_into(qtbot, spin, typed, finish="tab")
    assert widget.committed == []
    problem = widget.editor.problem
    assert problem is not None and words in problem
    assert "from 1990 to 2100" in problem and "saved answer 2018 is kept" in problem
    assert widget.editor.value() == 2018 and spin.text() == "2018"


def test_a_refusal_when_nothing_was_saved_leaves_the_field_empty(qtbot, year):
    widget = host(qtbot, year)
    spin = widget.editor.focus_widget()
    type_into(qtbot, spin, "3000")
    assert widget.committed == [] and widget.editor.value() is None
    assert "field stays empty" in widget.editor.problem


def test_the_message_goes_once_a_good_number_is_typed(qtbot, year):
    widget = host(qtbot, year, saved=2018)
    spin = widget.editor.focus_widget()
    type_into(qtbot, spin, "3000")
    type_into(qtbot, spin, "2018")  # the same as the saved answer: nothing new to save
    assert widget.committed == [] and widget.editor.problem is None
    type_into(qtbot, spin, "2020")
    assert widget.committed == [2020]


def test_an_age_over_120_is_refused(qtbot, age):
    widget = host(qtbot, age, saved=34)
    years = widget.editor.focus_widget()
    type_into(qtbot, years, "130", finish="tab")
    assert widget.committed == [] and widget.editor.value() == 34
    assert "130 is above the highest allowed, 120 (whole years from 0 to 120)" in \
        widget.editor.problem


def test_a_negative_age_is_refused_not_taken_for_empty(qtbot, age):
    widget = host(qtbot, age, saved="25_34")
    type_into(qtbot, widget.editor.focus_widget(), "-1")
    assert widget.committed == [] and widget.editor.value() == "25_34"
    assert "-1 is below the lowest allowed, 0" in widget.editor.problem
    assert "'25-34' is kept" in widget.editor.problem


def test_emptying_a_number_clears_it(qtbot, year):
    widget = host(qtbot, year, saved=2018)
    type_into(qtbot, widget.editor.focus_widget(), "")
    assert widget.committed == [None] and widget.editor.problem is None
