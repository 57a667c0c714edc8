"""REFI-QDA exchange: a whole project as .qdpx, the codebook alone as .qdc.

    result = export_qdpx("lambeth.casecoder", "lambeth.qdpx")
    export_qdc("lambeth.casecoder", "codebook.qdc")        # or a codebook YAML file

The .qdpx opens in QDA tools that read REFI-QDA projects (NVivo, ATLAS.ti, MAXQDA,
QualCoder): the codebook as codes (exports.qdpx.codes), cases with their case-level answers
as variables (exports.qdpx.variables), the review PDFs as sources and every evidence quote as
a coded PDF selection (exports.qdpx.geometry). What the format cannot hold (repeating groups
as rows, answers without a quote, the audit log) stays in the project. No Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree as ET

from exports.output_guard import check_output, check_plaintext, write_whole
from exports.qdpx.codes import codes_element
from exports.qdpx.package import origin, to_xml, write_package
from exports.qdpx.project_xml import Outcome
from schema.codebook_loader import load_codebook
from schema.codebook_model import Codebook
from schema.opening import open_store
from schema.store import Store

CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"

__all__ = ["QdpxExport", "export_qdc", "export_qdpx"]


@dataclass(frozen=True)
class QdpxExport:
    """What an export wrote: counts, and how many items of each kind it had to leave out."""

    path: Path
    cases: int
    sources: int
    codings: int
    quotes: int
    left_out: dict[str, int] = field(default_factory=dict)


def export_qdpx(project: str | Path | Store, out: str | Path, *, force: bool = False,
                allow_plaintext: bool = False) -> QdpxExport:
    """Write a REFI-QDA project package of a project (a path or an open Store) to `out`.

    Refuses (ExportRefused, nothing written) when `out` exists and `force` is not set, or the
    project is encrypted and `allow_plaintext` is not set: the package is not encrypted."""
    path = _project_path(project)
    out = check_output(out, force=force)
    check_plaintext(path, allow_plaintext=allow_plaintext,
                    what="its cases, answers, quotes and review PDFs")
    store = project if isinstance(project, Store) else open_store(path, readonly=True)
    try:
        name = store.meta.get("site") or path.stem
        outcomes: list[Outcome] = []
        write_whole(out, lambda partial: outcomes.append(
            write_package(store, partial, name=name)))
        quotes = store.db.execute("SELECT count(*) FROM evidence").fetchone()[0]
    finally:
        if store is not project:
            store.close()
    done = outcomes[0]
    return QdpxExport(out, done.cases, done.sources, done.codings, quotes, dict(done.left_out))


def export_qdc(source: str | Path | Store, out: str | Path, *, force: bool = False,
               allow_plaintext: bool = False) -> Codebook:
    """Write a codebook as a REFI-QDA codebook (.qdc): a project's active codebook, or a
    codebook YAML file. Same refusals as export_qdpx."""
    out = check_output(out, force=force)
    codebook = _codebook_of(source, allow_plaintext)
    root = ET.Element(f"{{{CODEBOOK_NS}}}CodeBook", {"origin": origin()})
    root.append(codes_element(codebook, CODEBOOK_NS))
    xml = to_xml(root)
    write_whole(out, lambda partial: partial.write_bytes(xml))
    return codebook


def _codebook_of(source: str | Path | Store, allow_plaintext: bool) -> Codebook:
    if isinstance(source, Store):
        return source.codebook
    path = Path(source)
    if path.suffix.lower() in (".yaml", ".yml"):
        return load_codebook(path)
    check_plaintext(path, allow_plaintext=allow_plaintext, what="its codebook")
    store = open_store(path, readonly=True)
    try:
        return store.codebook
    finally:
        store.close()


def _project_path(project: str | Path | Store) -> Path:
    if isinstance(project, Store):
        return Path(project.db.conn.execute("PRAGMA database_list").fetchone()[2])
    return Path(project)
