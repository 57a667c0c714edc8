"""Turning case material into a brief: one case as it stands, or several cases aggregated."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from exports.brief.content import BriefContent, CaseMaterial, Fact, Item, Link

ANONYMITY_NOTE = ("To protect the people involved and their families, their names and "
                  "other details that could identify them have been altered.")
UNTHEMED = "Other learning"


def compose_case_brief(m: CaseMaterial) -> BriefContent:
    """A brief for one case, following the shape of a board's one-case learning brief."""
    subject = m.subject or m.reference
    name = m.review_type_short or m.review_type
    facts = [Fact("Review type", m.review_type, m.category),
             _count_fact("Agencies involved", m.agencies, "agency", "agencies"),
             _count_fact("Local authorities", m.local_authorities, "local authority",
                         "local authorities"),
             Fact("Full review published", m.published)]
    return BriefContent(
        kind=f"Learning brief · {name}",
        title=m.title or f"{name} {m.reference}",
        subject=f"{subject} (review {m.reference})" if m.subject else f"Review {m.reference}",
        anonymity_note=ANONYMITY_NOTE, codebook=m.codebook,
        background=(Item(m.summary),) if m.summary else (),
        facts=tuple(f for f in facts if f.value), themes=tuple(Item(t) for t in m.themes),
        findings=m.findings,
        good_practice=m.good_practice, learning=group_by_theme(m.learning),
        voice_heading=f"Hearing the voice of {subject}",
        voice=(Item(m.voice),) if m.voice else (),
        voice_quotes=tuple(Item(q) for q in m.voice_quotes),
        families=(Item(m.families),) if m.families else (),
        family_quotes=tuple(Item(q) for q in m.family_quotes),
        recommendations=m.recommendations, links=m.links, case_count=1,
        timeline=m.timeline)


def compose_thematic_brief(materials: list[CaseMaterial], heading: str) -> BriefContent:
    """A brief across several cases: facts are aggregated, every item names its case."""
    n = len(materials)
    return BriefContent(
        kind="Thematic learning brief", title=heading,
        subject=f"Learning from {n} review{'s' if n != 1 else ''}: " + ", ".join(
            f"{m.reference} ({m.subject})" if m.subject else m.reference for m in materials),
        anonymity_note=ANONYMITY_NOTE,
        codebook=", ".join(dict.fromkeys(m.codebook for m in materials)),
        background=tuple(Item(m.summary, m.subject, m.reference) for m in materials
                         if m.summary),
        facts=_thematic_facts(materials), themes=_theme_counts(materials),
        findings=_sourced(materials, "findings"),
        good_practice=_sourced(materials, "good_practice"),
        learning=group_by_theme(_sourced(materials, "learning")),
        voice_heading="Hearing the voice of the person",
        voice=tuple(Item(m.voice, source=m.reference) for m in materials if m.voice),
        voice_quotes=tuple(Item(q, source=m.reference) for m in materials
                           for q in m.voice_quotes),
        families=tuple(Item(m.families, source=m.reference) for m in materials if m.families),
        family_quotes=tuple(Item(q, source=m.reference) for m in materials
                            for q in m.family_quotes),
        recommendations=tuple(replace(r, source=m.reference) for m in materials
                              for r in m.recommendations),
        links=_unique_links(materials), case_count=n)


def group_by_theme(items: tuple[Item, ...]) -> tuple[tuple[str, tuple[Item, ...]], ...]:
    """Learning items under their theme headings, themes in order of first appearance."""
    groups: dict[str, list[Item]] = {}
    for item in items:
        groups.setdefault(item.note or UNTHEMED, []).append(Item(item.text, "", item.source))
    if UNTHEMED in groups:
        groups[UNTHEMED] = groups.pop(UNTHEMED)
    return tuple((theme, tuple(found)) for theme, found in groups.items())


def _count_fact(label: str, names: tuple[str, ...], one: str, many: str) -> Fact:
    if not names:
        return Fact(label, "")
    return Fact(label, _plural(len(names), one, many), ", ".join(names))


def _thematic_facts(materials: list[CaseMaterial]) -> tuple[Fact, ...]:
    n = len(materials)
    types = Counter(m.review_type_short or m.review_type for m in materials)
    categories = Counter(m.category for m in materials if m.category)
    agencies = Counter(a for m in materials for a in m.agencies)
    authorities = tuple(dict.fromkeys(a for m in materials for a in m.local_authorities))
    facts = [Fact("Reviews", _plural(n, "review", "reviews"), _counted(types)),
             Fact("Categories", _plural(len(categories), "category", "categories"),
                  _counted(categories))
             if len(categories) > 1 else Fact("Category", ", ".join(categories)),
             Fact("Agencies involved", _plural(len(agencies), "agency", "agencies")
                  if agencies else "", _counted(agencies)),
             _count_fact("Local authorities", authorities, "local authority",
                         "local authorities"),
             _published_fact(materials)]
    return tuple(f for f in facts if f.value)


def _published_fact(materials: list[CaseMaterial]) -> Fact:
    """How many of the reviews were published in full, said the way a reader would say it:
    "None of 2" with "not stated in 1 review" beneath, "1 of 3", "Both"."""
    flags = [m.published_flag for m in materials]
    n, published, unknown = len(flags), flags.count(True), flags.count(None)
    if unknown == n:
        return Fact("Full review published", "Not stated",
                    "" if n == 1 else f"in any of the {n} reviews")
    if n == 1:
        return Fact("Full review published", "Yes" if published else "No")
    if published == 0:
        value = f"None of {n}"
    elif published == n:
        value = "Both" if n == 2 else f"All {n}"
    else:
        value = f"{published} of {n}"
    detail = f"not stated in {_plural(unknown, 'review', 'reviews')}" if unknown else ""
    return Fact("Full review published", value, detail)


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _counted(counts: Counter) -> str:
    """ "Police (2), Housing (1)", each count held to its name by a no-break space."""
    return ", ".join(f"{label}\u00a0({count})" for label, count in counts.most_common())


def _theme_counts(materials: list[CaseMaterial]) -> tuple[Item, ...]:
    """Each theme with how many of the reviews raise it ("1 of 1 review", "3 of 4 reviews")."""
    counts = Counter(t for m in materials for t in dict.fromkeys(m.themes))
    n = len(materials)
    of_n = _plural(n, "review", "reviews")
    return tuple(Item(theme, f"{count} of {of_n}") for theme, count in counts.most_common())


def _sourced(materials: list[CaseMaterial], section: str) -> tuple[Item, ...]:
    return tuple(Item(item.text, item.note, m.reference) for m in materials
                 for item in getattr(m, section))


def _unique_links(materials: list[CaseMaterial]) -> tuple[Link, ...]:
    seen: dict[str, Link] = {}
    for link in (link for m in materials for link in m.links):
        seen.setdefault((link.url or link.title).casefold(), link)
    return tuple(seen.values())
