"""Build the demo project: fictional sample reviews rendered to PDF, imported and partly coded.

    build_demo(Path("demo.casecoder"))

resources/samples/demo_cases.yaml says which sample documents make up each case and how far
each case is coded. The project is built under a temporary name beside the target and moved
into place at the end, so a failure or a cancel never leaves a half-built demo behind. No Qt.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import yaml

from desktop.demo.evidence import Citation, cite
from desktop.demo.pdf import read_sample, render_sample
from schema import locking
from schema.codebook_loader import load_codebook
from schema.documents.importer import import_pdfs
from schema.errors import CasecoderError, ProjectError
from schema.project import create_project
from schema.resources import RESOURCES, default_codebook_path
from schema.store import Store

SAMPLES = RESOURCES / "samples"
CASES_FILE = SAMPLES / "demo_cases.yaml"


def default_demo_path() -> Path:
    """$XDG_DATA_HOME/casecoder/demo.casecoder, else ~/.local/share/casecoder/demo.casecoder."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "casecoder" / "demo.casecoder"


class _Steps:
    """Reports progress as numbered steps and stops the build when the user cancels."""

    TOTAL = 4

    def __init__(self, progress) -> None:
        self._progress = progress
        self.done = 0

    def cancelled(self) -> bool:
        return bool(getattr(self._progress, "cancelled", False))

    def check(self) -> None:
        """Raise the progress object's own Cancelled (or ours) once the user has cancelled."""
        check = getattr(self._progress, "check", None)
        if check is not None:
            check()
        if self.cancelled():
            raise CasecoderError("the demo build was cancelled; nothing was written")

    def next(self, message: str) -> None:
        self.check()
        if self._progress is not None:
            self._progress.update(self.done, self.TOTAL, message)
        self.done += 1


def build_demo(path: str | Path, *, progress=None, replace: bool = False) -> Path:
    """Build the demo project at `path` and return it.

    `progress` may be a desktop.workers.Progress (anything with update(done, total, message),
    and optionally check() and cancelled). An existing file is refused unless `replace`, which
    swaps the new project in atomically once it is complete.
    """
    path = Path(path)
    if path.exists() and not replace:
        raise ProjectError(f"{path} already exists; it was left untouched. Use --force to "
                           f"replace it with a new demo.")
    path.parent.mkdir(parents=True, exist_ok=True)
    steps = _Steps(progress)
    with tempfile.TemporaryDirectory(prefix=".casecoder-demo-", dir=path.parent) as work:
        work_dir = Path(work)
        built = _build(work_dir / path.name, work_dir / "pdfs", steps)
        steps.next("Moving the demo into place")
        _move_into_place(built, path)
    if progress is not None:
        progress.update(steps.TOTAL, steps.TOTAL, "Demo ready")
    return path


def _build(target: Path, pdf_dir: Path, steps: _Steps) -> Path:
    plan = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
    steps.next("Writing the sample review PDFs")
    pdf_dir.mkdir()
    pdfs = {name: render_sample(read_sample(SAMPLES / name), pdf_dir)
            for case in plan["cases"] for name in _sample_names(case)}
    db = create_project(target, site=plan["site"], coder=plan["coder"],
                        codebook=load_codebook(default_codebook_path()))
    store = Store(db, plan["coder"])
    try:
        steps.next("Importing the PDFs")
        documents = _import(store, pdfs, steps)
        steps.next("Creating and coding the cases")
        for case in plan["cases"]:
            _add_case(store, case, documents)
    finally:
        store.close()
    return target


def _sample_names(case: dict) -> list[str]:
    return [item["sample"] for item in case["documents"]]


def _import(store: Store, pdfs: dict[str, Path], steps: _Steps) -> dict[str, str]:
    """Import every rendered PDF; return sample name -> document id."""
    names = list(pdfs)
    outcomes = import_pdfs(store, [pdfs[n] for n in names], cancel=steps.cancelled)
    documents = {}
    steps.check()
    for name, outcome in zip(names, outcomes, strict=True):
        if not outcome.ok or outcome.document_id is None:
            raise CasecoderError(f"the demo sample {name} could not be imported: "
                                 f"{outcome.message}")
        documents[name] = outcome.document_id
    return documents


def _add_case(store: Store, spec: dict, documents: dict[str, str]) -> None:
    case = store.create_case(spec["reference"], spec["review_type"], title=spec["title"],
                             category=spec["category"],
                             publication_year=spec["publication_year"])
    for item in spec["documents"]:
        store.link_document(case.id, documents[item["sample"]], item["role"])
    if spec.get("coding"):
        coding = store.add_coding(case.id)
        for section, content in spec["coding"].items():
            if isinstance(content, list):
                for item in content:
                    _code_entity(store, store.add_entity(coding.id, section).id, item,
                                 documents)
            else:
                _code_entity(store, store.section_entity(coding.id, section).id, content,
                             documents)
        for section in spec.get("not_applicable_sections", []):
            store.mark_section_not_applicable(coding.id, section)
    store.set_case_status(case.id, spec["status"])


def _code_entity(store: Store, entity_id: str, spec: dict, documents: dict[str, str]) -> None:
    for field, value in spec.get("answers", {}).items():
        store.set_answer(entity_id, field, value)
    for field in spec.get("not_reported", []):
        store.mark_not_reported(entity_id, field)
    for field in spec.get("not_applicable", []):
        store.mark_not_applicable(entity_id, field)
    for item in spec.get("evidence", []):
        found: Citation = cite(store, documents[item["document"]], item["quote"])
        store.attach_evidence(entity_id, item["field"], document_id=found.document_id,
                              page=found.page, paragraph=found.paragraph,
                              quote=item["quote"], rects=found.rects)


def _move_into_place(built: Path, path: Path) -> None:
    """Swap the finished project in, replacing any old demo only if nobody has it open."""
    if not path.exists():
        os.replace(built, path)
        return
    if locking.is_held_here(path):
        raise ProjectError(f"{path} is already open in this Casecoder; close it before "
                           f"replacing it with a new demo.")
    locking.acquire(path)  # ProjectLocked if another Casecoder is writing to the old demo
    try:
        for suffix in ("-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        os.replace(built, path)
    finally:
        locking.release(path)

