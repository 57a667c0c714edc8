"""Building a learning brief from the store: gather, pseudonymise, compose, render.

The same function serves the command line and the in-app preview (which runs it on a worker
thread with a store of its own).

Which cases a brief uses: a thematic brief counts only cases marked coded or checked (and in
progress ones when asked), like the summary tables (schema.counting); the others are listed
as left out, with why. Any brief refuses a case with fewer than
`schema.counting.MIN_ANSWERED_FOR_BRIEF` answered fields rather than print a near-empty
page: a one-case brief fails (`BriefRefused`), a thematic one leaves that case out.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from exports.brief.compose import compose_case_brief, compose_thematic_brief
from exports.brief.content import BriefContent, CaseMaterial, all_texts
from exports.brief.material import read_case_material
from exports.brief.pages import Furniture, render
from exports.brief.pseudonyms import Pseudonymiser
from exports.brief.scope import BriefScope, resolve_cases
from schema.codebook_model import Codebook
from schema.counting import MIN_ANSWERED_FOR_BRIEF, STATUS_WORDS, counted_statuses
from schema.errors import CasecoderError, ValidationError
from schema.records import Case
from schema.store import Store

MAX_MARKING = 40
Step = Callable[[int, int, str], None]


class BriefRefused(CasecoderError):
    """The cases asked for hold too little coding for a brief worth printing."""

    exit_code = 1


@dataclass(frozen=True)
class BriefResult:
    pdf: bytes
    pages: int
    title: str
    cases: list[str]
    skipped: list[str] = field(default_factory=list)
    """Cases left out of a thematic brief, each as "REF: why"."""
    page_room: tuple[float, ...] = ()
    """Per page, the share of the text area left empty below the content (for layout
    checks)."""


def build_brief(store: Store, scope: BriefScope, *, marking: str = "",
                today: date | None = None, on_step: Step | None = None,
                include_in_progress: bool = False) -> BriefResult:
    """Build the brief a scope asks for. Raises a one-line CasecoderError if it cannot."""
    marking = check_marking(marking)
    step = on_step or (lambda done, total, message: None)
    cases = resolve_cases(store, scope)
    skipped: list[str] = []
    if scope.is_thematic:
        cases, skipped = _counted(cases, include_in_progress)
    everyone = _register(store, cases)
    everyone.check_register()
    materials, thin = _gather(store, cases, scope, step)
    skipped += thin
    if scope.is_thematic:
        content = compose_thematic_brief(materials, scope.heading(store.codebook))
    else:
        content = compose_case_brief(materials[0])
    _refuse_real_names(content, everyone)
    step(len(cases), len(cases) + 1, "Laying out the pages")
    furniture = Furniture(marking, today or date.today(), content.codebook)
    rendered = render(content, furniture)
    step(len(cases) + 1, len(cases) + 1, f"{rendered.pages} pages")
    return BriefResult(rendered.pdf, rendered.pages, content.title,
                       [m.reference for m in materials], skipped, rendered.page_room)


def check_marking(marking: str | None) -> str:
    """A protective marking is one short line, e.g. OFFICIAL-SENSITIVE."""
    marking = (marking or "").strip()
    if "\n" in marking or len(marking) > MAX_MARKING:
        raise ValidationError(f"a protective marking is one short line such as "
                              f"OFFICIAL-SENSITIVE (at most {MAX_MARKING} characters)")
    return marking


def write_pdf(path: str | Path, data: bytes) -> None:
    """Write the file in one step: a failure leaves any earlier file at that path untouched."""
    target = Path(path)
    if not target.parent.is_dir():
        raise CasecoderError(f"cannot write {target}: the folder {target.parent} does not exist")
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".brief-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, target)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise CasecoderError(f"cannot write {target}: {exc.strerror or exc}") from None


def _counted(cases: list[Case], include_in_progress: bool) -> tuple[list[Case], list[str]]:
    """The cases of a thematic brief whose status counts, and the others as "REF: why"."""
    statuses = counted_statuses(include_in_progress)
    kept = [case for case in cases if case.status in statuses]
    left = [f"{case.reference}: marked {STATUS_WORDS.get(case.status, case.status)}"
            for case in cases if case.status not in statuses]
    if not kept:
        hint = "" if include_in_progress else " (or include cases in progress)"
        which = "the only case is not" if len(cases) == 1 else \
            f"none of the {len(cases)} cases is"
        raise BriefRefused(f"{which} marked coded or checked; mark cases coded when their "
                           f"coding is finished{hint}")
    return kept, left


def _thin(store: Store, case: Case) -> str:
    """Why a case holds too little for a brief ("" if it holds enough)."""
    coding = store.coding_for_tables(case.id)
    answered = store.answered_count(coding.id) if coding else 0
    if answered >= MIN_ANSWERED_FOR_BRIEF:
        return ""
    held = "no coding yet" if coding is None else \
        f"only {answered} answered field{'' if answered == 1 else 's'}"
    return f"{held}, and a brief needs at least {MIN_ANSWERED_FOR_BRIEF}"


def _register(store: Store, cases: list[Case]) -> Pseudonymiser:
    return Pseudonymiser((p.real_name, p.pseudonym) for case in cases
                         for p in store.pseudonyms(case.id))


def _gather(store: Store, cases: list[Case], scope: BriefScope,
            step: Step) -> tuple[list[CaseMaterial], list[str]]:
    """Each case's material, cleaned with its own register first and then everyone's."""
    books: dict[str, Codebook] = {}
    others = [(p.real_name, p.pseudonym) for case in cases for p in store.pseudonyms(case.id)]
    materials, skipped = [], []
    for done, case in enumerate(cases):
        step(done, len(cases) + 1, f"Reading {case.reference}")
        thin = _thin(store, case)
        if thin and not scope.is_thematic:
            raise BriefRefused(f"case {case.reference} has {thin}; code more of it before "
                               f"building its brief")
        if thin:
            skipped.append(f"{case.reference}: {thin}")
            continue
        own = [(p.real_name, p.pseudonym) for p in store.pseudonyms(case.id)]
        materials.append(read_case_material(store, case, Pseudonymiser(own + others), books))
    if not materials:
        which = "the only counted case does not hold" if len(cases) == 1 else \
            f"none of the {len(cases)} counted cases holds"
        raise BriefRefused(f"{which} enough coding for a brief (at least "
                           f"{MIN_ANSWERED_FOR_BRIEF} answered fields each)")
    return materials, skipped


def _refuse_real_names(content: BriefContent, names: Pseudonymiser) -> None:
    """A last check: no registered real name may reach the page, whatever path it took."""
    for text in all_texts(content):
        if names.find(text):
            raise ValidationError("a registered real name would appear in the brief; check the "
                                  "case's name register and the codebook labels")
