"""Fixtures for the case-management tests: a project with two cases and two documents."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from desktop.cli.common import open_store
from desktop.settings import AppSettings
from schema.documents.importer import import_pdfs
from tests.documents.pdf_files import overview_pdf, summary_pdf
from tests.gui.helpers import open_window


@dataclass
class Project:
    path: object
    first: str
    second: str
    overview: str
    summary: str


@pytest.fixture
def two_cases(project_path, tmp_path) -> Project:
    """DHR-01 (coded, overview + summary linked, one answer with evidence) and SAR-02."""
    store = open_store(project_path)
    try:
        first = store.create_case("DHR-01", "DHR", title="Adult A",
                                  category="intimate_partner", publication_year=2019)
        second = store.create_case("SAR-02", "SAR", title="Adult B")
        outcomes = import_pdfs(store, [overview_pdf(tmp_path), summary_pdf(tmp_path)],
                               case_id=first.id)
        overview, summary = (o.document_id for o in outcomes)
        coding = store.add_coding(first.id, coder="A. Analyst")
        review = store.section_entity(coding.id, "review")
        store.set_answer(review.id, "subject", "Adult A")
        store.attach_evidence(review.id, "subject", document_id=overview, page=1,
                              quote="Overview Report")
        store.add_coding(first.id, coder="B. Second", kind="second")
        store.set_case_status(first.id, "coded")
    finally:
        store.close()
    return Project(project_path, first.id, second.id, overview, summary)


def read(path, work):
    """Run `work(store)` on a read-only store of the project file."""
    store = open_store(path, readonly=True)
    try:
        return work(store)
    finally:
        store.close()


@pytest.fixture
def window(qtbot, tmp_path, two_cases):
    shown = open_window(qtbot, AppSettings(tmp_path / "settings.ini"))
    shown.open_project(two_cases.path)
    qtbot.waitUntil(lambda: shown.workspace is not None
                    and shown.workspace.current is not None, timeout=10000)
    return shown
