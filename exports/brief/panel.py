"""A tinted box around a list of flowables that splits across pages like plain text does.

reportlab's tables can hold a box's contents but split a row only slowly; this container lays
its contents out itself, and when the page runs out it splits the flowable that does not fit
and carries the rest into a continuation box on the next page.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from exports.brief.styles import BoxStyle

PADDING = 8
RULE_WIDTH = 4


class Panel(Flowable):
    """A box with a background and a coloured rule on its left, holding other flowables."""

    def __init__(self, content: list[Flowable], style: BoxStyle, *, padding: float = PADDING,
                 space_after: float = 8) -> None:
        super().__init__()
        self.content = content
        self.box = style
        self.padding = padding
        self.spaceAfter = space_after
        self._placed: list[tuple[Flowable, float]] = []  # flowable, its top offset

    def _inner_width(self, avail_width: float) -> float:
        return avail_width - 2 * self.padding - RULE_WIDTH

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        inner = self._inner_width(avail_width)
        self._placed, y, previous = [], 0.0, None
        for item in self.content:
            y += _gap(previous, item)
            _, height = item.wrap(inner, 1e9)
            self._placed.append((item, y))
            y += height
            previous = item
        self.width, self.height = avail_width, y + 2 * self.padding
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(self.box.background)
        canvas.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        canvas.setFillColor(self.box.rule)
        canvas.rect(0, 0, RULE_WIDTH, self.height, stroke=0, fill=1)
        canvas.restoreState()
        x = RULE_WIDTH + self.padding
        for item, top in self._placed:
            item.drawOn(canvas, x, self.height - self.padding - top - item.height)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        inner, room = self._inner_width(avail_width), avail_height - 2 * self.padding
        used, previous = 0.0, None
        for index, item in enumerate(self.content):
            used += _gap(previous, item)
            _, height = item.wrap(inner, 1e9)
            if used + height > room:
                return self._split_at(index, item, inner, room - used)
            used += height
            previous = item
        return [self]

    def _split_at(self, index: int, item: Flowable, inner: float,
                  room: float) -> list[Flowable]:
        parts = item.split(inner, room) if room > 0 else []
        if len(parts) < 2:
            parts = []  # the item cannot be divided at this height
        head = self.content[:index] + parts[:1]
        tail = parts[1:] + self.content[index + 1:] if parts else self.content[index:]
        while head and head[-1].getKeepWithNext():  # no title or label left on its own
            tail.insert(0, head.pop())
        if not head or (index == 1 and not parts):
            return []  # nothing, or only the box's title, fits here: move the whole box on
        return [self._copy(head, space_after=0), self._copy(tail, self.spaceAfter)]

    def _copy(self, content: list[Flowable], space_after: float) -> Panel:
        return Panel(content, self.box, padding=self.padding, space_after=space_after)


def _gap(previous: Flowable | None, item: Flowable) -> float:
    if previous is None:
        return 0.0
    return max(previous.getSpaceAfter(), item.getSpaceBefore())
