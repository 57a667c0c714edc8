"""The demo project for the analysis tests, built once per session (they only read it, or
copy it)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.demo.build import build_demo
from schema.project import open_project
from schema.store import Store


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory) -> Path:
    return build_demo(tmp_path_factory.mktemp("analysis-demo") / "demo.casecoder")


@pytest.fixture
def demo(demo_file) -> Path:
    """The shared demo, for tests that only read it."""
    return demo_file


@pytest.fixture
def demo_copy(demo_file, tmp_path) -> Path:
    """A copy of the demo a test may change."""
    target = tmp_path / "demo.casecoder"
    shutil.copy(demo_file, target)
    return target


@pytest.fixture
def demo_store(demo_file):
    store = Store(open_project(demo_file, readonly=True), "tester")
    yield store
    store.close()
