"""A Casecoder codebook from a REDCap data dictionary (`codebook from-redcap`).

Each instrument becomes a section of the same key; REDCap does not say in the dictionary
which instruments repeat, so the caller names them. The first variable names the record and
is left out, as are the variables of a Casecoder case instrument (their review-type and
category choices become the codebook's lists). Types map back as the export maps them
(radio -> choice, checkbox -> multi, yesno -> boolean, notes -> long text, text with integer
validation -> number, text with date validation -> date). What a codebook cannot hold is
simplified, and each simplification is reported on a line of its own: a dropdown shown as
radio buttons, branching logic, required flags, matrix groups, other action tags, and fields
that hold no answer (descriptive text, calculations, files) left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from exports.redcap.dictionary import ANNOTATION_PREFIX, CASE_FORM, build_layout, form_label
from exports.redcap.dictionary_reader import DictionaryRow, read_dictionary, where
from exports.redcap.spec import (
    ANNOTATION,
    CHOICES,
    FORM,
    HEADER,
    LABEL,
    MAX,
    MIN,
    NAME,
    NOTE,
    TYPE,
    VALIDATION,
    RedcapError,
)
from schema.codebook_loader import parse_codebook
from schema.codebook_model import Codebook

_MARKER = re.compile(re.escape(ANNOTATION_PREFIX) + r"(?P<section>[^\s.]+)\.(?P<key>\S+)")
_NONE_OF_THE_ABOVE = re.compile(r"@NONEOFTHEABOVE\s*=\s*(?:'([^']*)'|\"([^\"]*)\"|(\S+))")
_CHOICE_TYPES = {"radio": "choice", "dropdown": "choice", "checkbox": "multi"}
_SKIPPED = {"descriptive": "descriptive text, not a question",
            "calc": "a calculation REDCap works out", "file": "a file upload",
            "sql": "a choice list read from another REDCap project"}
_IGNORED = {"Identifier?": "the identifier flag", "Required Field?": "the required flag",
            "Branching Logic (Show field only if...)": "its branching logic",
            "Custom Alignment": "its custom alignment",
            "Question Number (surveys only)": "its survey question number",
            "Matrix Group Name": "its matrix group", "Matrix Ranking?": "matrix ranking"}


@dataclass
class Conversion:
    """The codebook made and, one line each, everything that was simplified."""

    codebook: Codebook
    yaml_text: str
    notes: list[str] = field(default_factory=list)


def convert_dictionary(path: str | Path, *, repeating: list[str] = (), book_id: str = "",
                       title: str = "") -> Conversion:
    """Read a dictionary file and build a codebook that `codebook validate` accepts."""
    path = Path(path)
    rows = read_dictionary(path)
    converter = _Converter(str(path))
    data = converter.codebook(rows, set(repeating), book_id or _book_id(path),
                              title or path.stem)
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    text = f"# Made by 'casecoder codebook from-redcap' from {path.name}.\n{text}"
    book = parse_codebook(text, source=f"codebook made from {path.name}")
    converter.compare_names(rows, book)
    notes = [text for _line, text in sorted(converter.notes, key=lambda note: note[0])]
    return Conversion(book, text, notes)


def _book_id(path: Path) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "redcap"


class _Converter:
    def __init__(self, source: str) -> None:
        self.source = source
        self.notes: list[tuple[int, str]] = []
        self.paths: dict[int, str] = {}  # line -> "section.key" of each field kept

    def note(self, row: DictionaryRow, text: str) -> None:
        self.notes.append((row.line, f"line {row.line}, {row[NAME]}: {text}"))

    def error(self, row: DictionaryRow, column: str, text: str) -> RedcapError:
        return RedcapError(f"{where(self.source, row.line, column)}: {text}")

    def codebook(self, rows: list[DictionaryRow], repeating: set[str], book_id: str,
                 title: str) -> dict:
        data: dict = {"id": book_id, "version": "1", "title": title}
        record, rows = rows[0], rows[1:]
        if _marker(record) != ("case", "id"):
            self.note(record, "names the record in REDCap, so it is not a codebook field")
        case_rows = [r for r in rows if _is_case_row(r)]
        for key, column in (("review_types", "review_type"), ("categories", "category")):
            found = next((r for r in case_rows if _marker(r)[1] == column), None)
            if found is not None and found[CHOICES]:
                data[key] = self.options(found)
        forms = self.forms([r for r in rows if r not in case_rows], record)
        unknown = sorted(repeating - set(forms))
        if unknown:
            raise RedcapError(f"{self.source}: no instrument named {', '.join(unknown)} to "
                              f"repeat; the instruments are {', '.join(forms) or 'none'}")
        data["sections"] = [self.section(form, form_rows, form in repeating)
                            for form, form_rows in forms.items()]
        data["sections"] = [s for s in data["sections"] if s["fields"]]
        if not data["sections"]:
            raise RedcapError(f"{self.source}: no variable can become a codebook field")
        return data

    def forms(self, rows: list[DictionaryRow], record: DictionaryRow
              ) -> dict[str, list[DictionaryRow]]:
        forms: dict[str, list[DictionaryRow]] = {}
        for row in rows:
            forms.setdefault(row[FORM], []).append(row)
        if record[FORM] not in forms and _marker(record) != ("case", "id"):
            self.note(record, f"instrument {record[FORM]} holds nothing else; left out")
        return forms

    def section(self, form: str, rows: list[DictionaryRow], repeat: bool) -> dict:
        label = rows[0][HEADER] or form_label(form)
        section: dict = {"key": form, "label": label}
        if repeat:
            section["repeat"] = True
        keys: set[str] = set()
        fields = []
        for index, row in enumerate(rows):
            if index and row[HEADER]:
                self.note(row, f"section header '{row[HEADER]}' dropped (a section has one "
                               f"heading)")
            made = self.field(row, form, keys)
            if made is not None:
                keys.add(made["key"])
                self.paths[row.line] = f"{form}.{made['key']}"
                fields.append(made)
        if not fields:
            self.note(rows[0], f"instrument {form} has no field a codebook can hold; left out")
        section["fields"] = fields
        return section

    def field(self, row: DictionaryRow, form: str, keys: set[str]) -> dict | None:
        ftype = row[TYPE]
        if ftype in _SKIPPED:
            self.note(row, f"left out: {_SKIPPED[ftype]}")
            return None
        made: dict = {"key": _field_key(row, form, keys), "label": self.label(row),
                      "type": self.field_type(row)}
        if ftype in _CHOICE_TYPES:
            made["options"] = self.options(row)
            self.mark_exclusive(row, made)
        if made["type"] == "number":
            made.update(self.limits(row))
        elif row[MIN] or row[MAX]:
            self.note(row, "validation min/max dropped (only numbers keep them)")
        if row[NOTE]:
            made["help"] = " ".join(row[NOTE].split())
        self.note_ignored(row)
        return made

    def label(self, row: DictionaryRow) -> str:
        label = " ".join(row[LABEL].split())
        if not label:
            self.note(row, "has no label; its name is used")
            return row[NAME]
        if label != row[LABEL]:
            self.note(row, "line breaks in the label became spaces")
        return label

    def field_type(self, row: DictionaryRow) -> str:
        ftype, validation = row[TYPE], row[VALIDATION]
        if ftype == "slider":
            self.note(row, "slider becomes a whole number from 0 to 100")
            return "number"
        if ftype in ("yesno", "truefalse"):
            if ftype == "truefalse":
                self.note(row, "true/false becomes yes/no")
            return "boolean"
        if ftype in _CHOICE_TYPES:
            if ftype == "dropdown":
                self.note(row, "dropdown becomes a choice (radio buttons in REDCap)")
            return _CHOICE_TYPES[ftype]
        if ftype == "notes":
            return "long_text"
        return self.text_type(row, validation)

    def text_type(self, row: DictionaryRow, validation: str) -> str:
        if validation == "integer":
            return "number"
        if validation.startswith("number"):
            self.note(row, f"{validation} validation becomes integer validation on export "
                           f"(number when a coded answer has a fraction)")
            return "number"
        if validation.startswith(("date_", "datetime_")):
            if validation != "date_ymd":
                self.note(row, f"{validation} becomes a date (date_ymd on export"
                               f"{'; the time of day is dropped' if 'time' in validation else ''})")
            return "date"
        if validation:
            self.note(row, f"{validation} validation dropped; plain text")
        return "text"

    def options(self, row: DictionaryRow) -> list[dict]:
        options, seen = [], set()
        for part in row[CHOICES].split("|"):
            if not part.strip():
                continue
            code, comma, label = part.partition(",")
            code = code.strip()
            if not comma or not code:
                raise self.error(row, CHOICES, f"the choice '{part.strip()}' has no code; "
                                               f"write each choice as 'code, label'")
            if code in seen:
                raise self.error(row, CHOICES, f"the choice code '{code}' appears twice")
            seen.add(code)
            options.append({"key": code, "label": " ".join(label.split()) or code})
        if not options:
            raise self.error(row, CHOICES, f"a {row[TYPE]} field needs its choices, written "
                                           f"'code, label | code, label'")
        return options

    def mark_exclusive(self, row: DictionaryRow, made: dict) -> None:
        match = _NONE_OF_THE_ABOVE.search(row[ANNOTATION])
        if match is None:
            return
        if made["type"] != "multi":
            self.note(row, "@NONEOFTHEABOVE dropped (it only applies to checkboxes)")
            return
        codes = {c.strip() for c in next(g for g in match.groups() if g is not None).split(",")}
        for option in made["options"]:
            if option["key"] in codes:
                option["exclusive"] = True
        for code in sorted(codes - {o["key"] for o in made["options"]}):
            self.note(row, f"@NONEOFTHEABOVE names '{code}', which is not a choice; ignored")

    def limits(self, row: DictionaryRow) -> dict:
        limits = {"min": 0, "max": 100} if row[TYPE] == "slider" else {}
        for column, key in ((MIN, "min"), (MAX, "max")):
            if row[column]:
                try:
                    number = float(row[column])
                except ValueError:
                    raise self.error(row, column, f"'{row[column]}' is not a number") from None
                limits[key] = int(number) if number.is_integer() else number
        return limits

    def note_ignored(self, row: DictionaryRow) -> None:
        for column, what in _IGNORED.items():
            if row[column] and row[column].lower() not in ("n", "0"):
                self.note(row, f"{what} dropped ({row[column]})")
        rest = _NONE_OF_THE_ABOVE.sub("", _MARKER.sub("", row[ANNOTATION])).strip()
        if rest:
            self.note(row, f"annotation '{rest}' dropped")

    def compare_names(self, rows: list[DictionaryRow], book: Codebook) -> None:
        """Report the variables and choice codes an export of the codebook would rename."""
        layout = {v.path: v for v in build_layout(book).variables}
        for row in rows:
            variable = layout.get(self.paths.get(row.line, ""))
            if variable is None:
                continue
            if variable.name != row[NAME]:
                self.note(row, f"exports as {variable.name}")
            for key, code in variable.codes.items():
                if key != code:
                    self.note(row, f"choice code '{key}' exports as '{code}'")


def _marker(row: DictionaryRow) -> tuple[str, str] | None:
    match = _MARKER.search(row[ANNOTATION])
    return (match["section"], match["key"]) if match else None


def _is_case_row(row: DictionaryRow) -> bool:
    """A variable of the case instrument a Casecoder export writes first."""
    return row[FORM] == CASE_FORM and (_marker(row) or ("",))[0] == "case"


def _field_key(row: DictionaryRow, form: str, keys: set[str]) -> str:
    """The key recorded in the annotation, else the name without its instrument's prefix."""
    marker = _marker(row)
    if marker and marker[0] == form and marker[1] not in keys:
        return marker[1]
    name = row[NAME]
    short = name[len(form) + 1:] if name.startswith(f"{form}_") else name
    return short if short and short not in keys else name
