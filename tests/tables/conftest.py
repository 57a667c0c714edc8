"""Fixtures of the summary-table tests: the 64-case seed project, built once per session."""

from __future__ import annotations

import pytest

from schema.project import create_project, open_project
from schema.store import Store
from tests.tables.seed_fixture import build_seed_fixture


@pytest.fixture(scope="session")
def seed_project(tmp_path_factory, codebook):
    """A project file holding the 64 coded cases of the seed fixture (open it read-only)."""
    path = tmp_path_factory.mktemp("seed") / "seed.casecoder"
    store = Store(create_project(path, site="Lambeth", coder="Tester", codebook=codebook),
                  "Tester")
    build_seed_fixture(store)
    store.close()
    return path


@pytest.fixture
def seed_store(seed_project):
    store = Store(open_project(seed_project, readonly=True), "Tester")
    yield store
    store.close()
