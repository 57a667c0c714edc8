"""Small hand-built projects for the publication-rule tests: a few cases, each coded with just
the answers a rule needs, and tables computed from a spec written in the test."""

from __future__ import annotations

from exports.tables import TableFilter
from exports.tables.compute import compute_table, group_columns, wanted_fields
from exports.tables.data import load_table_data
from exports.tables.model import Table
from exports.tables.spec import load_table_specs
from schema.store import Store

NR = "not_reported"


def add_case(store: Store, category: str, outcome: str = "homicide",
             victims: list[dict] = (), perpetrators: list[dict] | None = (),
             relationship: dict | None = None) -> str:
    """A coded case of the category; people are dicts of field answers (NR for not reported);
    `perpetrators=None` marks the section not applicable."""
    number = len(store.list_cases()) + 1
    case = store.create_case(f"R-{number}", "DHR", category=category)
    coding = store.add_coding(case.id)
    answer(store, store.section_entity(coding.id, "review").id, "outcome", outcome)
    for key, value in (relationship or {}).items():
        answer(store, store.section_entity(coding.id, "relationship").id, key, value)
    if perpetrators is None:
        store.mark_section_not_applicable(coding.id, "perpetrators")
    for section, people in (("victims", victims), ("perpetrators", perpetrators)):
        for person in people or ():
            item = store.add_entity(coding.id, section).id
            for key, value in person.items():
                answer(store, item, key, value)
    store.set_case_status(case.id, "coded")
    return case.id


def answer(store: Store, entity_id: str, key: str, value: object) -> None:
    if value == NR:
        store.mark_not_reported(entity_id, key)
    else:
        store.set_answer(entity_id, key, value)


def table(store: Store, spec: dict) -> Table:
    """The one table of `spec` (a table of the `tables:` block, as parsed YAML)."""
    specs = load_table_specs(store.codebook, [spec])
    data = load_table_data(store.db, wanted_fields(specs), TableFilter())
    columns = group_columns(specs[0], data.cases, store.codebook)
    return compute_table(specs[0], data.cases, store.codebook, columns)


def cells(result: Table, row: str) -> dict[str, str]:
    """The row's cell texts by column key."""
    found = next(r for r in result.rows if r.key == row)
    return {key: cell.text for key, cell in found.cells.items()}


def counts_table(field: str, **settings) -> dict:
    """A one-row counts table of the field by category."""
    return {"key": "t", "title": "T", "rows": [
        {"key": "r", "label": "R", "show": "counts", "field": field, **settings}]}
