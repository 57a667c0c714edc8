"""Per-category summary tables (victims, perpetrators, relationship, escalation, completeness).

    tables = build_tables(store, TableFilter(site="Lambeth"), suppress_below=5)
    write_tables(tables, out_dir, ["csv", "xlsx", "html", "pdf"])

Pure functions of the store: no Qt, read-only SQL.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator
from contextlib import contextmanager

from exports.tables.charts import chart_for
from exports.tables.compute import compute_table, group_columns, wanted_fields
from exports.tables.data import TableFilter, TablesError, load_table_data, parse_years
from exports.tables.model import Table, TableSet
from exports.tables.spec import TableSpec, TableSpecError, load_table_specs
from exports.tables.suppress import SECONDARY, suppress_table
from schema.codebook_loader import load_codebook
from schema.codebook_model import Codebook
from schema.counting import STATUS_WORDS, describe_statuses
from schema.resources import default_codebook_path

__all__ = ["TableFilter", "TableSet", "TableSpecError", "TablesError", "build_tables",
           "parse_years", "specs_for"]


def specs_for(codebook: Codebook) -> tuple[list[TableSpec], str]:
    """The project's own table specs, or the default codebook's when it declares none."""
    if codebook.extras.get("tables"):
        return load_table_specs(codebook), "the project's codebook"
    default = load_codebook(default_codebook_path())
    return (load_table_specs(codebook, default.extras.get("tables"),
                             source=f"{default_codebook_path()}, tables"),
            "the default codebook (the project's codebook declares none)")


def build_tables(store, table_filter: TableFilter | None = None, *,
                 suppress_below: int | None = None, today: dt.date | None = None) -> TableSet:
    """Compute every table of the codebook's specs for the cases matching the filter."""
    if suppress_below is not None and suppress_below < 2:
        raise TablesError("--suppress-below must be 2 or more (counts below it are hidden)")
    table_filter = table_filter or TableFilter()
    book: Codebook = store.codebook
    specs, spec_source = specs_for(book)
    with _collector_paused():
        data = load_table_data(store.db, wanted_fields(specs), table_filter)
        counted_note = statuses_note(table_filter, data.by_status, data.not_counted)
        tables = [_one_table(spec, data.cases, book, suppress_below, counted_note)
                  for spec in specs]
        counted, uncoded = len(data.cases), data.uncoded
        del data  # freed while paused, so the collector never has to walk the loaded cases
    today = today or dt.date.today()
    footer = (f"N = {counted} cases marked {describe_statuses(table_filter.statuses)} "
              f"· codebook {book.id} version {book.version} "
              f"· filters: {table_filter.describe()}"
              f"{f' · counts below {suppress_below} suppressed' if suppress_below else ''}"
              f" · made {today.isoformat()}")
    notes = _footnotes(book, table_filter, counted, uncoded, suppress_below, spec_source,
                       today)
    return TableSet(tables, notes, cases=counted, footer=footer)


def statuses_note(table_filter: TableFilter, by_status: dict[str, int],
                  not_counted: dict[str, int]) -> str:
    """Which case statuses were counted, how many of each, and what was left out."""
    counts = ", ".join(f"{by_status.get(s, 0)} {STATUS_WORDS[s]}"
                       for s in table_filter.statuses)
    note = (f"Counted: cases marked {describe_statuses(table_filter.statuses)} ({counts}).")
    if not_counted:
        left = ", ".join(f"{n} {STATUS_WORDS.get(s, s)}" for s, n in sorted(
            not_counted.items(), key=lambda item: list(STATUS_WORDS).index(item[0])))
        note += f" Not counted, for their status: {left}."
    if not table_filter.include_in_progress:
        note += " Cases in progress count only when asked for; cases not started never do."
    else:
        note += " Cases not started never count."
    return note


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while the cases are loaded and counted.

    Ten thousand cases make some hundred thousand lists and tuples that live until the tables
    are done and form no cycles; the collector would otherwise walk them all again and again
    as they are made (about half the time of the whole computation). Plain reference counting
    still frees everything; the collector resumes, as it was, afterwards. Free the loaded
    cases inside the pause: objects made while it lasts all wait in the youngest generation,
    and the first collection after it walks every one still alive. The pause is process-wide:
    a GUI thread running meanwhile just has its cycles collected a second later.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _one_table(spec: TableSpec, cases: list, book: Codebook,
               suppress_below: int | None, counted_note: str) -> Table:
    columns = group_columns(spec, cases, book)
    table = compute_table(spec, cases, book, columns)
    table.notes.append(counted_note)
    if suppress_below:
        table = suppress_table(table, suppress_below)
    table.chart = chart_for(spec, table, columns, suppress_below)
    return table


def _footnotes(book: Codebook, table_filter: TableFilter, counted: int, uncoded: int,
               suppress_below: int | None, spec_source: str, today: dt.date) -> list[str]:
    notes = [f"N = {counted} case{'s' if counted != 1 else ''}. Each case counts "
             f"through its consensus coding where one exists, otherwise its primary coding.",
             f"Codebook: {book.title} ({book.id}, version {book.version}); table "
             f"specifications from {spec_source}.",
             f"Filters: {table_filter.describe()}.",
             f"Made on {today.isoformat()}."]
    if uncoded:
        notes.append(f"{uncoded} matching case{'s' if uncoded != 1 else ''} without a "
                     f"coding {'were' if uncoded != 1 else 'was'} left out.")
    if suppress_below:
        notes.append(f"Counts from 1 to {suppress_below - 1} are shown as <{suppress_below}; "
                     f"'{SECONDARY}' marks a further count withheld so that totals cannot "
                     f"reveal a suppressed one.")
    notes.append("'Not reported': the review does not say. 'Not applicable': the question "
                 "does not arise for these cases (a suicide has no perpetrator). 'No "
                 "information': nothing was recorded for these cases. 'Not coded': people "
                 "whose answer has not been coded yet.")
    return notes
