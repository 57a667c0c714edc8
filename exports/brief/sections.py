"""The brief's sections as flowables, in reading order. A section with nothing in it is left
out entirely (no heading over an empty space)."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from exports.brief.content import BriefContent, Fact, Item, Recommendation
from exports.brief.fonts import BOLD, REGULAR
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


def story(content: BriefContent, width: float) -> list[Flowable]:
    """Every flowable of the brief, for a frame `width` points wide."""
    parts = [header(content), background(content), facts_panel(content.facts, width),
             themes(content.themes, width), escalation_timeline(content.timeline, width),
             findings(content.findings),
             good_practice(content.good_practice), learning(content.learning),
             voice(content.voice_heading, content.voice, content.voice_quotes),
             voice("Including families", content.families, content.family_quotes),
             action_plan(content.recommendations, width, content.case_count > 1),
             further_reading(content)]
    return [flowable for part in parts for flowable in part]


def heading(text: str) -> Paragraph:
    return Paragraph(esc(text), styles()["h2"])


def header(content: BriefContent) -> list[Flowable]:
    s = styles()
    inner = [Paragraph(esc(content.kind.upper()), s["kicker"]),
             Paragraph(esc(content.title), s["title"]),
             Paragraph(f"<b>Subject:</b> {esc(content.subject)}*", s["subject"]),
             Paragraph(f"* {esc(content.anonymity_note)}", s["note"])]
    return [Panel(inner, HEADER_BOX, padding=14, space_after=4)]


def background(content: BriefContent) -> list[Flowable]:
    if not content.background:
        return []
    found: list[Flowable] = [heading("Background summary")]
    for item in content.background:
        if item.source:
            label = f"{item.source}: {item.note}" if item.note else item.source
            found.append(Paragraph(esc(label), styles()["h3"]))
        found += text_flowables(item.text)
    return found


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
    return [heading("Facts at a glance"), table]


def themes(labels: tuple[str, ...], width: float) -> list[Flowable]:
    if not labels:
        return []
    cells = [bullet(f"<b>{esc(label)}</b>") for label in labels]
    half = (len(cells) + 1) // 2
    rows = [[cells[i], cells[i + half] if i + half < len(cells) else ""]
            for i in range(half)]
    table = Table(rows, colWidths=[width / 2] * 2, splitInRow=1, style=TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return [heading("Themes for learning"), table]


def _boxed_items(items: tuple[Item, ...], marker: str) -> list[Flowable]:
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
    return [heading("Key findings"), Panel(_boxed_items(items, "{n}."), FINDING_BOX)]


def good_practice(items: tuple[Item, ...]) -> list[Flowable]:
    if not items:
        return []
    return [heading("Good practice"), Panel(_boxed_items(items, "✓"), GOOD_PRACTICE_BOX)]


def learning(groups: tuple[tuple[str, tuple[Item, ...]], ...]) -> list[Flowable]:
    if not groups:
        return []
    found: list[Flowable] = [heading("Learning by theme")]
    for theme, items in groups:
        title = Paragraph(esc(theme), styles()["box_title"])
        found.append(Panel([title, *_boxed_items(items, "")], LEARNING_BOX))
    return found


def voice(title: str, items: tuple[Item, ...], quotes: tuple[Item, ...]) -> list[Flowable]:
    if not items and not quotes:
        return []
    found: list[Flowable] = [heading(title)]
    for item in items:
        if item.source:
            found.append(Paragraph(tag(item), styles()["tag"]))
        found += text_flowables(item.text)
    for quote in quotes:
        inner = [Paragraph(f"“{esc(quote.text)}”", styles()["quote"])]
        if quote.source:
            inner.append(Paragraph(tag(quote), styles()["small"]))
        found.append(Panel(inner, QUOTE_BOX))
    return found


def action_plan(items: tuple[Recommendation, ...], width: float,
                thematic: bool) -> list[Flowable]:
    if not items:
        return []
    s = styles()
    head = ["#", "Recommendation", "Agency", "Level", "Owner", "Status"]
    values = [[str(n), r.text, r.agency, r.level, r.owner, r.status]
              for n, r in enumerate(items, start=1)]
    if thematic:
        head.insert(1, "Review")
        for row, r in zip(values, items, strict=True):
            row.insert(1, r.source)
    rows = [[Paragraph(esc(h), s["cell_head"]) for h in head]]
    rows += [[Paragraph(esc(v), s["cell"]) for v in row] for row in values]
    widths = _fitted_widths([head, *values], text_column=head.index("Recommendation"),
                            width=width)
    table = Table(rows, colWidths=widths, repeatRows=1,
                  splitInRow=1, style=TableStyle([
                      ("BACKGROUND", (0, 0), (-1, 0), NAVY),
                      ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, FACTS_BG]),
                      ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE_GREY),
                      ("VALIGN", (0, 0), (-1, -1), "TOP"),
                      ("TOPPADDING", (0, 0), (-1, -1), 4),
                      ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    intro = Paragraph("The recommendations, the agency each is for, who monitors it and "
                      "where it stands.", s["body"])
    return [heading("Action plan"), intro, table]


def _fitted_widths(rows: list[list[str]], text_column: int, width: float) -> list[float]:
    """Short columns wide enough that no word breaks, and up to their longest entry (at most
    a sixth of the page); the recommendation text takes the rest, at least 38% of it."""
    def measure(text: str, r: int) -> float:
        return stringWidth(text, BOLD if r == 0 else REGULAR, 8.5) + 13

    columns = range(len(rows[0]))
    least = [min(width / 6, max(measure(word, r) for r, row in enumerate(rows)
                                for word in row[i].split() or [""])) for i in columns]
    wanted = [max(least[i], min(width / 6, max(measure(row[i], r)
                                                 for r, row in enumerate(rows))))
              for i in columns]
    others = [i for i in columns if i != text_column]
    room = 0.62 * width - sum(least[i] for i in others)
    extra = sum(wanted[i] - least[i] for i in others)
    share = 1.0 if extra <= 0 else max(0.0, min(1.0, room / extra))
    widths = [least[i] + (wanted[i] - least[i]) * share for i in columns]
    widths[text_column] = width - sum(widths[i] for i in others)
    return widths


def further_reading(content: BriefContent) -> list[Flowable]:
    if not content.links:
        return []
    found: list[Flowable] = [heading("Training and further reading")]
    for item in content.links:
        markup = f"<b>{link(item.title, item.url)}</b>"
        if item.url and item.url != item.title:
            markup += f'<br/><font size="8.5">{link(item.url, item.url)}</font>'
        found.append(bullet(markup))
    return found + [Spacer(1, 4)]
