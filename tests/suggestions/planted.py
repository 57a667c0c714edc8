"""A small codebook and review PDFs with keywords planted at known places, for the
suggestion tests (the text is written for them)."""

from __future__ import annotations

from pathlib import Path

from schema.codebook_loader import parse_codebook
from schema.documents.importer import import_pdfs
from schema.project import create_project, open_project
from schema.store import Store
from tests.widgets.make_pdf import make_pdf

CODEBOOK = """\
id: suggest-test
version: "1"
sections:
  - key: incident
    label: Incident
    fields:
      - key: method
        label: Method
        type: choice
        options:
          - {key: sharp, label: Sharp instrument, keywords: [knife, stab(bed|bing)]}
          - {key: arm_injury, label: Arm injury, keywords: [arm]}
          - {key: other, label: Other}
      - key: features
        label: Features
        type: multi
        options:
          - {key: control, label: Controlling, keywords: [controlling behavio(u)r]}
          - {key: organisation, label: Organisation, keywords: ["organi(s|z)ation"]}
          - {key: callout, label: Call-outs, keywords: [call-out]}
          - {key: none, label: None, exclusive: true}
  - key: victims
    label: Victims
    repeat: true
    item_label: Victim
    fields:
      - key: traits
        label: Traits
        type: multi
        options:
          - {key: isolated, label: Isolated, keywords: [isolated]}
"""

PLANTED = [
    "Overview report",
    "4.1 In March the police were called to the flat. Her partner had",
    "stabbed her with a kitchen knife in the hallway, and she was",
    "taken to hospital.",
    "4.2 The neighbour described his controlling behavior over many",
    "years, and a support organization had been in touch with her.",
    "4.3 A second call out was logged the next week, when she said she",
    "felt isolated from her family.",
]
CLEAN = [
    "5.1 The panel met six times and read each agency's chronology.",
    "5.2 Nobody came to harm in the armchair of the waiting room; two",
    "knives were in the drawer and the arms of the chair were worn.",
    "5.3 The controlling behaviours seen elsewhere were not in view here.",
]


def planted_project(tmp_path: Path) -> tuple[Path, str]:
    """A project with case REF-1 holding one document: page 1 planted, page 2 clean."""
    path = tmp_path / "planted.casecoder"
    book = parse_codebook(CODEBOOK, source="test")
    create_project(path, site="Test", coder="A. Analyst", codebook=book).conn.close()
    store = Store(open_project(path), "A. Analyst")
    try:
        case = store.create_case("REF-1", "DHR")
        pdf = tmp_path / "planted.pdf"
        pdf.write_bytes(make_pdf([PLANTED, CLEAN]).data)
        import_pdfs(store, [pdf], case_id=case.id, workers=1)
    finally:
        store.close()
    return path, case.id


def open_planted(path: Path, actor: str = "A. Analyst") -> Store:
    return Store(open_project(path), actor)
