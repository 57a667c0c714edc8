"""Turning Casecoder keys into REDCap names, deterministically.

REDCap variable and instrument names are lower case letters, digits and underscores and start
with a letter; REDCap advises at most 26 characters and refuses more than 100. A field
"section.key" becomes `section_key`: characters REDCap refuses become underscores, runs of
underscores shrink to one, and a name that would not start with a letter gets a `v_` in
front. A name longer than 26 characters keeps its first 21 and ends with `_` and four
hexadecimal digits of the SHA-1 of the Casecoder key, so it stays short, stable when other
fields change, and different from its neighbours. A name already taken (by an earlier field,
by the case instrument, or by an instrument's `_complete` status variable) gets `_2`, `_3`...
Names are handed out in codebook order, so the same codebook always gives the same names.
"""

from __future__ import annotations

import hashlib
import re

from exports.redcap.spec import MAX_ADVISED_NAME, MISSING_CODES, is_valid_code

_NOT_ALLOWED = re.compile(r"[^a-z0-9_]+")
_UNDERSCORES = re.compile(r"_+")


def clean_name(text: str) -> str:
    """Text as a REDCap name, before shortening: `Victims.Gender` -> `victims_gender`."""
    name = _UNDERSCORES.sub("_", _NOT_ALLOWED.sub("_", text.lower())).strip("_")
    if not name or not name[0].isalpha():
        name = f"v_{name}".rstrip("_")
    if name.startswith("redcap_"):  # REDCap keeps these for its own columns
        name = f"v_{name}"
    return name


def shorten(name: str, key: str, limit: int = MAX_ADVISED_NAME) -> str:
    """The name cut to `limit` characters with a tag from the key, when it is longer."""
    if len(name) <= limit:
        return name
    tag = hashlib.sha1(key.encode("utf-8")).hexdigest()[:4]
    return f"{name[:limit - 5].rstrip('_')}_{tag}"


class NameBook:
    """Hands out unique names; `taken` holds names no variable may have."""

    def __init__(self, taken: set[str] | None = None) -> None:
        self.used: set[str] = set(taken or ())

    def claim(self, wanted: str) -> str:
        """`wanted`, or the first free `wanted_2`, `wanted_3`... (kept within the limit)."""
        name, number = wanted, 1
        while name in self.used:
            number += 1
            suffix = f"_{number}"
            name = f"{wanted[:MAX_ADVISED_NAME - len(suffix)].rstrip('_')}{suffix}"
        self.used.add(name)
        return name


def form_names(section_keys: list[str], taken: set[str]) -> dict[str, str]:
    """A unique instrument name for each section key."""
    book = NameBook(taken)
    return {key: book.claim(shorten(clean_name(key), key)) for key in section_keys}


def variable_name(book: NameBook, form: str, path: str) -> str:
    """The variable name of the field at `path` ("section.key") on instrument `form`."""
    key = path.partition(".")[2]
    return book.claim(shorten(clean_name(f"{form}_{key}"), path))


def option_codes(keys: list[str]) -> dict[str, str]:
    """A REDCap choice code for each option key: the key itself when REDCap accepts it and it
    clashes neither with another code (ignoring case, as checkbox columns do) nor with a
    missing-data code; otherwise the key cleaned up and numbered."""
    taken = {code.lower() for code, _label in MISSING_CODES.values()}
    codes: dict[str, str] = {}
    for key in keys:
        wanted = key if is_valid_code(key) else clean_name(key)
        code, number = wanted, 1
        while code.lower() in taken:
            number += 1
            code = f"{wanted}_{number}"
        taken.add(code.lower())
        codes[key] = code
    return codes


def checkbox_column(variable: str, code: str) -> str:
    """The record column of one checkbox choice (or missing-data code): `name___code`."""
    return f"{variable}___{code.lower()}"
