"""Merging several source projects into one target, all or nothing.

Every source is opened read-only and checked (project, not damaged, not newer, codebook
compatible) before the target is touched. The target's writer lock is then taken before the
target is opened, and held to the end. The whole merge is one transaction on the target: a
failure or a cancel anywhere rolls all of it back. A new target is built under a hidden
temporary name and moved into place only when whole (see `partial`), so a failure, a cancel
or a kill leaves no file at its name. A merge that would change nothing is rolled back too, so
merging the same sources again leaves the file exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from schema import audit, locking
from schema.codebook_model import Codebook
from schema.encryption import DRIVER_ERRORS
from schema.merge import copying, partial, staging
from schema.merge.cases import CaseWriter, read_source_cases
from schema.merge.codebooks import choose_codebook
from schema.merge.conflicts import case_conflicts
from schema.merge.documents import copy_documents
from schema.merge.matching import TargetIndex
from schema.merge.report import MergeReport, SourceReport, Tally, store_report
from schema.merge.sources import MergeError, Source, open_source, stored_codebook
from schema.project import create_project, open_project, read_meta
from schema.transactions import transaction

ProgressCallback = Callable[[int, int, str], None]
# Rows arrive in UUID order, i.e. at random places in the target's indexes: a page cache
# larger than SQLite's 2 MB default keeps the merge from re-reading index pages.
MERGE_CACHE_KIB = 131072


class _Unchanged(Exception):
    """Raised inside the transaction to roll back a merge that changed nothing."""


def merge_projects(target: str | Path, sources: list[str | Path], *, actor: str,
                   include_documents: bool = True, site: str = "",
                   progress: ProgressCallback | None = None) -> MergeReport:
    """Merge `sources` into `target` (created with the first source's codebook if new)."""
    target = Path(target)
    paths = [Path(p) for p in sources]
    if not paths:
        raise MergeError("name at least one source project to merge")
    for path in paths:
        if target.exists() and path.exists() and path.resolve() == target.resolve():
            raise MergeError(f"{path} is the target itself; name other projects as sources")
    opened: list[Source] = []
    try:
        for path in paths:
            opened.append(open_source(path))
        options = _Options(actor, site, include_documents, progress)
        return _merge_under_lock(target, opened, options)
    finally:
        for source in opened:
            source.close()


@dataclass
class _Options:
    actor: str
    site: str
    include_documents: bool
    progress: ProgressCallback | None


def _merge_under_lock(target: Path, sources: list[Source], options: _Options) -> MergeReport:
    """Hold the target's writer lock from before the target is looked at or opened for
    writing until the merge is over, so no other writer sees a half-done merge."""
    if not target.parent.is_dir():
        raise MergeError(f"the folder {target.parent} does not exist; nothing was merged.")
    locking.acquire(target)
    try:
        if not target.exists():
            return _merge_new(target, sources, options)
        codebook = _chosen(_target_codebook(target), sources)
        try:
            db = open_project(target)
        except DRIVER_ERRORS as exc:
            raise MergeError(f"cannot open the target {target}: {exc}") from None
        return _merge_open(db, target, False, sources, codebook, options)
    finally:
        locking.release(target)


def _merge_new(target: Path, sources: list[Source], options: _Options) -> MergeReport:
    """Build a new target under a hidden temporary name beside it and move it into place only
    when whole, so a kill or a failure never leaves an empty or half-merged project."""
    codebook = _chosen(sources[0].codebook, sources)
    partial.remove_stale(target)
    building = partial.partial_path(target)
    try:
        try:
            db = create_project(building, site=options.site, coder=options.actor,
                                codebook=sources[0].codebook)
        except DRIVER_ERRORS as exc:
            raise MergeError(f"cannot create the target {target}: {exc}") from None
        report = _merge_open(db, target, True, sources, codebook, options)
        partial.publish(building, target)
    except BaseException:
        partial.remove(building)
        raise
    return report


def _chosen(current: Codebook, sources: list[Source]) -> Codebook:
    """The codebook the merged target will use: the newest that only adds fields."""
    chosen = current
    for source in sources:
        chosen = choose_codebook(chosen, source.codebook, str(source.path))
    return chosen


def _target_codebook(target: Path) -> Codebook:
    """The codebook an existing target uses, read through a read-only connection."""
    db = open_project(target, readonly=True)
    try:
        key = read_meta(db)["codebook_key"]
        text, sha = db.execute("SELECT yaml_text, sha256 FROM codebooks WHERE key = ?",
                               [key]).fetchone()
    finally:
        db.conn.close()
    return stored_codebook(text, sha, f"codebook {key} stored in {target}")


def _merge_open(db: sqlite_utils.Database, target: Path, created: bool,
                sources: list[Source], codebook: Codebook, options: _Options) -> MergeReport:
    """Merge in one transaction on the open target `db` (named `target` to the user), then
    close it. On any failure the transaction is rolled back and the connection closed."""
    report = MergeReport(str(target), options.include_documents, codebook=codebook.key)
    db.conn.execute(f"PRAGMA cache_size = -{MERGE_CACHE_KIB}")
    if created:
        # A new file (still under its temporary name) has nothing to roll back to: a rollback
        # journal then costs almost nothing, where WAL would write every page twice. WAL is
        # restored afterwards.
        db.conn.execute("PRAGMA journal_mode = DELETE")
    try:
        news = _stage(db, sources, options.include_documents, options.progress)
        with transaction(db):
            _run(db, sources, news, codebook, report, options.actor, options.progress)
            if not report.changed:
                raise _Unchanged
    except _Unchanged:
        pass
    except DRIVER_ERRORS as exc:
        db.conn.close()
        state = "no file was made" if created else "it is as it was before"
        raise MergeError(f"the merge into {target} failed and was undone; {state} "
                         f"({exc}).") from None
    except BaseException:
        db.conn.close()
        raise
    staging.drop_stages(db.conn, list(range(len(sources))))
    if created:
        db.conn.execute("PRAGMA journal_mode = WAL")
    db.conn.close()
    return report


def _stage(db: sqlite_utils.Database, sources: list[Source], include_documents: bool,
           progress: ProgressCallback | None) -> list[bool]:
    """Stage each source's bulky rows; returns, per source, whether it has anything new."""
    news = []
    for number, source in enumerate(sources):
        if progress:
            progress(number, 2 * len(sources), f"Reading {source.path.name}")
        if staging.can_attach(db.conn, source.conn):
            with staging.attached(db.conn, source.path):
                fresh = staging.has_news(db.conn, include_documents=include_documents)
                if fresh:
                    staging.stage_attached(db.conn, number)
        else:
            fresh = True
            staging.stage_streamed(db.conn, source.conn, number)
        news.append(fresh)
    return news


def _run(db: sqlite_utils.Database, sources: list[Source], news: list[bool],
         codebook: Codebook, report: MergeReport, actor: str,
         progress: ProgressCallback | None) -> None:
    meta = read_meta(db)
    if meta["codebook_key"] != codebook.key:
        _use_codebook(db, sources, codebook, actor, meta)
        report.codebook_upgraded = True
    index = TargetIndex(db.conn)
    writer = CaseWriter(db, index, actor, meta.get("site", ""))
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
        progress(total, total, "Writing the merge report")
    for source_report in report.sources:
        if source_report.changed:
            report_id = store_report(db, source_report, actor)
            audit.record(db, actor=actor, site=meta.get("site", ""), action="merge",
                         table="merge_reports", row_id=report_id, case_id=None,
                         summary=f"merged {source_report.path} (site "
                                 f"{source_report.site or '-'})",
                         after={k: v.added for k, v in source_report.counts.items()})


def _use_codebook(db: sqlite_utils.Database, sources: list[Source], codebook: Codebook,
                  actor: str, meta: dict[str, str]) -> None:
    """Switch the target to a codebook that only adds fields to its own."""
    for source in sources:
        copying.copy_codebooks(source.conn, db.conn)
    db.execute("UPDATE meta SET value = ? WHERE key = 'codebook_key'", [codebook.key])
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
    case_map = _merge_cases(source, writer, rep, "case_aliases" in tables)
    copying.copy_case_documents(src, dst, case_map)
    added, present = copying.copy_codings(src, dst, case_map)
    rep.counts["codings"] = Tally(added, present)
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


def _merge_cases(source: Source, writer: CaseWriter, rep: SourceReport,
                 has_aliases: bool) -> dict[str, str]:
    """Plan and write each source case; returns source case id -> surviving target id."""
    case_map: dict[str, str] = {}
    tally = rep.counts["cases"]
    for case in read_source_cases(source.conn, has_aliases):
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
        others = writer.index.same_reference_elsewhere(plan)
        if others:
            rep.possible_duplicates.append({"reference": case.row["reference"],
                                            "case_id": plan.survivor, "others": others})
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
