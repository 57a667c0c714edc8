"""Laying out timelines as `Picture`s: one case on a time axis, or a category's cases by stage.

Everything here is arithmetic on points; nothing draws. The case picture has a lane per stage
of the homicide timeline (and one for dated events without a stage), the events as marks on
a shared time axis, and under it the events listed in date order, then those without a date
in the order they were coded. Each mark carries the number of its entry in that list.
"""

from __future__ import annotations

from dataclasses import dataclass

from exports.timeline.axis import axis_for, day_span
from exports.timeline.events import CaseTimeline, TimelineEvent
from exports.timeline.shapes import Box, Dot, Label, Line, Picture, Shape, fit, text_width, wrap

MARGIN = 12.0
INK, MUTED, RULE, LANE_BG = "#1B1F24", "#4A5561", "#C9D1DA", "#F3F5F8"
STAGE_COLOURS = ("#3B6FB6", "#2E8B57", "#8C6D1F", "#D9822B", "#C0392B", "#8E44AD",
                 "#16808A", "#7A1F2B")
NO_STAGE_COLOUR = "#6B7280"
NO_STAGE = "Stage not coded"


def stage_colour(stage: int | None) -> str:
    return STAGE_COLOURS[(stage - 1) % len(STAGE_COLOURS)] if stage else NO_STAGE_COLOUR


def numbered(timeline: CaseTimeline) -> list[tuple[int, TimelineEvent]]:
    """The events as listed under the chart: dated ones in date order, then the others."""
    return list(enumerate([*timeline.dated, *timeline.undated], start=1))


@dataclass
class _Pen:
    """Collects shapes and tracks how far down the picture has got."""

    width: float
    y: float = MARGIN

    def __post_init__(self) -> None:
        self.shapes: list[Shape] = []

    def add(self, *shapes: Shape) -> None:
        self.shapes.extend(shapes)

    def text_block(self, lines: list[str], x: float, size: float, **style) -> None:
        for line in lines:
            self.y += size * 1.35
            self.add(Label(x, self.y, line, size, **style))

    def picture(self, title: str) -> Picture:
        height = self.y + MARGIN
        paper = Box(0, 0, self.width, height, "#FFFFFF")  # an SVG is otherwise transparent
        return Picture(self.width, height, (paper, *self.shapes), title)


def layout_case(timeline: CaseTimeline, width: float = 760.0, *, with_list: bool = True,
                titled: bool = True) -> Picture:
    """The case's timeline drawn `width` points wide (its height follows from the content).
    The brief leaves out the title and the list of events, which it sets as text."""
    pen = _Pen(width, MARGIN if titled else 2.0)
    if titled:
        _case_title(pen, timeline)
    if not timeline.events:
        pen.text_block(["No escalation events are coded for this case."], MARGIN, 9,
                       colour=MUTED, italic=True)
        return pen.picture(timeline.reference)
    listed = numbered(timeline)
    dated = [(n, e) for n, e in listed if e.date]
    if dated:
        _lanes(pen, timeline, dated)
    if not with_list:
        return pen.picture(timeline.reference)
    _event_list(pen, "Events in date order", dated)
    _event_list(pen, "Events without a date, in the order coded",
                [(n, e) for n, e in listed if not e.date])
    return pen.picture(timeline.reference)


def _case_title(pen: _Pen, timeline: CaseTimeline) -> None:
    heading = f"{timeline.reference} — {timeline.title}" if timeline.title else \
        timeline.reference
    pen.text_block([fit(heading, 12, pen.width - 2 * MARGIN, bold=True)], MARGIN, 12,
                   colour=INK, bold=True)
    count = len(timeline.events)
    with_date = sum(1 for e in timeline.events if e.date)
    facts = [timeline.category] if timeline.category else []
    facts.append(f"{count} escalation event{'s' if count != 1 else ''}, {with_date} with a date")
    pen.text_block([" · ".join(facts)], MARGIN, 8, colour=MUTED)
    pen.y += 6


def _lanes(pen: _Pen, timeline: CaseTimeline, dated: list[tuple[int, TimelineEvent]]) -> None:
    label_room = min(190.0, pen.width * 0.3)
    x0, x1 = MARGIN + label_room + 8, pen.width - MARGIN - 14
    axis = axis_for([e.date for _, e in dated], x0, x1)
    stages = list(range(1, len(timeline.stages) + 1))
    if any(e.stage is None for _, e in dated):
        stages.append(None)
    top = pen.y
    for index, stage in enumerate(stages):
        marks = [(n, e) for n, e in dated if e.stage == stage]
        placed = _pack([(n, *(axis.x(d) for d in day_span(e.date))) for n, e in marks])
        levels = max((level for *_, level in placed), default=0) + 1
        height = max(26.0, 8 + levels * 15)
        if index % 2 == 0:
            pen.add(Box(MARGIN, pen.y, pen.width - 2 * MARGIN, height, LANE_BG))
        name = timeline.stages[stage - 1] if stage else NO_STAGE
        lines = wrap(name, 7.5, label_room, max_lines=2)
        first = pen.y + height / 2 - (len(lines) - 1) * 5 + 3
        for i, line in enumerate(lines):
            pen.add(Label(MARGIN + 4, first + i * 10, line, 7.5, colour=INK))
        for number, start, end, level in placed:
            _mark(pen, number, start, end, pen.y + 4 + level * 15 + 7.5, stage_colour(stage))
        pen.y += height
    pen.add(Line(x0, top, x0, pen.y, RULE))
    _ticks(pen, axis, top)


def _pack(marks: list[tuple[int, float, float]]) -> list[tuple[int, float, float, int]]:
    """Give each mark the lowest level where it does not overlap another (with its number)."""
    ends: list[float] = []
    placed = []
    for number, start, end in sorted(marks, key=lambda m: (m[1], m[0])):
        reach = max(end, (start + end) / 2 + 5) + 4 + text_width(str(number), 7, bold=True)
        level = next((i for i, last in enumerate(ends) if start - 5 > last), len(ends))
        if level == len(ends):
            ends.append(reach)
        else:
            ends[level] = reach
        placed.append((number, start, end, level))
    return placed


def _mark(pen: _Pen, number: int, start: float, end: float, y: float, colour: str) -> None:
    """A bar for a month or a year, a dot for a day, and the event's number beside it."""
    if end - start >= 6:
        pen.add(Box(start, y - 4.5, end - start, 9, _tint(colour), colour, 0.9, 3))
        after = end
    else:
        middle = (start + end) / 2
        pen.add(Dot(middle, y, 4.2, colour, "#FFFFFF"))
        after = middle + 4.5
    pen.add(Label(after + 3, y + 2.6, str(number), 7, colour=INK, bold=True))


def _ticks(pen: _Pen, axis, top: float) -> None:
    pen.add(Line(axis.x0, pen.y, axis.x1, pen.y, MUTED, 0.8))
    for x, text in axis.ticks():
        pen.add(Line(x, top, x, pen.y, RULE, 0.4, dashed=True))
        pen.add(Line(x, pen.y, x, pen.y + 4, MUTED, 0.8))
        pen.add(Label(x, pen.y + 13, text, 7, colour=MUTED, anchor="middle"))
    pen.y += 16
    pen.text_block(["A bar spans the month or year when the review gives no exact day; a dot "
                    "is a day. Numbers refer to the list below."], MARGIN, 7, colour=MUTED,
                   italic=True)
    pen.y += 4


def _event_list(pen: _Pen, title: str, events: list[tuple[int, TimelineEvent]]) -> None:
    if not events:
        return
    pen.y += 4
    pen.text_block([title], MARGIN, 9.5, colour=INK, bold=True)
    room = pen.width - 2 * MARGIN - 22
    for number, event in events:
        pen.y += 3
        stage = f"stage {event.stage}" if event.stage else "no stage coded"
        head = " · ".join(p for p in (event.date_text if event.date else "", stage,
                                      event.kind or "kind not coded") if p)
        pen.add(Dot(MARGIN + 5, pen.y + 6, 5.5, stage_colour(event.stage)))
        pen.add(Label(MARGIN + 5, pen.y + 8.5, str(number), 6.5, "#FFFFFF", "middle", True))
        pen.text_block([fit(head, 8, room, bold=True)], MARGIN + 18, 8, colour=INK, bold=True)
        if event.description:
            pen.text_block(wrap(event.description, 8, room, max_lines=4), MARGIN + 18, 8,
                           colour=MUTED)


def layout_category(timelines: list[CaseTimeline], category: str,
                    width: float = 760.0) -> Picture:
    """The cases of one category side by side: a row per case, a column per stage, a dot
    where the case has events at that stage (its number counts them, the date under it is
    the earliest), and a line from the first stage reached to the furthest."""
    pen = _Pen(width)
    pen.text_block([fit(f"{category}: cases by homicide timeline stage", 12,
                        width - 2 * MARGIN, bold=True)], MARGIN, 12, colour=INK, bold=True)
    pen.text_block([f"{len(timelines)} case{'s' if len(timelines) != 1 else ''}. A dot marks "
                    "a stage with events; its number counts them and the date under it is "
                    "the earliest."], MARGIN, 8, colour=MUTED)
    stages = timelines[0].stages if timelines else ()
    label_room = min(150.0, width * 0.22)
    left = MARGIN + label_room
    column = (width - MARGIN - left) / max(len(stages), 1)
    pen.y += 8
    _stage_headers(pen, stages, left, column)
    for index, timeline in enumerate(timelines):
        _category_row(pen, timeline, index, left, column)
    return pen.picture(category)


def _stage_headers(pen: _Pen, stages: tuple[str, ...], left: float, column: float) -> None:
    top = pen.y
    deepest = 0
    for i, name in enumerate(stages):
        lines = wrap(name, 7, column - 6, max_lines=4)
        deepest = max(deepest, len(lines))
        for j, line in enumerate(lines):
            pen.add(Label(left + i * column + column / 2, top + 9 + j * 9, line, 7,
                          stage_colour(i + 1), "middle", j == 0))
    pen.y = top + 9 * deepest + 6
    pen.add(Line(MARGIN, pen.y, pen.width - MARGIN, pen.y, MUTED, 0.8))


def _category_row(pen: _Pen, timeline: CaseTimeline, index: int, left: float,
                  column: float) -> None:
    height = 34.0
    top = pen.y
    if index % 2:
        pen.add(Box(MARGIN, top, pen.width - 2 * MARGIN, height, LANE_BG))
    pen.add(Label(MARGIN + 4, top + 14, fit(timeline.reference, 8, left - MARGIN - 8, True),
                  8, INK, bold=True))
    count = len(timeline.events)
    pen.add(Label(MARGIN + 4, top + 25, f"{count} event{'s' if count != 1 else ''}", 7,
                  MUTED))
    middle = top + 14
    reached = sorted(timeline.stages_reached())
    if not reached:
        pen.add(Label(left + 6, middle + 3, "No events placed on a stage", 7.5, MUTED,
                      italic=True))
    else:
        centre = [left + (s - 0.5) * column for s in reached]
        pen.add(Line(centre[0], middle, centre[-1], middle, "#9AA5B1", 2.0))
        for stage, x in zip(reached, centre, strict=True):
            at_stage = [e for e in timeline.events if e.stage == stage]
            pen.add(Dot(x, middle, 7.0, stage_colour(stage), "#FFFFFF"))
            pen.add(Label(x, middle + 2.6, str(len(at_stage)), 7, "#FFFFFF", "middle", True))
            dated = sorted(e.date.iso() for e in at_stage if e.date)
            first = next(e for e in at_stage if not dated or
                         (e.date and e.date.iso() == dated[0]))
            when = first.date_text if dated else "no date"
            pen.add(Label(x, top + height - 3, fit(when, 6.5, column - 4), 6.5, MUTED,
                          "middle"))
    pen.y = top + height


def _tint(colour: str, amount: float = 0.72) -> str:
    """The colour mixed with white (for the inside of a bar)."""
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    mixed = (round(c + (255 - c) * amount) for c in (red, green, blue))
    return "#" + "".join(f"{c:02X}" for c in mixed)
