"""The editor for each codebook field type, chosen by `make_editor`."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from schema.codebook_model import Field
from widgets.coding_form.choice_editors import BooleanEditor, ChoiceEditor, MultiEditor
from widgets.coding_form.editor_base import FieldEditor
from widgets.coding_form.number_editors import AgeEditor, NumberEditor
from widgets.coding_form.text_editors import DateEditor, LongTextEditor, TextEditor

EDITORS: dict[str, type[FieldEditor]] = {
    "choice": ChoiceEditor,
    "multi": MultiEditor,
    "number": NumberEditor,
    "age": AgeEditor,
    "date": DateEditor,
    "text": TextEditor,
    "long_text": LongTextEditor,
    "boolean": BooleanEditor,
}

__all__ = ["EDITORS", "FieldEditor", "make_editor"]


def make_editor(field: Field, parent: QWidget | None = None) -> FieldEditor:
    """A new editor for the field's type (the codebook loader has already checked the type)."""
    return EDITORS[field.type](field, parent)
