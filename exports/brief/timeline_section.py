"""The brief's escalation timeline: the chart drawn with reportlab graphics (the same layout
as the window and the timeline command), then the events as text, which can run over a page
break where a tall drawing could not. The heading moves to a new page only when the chart,
shrunk as far as it may be, does not fit under it. Left out when the case has no events."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from exports.brief.flow import START, FitChart, KeepStart
from exports.brief.markup import esc
from exports.brief.styles import styles
from exports.timeline.events import CaseTimeline
from exports.timeline.layout import layout_case, numbered
from exports.timeline.render import to_drawing


def escalation_timeline(timeline: CaseTimeline | None, width: float) -> list[Flowable]:
    if timeline is None or not timeline.events:
        return []
    s = styles()
    title = Paragraph("Escalation towards the incident", s["h2"])
    found: list[Flowable] = []
    least = START
    if timeline.dated:
        chart = FitChart(to_drawing(layout_case(timeline, width, with_list=False,
                                                titled=False)))
        found.append(chart)
        least = chart.least_height(width)
    for number, event in numbered(timeline):
        stage = timeline.stages[event.stage - 1] if event.stage else "No stage coded"
        head = " · ".join(p for p in (event.date_text, stage, event.kind) if p)
        text = f"<b>{number}. {esc(head)}</b>"
        if event.description:
            text += f"<br/>{esc(event.description)}"
        found.append(Paragraph(text, s["body"]))
    return [KeepStart([title], found[0], least), title, *found]
