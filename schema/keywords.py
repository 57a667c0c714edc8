"""The small language of codebook keywords, used to suggest an option from a review's text.

A keyword is one or more words; case does not matter. Two marks widen what it matches:

- `(u)`: letters in parentheses may be left out, so `behavio(u)r` finds both behaviour and
  behavior. `(s|z)` means one of the alternatives, so `organi(s|z)ation` finds both
  spellings; `(s|z|)` allows none as well. Groups cannot be nested.
- `*` at the end of a word lets the word run on: `stab*` finds stab, stabbed and stabbing.

Matching is by whole words: a keyword never matches inside a longer word, so `arm` does not
match harm or arms, and `knife` does not match knives (write `kni(fe|ves)` for both). Between
the words of a keyword any spacing, line break or hyphen matches, and a hyphen written in a
keyword may also be left out in the text (`call-out` finds call-out, call out and callout).
Straight and curly apostrophes are the same.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache

MAX_GROUPS = 4  # more would make a keyword hard to read, and its forms many
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_GAP = r"[\s\-\u2010\u2011]+"
_HYPHEN = r"[\s\-\u2010\u2011]*"
_PIECES = re.compile(r"\(([^()]*)\)|(\*)|([\s]+)|(-)|([^()*\s\-]+)")


def fold_text(text: str) -> str:
    """Text as keywords compare it: compatibility forms and apostrophes made plain.
    Keeps the length of most text; callers that map positions back use it per character."""
    return unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)


def keyword_problem(keyword: object) -> str | None:
    """Why a keyword cannot be used, in a few words, or None when it is well formed."""
    if not isinstance(keyword, str):
        return f"a keyword must be text, got {keyword!r}"
    text = keyword.strip()
    if not any(ch.isalnum() for ch in text):
        return f"the keyword {keyword!r} has no letter or digit"
    depth, groups = 0, 0
    for index, ch in enumerate(text):
        if ch == "(":
            if depth:
                return f"the keyword {keyword!r} has a group inside a group"
            depth, groups = 1, groups + 1
        elif ch == ")":
            if not depth:
                return f"the keyword {keyword!r} has a ')' without its '('"
            depth = 0
        elif ch == "|" and not depth:
            return f"the keyword {keyword!r} has '|' outside parentheses"
        elif ch == "*" and (depth or index + 1 < len(text) and not text[index + 1].isspace()):
            return f"in the keyword {keyword!r}, '*' may only end a word"
    if depth:
        return f"the keyword {keyword!r} has a '(' without its ')'"
    if groups > MAX_GROUPS:
        return f"the keyword {keyword!r} has more than {MAX_GROUPS} groups in parentheses"
    if "()" in text.replace(" ", ""):
        return f"the keyword {keyword!r} has an empty group '()'"
    return None


@lru_cache(maxsize=4096)
def keyword_pattern(keyword: str) -> re.Pattern[str]:
    """The compiled search pattern of a well-formed keyword (see the module docstring)."""
    parts = []
    for piece in _PIECES.finditer(fold_text(keyword.strip())):
        kind, text = piece.lastindex, piece.group(piece.lastindex)
        parts.append(_group_pattern(text) if kind == 1 else r"\w*" if kind == 2 else
                     _GAP if kind == 3 else _HYPHEN if kind == 4 else re.escape(text))
    return re.compile(r"(?<!\w)" + "".join(parts) + r"(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=4096)
def keyword_anchor(keyword: str) -> str:
    """The longest run of plain letters every match of the keyword contains, lower-cased: a
    page without it cannot match, which is far quicker to find out than a pattern search."""
    literals = [p.group(5) for p in _PIECES.finditer(fold_text(keyword.strip())) if
                p.lastindex == 5]
    return max(literals, key=len, default="").lower()


def _group_pattern(group: str) -> str:
    choices = group.split("|")
    if len(choices) == 1:
        choices.append("")
    return "(?:" + "|".join(re.escape(c) for c in choices) + ")"


def keyword_forms(keyword: str) -> list[str]:
    """The plain words a keyword stands for (`behavio(u)r` -> behaviour, behavior), with any
    `*` left off; used where typed text is compared with keywords."""
    text = keyword.strip()
    pieces = re.split(r"(\([^()]*\))", text)
    options = []
    for piece in pieces:
        if piece.startswith("(") and piece.endswith(")"):
            choices = piece[1:-1].split("|")
            options.append(choices + ([""] if len(choices) == 1 else []))
        else:
            options.append([piece.replace("*", "")])
    forms = ["".join(combo) for combo in itertools.product(*options)]
    return list(dict.fromkeys(" ".join(f.split()) for f in forms if f.strip()))
