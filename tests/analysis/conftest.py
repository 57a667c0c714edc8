"""The demo project, built once per module, for the analysis tests."""

from __future__ import annotations

import pytest

from desktop.demo.build import build_demo


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return build_demo(tmp_path_factory.mktemp("demo") / "demo.casecoder")
