"""Turning plain text entered by coders into reportlab paragraphs, safely.

Everything is XML-escaped (a "<" in a finding must not become markup). Blank lines separate
paragraphs, single line breaks are kept, and lines that start with "-", "*" or "•" become
bullets, since reviews and coders write lists that way.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph

from exports.brief.content import Item
from exports.brief.styles import LINK_HEX, MUTED_HEX, styles

_BLOCKS = re.compile(r"\n\s*\n")
_BULLET = re.compile(r"^\s*[-*•]\s+")
LINKABLE = ("http://", "https://", "mailto:")


def esc(text: str) -> str:
    return escape(text, {'"': "&quot;"})


def text_flowables(text: str, style: str = "body") -> list[Flowable]:
    """Paragraphs (and bullets) for a piece of free text."""
    found: list[Flowable] = []
    for block in _BLOCKS.split(text.replace("\r\n", "\n").strip()):
        plain: list[str] = []
        for line in block.split("\n"):
            if _BULLET.match(line):
                found += _plain(plain, style)
                plain = []
                found.append(bullet(esc(_BULLET.sub("", line))))
            elif line.strip():
                plain.append(esc(line.strip()))
        found += _plain(plain, style)
    return found


def _plain(lines: list[str], style: str) -> list[Flowable]:
    return [Paragraph("<br/>".join(lines), styles()[style])] if lines else []


def bullet(markup: str, style: str = "bullet") -> Paragraph:
    return Paragraph(markup, styles()[style], bulletText="•")


def tag(item: Item) -> str:
    """A small grey label naming where an item comes from and what it is about."""
    parts = [p for p in (item.source, item.note) if p]
    if not parts:
        return ""
    return f'<font size="8.5" color="{MUTED_HEX}">{esc(" · ".join(parts))}</font>'


def link(title: str, url: str) -> str:
    """A clickable link when the address is a web or mail address, else plain text."""
    shown = esc(title or url)
    if not url.lower().startswith(LINKABLE):
        return shown
    return f'<a href="{esc(url)}" color="{LINK_HEX}"><u>{shown}</u></a>'
