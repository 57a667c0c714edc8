"""Fixtures for the document tests: a case to import into, and a snapshot of the project's
row counts (audit log included) to show that a failed import changed nothing."""

from __future__ import annotations

import pytest


def project_snapshot(store) -> dict[str, int]:
    """Row counts of every table in the project, the audit log and text index included."""
    names = [row[0] for row in store.db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name")]
    return {name: store.count(name) for name in names}


@pytest.fixture
def case(store):
    return store.create_case("SAR-2023-04", "SAR", title="Adult D")
