"""Reading the codings to export through the Store API, case by case.

Which cases and codings count is schema.counting's rule, as for the summary tables: cases
marked coded or checked (and in progress when asked), each through its consensus coding,
else its earliest primary. With `all_codings` every coding of a counted case is read.
"""

from __future__ import annotations

from dataclasses import dataclass

from exports.data.options import DataExportError, DataFilter, Progress
from exports.tables.data import available_text
from schema.counting import describe_statuses
from schema.records import Answer, Case, CaseFilter, Coding
from schema.store import Store

Items = dict[str, list[dict[str, Answer]]]
"""Section key -> its items in position order, each the answers by field key."""


@dataclass(frozen=True)
class CodedRow:
    """One coding of one case, with all its answers."""

    case: Case
    coding: Coding
    items: Items
    not_applicable: frozenset[str] = frozenset()
    """Repeating sections the coding marked as not applying to the case."""

    def count(self, section: str) -> int:
        return len(self.items.get(section, ()))


@dataclass(frozen=True)
class LoadedData:
    rows: list[CodedRow]
    uncoded: int
    """Counted cases left out because they have no coding yet."""


def load_rows(store: Store, data_filter: DataFilter, *, all_codings: bool = False,
              progress: Progress | None = None) -> LoadedData:
    """The codings to export for the filter, in case reference order."""
    cases = _matching_cases(store, data_filter)
    counted = [c for c in cases if c.status in data_filter.statuses]
    _check_counted(store, data_filter, cases, counted)
    rows: list[CodedRow] = []
    uncoded = 0
    for done, case in enumerate(counted):
        if progress is not None:
            progress.check()
            progress.update(done, len(counted), f"Reading case {case.reference}")
        codings = _codings_of(store, case, all_codings)
        uncoded += not codings
        rows.extend(CodedRow(case, coding, _items(store, coding), _not_applicable(store, coding))
                    for coding in codings)
    if not rows:
        raise DataExportError(f"none of the {len(counted)} counted cases has been coded yet; "
                              f"code them first, then export the data")
    return LoadedData(rows, uncoded)


def _matching_cases(store: Store, data_filter: DataFilter) -> list[Case]:
    cases = store.list_cases(CaseFilter(category=data_filter.category,
                                        review_type=data_filter.review_type,
                                        site=data_filter.site))
    if data_filter.years:
        first, last = data_filter.years
        cases = [c for c in cases
                 if c.publication_year is not None and first <= c.publication_year <= last]
    return cases


def _check_counted(store: Store, data_filter: DataFilter, cases: list[Case],
                   counted: list[Case]) -> None:
    if counted:
        return
    if store.count("cases") == 0:
        raise DataExportError("the project has no cases yet; add and code some cases, then "
                              "export the data")
    if not cases:
        raise DataExportError(f"no case matches the filters ({data_filter.describe()}). "
                              f"{available_text(store.db)}")
    hint = "" if data_filter.include_in_progress else ", or include cases in progress"
    raise DataExportError(f"none of the {len(cases)} matching cases is marked "
                          f"{describe_statuses(data_filter.statuses)}; mark a case coded "
                          f"when its coding is finished{hint}")


def _codings_of(store: Store, case: Case, all_codings: bool) -> list[Coding]:
    if all_codings:
        return store.codings(case.id)
    chosen = store.coding_for_tables(case.id)
    return [chosen] if chosen is not None else []


def _items(store: Store, coding: Coding) -> Items:
    answers = store.coding_answers(coding.id)
    items: Items = {}
    for entity in store.entities(coding.id):
        items.setdefault(entity.section, []).append(answers.get(entity.id, {}))
    return items


def _not_applicable(store: Store, coding: Coding) -> frozenset[str]:
    return frozenset(section for section, state in store.section_states(coding.id).items()
                     if state == "not_applicable")
