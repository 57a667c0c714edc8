"""The audit log as CSV, for reviewers outside the app."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TextIO

from schema.audit import AuditEntry

COLUMNS = ("at", "actor", "site", "action", "table_name", "row_id", "case_id", "summary",
           "before", "after", "id")


def write_audit_csv(entries: list[AuditEntry], out: TextIO) -> int:
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for entry in entries:
        row = {**entry.__dict__,
               "before": "" if entry.before is None else json.dumps(entry.before,
                                                                    ensure_ascii=False),
               "after": "" if entry.after is None else json.dumps(entry.after,
                                                                  ensure_ascii=False)}
        writer.writerow([row[c] or "" for c in COLUMNS])
    return len(entries)


def save_audit_csv(entries: list[AuditEntry], path: str | Path) -> int:
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", newline="", encoding="utf-8") as handle:
        count = write_audit_csv(entries, handle)
    partial.replace(path)
    return count
