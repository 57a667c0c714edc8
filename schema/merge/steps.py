"""The steps of a merge inside its one transaction: each source's cases, codings and rows,
then the person's decisions on look-alike cases, then the candidate pairs left to decide.

`run.py` opens, locks and commits (or rolls back); everything here runs between.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sqlite_utils

from schema import audit
from schema.codebook_model import Codebook
from schema.documents.fingerprint_store import has_table, read_fingerprints
from schema.merge import copying, staging
from schema.merge.candidate_report import describe_candidates
from schema.merge.cases import CaseWriter, read_source_cases
from schema.merge.conflicts import case_conflicts
from schema.merge.decisions import accept_all, apply_decisions
from schema.merge.documents import copy_documents
from schema.merge.matching import TargetIndex
from schema.merge.report import MergeReport, SourceReport, Tally, store_report
from schema.merge.sources import Source
from schema.project import read_meta
from schema.same_review import find_candidates, raw_distinctions
from schema.section_views import refresh_section_views

if TYPE_CHECKING:
    from schema.merge.run import _Options


def run_steps(db: sqlite_utils.Database, sources: list[Source], news: list[bool],
              codebook: Codebook, report: MergeReport, options: _Options) -> None:
    meta = read_meta(db)
    site, progress = meta.get("site", ""), options.progress
    if meta["codebook_key"] != codebook.key:
        _use_codebook(db, sources, codebook, options.actor, meta)
        report.codebook_upgraded = True
    index = TargetIndex(db.conn, read_fingerprints(db.conn, keep=True),
                        _distinctions(db, sources, options))
    writer = CaseWriter(db, index, options.actor, site)
    total = 2 * len(sources)
    for number, source in enumerate(sources):
        if progress:
            progress(len(sources) + number, total, f"Merging {source.path.name} "
                                                   f"({number + 1} of {len(sources)})")
        if news[number]:
            report.sources.append(_merge_source(db, source, number, writer, codebook,
                                                report.include_documents))
        else:
            report.sources.append(_nothing_new(source))
    if progress:
        progress(total, total, "Comparing look-alike cases")
    _decide(db, sources, index, report, options, site)
    for source_report in report.sources:
        if source_report.changed:
            _record_source(db, source_report, options.actor, site)


def _distinctions(db: sqlite_utils.Database, sources: list[Source], options: _Options
                  ) -> set[frozenset[str]]:
    """Pairs said to be different reviews: in the target, in any source, or decided now."""
    found = raw_distinctions(db.conn)
    for source in sources:
        found |= raw_distinctions(source.conn)
    found |= {frozenset((d.first, d.second)) for d in options.choices.decisions
              if not d.same}
    return found


def _decide(db: sqlite_utils.Database, sources: list[Source], index: TargetIndex,
            report: MergeReport, options: _Options, site: str) -> None:
    """Keep the sources' distinctions, carry out the decisions, and list the candidate pairs
    among the merged cases still to be decided (combining them all when asked)."""
    _copy_distinctions(db, sources)
    choices = options.choices
    report.combined, report.kept_apart = apply_decisions(
        db, choices.decisions, actor=options.actor, site=site)
    touched = _merged_case_ids(db, sources)
    candidates = find_candidates(db.conn, among=touched, prints=index.prints)
    if choices.accept_candidates and candidates:
        combined, _ = apply_decisions(db, accept_all(candidates), actor=options.actor,
                                      site=site)
        report.combined += combined
        candidates = find_candidates(db.conn, among=_merged_case_ids(db, sources),
                                     prints=index.prints)
    report.candidates = describe_candidates(
        db.conn, candidates, text_from=[s.conn for s in sources], with_pages=choices.dry_run)


def _copy_distinctions(db: sqlite_utils.Database, sources: list[Source]) -> None:
    for source in sources:
        if not has_table(source.conn, "case_distinctions"):
            continue
        rows = source.conn.execute("SELECT case_a, case_b, decided_at, decided_by FROM "
                                   "case_distinctions ORDER BY case_a, case_b").fetchall()
        db.conn.executemany("INSERT OR IGNORE INTO case_distinctions (case_a, case_b, "
                            "decided_at, decided_by) VALUES (?, ?, ?, ?)", rows)


def _merged_case_ids(db: sqlite_utils.Database, sources: list[Source]) -> set[str]:
    """The target cases the sources' cases are now, whether or not they brought news."""
    aliases = dict(db.execute("SELECT alias_id, case_id FROM case_aliases"))
    found: set[str] = set()
    for source in sources:
        found |= {aliases.get(i, i) for i in copying.case_ids(source.conn)}
    return found


def _record_source(db: sqlite_utils.Database, source_report: SourceReport, actor: str,
                   site: str) -> None:
    report_id = store_report(db, source_report, actor)
    audit.record(db, actor=actor, site=site, action="merge", table="merge_reports",
                 row_id=report_id, case_id=None,
                 summary=f"merged {source_report.path} (site {source_report.site or '-'})",
                 after={k: v.added for k, v in source_report.counts.items()})


def _use_codebook(db: sqlite_utils.Database, sources: list[Source], codebook: Codebook,
                  actor: str, meta: dict[str, str]) -> None:
    """Switch the target to a codebook that only adds fields to its own."""
    for source in sources:
        copying.copy_codebooks(source.conn, db.conn)
    db.execute("UPDATE meta SET value = ? WHERE key = 'codebook_key'", [codebook.key])
    refresh_section_views(db.conn, codebook)
    audit.record(db, actor=actor, site=meta.get("site", ""), action="merge", table="meta",
                 row_id="codebook_key", case_id=None,
                 summary=f"merge: codebook {meta['codebook_key']} -> {codebook.key}",
                 before=meta["codebook_key"], after=codebook.key)


def _nothing_new(source: Source) -> SourceReport:
    """The report of a source the target already holds entirely."""
    rep = SourceReport(str(source.path), source.database_id, source.site)
    for name in ("cases", "codings", "documents", "evidence"):
        total = source.conn.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
        rep.counts[name] = Tally(0, total)
    return rep


def _merge_source(db: sqlite_utils.Database, source: Source, number: int,
                  writer: CaseWriter, codebook: Codebook,
                  include_documents: bool) -> SourceReport:
    src, dst = source.conn, db.conn
    start = dst.total_changes
    rep = SourceReport(str(source.path), source.database_id, source.site)
    copying.copy_codebooks(src, dst)
    rep.counts["documents"] = Tally(*copy_documents(src, dst,
                                                    include_documents=include_documents))
    tables = source.tables()
    case_map = _merge_cases(source, number, writer, rep, "case_aliases" in tables)
    copying.copy_case_documents(src, dst, case_map)
    added, present = copying.copy_codings(src, dst, case_map)
    rep.counts["codings"] = Tally(added, present)
    if "section_states" in tables:
        copying.copy_section_states(src, dst)
    staged = staging.merge_staged(dst, number)
    rep.answers_written = staged["answers"]
    rep.counts["evidence"] = Tally(staged["evidence"],
                                   staged["evidence_total"] - staged["evidence"])
    if include_documents:
        copying.copy_case_rows(src, dst, "pseudonyms", case_map,
                               update=("real_name", "pseudonym", "updated_at", "updated_by"))
    if "case_aliases" in tables:
        copying.copy_aliases(src, dst, case_map)
    rep.audit_entries_added = staged["audit_log"]
    rep.changed = dst.total_changes > start
    if added or rep.answers_written:
        rep.conflicts = _conflicts(db, codebook, sorted(set(case_map.values())))
    return rep


def _merge_cases(source: Source, number: int, writer: CaseWriter, rep: SourceReport,
                 has_aliases: bool) -> dict[str, str]:
    """Plan and write each source case; returns source case id -> surviving target id."""
    case_map: dict[str, str] = {}
    tally = rep.counts["cases"]
    prints = read_fingerprints(source.conn)
    for case in read_source_cases(source.conn, has_aliases, prints, number):
        plan = writer.index.plan(case)
        writer.write(plan)
        for case_id in (case.id, *case.aliases):
            case_map[case_id] = plan.survivor
        if plan.how == "new":
            tally.added += 1
        else:
            tally.present += 1
            if plan.how != "uuid":
                rep.matched[plan.how] = rep.matched.get(plan.how, 0) + 1
    return case_map


def _conflicts(db: sqlite_utils.Database, codebook: Codebook, case_ids: list[str]
               ) -> list[dict]:
    several = {r[0] for r in db.execute(
        "SELECT case_id FROM codings WHERE kind != 'consensus' GROUP BY case_id "
        "HAVING count(*) > 1")}
    found = []
    for case_id in case_ids:
        if case_id in several:
            found += [c.as_dict() for c in case_conflicts(db, codebook, case_id)]
    return found
