"""Replacing registered real names with their pseudonyms in every text that goes into a brief.

Names match as whole words, ignoring case, longest first (so "Zoë Hart" wins over "Zoë"), with
any run of spaces or line breaks between the parts of a name. Text and names are compared in
Unicode NFC form, so a name typed as "Zoë" also matches the "Zoe" + combining diaeresis that PDF
text extraction often produces. A possessive ("Zoë's") keeps its ending: "Adult A's".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from schema.errors import ValidationError


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _key(name: str) -> str:
    return " ".join(_nfc(name).split()).casefold()


class Pseudonymiser:
    """Replaces real names by pseudonyms. The first pair given for a name wins."""

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self._replacements: dict[str, str] = {}
        names: list[str] = []
        for real, pseudonym in pairs:
            key = _key(real)
            if key and key not in self._replacements:
                self._replacements[key] = _nfc(pseudonym.strip())
                names.append(" ".join(_nfc(real).split()))
        self._pattern = _name_pattern(names)

    def clean(self, text: str) -> str:
        """The text with every registered real name replaced by its pseudonym."""
        text = _nfc(text)
        if self._pattern is None or not text:
            return text
        return self._pattern.sub(lambda m: self._replacements[_key(m.group(0))], text)

    def find(self, text: str) -> list[str]:
        """The registered real names that occur in the text (as written there)."""
        if self._pattern is None or not text:
            return []
        return [m.group(0) for m in self._pattern.finditer(_nfc(text))]

    def check_register(self) -> None:
        """Refuse a register whose pseudonyms would themselves put a real name into a brief."""
        for pseudonym in self._replacements.values():
            leaked = self.find(pseudonym)
            if leaked:
                raise ValidationError(
                    f"the pseudonym '{pseudonym}' contains the registered real name "
                    f"'{leaked[0]}'; choose a different pseudonym in the case's name register")


def _name_pattern(names: list[str]) -> re.Pattern[str] | None:
    if not names:
        return None
    names = sorted(names, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(re.escape(part) for part in name.split())
                            for name in names)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
