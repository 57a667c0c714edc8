"""Typing into a choice field picks the option its label or keyword names; text that matches
nothing is flagged and kept, never thrown away. Exclusive options ("None") of a multi field
cannot be ticked beside another."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from schema.codebook_loader import parse_codebook
from schema.codebook_model import match_option
from tests.gui.input_helpers import host, type_into


@pytest.fixture
def method(codebook):
    return codebook.field("incident.method")


@pytest.mark.parametrize("typed, key", [
    ("Shooting", "shooting"),
    ("shooting", "shooting"),
    ("knife", "sharp_instrument"),        # a keyword
    ("Stab wound", "sharp_instrument"),   # a keyword, other case
    ("strang", "strangulation"),          # part of one label only
    ("drown", "drowning"),
])
def test_typed_label_or_keyword_selects_the_option(qtbot, method, typed, key):
    widget = host(qtbot, method)
    combo = widget.editor.focus_widget()
    type_into(qtbot, combo.lineEdit(), typed, finish="tab")
    assert widget.committed == [key]
    assert not combo.lineEdit().hasFocus()
    assert combo.currentText() == method.option_label(key)
    assert widget.editor.problem is None


def test_text_matching_nothing_is_flagged_and_kept(qtbot, method):
    widget = host(qtbot, method, saved="blunt_instrument")
    combo = widget.editor.focus_widget()
    type_into(qtbot, combo.lineEdit(), "crossbow", finish="tab")
    assert widget.committed == []
    assert combo.currentText() == "crossbow"
    problem = widget.editor.problem
    assert "'crossbow' matches no option" in problem and "Blunt instrument" in problem
    assert widget.editor.message.isVisible()
    assert widget.editor.value() == "blunt_instrument"


def test_ambiguous_text_names_the_options_it_could_be(qtbot, method):
    widget = host(qtbot, method)
    type_into(qtbot, widget.editor.focus_widget().lineEdit(), "instrument", finish="tab")
    assert widget.committed == []
    assert "Sharp instrument" in widget.editor.problem
    assert "Blunt instrument" in widget.editor.problem


def test_choosing_from_the_list_clears_the_flag(qtbot, method):
    widget = host(qtbot, method)
    combo = widget.editor.focus_widget()
    type_into(qtbot, combo.lineEdit(), "crossbow", finish="tab")
    index = combo.findData("other")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert widget.committed == ["other"]
    assert widget.editor.problem is None


def test_escape_puts_the_saved_option_back(qtbot, method):
    widget = host(qtbot, method, saved="burning")
    line = widget.editor.focus_widget().lineEdit()
    type_into(qtbot, line, "crossbow")
    assert widget.editor.problem is not None
    qtbot.keyClick(line, Qt.Key.Key_Escape)
    assert line.text() == "Burning" and widget.editor.problem is None


def test_match_option_rules(method):
    assert match_option(method, "  KNIFE ")[0].key == "sharp_instrument"
    assert match_option(method, "other")[0].key == "other"  # exact label beats "Other" parts
    none, candidates = match_option(method, "instrument")
    assert none is None and {o.key for o in candidates} == {"sharp_instrument",
                                                           "blunt_instrument"}
    assert match_option(method, "zzz") == (None, [])
    assert match_option(method, "") == (None, [])


@pytest.fixture
def characteristics(codebook):
    return codebook.field("relationship.characteristics")


def _box(editor, key):
    return next(b for b in editor._boxes if b.property("option_key") == key)


def _tick(qtbot, box) -> None:
    """Click the box's tick square, as a person does."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def test_none_cannot_be_ticked_beside_others(qtbot, characteristics):
    widget = host(qtbot, characteristics, saved=["stalking"])
    none = _box(widget.editor, "none")
    assert none.font().italic()
    _tick(qtbot, none)
    assert not none.isChecked()
    assert widget.committed == []
    assert "untick Stalking first" in widget.editor.problem
    assert widget.editor.value() == ["stalking"]


def test_others_cannot_be_ticked_beside_none(qtbot, characteristics):
    widget = host(qtbot, characteristics, saved=["none"])
    stalking = _box(widget.editor, "stalking")
    _tick(qtbot, stalking)
    assert not stalking.isChecked() and widget.committed == []
    assert "untick 'None' first" in widget.editor.problem


def test_none_alone_is_saved_and_then_others_after_unticking_it(qtbot, characteristics):
    widget = host(qtbot, characteristics)
    none = _box(widget.editor, "none")
    _tick(qtbot, none)
    _tick(qtbot, none)
    _tick(qtbot, _box(widget.editor, "stalking"))
    assert widget.committed == [["none"], None, ["stalking"]]
    assert widget.editor.problem is None


def test_a_saved_clash_from_before_is_shown_and_flagged(qtbot, characteristics):
    widget = host(qtbot, characteristics, saved=["stalking", "none"])
    assert _box(widget.editor, "none").isChecked()
    assert "together with other options" in widget.editor.problem


def test_several_exclusive_options_exclude_each_other(qtbot):
    book = parse_codebook("""\
id: t
version: "1"
sections:
  - key: s
    fields:
      - key: m
        type: multi
        options:
          - {key: a, label: A}
          - {key: none, label: None, exclusive: true}
          - {key: unknown, label: Not known, exclusive: true}
""")
    widget = host(qtbot, book.field("s.m"), saved=["none"])
    _tick(qtbot, _box(widget.editor, "unknown"))
    assert widget.committed == []
    assert "'Not known' goes on its own; untick None first" in widget.editor.problem
