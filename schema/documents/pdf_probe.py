"""Reading a file offered for import and deciding, before any PDF parsing, whether it can be one.

These checks are cheap and run in the importing process: an empty file, HTML saved as .pdf or
a file that lacks the `%PDF-` header never reaches a worker. The sha256 of the bytes is the
document's id, so a file already in the project is recognised by its hash alone.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

PDF_MAGIC = b"%PDF-"
HEADER_WINDOW = 1024  # PDF readers accept the header anywhere in the first 1024 bytes


@dataclass(frozen=True)
class ProbedFile:
    """A file read into memory with its hash; `problem` is set when it cannot be a PDF."""

    path: Path
    data: bytes
    sha256: str
    problem: str = ""


def probe_file(path: str | Path) -> ProbedFile:
    """Read `path` and check that it looks like a PDF. Raises OSError if it cannot be read."""
    path = Path(path)
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    return ProbedFile(path=path, data=data, sha256=digest, problem=not_a_pdf_reason(data))


def not_a_pdf_reason(data: bytes) -> str:
    """Why `data` cannot be a PDF, or "" if it might be one."""
    if not data:
        return "the file is empty"
    start = data.find(PDF_MAGIC, 0, HEADER_WINDOW)
    if start < 0:
        return f"it is not a PDF (it starts with {_describe_start(data)})"
    if b"%%EOF" not in data and b"obj" not in data[start:]:
        return "it holds a PDF header but no PDF content"
    return ""


def _describe_start(data: bytes) -> str:
    head = data[:64].lstrip()
    lowered = head.lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return "an HTML page; save the PDF itself, not the web page"
    if lowered.startswith(b"pk\x03\x04"):
        return "a ZIP archive, perhaps a Word document"
    text = head[:24].decode("ascii", errors="replace")
    printable = "".join(ch if ch.isprintable() else "?" for ch in text)
    return repr(printable)
