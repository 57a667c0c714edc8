"""The brief's look: page geometry, an accessible colour palette and paragraph styles.

Body text is 10 pt DejaVu Sans on 14 pt leading; every text colour passes WCAG AA contrast
(4.5:1) against the background it sits on.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from exports.brief.fonts import BOLD, ITALIC, REGULAR, register_fonts

PAGE = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 22 * mm

INK = colors.HexColor("#1B1F24")
MUTED_HEX = "#4A5561"
LINK_HEX = "#0B57A4"
MUTED = colors.HexColor(MUTED_HEX)
NAVY = colors.HexColor("#1F3A5F")
MARKING_RED = colors.HexColor("#A4001D")
RULE_GREY = colors.HexColor("#C9D1DA")
FACTS_BG = colors.HexColor("#EEF2F6")


@dataclass(frozen=True)
class BoxStyle:
    """A tinted box with a coloured rule down its left side."""

    background: colors.Color
    rule: colors.Color
    title_colour: colors.Color


HEADER_BOX = BoxStyle(NAVY, colors.HexColor("#F2B134"), colors.white)
FINDING_BOX = BoxStyle(colors.HexColor("#FFF4DE"), colors.HexColor("#B86E00"),
                       colors.HexColor("#6B3F00"))
GOOD_PRACTICE_BOX = BoxStyle(colors.HexColor("#E7F4EA"), colors.HexColor("#2E7D32"),
                             colors.HexColor("#1B5E20"))
LEARNING_BOX = BoxStyle(colors.HexColor("#E8F0F9"), colors.HexColor("#2B6CB0"),
                        colors.HexColor("#1A4E85"))
QUOTE_BOX = BoxStyle(colors.HexColor("#F4F1F8"), colors.HexColor("#6A4C93"),
                     colors.HexColor("#4B3270"))


@cache
def styles() -> dict[str, ParagraphStyle]:
    """The named paragraph styles, built once the fonts are registered."""
    register_fonts()
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=10, leading=14, textColor=INK,
                          spaceAfter=5)
    made = {
        "body": body,
        "small": ParagraphStyle("small", body, fontSize=8.5, leading=11.5, textColor=MUTED,
                                spaceAfter=0),
        "kicker": ParagraphStyle("kicker", body, fontName=BOLD, fontSize=10, leading=13,
                                 textColor=colors.HexColor("#F2B134"), spaceAfter=4),
        "title": ParagraphStyle("title", body, fontName=BOLD, fontSize=20, leading=25,
                                textColor=colors.white, spaceAfter=6),
        "subject": ParagraphStyle("subject", body, fontSize=11, leading=15,
                                  textColor=colors.white, spaceAfter=3),
        "note": ParagraphStyle("note", body, fontName=ITALIC, fontSize=8.5, leading=11.5,
                               textColor=colors.HexColor("#DCE4EE"), spaceAfter=0),
        "h2": ParagraphStyle("h2", body, fontName=BOLD, fontSize=13.5, leading=17,
                             textColor=NAVY, spaceBefore=12, spaceAfter=6),
        "h3": ParagraphStyle("h3", body, fontName=BOLD, fontSize=11, leading=14,
                             textColor=NAVY, spaceBefore=4, spaceAfter=4, keepWithNext=1),
        "box_title": ParagraphStyle("box_title", body, fontName=BOLD, fontSize=10.5,
                                    leading=14, spaceAfter=4, keepWithNext=1),
        "tag": ParagraphStyle("tag", body, fontSize=8.5, leading=11.5, textColor=MUTED,
                              spaceAfter=0, keepWithNext=1),
        "bullet": ParagraphStyle("bullet", body, leftIndent=12, bulletIndent=0, spaceAfter=4),
        "quote": ParagraphStyle("quote", body, fontName=ITALIC, fontSize=10.5, leading=15),
        "fact_label": ParagraphStyle("fact_label", body, fontName=BOLD, fontSize=8,
                                     leading=10, textColor=MUTED, spaceAfter=1),
        "fact_value": ParagraphStyle("fact_value", body, fontName=BOLD, fontSize=12,
                                     leading=15, textColor=NAVY, spaceAfter=1),
        "fact_detail": ParagraphStyle("fact_detail", body, fontSize=8.5, leading=11.5,
                                      textColor=INK, spaceAfter=0),
        "cell": ParagraphStyle("cell", body, fontSize=8.5, leading=11.5, spaceAfter=0),
        "cell_head": ParagraphStyle("cell_head", body, fontName=BOLD, fontSize=8.5,
                                    leading=11.5, textColor=colors.white, spaceAfter=0),
        "marking": ParagraphStyle("marking", body, fontName=BOLD, fontSize=10,
                                  alignment=TA_CENTER, textColor=MARKING_RED),
    }
    return made
