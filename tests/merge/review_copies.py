"""The demo's sample reviews rendered again with changes, as two boroughs' copies of one
review differ: re-saved (other bytes, same text), a new cover page, names redacted, or an
earlier draft. Each copy is rendered to PDF and imported, so its text layer is real."""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.demo.pdf import Sample, read_sample, render_sample
from schema.codebook_loader import load_codebook
from schema.documents.importer import import_pdfs
from schema.project import create_project, open_project
from schema.resources import RESOURCES, default_codebook_path
from schema.store import Store

SAMPLES = RESOURCES / "samples"
SAR = "sar_adult_b.md"
IIR = "iir_mr_e.md"


def same(sample: Sample) -> Sample:
    return sample


def new_cover(sample: Sample) -> Sample:
    """Another borough's copy: its own cover lines and running header."""
    sample.meta["credits"] = ["Copy held by Eastmoor Council", "Downloaded: March 2024"]
    sample.meta["subtitle"] = ["Published version, re-issued"]
    sample.meta["header"] = "Eastmoor Council library copy"
    return sample


def redacted(sample: Sample) -> Sample:
    """Names blacked out, as a board does before sharing."""
    for block in sample.blocks:
        block.text = block.text.replace("George", "[name]").replace("Kevin", "[name]")
    return sample


def draft(sample: Sample) -> Sample:
    """An early draft: only every other block of the final text was written."""
    sample.blocks = [b for i, b in enumerate(sample.blocks) if i % 2 == 0 or b.kind == "h1"]
    return sample


@dataclass
class CaseSpec:
    reference: str
    review_type: str = "SAR"
    title: str = "Adult B (George)"
    year: int | None = 2023
    sample: str | None = SAR
    change: Callable[[Sample], Sample] = same
    pdf: Path | None = None
    answers: dict = field(default_factory=lambda: {"outcome": "homicide"})


def render_copy(name: str, change: Callable[[Sample], Sample], out_dir: Path) -> Path:
    """Render one sample, changed, into its own folder (file names stay the sample's)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    return render_sample(change(copy.deepcopy(read_sample(SAMPLES / name))), out_dir)


def build_site(path: Path, site: str, coder: str, cases: list[CaseSpec]) -> Path:
    """A borough's project: each case with its rendered (or given) PDF and a short coding."""
    create_project(path, site=site, coder=coder,
                   codebook=load_codebook(default_codebook_path())).conn.close()
    store = Store(open_project(path), coder)
    try:
        for number, spec in enumerate(cases):
            case = store.create_case(spec.reference, spec.review_type, title=spec.title,
                                     publication_year=spec.year)
            store.set_case_status(case.id, "coded")
            pdf = spec.pdf or (render_copy(spec.sample, spec.change,
                                           path.parent / f"{path.stem}-{number}")
                               if spec.sample else None)
            if pdf is not None:
                [outcome] = import_pdfs(store, [pdf], case_id=case.id, workers=1)
                assert outcome.document_id, outcome.message
            coding = store.add_coding(case.id)
            review = store.section_entity(coding.id, "review")
            for key, value in spec.answers.items():
                store.set_answer(review.id, key, value)
    finally:
        store.close()
    return path


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
