"""PDF files for the document tests, generated on the spot: good ones with reportlab, broken
ones by cutting and changing the bytes of a good one. All text is written for these tests."""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

WIDTH, HEIGHT = A4
MARGIN, TEXT_X, LEADING = 72.0, 108.0, 15.0

# Two short review documents: each page is a list of (paragraph number or "", line of text).
OVERVIEW = [
    [("", "Safeguarding Adult Review: Overview Report"),
     ("4.11", "The housing officer visited the flat on 3 March and found it cold."),
     ("", "Nobody asked the tenant whether she felt safe with her son."),
     ("4.12", "The GP recorded a fall with bruising to both arms in April."),
     ("", "The surgery did not share the record with adult social care,"),
     ("", "and the pharmacist noticed that repeat prescriptions were collected")],
    [("", "by the son rather than by the tenant herself, which was unusual for her."),
     ("", "The panel regards this as a missed opportunity for professional curiosity."),
     ("4.13", "The ambulance crew attended after a neighbour called on 9 May."),
     ("", "Their safeguarding referral was closed without contact being made.")],
    [("5.1", "Learning: agencies should record the voice of the adult at every contact."),
     ("", "Coercive control by an adult child is rarely named in the records.")],
]
SUMMARY = [
    [("", "Executive Summary"),
     ("1.1", "This summary sets out the learning for the partnership board."),
     ("1.2", "Hoarding and self-neglect were present for several years."),
     ("", "Nobody coordinated a multi-agency meeting about the risk of fire.")],
]


def write_text_pdf(path: Path, pages: list[list[tuple[str, str]]], *,
                   encrypt: StandardEncryption | None = None) -> Path:
    """A PDF whose numbered paragraphs have the number in the left margin, like a review."""
    canvas = Canvas(str(path), pagesize=A4, invariant=True, encrypt=encrypt)
    for page in pages:
        y = HEIGHT - MARGIN
        canvas.setFont("Helvetica", 11)
        for number, text in page:
            if number:
                canvas.drawString(MARGIN, y, number)
            canvas.drawString(TEXT_X if number or y < HEIGHT - MARGIN else MARGIN, y, text)
            y -= LEADING
        canvas.showPage()
    canvas.save()
    return path


def overview_pdf(folder: Path, name: str = "overview.pdf") -> Path:
    return write_text_pdf(folder / name, OVERVIEW)


def summary_pdf(folder: Path, name: str = "summary.pdf") -> Path:
    return write_text_pdf(folder / name, SUMMARY)


def encrypted_pdf(folder: Path, password: str) -> Path:
    """The overview, readable only with `password` (reportlab's standard encryption)."""
    encryption = StandardEncryption(password, ownerPassword="owner-" + password, strength=128)
    return write_text_pdf(folder / "protected.pdf", OVERVIEW, encrypt=encryption)


# Same-length or tolerated edits of the encryption dictionary that pdfminer cannot decrypt:
# a certificate security handler, an unknown algorithm, an unknown revision.
UNSUPPORTED_ENCRYPTION = {
    "certificate": (b"/Filter /Standard", b"/Filter /Adobe.PubSec"),
    "algorithm": (b"\n  /V 2\n", b"\n  /V 9\n"),
    "revision": (b" /R 3 ", b" /R 9 "),
}


def unsupported_encryption_pdf(folder: Path, kind: str) -> Path:
    """The encrypted overview with its encryption dictionary changed as UNSUPPORTED_ENCRYPTION
    says: no password opens it, and pdfminer's error quotes the whole dictionary."""
    old, new = UNSUPPORTED_ENCRYPTION[kind]
    data = encrypted_pdf(folder, "kestrel-42").read_bytes()
    assert data.count(old) == 1, kind
    path = folder / f"sealed-{kind}.pdf"
    path.write_bytes(data.replace(old, new))
    return path


def image_only_pdf(folder: Path) -> Path:
    """One page holding only a picture, as a scanned report would."""
    picture = Image.new("RGB", (400, 560), "white")
    for x in range(40, 360):
        for y in range(60, 500, 24):
            picture.putpixel((x, y), (20, 20, 20))
    path = folder / "scanned.pdf"
    canvas = Canvas(str(path), pagesize=A4, invariant=True)
    canvas.drawImage(ImageReader(picture), MARGIN, MARGIN, WIDTH - 2 * MARGIN,
                     HEIGHT - 2 * MARGIN)
    canvas.showPage()
    canvas.save()
    return path


def many_lines_pdf(folder: Path, lines: int = 40_000) -> Path:
    """Page 1 ordinary text, page 2 tens of thousands of drawn lines, page 3 text again."""
    path = folder / "drawing.pdf"
    canvas = Canvas(str(path), pagesize=A4, invariant=True)
    canvas.setFont("Helvetica", 11)
    canvas.drawString(MARGIN, HEIGHT - MARGIN, "3.1 The site plan follows on the next page.")
    canvas.showPage()
    rng = random.Random(3)
    canvas.setLineWidth(0.1)
    for _ in range(lines):
        canvas.line(rng.uniform(0, WIDTH), rng.uniform(0, HEIGHT),
                    rng.uniform(0, WIDTH), rng.uniform(0, HEIGHT))
    canvas.showPage()
    canvas.setFont("Helvetica", 11)
    canvas.drawString(MARGIN, HEIGHT - MARGIN, "3.2 The plan shows the route the ambulance took.")
    canvas.showPage()
    canvas.save()
    return path


# Broken files, made from the bytes of a good PDF ------------------------------------------

def empty_file(folder: Path) -> Path:
    path = folder / "empty.pdf"
    path.write_bytes(b"")
    return path


def html_file(folder: Path) -> Path:
    path = folder / "report.pdf"
    path.write_text("<!DOCTYPE html>\n<html><head><title>Overview report</title></head>"
                    "<body><p>Download the report</p></body></html>\n", encoding="utf-8")
    return path


def header_only(folder: Path) -> Path:
    path = folder / "header.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    return path


def truncated(folder: Path, good: Path, fraction: float = 0.5) -> Path:
    data = good.read_bytes()
    path = folder / "truncated.pdf"
    path.write_bytes(data[: int(len(data) * fraction)])
    return path


def corrupted(folder: Path, good: Path, changes: int = 200, seed: int = 1) -> Path:
    """`good` with `changes` bytes, after the header, set to random values."""
    data = bytearray(good.read_bytes())
    rng = random.Random(seed)
    for offset in rng.sample(range(16, len(data)), changes):
        data[offset] = rng.randrange(256)
    path = folder / f"corrupted-{seed}.pdf"
    path.write_bytes(bytes(data))
    return path


def junk_before_header(folder: Path, good: Path, junk: int) -> Path:
    path = folder / f"junk-{junk}.pdf"
    path.write_bytes(b"X" * (junk - 1) + b"\n" + good.read_bytes())
    return path
