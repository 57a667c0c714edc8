"""Shared fixtures. GUI tests run offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


import pytest  # noqa: E402

from schema.codebook_loader import load_codebook  # noqa: E402
from schema.project import create_project  # noqa: E402
from schema.resources import default_codebook_path  # noqa: E402
from schema.store import Store  # noqa: E402


@pytest.fixture(scope="session")
def codebook():
    return load_codebook(default_codebook_path())


@pytest.fixture
def project_path(tmp_path, codebook):
    """A new, empty project file on disk."""
    path = tmp_path / "test.casecoder"
    create_project(path, site="Lambeth", coder="A. Analyst", codebook=codebook).conn.close()
    return path


@pytest.fixture
def store(project_path):
    from schema.project import open_project

    opened = Store(open_project(project_path), "A. Analyst")
    yield opened
    opened.close()


@pytest.fixture
def store_thread_for(qtbot):
    """Opens a project on a real store thread, as the window does; closed after the test."""
    from desktop.store_thread import StoreThread

    threads = []

    def make(path, coder: str = "A. Analyst", readonly: bool = False):
        thread = StoreThread(path, coder, readonly=readonly)
        threads.append(thread)
        return thread

    yield make
    for thread in threads:
        thread.close()
