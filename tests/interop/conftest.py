"""The demo project, built once for the interop tests, and the REFI-QDA schema."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.demo.build import build_demo

REFI = Path(__file__).resolve().parents[1] / "data" / "refi-qda"  # REFI's schema, MIT licence


@pytest.fixture(scope="session")
def demo_original(tmp_path_factory) -> Path:
    return build_demo(tmp_path_factory.mktemp("interop") / "demo.casecoder")


@pytest.fixture
def demo(demo_original, tmp_path) -> Path:
    """A copy of the demo each test may change."""
    return Path(shutil.copy(demo_original, tmp_path / "demo.casecoder"))


@pytest.fixture(scope="session")
def project_schema():
    from lxml import etree

    return etree.XMLSchema(etree.parse(str(REFI / "Project.xsd")))
