"""Which pages of two look-alike documents differ, for a person deciding whether they are the
same review.

Each page of one document is paired with the page of the other that shares most of its
shingles (pages may have moved: a new cover page shifts every page by one). A page whose best
partner shares less than `SAME_PAGE` of its text, or that has no partner at all, is listed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from schema.documents.fingerprint import jaccard, shingle_hashes

SAME_PAGE = 0.8
MAX_LISTED = 50


@dataclass(frozen=True)
class PageDifference:
    """A page of the first document (or None) against its closest page of the second (or
    None), and how alike their text is (0 to 1)."""

    first_page: int | None
    second_page: int | None
    similarity: float

    def as_dict(self) -> dict:
        return {"first_page": self.first_page, "second_page": self.second_page,
                "similarity": round(self.similarity, 3)}


def differing_pages(first: list[str], second: list[str]) -> list[PageDifference]:
    """The pages that differ between two documents given as lists of page text."""
    first_sets = [shingle_hashes(text) for text in first]
    second_sets = [shingle_hashes(text) for text in second]
    partners = _best_partners(first_sets, second_sets)
    found: list[PageDifference] = []
    used: set[int] = set()
    for index, shingles in enumerate(first_sets):
        partner = partners.get(index)
        if partner is None:
            if shingles or second_sets:
                found.append(PageDifference(index + 1, None, 0.0))
            continue
        used.add(partner)
        score = jaccard(shingles, second_sets[partner])
        if score < SAME_PAGE:
            found.append(PageDifference(index + 1, partner + 1, score))
    found += [PageDifference(None, index + 1, 0.0)
              for index in range(len(second_sets)) if index not in used]
    return found[:MAX_LISTED]


def _best_partners(first: list[set[int]], second: list[set[int]]) -> dict[int, int]:
    """For each page of `first`, the page of `second` sharing the most shingles; pages that
    share nothing have none. Ties go to the nearest page number."""
    where: dict[int, list[int]] = defaultdict(list)
    for index, shingles in enumerate(second):
        for value in shingles:
            where[value].append(index)
    partners = {}
    for index, shingles in enumerate(first):
        shared = Counter(page for value in shingles for page in where.get(value, ()))
        if shared:
            partners[index] = max(shared, key=lambda page: (shared[page], -abs(page - index)))
    return partners
