"""Which coding speaks for a case, in one place: its consensus coding where one exists, else
its earliest primary, else its earliest second coding. The store (`coding_for_tables`), the
summary tables and every export use this same SQL, so they can never disagree."""

from __future__ import annotations


def counting_coding_sql(case_alias: str = "c") -> str:
    """A scalar subquery giving the id of the coding that counts for `case_alias.id`."""
    return (f"(SELECT g.id FROM codings g WHERE g.case_id = {case_alias}.id "
            f"ORDER BY CASE g.kind WHEN 'consensus' THEN 0 WHEN 'primary' THEN 1 ELSE 2 END, "
            f"g.created_at, g.rowid LIMIT 1)")
