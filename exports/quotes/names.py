"""Registered real names out of an exported quote bank, as in the learning brief.

Quotes are the reviews' own words, and a review may name the people it is about. Before a
quote bank leaves the project as a file, each case's registered real names (and, since one
review can name another's people, every other case's) are replaced by their pseudonyms in
its quotes and answers. The window shows the quotes as stored, so they match the page.
"""

from __future__ import annotations

from dataclasses import replace

from exports.brief.pseudonyms import Pseudonymiser
from exports.quotes.bank import QuoteBank


def pseudonymised(store, bank: QuoteBank) -> QuoteBank:
    """The bank with every registered real name replaced in its quotes and answers."""
    registers = {case.id: [(p.real_name, p.pseudonym) for p in store.pseudonyms(case.id)]
                 for case in store.list_cases()}
    everyone = [pair for pairs in registers.values() for pair in pairs]
    if not everyone:
        return bank
    cleaners: dict[str, Pseudonymiser] = {}
    rows = []
    for row in bank.rows:
        names = cleaners.get(row.case_id)
        if names is None:
            names = cleaners[row.case_id] = Pseudonymiser(registers.get(row.case_id, [])
                                                          + everyone)
        rows.append(replace(row, quote=names.clean(row.quote), answer=names.clean(row.answer)))
    return replace(bank, rows=rows)
