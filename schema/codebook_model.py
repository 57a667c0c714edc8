"""The codebook as immutable objects: sections of typed fields, with option lists.

A field is addressed everywhere by its path "section.field" (e.g. "victims.gender"), because
answers belong to an entity of a section, and field keys are unique within a section only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from schema.dates import DateError, parse_stored
from schema.errors import ValidationError
from schema.keywords import keyword_forms

FIELD_TYPES = ("choice", "multi", "number", "age", "date", "text", "long_text", "boolean")
ANSWER_STATES = ("answered", "not_reported", "not_applicable")


@dataclass(frozen=True)
class Option:
    """One answer of a choice or multi field. `keywords` are other words for it (typing one
    picks it); an `exclusive` option of a multi field ("None", "Not known") is never ticked
    together with another option. `short` is a brief name for headings, where the label is
    too long or carries an explanation ("Joint review" for "Joint review (e.g. SAR and DHR)");
    only review types have one."""

    key: str
    label: str
    keywords: tuple[str, ...] = ()
    exclusive: bool = False
    line: int | None = field(default=None, compare=False)
    short: str = ""

    @property
    def short_label(self) -> str:
        """The name for a heading: the short label when the codebook gives one."""
        return self.short or self.label


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    type: str
    section: str = ""
    options: tuple[Option, ...] = ()
    allow_na: bool = False
    help: str = ""
    minimum: float | None = None
    maximum: float | None = None
    line: int | None = None

    @property
    def path(self) -> str:
        return f"{self.section}.{self.key}"

    @property
    def is_categorical(self) -> bool:
        return self.type in ("choice", "multi", "boolean")

    def option(self, key: str) -> Option | None:
        return next((o for o in self.options if o.key == key), None)

    def option_label(self, key: str) -> str:
        found = self.option(key)
        return found.label if found else key

    def check_value(self, value: object) -> object:
        """Return the value in its stored form, or raise ValidationError saying what is wrong."""
        checker = _CHECKERS[self.type]
        return checker(self, value)


@dataclass(frozen=True)
class Section:
    key: str
    label: str
    fields: tuple[Field, ...]
    repeat: bool = False
    item_label: str = ""
    help: str = ""

    def field(self, key: str) -> Field | None:
        return next((f for f in self.fields if f.key == key), None)


@dataclass(frozen=True)
class Codebook:
    id: str
    version: str
    title: str
    review_types: tuple[Option, ...]
    categories: tuple[Option, ...]
    sections: tuple[Section, ...]
    source_text: str = ""
    sha256: str = ""
    extras: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def key(self) -> str:
        return f"{self.id}@{self.version}"

    def section(self, key: str) -> Section:
        for section in self.sections:
            if section.key == key:
                return section
        raise ValidationError(f"the codebook has no section '{key}'")

    def field(self, path: str) -> Field:
        section_key, _, field_key = path.partition(".")
        found = self.section(section_key).field(field_key) if field_key else None
        if found is None:
            raise ValidationError(f"the codebook has no field '{path}'")
        return found

    def all_fields(self) -> list[Field]:
        return [f for s in self.sections for f in s.fields]

    def review_type_label(self, key: str) -> str:
        return next((o.label for o in self.review_types if o.key == key), key)

    def review_type_short(self, key: str) -> str:
        """A review type's name for headings (its short label, else its label)."""
        return next((o.short_label for o in self.review_types if o.key == key), key)

    def category_label(self, key: str) -> str:
        return next((o.label for o in self.categories if o.key == key), key)


def match_option(spec: Field, text: str) -> tuple[Option | None, list[Option]]:
    """The option typed text names, or (None, the options it could mean).

    In order: an exact label, an exact keyword, then the one option whose label or keywords
    contain the text. Case and surrounding spaces do not matter. No option and an empty list
    means the text matches nothing; several options mean it is ambiguous."""
    wanted = " ".join(text.split()).casefold()
    if not wanted:
        return None, []
    for same in (lambda o: o.label.casefold() == wanted,
                 lambda o: wanted in _keyword_words(o)):
        hits = [o for o in spec.options if same(o)]
        if len(hits) == 1:
            return hits[0], hits
        if hits:
            return None, hits
    hits = [o for o in spec.options
            if wanted in o.label.casefold() or any(wanted in k for k in _keyword_words(o))]
    return (hits[0] if len(hits) == 1 else None), hits


def _keyword_words(option: Option) -> list[str]:
    """An option's keywords as plain words, each spelling written out."""
    return [form.casefold() for k in option.keywords for form in keyword_forms(k)]


def _check_choice(f: Field, value: object) -> object:
    if not isinstance(value, str) or f.option(value) is None:
        raise ValidationError(f"{f.path}: {value!r} is not one of its options "
                              f"({', '.join(o.key for o in f.options)})")
    return value


def _check_multi(f: Field, value: object) -> object:
    if not isinstance(value, list | tuple):
        raise ValidationError(f"{f.path}: expected a list of option keys, got {value!r}")
    for item in value:
        _check_choice(f, item)
    chosen = sorted(set(value), key=[o.key for o in f.options].index)
    alone = [key for key in chosen if f.option(key).exclusive]
    if alone and len(chosen) > 1:
        raise ValidationError(f"{f.path}: '{f.option_label(alone[0])}' cannot be chosen "
                              f"together with other options")
    return chosen


def _check_number(f: Field, value: object) -> object:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(f"{f.path}: expected a number, got {value!r}")
    if f.minimum is not None and value < f.minimum:
        raise ValidationError(f"{f.path}: {value} is below the minimum {f.minimum:g}")
    if f.maximum is not None and value > f.maximum:
        raise ValidationError(f"{f.path}: {value} is above the maximum {f.maximum:g}")
    return value


def _check_age(f: Field, value: object) -> object:
    """An age is whole years (0-120) or, when only a band is known, one of the field's bands."""
    if isinstance(value, str):
        return _check_choice(f, value)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 120:
        raise ValidationError(f"{f.path}: an age is whole years from 0 to 120 or an age band, "
                              f"got {value!r}")
    return value


def _check_date(f: Field, value: object) -> object:
    """A date is stored as YYYY, YYYY-MM or YYYY-MM-DD (its precision) and must exist."""
    try:
        parse_stored(value)
    except DateError as exc:
        raise ValidationError(f"{f.path}: {exc}") from None
    return value


def _check_text(f: Field, value: object) -> object:
    if not isinstance(value, str):
        raise ValidationError(f"{f.path}: expected text, got {value!r}")
    return value


def _check_boolean(f: Field, value: object) -> object:
    if not isinstance(value, bool):
        raise ValidationError(f"{f.path}: expected true or false, got {value!r}")
    return value


_CHECKERS = {
    "choice": _check_choice,
    "multi": _check_multi,
    "number": _check_number,
    "age": _check_age,
    "date": _check_date,
    "text": _check_text,
    "long_text": _check_text,
    "boolean": _check_boolean,
}
