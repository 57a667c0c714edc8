"""Writing a .qdpx package: a zip of project.qde and the review PDFs under Sources/.

Each stored PDF goes in as Sources/<its GUID>.pdf and is named `internal://<GUID>.pdf` in the
project document; where a document has a text layer it goes in beside it as a .txt, the
PDF source's plain-text representation. PDFs are read from the project one at a time.
"""

from __future__ import annotations

import zipfile
from importlib import metadata
from pathlib import Path
from xml.etree import ElementTree as ET

from exports.qdpx.data import ProjectData, page_text, read_project
from exports.qdpx.geometry import pdf_page_heights
from exports.qdpx.guids import guid
from exports.qdpx.project_xml import Outcome, build_project, source_guid
from schema.store import Store

SOURCES = "Sources"


def origin() -> str:
    try:
        return f"Casecoder {metadata.version('casecoder')}"
    except metadata.PackageNotFoundError:
        return "Casecoder"


def write_package(store: Store, target: Path, *, name: str) -> Outcome:
    """Write the whole package of an open project to `target` (a new file)."""
    data = read_project(store)
    sources = {d["id"]: f"internal://{source_guid(d['id'])}.pdf" for d in data.documents
               if d["has_pdf"]}
    texts = {doc_id: page_text(store, doc_id) for doc_id in sources}
    data.text_paths = {doc_id: f"internal://{guid('text', doc_id)}.txt"
                       for doc_id, text in texts.items() if text}
    root, outcome = build_project(data, store.codebook, name=name, origin=origin(),
                                  sources=sources, heights=_Heights(store, data))
    xml = to_xml(root)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("project.qde", xml)
        for doc_id, path in sources.items():
            package.writestr(_member(path), store.document_pdf(doc_id) or b"")
            if doc_id in data.text_paths:
                package.writestr(_member(data.text_paths[doc_id]), texts[doc_id])
    return outcome


def to_xml(root: ET.Element) -> bytes:
    """The document as UTF-8 bytes, its namespace the default one (no prefixes), as QDA
    tools write it. (ElementTree's `default_namespace` refuses unprefixed attributes.)"""
    namespace = root.tag[1:].partition("}")[0]
    ET.indent(root)
    ET.register_namespace("", namespace)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _member(internal_path: str) -> str:
    return f"{SOURCES}/{internal_path.removeprefix('internal://')}"


class _Heights:
    """A page's height in points: from the text layer, else read from the PDF once."""

    def __init__(self, store: Store, data: ProjectData) -> None:
        self._store = store
        self._known = data.page_heights
        self._read: dict[str, list[float]] = {}

    def __call__(self, document_id: str, page: int) -> float | None:
        if (document_id, page) in self._known:
            return self._known[(document_id, page)]
        if document_id not in self._read:
            pdf = self._store.document_pdf(document_id)
            self._read[document_id] = pdf_page_heights(pdf) if pdf else []
        heights = self._read[document_id]
        return heights[page - 1] if 0 < page <= len(heights) else None
