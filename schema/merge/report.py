"""The merge report: per source, what was added, what was already there, and the conflicts.

It is printed by the command line, shown by the wizard, and kept in the target's
merge_reports table (one row per source that changed something).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import sqlite_utils

from schema.project import new_id, now

COUNTED = ("cases", "codings", "documents", "evidence")


@dataclass
class Tally:
    added: int = 0
    present: int = 0


@dataclass
class SourceReport:
    path: str
    database_id: str
    site: str
    counts: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in COUNTED})
    matched: dict[str, int] = field(default_factory=dict)
    answers_written: int = 0
    audit_entries_added: int = 0
    conflicts: list[dict] = field(default_factory=list)
    changed: bool = False

    def as_dict(self) -> dict:
        """Plain data for JSON (written out by hand: dataclasses.asdict deep-copies every
        conflict, which took seconds on a large merge)."""
        return {"path": self.path, "database_id": self.database_id, "site": self.site,
                "counts": {k: {"added": v.added, "present": v.present}
                           for k, v in self.counts.items()},
                "matched": self.matched, "answers_written": self.answers_written,
                "audit_entries_added": self.audit_entries_added,
                "conflicts": self.conflicts, "changed": self.changed}

    def lines(self) -> list[str]:
        site = self.site or "no site"
        out = [f"{self.path} (site {site}, database {self.database_id[:8]}):"]
        for name in COUNTED:
            tally = self.counts[name]
            out.append(f"  {name:<10} added {tally.added}, already present {tally.present}")
        recognised = ", ".join(f"{n} by {how}" for how, n in sorted(self.matched.items()))
        if recognised:
            out.append(f"  same review coded elsewhere: {recognised}")
        out.append(f"  answers    {self.answers_written} added or updated; audit entries "
                   f"added {self.audit_entries_added}")
        cases = {c["case_id"] for c in self.conflicts}
        out.append(f"  conflicts  {len(self.conflicts)} field(s) in {len(cases)} case(s)")
        out += [f"    {line}" for line in conflict_lines(self.conflicts)]
        if not self.changed:
            out.append("  nothing new: the target already holds everything in this source")
        return out


@dataclass
class MergeReport:
    target: str
    include_documents: bool
    sources: list[SourceReport] = field(default_factory=list)
    codebook: str = ""
    codebook_upgraded: bool = False
    candidates: list[dict] = field(default_factory=list)
    combined: int = 0
    kept_apart: int = 0
    dry_run: bool = False

    @property
    def changed(self) -> bool:
        return (self.codebook_upgraded or bool(self.combined or self.kept_apart)
                or any(s.changed for s in self.sources))

    def text(self) -> str:
        kind = "" if self.include_documents else " (codings only: no PDF bytes or page text)"
        verb = "Trial merge of" if self.dry_run else "Merged"
        lines = [f"{verb} {len(self.sources)} source(s) into {self.target}{kind}."]
        if self.codebook_upgraded:
            lines.append(f"The target now uses codebook {self.codebook} (it adds fields).")
        for source in self.sources:
            lines += source.lines()
        if self.combined or self.kept_apart:
            lines.append(f"Decisions: {self.combined} pair(s) combined into one case, "
                         f"{self.kept_apart} pair(s) kept apart as different reviews.")
        lines += candidate_lines(self.candidates)
        if self.dry_run:
            lines.append("Trial run: nothing was written.")
        elif not self.changed:
            lines.append("Nothing changed: the target was left exactly as it was.")
        return "\n".join(lines)


def candidate_lines(candidates: list[dict], limit: int = 50) -> list[str]:
    """The candidate pairs, each with both ids so a person can decide on them."""
    if not candidates:
        return []
    lines = [f"{len(candidates)} pair(s) of cases may be the same review; decide with "
             f"--decisions FILE (write one with --candidates-out FILE), --accept-candidates, "
             f"or 'combine-cases':"]
    for c in candidates[:limit]:
        first, second = c["cases"]
        how = (f"text {c['similarity']:.0%} alike" if c["similarity"] is not None
               else f"same {c['basis']}")
        lines.append(f"  {first['reference']} ({c['case_id']}) ~ {second['reference']} "
                     f"({c['other_case_id']}): {how}")
        if c.get("pages") is not None:
            lines.append(f"    {_page_summary(c['pages'])}")
    if len(candidates) > limit:
        lines.append(f"  ... and {len(candidates) - limit} more (see --candidates-out)")
    return lines


def _page_summary(pages: list[dict]) -> str:
    """Which pages of the two documents differ, as "first page / second page (alike)"."""
    if not pages:
        return "every page has a close match in the other document"
    shown = [f"{p['first_page'] or '-'}/{p['second_page'] or '-'} ({p['similarity']:.0%})"
             for p in pages[:12]]
    more = f" and {len(pages) - 12} more" if len(pages) > 12 else ""
    return f"pages that differ (first case's page / other's, how alike): {', '.join(shown)}{more}"


def conflict_lines(conflicts: list[dict], limit: int = 50) -> list[str]:
    lines = []
    for c in conflicts[:limit]:
        item = f" #{c['item']}" if c["item"] else ""
        values = " | ".join(f"{v['site'] or '-'}/{v['coder']}: {_shown(v)}"
                            for v in c["values"])
        lines.append(f"{c['reference']}  {c['section']}{item} {c['field']}: {values}")
    if len(conflicts) > limit:
        lines.append(f"... and {len(conflicts) - limit} more (see 'conflicts PROJECT')")
    return lines


def _shown(value: dict) -> str:
    if value["state"] is None:
        return "(no answer)"
    if value["state"] != "answered":
        return value["state"].replace("_", " ")
    return json.dumps(value["value"], ensure_ascii=False)


def store_report(db: sqlite_utils.Database, report: SourceReport, actor: str) -> str:
    report_id = new_id()
    db.execute(
        "INSERT INTO merge_reports (id, merged_at, merged_by, source_path, source_database_id, "
        "source_site, report_json) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [report_id, now(), actor, report.path, report.database_id, report.site,
         json.dumps(report.as_dict(), ensure_ascii=False)])
    return report_id
