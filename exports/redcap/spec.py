"""What REDCap expects, in one place: the data dictionary's columns, its field types and
validations, the record file's fixed columns, and the missing-data codes Casecoder uses.

A REDCap data dictionary is a CSV file of 18 columns in a fixed order, one row per variable.
The first variable of the first instrument names the record. A checkbox variable becomes one
record column per choice, `name___code`; rows of a repeating instrument carry its name and
instance number in `redcap_repeat_instrument` and `redcap_repeat_instance`.
"""

from __future__ import annotations

import re

from schema.errors import CasecoderError

COLUMNS = (
    "Variable / Field Name",
    "Form Name",
    "Section Header",
    "Field Type",
    "Field Label",
    "Choices, Calculations, OR Slider Labels",
    "Field Note",
    "Text Validation Type OR Show Slider Number",
    "Text Validation Min",
    "Text Validation Max",
    "Identifier?",
    "Branching Logic (Show field only if...)",
    "Required Field?",
    "Custom Alignment",
    "Question Number (surveys only)",
    "Matrix Group Name",
    "Matrix Ranking?",
    "Field Annotation",
)
"""The data dictionary's header row, in REDCap's order."""

NAME, FORM, HEADER, TYPE, LABEL, CHOICES, NOTE, VALIDATION, MIN, MAX = COLUMNS[:10]
ANNOTATION = COLUMNS[-1]
REQUIRED_COLUMNS = 5
"""Older REDCap versions wrote fewer trailing columns; a dictionary needs at least up to
Field Label to be read."""

FIELD_TYPES = ("text", "notes", "dropdown", "radio", "checkbox", "yesno", "truefalse",
               "calc", "file", "slider", "descriptive", "sql")
"""Every field type REDCap writes in a data dictionary."""

REPEAT_INSTRUMENT = "redcap_repeat_instrument"
REPEAT_INSTANCE = "redcap_repeat_instance"
RECORD_ID = "record_id"

MISSING_CODES = {"not_reported": ("UNK", "Unknown"), "not_applicable": ("NA", "Not applicable")}
"""Casecoder's two answer states without a value, as codes of REDCap's standard missing-data
list. A review that does not report something leaves it unknown (UNK); a field that cannot
apply to the case is not applicable (NA). The REDCap project must list both codes under
Missing Data Codes before the records are imported."""

MAX_ADVISED_NAME = 26
MAX_NAME = 100
_VALID_NAME = re.compile(r"[a-z][a-z0-9_]*")
_VALID_CODE = re.compile(r"[A-Za-z0-9_]+")


class RedcapError(CasecoderError):
    """REDCap files cannot be written or read as asked; the message says why and what to do."""


def missing_codes_setting() -> str:
    """The Missing Data Codes text to paste into the REDCap project, one code a line."""
    return "\n".join(f"{code}, {label}" for code, label in MISSING_CODES.values())


def is_valid_name(name: str) -> bool:
    """A REDCap variable or instrument name: lower case letters, digits and underscores,
    starting with a letter, at most 100 characters."""
    return bool(_VALID_NAME.fullmatch(name)) and len(name) <= MAX_NAME


def is_valid_code(code: str) -> bool:
    """A choice code every REDCap field type and checkbox column accepts."""
    return bool(_VALID_CODE.fullmatch(code))
