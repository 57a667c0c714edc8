"""SIGKILL in the middle of an import: the project stays sound and holds all of the document
or none of it; importing again afterwards completes."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from desktop.cli.common import open_store
from schema.integrity import check_project
from schema.project import open_project
from schema.store import Store

CHILD = Path(__file__).with_name("crash_import_child.py")
ROOT = Path(__file__).resolve().parents[2]
PAGES = 24


def _review_pdf(path: Path) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for page in range(1, PAGES + 1):
        y = 780
        for line in range(40):
            pdf.drawString(60, y, f"{page}.{line + 1} The panel noted contact on day {line} "
                                  f"of month {page} between the agencies involved.")
            y -= 18
        pdf.showPage()
    pdf.save()
    return path


def _kill_during_import(project: Path, pdf: Path, pages_wanted: int, delay: float) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, str(CHILD), str(project), str(pdf)],
                             stdout=subprocess.PIPE, text=True, env=env,
                             start_new_session=True)
    last = ""
    try:
        assert child.stdout.readline().strip() == "ready"
        seen = 0
        while seen < pages_wanted:
            last = child.stdout.readline().strip()
            if not last or last.startswith("done"):
                break
            seen += 1
        time.sleep(delay)
    finally:
        os.killpg(child.pid, signal.SIGKILL)  # the child and its extraction workers
        child.wait()
        child.stdout.close()
    return last


def _document_state(project: Path) -> tuple[int, int, int]:
    store = Store(open_project(project, readonly=True), "check")
    try:
        documents = store.count("documents")
        links = store.count("case_documents")
        pages = store.db.execute("SELECT count(*) FROM pages").fetchone()[0]
    finally:
        store.close()
    return documents, links, pages


def test_sigkill_during_import_keeps_all_or_nothing(project_path, tmp_path):
    store = Store(open_project(project_path), "setup")
    store.create_case("IMPORT-CASE", "SAR")
    store.close()
    pdf = _review_pdf(tmp_path / "review.pdf")
    rng = random.Random(7)
    for _ in range(10):
        _kill_during_import(project_path, pdf, rng.randint(0, PAGES), rng.random() * 0.2)
        assert check_project(project_path) == []
        state = _document_state(project_path)
        assert state in {(0, 0, 0), (1, 1, PAGES)}, state
    store = open_store(project_path, coder="after")
    from schema.documents.importer import import_pdfs

    [outcome] = import_pdfs(store, [pdf], case_id=store.find_cases("IMPORT-CASE")[0].id)
    store.close()
    assert outcome.status in {"imported", "already_present"}
    assert _document_state(project_path) == (1, 1, PAGES)
