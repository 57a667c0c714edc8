"""Which cases count, and through which coding, in one place.

- A case counts only when its status says its coding is finished: "coded" or "checked".
  Cases "in progress" count only when the user asks for them; a case "not started" never
  counts, whatever answers it already holds (a coder may have tried a field or two).
- A counted case speaks through one coding: its consensus coding where one exists, else its
  earliest primary, else its earliest second coding.

The store (`coding_for_tables`), the summary tables, the thematic brief and every export use
these same rules, so they can never disagree.
"""

from __future__ import annotations

FINISHED_STATUSES = ("coded", "checked")
IN_PROGRESS = "in_progress"
NEVER_COUNTED = ("not_started",)
STATUS_WORDS = {"not_started": "not started", "in_progress": "in progress",
                "coded": "coded", "checked": "checked"}

MIN_ANSWERED_FOR_BRIEF = 5
"""A brief needs at least this many answered fields in the case's counting coding. The brief
has some eight sections (summary, findings, good practice, learning, voice, action plan...);
with fewer than five answers it would be a title, a heading and a line or two, which reads as
if the review had nothing to teach. "Not reported" marks do not count as answers here."""


def counted_statuses(include_in_progress: bool = False) -> tuple[str, ...]:
    """The case statuses counted: finished ones, and in-progress ones when asked for."""
    return FINISHED_STATUSES + ((IN_PROGRESS,) if include_in_progress else ())


def describe_statuses(statuses: tuple[str, ...]) -> str:
    """'coded or checked', 'coded, checked or in progress'."""
    words = [STATUS_WORDS.get(s, s) for s in statuses]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def status_sql(case_alias: str, statuses: tuple[str, ...]) -> tuple[str, list[str]]:
    """A WHERE condition keeping the cases of these statuses, and its parameters."""
    marks = ", ".join("?" for _ in statuses)
    return f"{case_alias}.status IN ({marks})", list(statuses)


def counting_coding_sql(case_alias: str = "c") -> str:
    """A scalar subquery giving the id of the coding that counts for `case_alias.id`."""
    return (f"(SELECT g.id FROM codings g WHERE g.case_id = {case_alias}.id "
            f"ORDER BY CASE g.kind WHEN 'consensus' THEN 0 WHEN 'primary' THEN 1 ELSE 2 END, "
            f"g.created_at, g.rowid LIMIT 1)")
