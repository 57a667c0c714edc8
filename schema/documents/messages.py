"""Error text made fit for a one-line status message.

pdfminer.six and the system put whatever they hold into their errors: whole dictionaries with
bytes, stream reprs, several lines. A status line shows only the readable start of such text,
so that each file's line stays one line of about 200 characters at most.
"""

from __future__ import annotations

import re

# Where a message starts quoting an object: "Unknown filter: param={...}", "...: <PDFStream",
# "...=b'\x00'" and the like. The text before it is the part worth showing.
_QUOTED_OBJECT = re.compile(r"""[:=]?\s*(?:\w+=)?(?:[{<\[]|\bb['"])""")


def short_text(message: str, limit: int = 60) -> str:
    """The first line of `message`, cut before any quoted object, printable, and at most
    `limit` characters (an ellipsis marks a cut)."""
    lines = message.strip().splitlines()
    text = lines[0] if lines else ""
    quoted = _QUOTED_OBJECT.search(text)
    if quoted and quoted.start() > 0:
        text = text[:quoted.start()]
    text = " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
    if len(text) > limit:
        text = text[:limit - 1].rstrip() + "…"
    return text
