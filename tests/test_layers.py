"""The window and its widgets reach the database only through the store API: no SQL, no
`store.db`, no sqlite3 in desktop/ or widgets/ (import-linter checks the package layers)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = {
    "a store's database": re.compile(r"\.db\b(?!\w)"),
    "sqlite3": re.compile(r"^\s*(import|from) sqlite3\b", re.MULTILINE),
    "SQL": re.compile(r"\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b"),
}


def test_window_and_widgets_hold_no_sql_and_no_database_handle():
    found = []
    for folder in ("desktop", "widgets"):
        for source in (ROOT / folder).rglob("*.py"):
            text = source.read_text(encoding="utf-8")
            for what, pattern in FORBIDDEN.items():
                for match in pattern.finditer(text):
                    line = text.count("\n", 0, match.start()) + 1
                    found.append(f"{source.relative_to(ROOT)}:{line}: {what}")
    assert found == []
