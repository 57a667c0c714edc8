"""The REDCap data dictionary of a codebook: instruments, variables and their 18 cells.

Each section becomes an instrument of the same name (a repeating section a repeating
instrument), after a first instrument, `casecoder_case`, that holds the record id and what
the project knows of the case itself. Field types map as follows:

- choice -> radio; multi -> checkbox (options marked exclusive get REDCap's
  @NONEOFTHEABOVE action tag); boolean -> yesno; long text -> notes; text -> text;
- number -> text with integer validation and the field's min and max (number validation
  when a coded answer has a fraction, which integer validation would refuse);
- date -> text with date_ymd validation, unless a coded answer is a partial date (a year, or
  a year and month): then plain text holding YYYY, YYYY-MM or YYYY-MM-DD, which still sorts
  in time order;
- age -> text: whole years, or the key of an age band, as the field note says.

The Field Annotation of every variable starts `casecoder:` and the field's Casecoder key, so
each REDCap variable can be traced back whatever name it was given.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from exports.redcap.names import NameBook, form_names, option_codes, variable_name
from exports.redcap.spec import COLUMNS, RECORD_ID
from schema.codebook_model import Codebook, Field, Option
from schema.counting import STATUS_WORDS
from schema.records import CASE_STATUSES, CODING_KINDS

CASE_FORM = "casecoder_case"
ANNOTATION_PREFIX = "casecoder:"
_REDCAP_TYPES = {"choice": "radio", "multi": "checkbox", "boolean": "yesno",
                 "long_text": "notes"}


@dataclass(frozen=True)
class DataFacts:
    """What the coded answers say about how a field must be declared."""

    fractional_numbers: frozenset[str] = frozenset()
    """Number fields (section.key) with an answer that is not a whole number."""
    partial_dates: frozenset[str] = frozenset()
    """Date fields with an answer that gives only a year, or a year and a month."""


@dataclass(frozen=True)
class Variable:
    """One row of the dictionary: a REDCap variable and the Casecoder value it holds."""

    name: str
    form: str
    path: str
    cells: dict[str, str]
    codes: dict[str, str] = field(default_factory=dict)
    spec: Field | None = None

    @property
    def redcap_type(self) -> str:
        return self.cells["Field Type"]

    def row(self) -> list[str]:
        return [self.cells.get(column, "") for column in COLUMNS]


@dataclass(frozen=True)
class Instrument:
    name: str
    section: str | None
    """The codebook section it holds; None for the case instrument."""
    repeat: bool = False


@dataclass(frozen=True)
class Layout:
    """The whole dictionary, in order."""

    instruments: tuple[Instrument, ...]
    variables: tuple[Variable, ...]

    def rows(self) -> list[list[str]]:
        return [list(COLUMNS)] + [v.row() for v in self.variables]

    def of_form(self, form: str) -> list[Variable]:
        return [v for v in self.variables if v.form == form]

    def repeating(self) -> list[Instrument]:
        return [i for i in self.instruments if i.repeat]


def build_layout(book: Codebook, facts: DataFacts | None = None) -> Layout:
    """The dictionary of a codebook (and, for dates and numbers, of the coded answers)."""
    facts = facts or DataFacts()
    forms = form_names([s.key for s in book.sections], taken={CASE_FORM})
    case_variables = _case_variables(book)
    taken = {v.name for v in case_variables} | {f"{f}_complete" for f in (CASE_FORM,
                                                                          *forms.values())}
    names = NameBook(taken)
    variables = list(case_variables)
    for section in book.sections:
        form = forms[section.key]
        for index, spec in enumerate(section.fields):
            name = variable_name(names, form, spec.path)
            header = section.label if index == 0 and section.label != form_label(form) else ""
            variables.append(_field_variable(spec, name, form, header, facts))
    instruments = [Instrument(CASE_FORM, None)] + [
        Instrument(forms[s.key], s.key, s.repeat) for s in book.sections]
    return Layout(tuple(instruments), tuple(variables))


def form_label(form: str) -> str:
    """The label REDCap shows for an instrument name: `good_practice` -> "Good practice"."""
    return form.replace("_", " ").capitalize()


def choices_cell(options: tuple[Option, ...] | list[Option], codes: dict[str, str]) -> str:
    """`code, label | code, label`; a | or line break in a label would split it, so it goes."""
    return " | ".join(f"{codes[o.key]}, {_plain(o.label).replace('|', '/')}" for o in options)


def number_text(value: float | int | None) -> str:
    """A min, max or answer as REDCap reads it: 1990, not 1990.0."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _field_variable(spec: Field, name: str, form: str, header: str,
                    facts: DataFacts) -> Variable:
    codes = option_codes([o.key for o in spec.options]) if spec.type in ("choice",
                                                                         "multi") else {}
    cells = {"Variable / Field Name": name, "Form Name": form, "Section Header": header,
             "Field Type": _REDCAP_TYPES.get(spec.type, "text"), "Field Label": _plain(
                 spec.label), "Field Note": _plain(spec.help),
             "Field Annotation": _annotation(spec, codes)}
    if codes:
        cells["Choices, Calculations, OR Slider Labels"] = choices_cell(spec.options, codes)
    if spec.type == "number":
        fractional = spec.path in facts.fractional_numbers
        cells["Text Validation Type OR Show Slider Number"] = "number" if fractional \
            else "integer"
        cells["Text Validation Min"] = number_text(spec.minimum)
        cells["Text Validation Max"] = number_text(spec.maximum)
    elif spec.type == "date" and spec.path not in facts.partial_dates:
        cells["Text Validation Type OR Show Slider Number"] = "date_ymd"
    elif spec.type == "age":
        cells["Field Note"] = _age_note(spec)
    return Variable(name, form, spec.path, cells, codes, spec)


def _annotation(spec: Field, codes: dict[str, str]) -> str:
    text = f"{ANNOTATION_PREFIX}{spec.path}"
    alone = [codes[o.key] for o in spec.options if o.exclusive]
    if spec.type == "multi" and alone:
        text += f" @NONEOFTHEABOVE='{','.join(alone)}'"
    return text


def _age_note(spec: Field) -> str:
    bands = ", ".join(f"{o.key} ({o.label})" for o in spec.options)
    note = "Whole years (0-120)" + (f", or an age band: {bands}" if bands else "")
    return f"{_plain(spec.help)} {note}".strip()


def _plain(text: str) -> str:
    return " ".join(text.split())


def _case_variables(book: Codebook) -> list[Variable]:
    """The case instrument: the record id first, then the case's own columns."""
    statuses = [Option(s, STATUS_WORDS[s].capitalize()) for s in CASE_STATUSES]
    kinds = [Option(k, k.capitalize()) for k in CODING_KINDS]
    specs = [
        (RECORD_ID, "Record ID (the Casecoder case id)", "id", None, ""),
        ("case_reference", "Case reference", "reference", None, ""),
        ("case_title", "Title", "title", None, ""),
        ("case_review_type", "Review type", "review_type", book.review_types or None, ""),
        ("case_category", "Category", "category", book.categories or None, ""),
        ("case_site", "Site (borough)", "site", None, ""),
        ("case_publication_year", "Year published", "publication_year", None, "integer"),
        ("case_status", "Case status", "status", statuses, ""),
        ("case_coding", "Coding exported", "coding", kinds, ""),
        ("case_coder", "Coder of the coding exported", "coder", None, ""),
    ]
    variables = []
    for name, label, column, options, validation in specs:
        codes = option_codes([o.key for o in options]) if options else {}
        cells = {"Variable / Field Name": name, "Form Name": CASE_FORM,
                 "Field Type": "radio" if options else "text", "Field Label": label,
                 "Text Validation Type OR Show Slider Number": validation,
                 "Field Annotation": f"{ANNOTATION_PREFIX}case.{column}"}
        if options:
            cells["Choices, Calculations, OR Slider Labels"] = choices_cell(options, codes)
        variables.append(Variable(name, CASE_FORM, f"case.{column}", cells, codes))
    return variables
