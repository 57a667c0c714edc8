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
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from schema import locking
from schema.codebook_model import Codebook
from schema.encryption import DRIVER_ERRORS
from schema.merge import partial, staging
from schema.merge.codebooks import choose_codebook
from schema.merge.decisions import Decision, check_known, known_ids
from schema.merge.report import MergeReport
from schema.merge.sources import (
    MergeError,
    Source,
    open_source,
    refuse_shared_documents,
    stored_codebook,
)
from schema.merge.steps import run_steps
from schema.project import create_project, open_project, read_meta
from schema.transactions import transaction

ProgressCallback = Callable[[int, int, str], None]
# Rows arrive in UUID order, i.e. at random places in the target's indexes: a page cache
# larger than SQLite's 2 MB default keeps the merge from re-reading index pages.
MERGE_CACHE_KIB = 131072


class _Unchanged(Exception):
    """Raised inside the transaction to roll back a merge that changed nothing, or a trial
    merge (`dry_run`)."""


@dataclass
class Choices:
    """What the person decided about look-alike cases: `decisions` on named pairs (from a
    file, or the wizard), `accept_candidates` to combine every candidate pair found, and
    `dry_run` to see the report, candidates and differing pages without changing the
    target. `decisions_from` names the file the decisions came from, for messages."""

    decisions: list[Decision] = field(default_factory=list)
    accept_candidates: bool = False
    dry_run: bool = False
    decisions_from: str = "the decisions"


def merge_projects(target: str | Path, sources: list[str | Path], *, actor: str,
                   include_documents: bool = True, site: str = "",
                   progress: ProgressCallback | None = None,
                   choices: Choices | None = None) -> MergeReport:
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
        options = _Options(actor, site, include_documents, progress, choices or Choices())
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
    choices: Choices


def _merge_under_lock(target: Path, sources: list[Source], options: _Options) -> MergeReport:
    """Hold the target's writer lock from before the target is looked at or opened for
    writing until the merge is over, so no other writer sees a half-done merge."""
    if not target.parent.is_dir():
        raise MergeError(f"the folder {target.parent} does not exist; nothing was merged.")
    locking.acquire(target)
    try:
        known = set().union(*(known_ids(source.conn) for source in sources))
        if not target.exists():
            check_known(options.choices.decisions, known, options.choices.decisions_from)
            return _merge_new(target, sources, options)
        target_codebook, target_ids = _target_facts(target)
        check_known(options.choices.decisions, known | target_ids,
                    options.choices.decisions_from)
        codebook = _chosen(target_codebook, sources)
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
        if options.choices.dry_run:
            partial.remove(building)
        else:
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


def _target_facts(target: Path) -> tuple[Codebook, set[str]]:
    """The codebook an existing target uses and every case id and alias it holds, read
    through a read-only connection."""
    db = open_project(target, readonly=True)
    try:
        key = read_meta(db)["codebook_key"]
        text, sha = db.execute("SELECT yaml_text, sha256 FROM codebooks WHERE key = ?",
                               [key]).fetchone()
        ids = known_ids(db.conn)
        refuse_shared_documents(db.conn, f"target refused: {target}")
    finally:
        db.conn.close()
    return stored_codebook(text, sha, f"codebook {key} stored in {target}"), ids


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
            run_steps(db, sources, news, codebook, report, options)
            report.dry_run = options.choices.dry_run
            if report.dry_run or not report.changed:
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
