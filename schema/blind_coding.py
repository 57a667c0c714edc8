"""Blind second coding: while a case is being coded by more than one person, each coder sees
only their own coding of it.

A project setting (the `blind_coding` row of `meta`, "on" or "off"; off unless set). While
it is on, a case is *blind* until it has codings by at least two coders and every one of its
non-consensus codings is marked coded or checked (each coding has a status of its own, set by
its coder; schema migration 8). Until then a coder is shown only the codings they made
themselves (Coding.coder is their name): the form, the coding switcher, the quote bank and
the agreement drill-down leave the others out, and reconciliation is refused. A coder who
opens a blind case they have not coded gets a coding of their own, so the second coder never
starts from the first one's answers. Once the case is complete it is open to everyone, as
with the setting off. A consensus coding does not count towards completeness (it is made by
reconciling), but it is hidden like any other while the case is blind.
"""

from __future__ import annotations

import sqlite_utils

from schema.records import Coding

SETTING = "blind_coding"
COMPLETE = ("coded", "checked")


def is_on(db: sqlite_utils.Database) -> bool:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [SETTING]).fetchone()
    return bool(row) and row[0] == "on"


def complete(codings: list[Coding]) -> bool:
    """True when a case's codings may be compared: two coders or more, every non-consensus
    coding marked coded or checked."""
    counted = [c for c in codings if c.kind != "consensus"]
    return (len({c.coder for c in counted}) >= 2
            and all(c.status in COMPLETE for c in counted))


def visible(codings: list[Coding], coder: str, blind: bool) -> list[Coding]:
    """The codings of one case that `coder` may see."""
    if not blind or complete(codings):
        return list(codings)
    return [c for c in codings if c.coder == coder]


def own_coding(codings: list[Coding], coder: str) -> Coding | None:
    """The coder's own coding of a blind case: their primary, else their second coding."""
    mine = [c for c in codings if c.coder == coder and c.kind != "consensus"]
    mine.sort(key=lambda c: c.kind != "primary")
    return mine[0] if mine else None


def waiting_message(reference: str, codings: list[Coding]) -> str:
    """Why a blind case cannot be compared yet, in one line."""
    counted = [c for c in codings if c.kind != "consensus"]
    done = sum(1 for c in counted if c.status in COMPLETE)
    return (f"{reference} is blind-coded: its codings can be compared once two coders or "
            f"more have coded it and each coding is marked coded or checked ({done} of "
            f"{len(counted)} marked so far). Nothing was opened.")
