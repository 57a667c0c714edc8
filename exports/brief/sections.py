"""The brief's sections as flowables, in reading order. A section with nothing in it is left
out entirely (no heading over an empty space)."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import BalancedColumns, Flowable, Paragraph, Spacer, Table, TableStyle

from exports.brief.columns import CELL_PADDING, fitted_widths
from exports.brief.content import BriefContent, Fact, Item, Recommendation
from exports.brief.flow import START, KeepStart
from exports.brief.markup import bullet, esc, link, tag, text_flowables
from exports.brief.panel import Panel
from exports.brief.styles import (
    FACTS_BG,
    FINDING_BOX,
    GOOD_PRACTICE_BOX,
    HEADER_BOX,
    LEARNING_BOX,
    NAVY,
    QUOTE_BOX,
    RULE_GREY,
    styles,
)
from exports.brief.timeline_section import escalation_timeline

THEME_GUTTER = 18
GROUP_BG = colors.HexColor("#DCE4EE")
PLAN_STYLE = TableStyle([
    ("BACKGROUND", (0, 0), (-1, 0), NAVY),
    ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE_GREY),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING)])


def story(content: BriefContent, width: float) -> list[Flowable]:
    """Every flowable of the brief, for a frame `width` points wide."""
    parts = [header(content), background(content), facts_panel(content.facts, width),
             themes(content.themes), escalation_timeline(content.timeline, width),
             findings(content.findings),
             good_practice(content.good_practice), learning(content.learning),
             voice(content.voice_heading, content.voice, content.voice_quotes),
             voice("Including families", content.families, content.family_quotes),
             action_plan(content.recommendations, width, content.case_count > 1),
             further_reading(content)]
    return [flowable for part in parts for flowable in part]


def heading(text: str) -> Paragraph:
    return Paragraph(esc(text), styles()["h2"])


def section(title: str, body: list[Flowable], *, lead: list[Flowable] | None = None,
            least: float = START, first: Flowable | None = None) -> list[Flowable]:
    """A section's heading (and `lead`, an introduction), kept with the start of `body`
    (or of `first`, a stand-in of the same height when body[0] must not be measured)."""
    top = [heading(title), *(lead or [])]
    start = first if first is not None else body[0] if body else None
    return [KeepStart(top, start, least), *top, *body]


def header(content: BriefContent) -> list[Flowable]:
    s = styles()
    inner = [Paragraph(esc(content.kind), s["kicker"]),
             Paragraph(esc(content.title), s["title"]),
             Paragraph(f"<b>Subject:</b> {esc(content.subject)}*", s["subject"]),
             Paragraph(f"* {esc(content.anonymity_note)}", s["note"])]
    return [Panel(inner, HEADER_BOX, padding=14, space_after=4)]


def background(content: BriefContent) -> list[Flowable]:
    if not content.background:
        return []
    found: list[Flowable] = []
    for item in content.background:
        if item.source:
            label = f"{item.source}: {item.note}" if item.note else item.source
            found.append(Paragraph(esc(label), styles()["h3"]))
        found += text_flowables(item.text)
    return section("Background summary", found)


def facts_panel(facts: tuple[Fact, ...], width: float) -> list[Flowable]:
    if not facts:
        return []
    s = styles()
    cells = [[Paragraph(esc(f.label.upper()), s["fact_label"]),
              Paragraph(esc(f.value), s["fact_value"])]
             + ([Paragraph(esc(f.detail), s["fact_detail"])] if f.detail else [])
             for f in facts]
    if len(cells) % 2:
        cells.append([])
    rows = [cells[i:i + 2] for i in range(0, len(cells), 2)]
    table = Table(rows, colWidths=[width / 2] * 2, splitInRow=1, style=TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), FACTS_BG),
        ("LINEABOVE", (0, 0), (-1, 0), 2.5, NAVY),
        ("INNERGRID", (0, 0), (-1, -1), 2, colors.white),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 9), ("RIGHTPADDING", (0, 0), (-1, -1), 9),
        ("TOPPADDING", (0, 0), (-1, -1), 7), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
    return section("Facts at a glance", [table])


def themes(items: tuple[Item, ...]) -> list[Flowable]:
    """The themes in two columns that each flow downwards, so a theme that wraps onto a
    second line pushes only its own column down and leaves no gap beside it."""
    if not items:
        return []
    cells = [bullet(f"<b>{esc(item.text)}</b>" + (f" ({_unbroken(item.note)})" if item.note
                                                  else "")) for item in items]
    if len(cells) < 4:
        return section("Themes for learning", cells)
    columns = BalancedColumns(cells, nCols=2, needed=START, leftPadding=0, rightPadding=0,
                              innerPadding=THEME_GUTTER, topPadding=0, bottomPadding=0,
                              spaceAfter=4)
    return section("Themes for learning", [columns], first=cells[0])


def _unbroken(text: str) -> str:
    """Text that stays on one line (a count such as "2 of 3 reviews")."""
    return esc(text).replace(" ", "\u00a0")


def _boxed_items(items: tuple[Item, ...], marker: str) -> list[Flowable]:
    """The items of a box, each under its small label; `marker` ("{n}." for a number) goes
    before each item's first line. A single item is not numbered: a list of one is no list."""
    if len(items) == 1 and "{n}" in marker:
        marker = ""
    found: list[Flowable] = []
    for number, item in enumerate(items, start=1):
        label = tag(item)
        if label:
            found.append(Paragraph(label, styles()["tag"]))
        paragraphs = text_flowables(item.text)
        if paragraphs and marker:
            first = paragraphs[0]
            paragraphs[0] = Paragraph(first.text, styles()["bullet"],
                                      bulletText=marker.format(n=number))
        found += paragraphs
    return found


def findings(items: tuple[Item, ...]) -> list[Flowable]:
    if not items:
        return []
    return section("Key findings", [Panel(_boxed_items(items, "{n}."), FINDING_BOX)])


def good_practice(items: tuple[Item, ...]) -> list[Flowable]:
    if not items:
        return []
    return section("Good practice", [Panel(_boxed_items(items, "✓"), GOOD_PRACTICE_BOX)])


def learning(groups: tuple[tuple[str, tuple[Item, ...]], ...]) -> list[Flowable]:
    if not groups:
        return []
    found: list[Flowable] = []
    for theme, items in groups:
        title = Paragraph(esc(theme), styles()["box_title"])
        found.append(Panel([title, *_boxed_items(items, "")], LEARNING_BOX))
    return section("Learning by theme", found)


def voice(title: str, items: tuple[Item, ...], quotes: tuple[Item, ...]) -> list[Flowable]:
    if not items and not quotes:
        return []
    found: list[Flowable] = []
    for item in items:
        if item.source:
            found.append(Paragraph(tag(item), styles()["tag"]))
        found += text_flowables(item.text)
    for quote in quotes:
        inner = [Paragraph(f"“{esc(quote.text)}”", styles()["quote"])]
        if quote.source:
            inner.append(Paragraph(tag(quote), styles()["small"]))
        found.append(Panel(inner, QUOTE_BOX))
    return section(title, found)


def action_plan(items: tuple[Recommendation, ...], width: float,
                thematic: bool) -> list[Flowable]:
    """The recommendations as a table; in a thematic brief they come grouped under a row
    naming their review, which leaves the columns more room than a column of references."""
    if not items:
        return []
    s = styles()
    head = ["#", "Recommendation", "Agency", "Level", "Owner", "Status"]
    values = [[str(n), r.text, r.agency, r.level, r.owner, r.status]
              for n, r in enumerate(items, start=1)]
    widths = fitted_widths([head, *values], text_column=1, width=width)
    rows: list[list] = [[Paragraph(esc(h), s["cell_head"]) for h in head]]
    commands = list(PLAN_STYLE.getCommands())
    source = None
    for r, row in zip(items, values, strict=True):
        if thematic and r.source != source:
            source = r.source
            commands += [("SPAN", (0, len(rows)), (-1, len(rows))),
                         ("BACKGROUND", (0, len(rows)), (-1, len(rows)), GROUP_BG)]
            rows.append([Paragraph(f"<b>{esc(r.source)}</b>", s["cell"])] + [""] * 5)
        if int(row[0]) % 2 == 0:
            commands.append(("BACKGROUND", (0, len(rows)), (-1, len(rows)), FACTS_BG))
        rows.append([Paragraph(esc(v), s["cell"]) for v in row])
    style = TableStyle(commands)
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, style=style)
    start = Table(rows[:3 if thematic else 2], colWidths=widths, style=style)
    what = "each review's recommendations" if thematic else "the recommendations"
    intro = Paragraph(f"{what.capitalize()}, the agency each is for, who monitors it and "
                      f"where it stands.", s["body"])
    return section("Action plan", [table], lead=[intro], least=start.wrap(width, 1e9)[1])


def further_reading(content: BriefContent) -> list[Flowable]:
    if not content.links:
        return []
    found: list[Flowable] = []
    for item in content.links:
        markup = f"<b>{link(item.title, item.url)}</b>"
        if item.url and item.url != item.title:
            markup += f'<br/><font size="8.5">{link(item.url, item.url)}</font>'
        found.append(bullet(markup))
    return section("Training and further reading", [*found, Spacer(1, 4)])
