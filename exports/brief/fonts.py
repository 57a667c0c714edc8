"""The brief's typeface: DejaVu Sans, shipped in resources/fonts and embedded (subset) in every
PDF, so that names such as "Zoë" or "Łukasz" render whatever fonts the reader has."""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from schema.errors import CasecoderError
from schema.resources import RESOURCES

FONT_DIR = RESOURCES / "fonts"
FAMILY = "BriefSans"
FACES = {  # reportlab font name -> (file, bold, italic)
    FAMILY: ("DejaVuSans.ttf", 0, 0),
    f"{FAMILY}-Bold": ("DejaVuSans-Bold.ttf", 1, 0),
    f"{FAMILY}-Italic": ("DejaVuSans-Oblique.ttf", 0, 1),
    f"{FAMILY}-BoldItalic": ("DejaVuSans-BoldOblique.ttf", 1, 1),
}
REGULAR, BOLD, ITALIC = FAMILY, f"{FAMILY}-Bold", f"{FAMILY}-Italic"


@cache
def register_fonts() -> str:
    """Register the family once per process (so <b> and <i> pick the right face)."""
    for name, (file_name, bold, italic) in FACES.items():
        path = FONT_DIR / file_name
        if not path.is_file():
            raise CasecoderError(f"the brief's font {path} is missing; reinstall Casecoder")
        pdfmetrics.registerFont(TTFont(name, str(path)))
        addMapping(FAMILY, bold, italic, name)
    return FAMILY
