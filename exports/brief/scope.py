"""Which cases a brief covers: one case, chosen cases, a category or a review type."""

from __future__ import annotations

from dataclasses import dataclass

from schema.codebook_model import Codebook
from schema.errors import NotFoundError, ValidationError
from schema.records import Case, CaseFilter
from schema.store import Store

KINDS = ("case", "cases", "category", "review_type")


@dataclass(frozen=True)
class BriefScope:
    """`values` are case references (or ids) for "case"/"cases", else one codebook key."""

    kind: str
    values: tuple[str, ...]

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValidationError(f"unknown brief scope {self.kind!r}")
        if not self.values or not all(v.strip() for v in self.values):
            raise ValidationError(f"a brief for {self.kind.replace('_', ' ')} needs a value")

    @classmethod
    def case(cls, reference: str) -> BriefScope:
        return cls("case", (reference,))

    @classmethod
    def cases(cls, references: list[str] | tuple[str, ...]) -> BriefScope:
        return cls("cases", tuple(references))

    @classmethod
    def category(cls, key: str) -> BriefScope:
        return cls("category", (key,))

    @classmethod
    def review_type(cls, key: str) -> BriefScope:
        return cls("review_type", (key,))

    @property
    def is_thematic(self) -> bool:
        return self.kind != "case"

    def heading(self, book: Codebook) -> str:
        """What a thematic brief is about, for its title."""
        if self.kind == "category":
            return book.category_label(self.values[0])
        if self.kind == "review_type":
            return plural_title(book.review_type_short(self.values[0]))
        return "Selected reviews"


def plural_title(name: str) -> str:
    """A review type's name as a title for all reviews of that type: "Joint reviews". Names
    that an added "s" would garble (an abbreviation, a bracket) are put another way."""
    if name[-1:].isalpha() and name[-1:].islower() and not name.endswith("s"):
        return f"{name}s"
    return f"Reviews of type {name}"


def resolve_cases(store: Store, scope: BriefScope) -> list[Case]:
    """The cases a scope names, in a stable order. Raises a one-line error if there are none."""
    if scope.kind in ("case", "cases"):
        found = {case.id: case for case in (find_case(store, ref) for ref in scope.values)}
        return list(found.values())
    key = scope.values[0]
    book = store.codebook
    options = book.categories if scope.kind == "category" else book.review_types
    what = scope.kind.replace("_", " ")
    if key not in {o.key for o in options}:
        raise ValidationError(f"unknown {what} {key!r}; expected one of "
                              f"{', '.join(o.key for o in options)}")
    cases = store.list_cases(CaseFilter(**{scope.kind: key}))
    if not cases:
        raise NotFoundError(f"the project has no cases of {what} {key!r}")
    return cases


def find_case(store: Store, reference: str) -> Case:
    """A case by its reference (ignoring case) or, failing that, by its id."""
    matches = store.find_cases(reference)
    if len(matches) > 1:
        sites = ", ".join(sorted({c.site or "-" for c in matches}))
        raise ValidationError(f"reference {reference!r} matches {len(matches)} cases (sites: "
                              f"{sites}); give the case id instead")
    if matches:
        return matches[0]
    try:
        return store.get_case(reference.strip())
    except NotFoundError:
        raise NotFoundError(f"no case with reference {reference!r}; 'casecoder cases PROJECT' "
                            f"lists them") from None
