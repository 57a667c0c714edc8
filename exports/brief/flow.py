"""How the brief's sections flow down the page without leaving holes.

reportlab's usual way to keep a heading with what follows (keepWithNext) moves the heading
and the whole next block to a new page whenever the block does not fit, which leaves a large
empty space under the previous section. Here a section's heading only needs room for itself
and the start of its first block (a few lines, a table's first row); the block then splits
across the page break as text does. A chart, which cannot split, may shrink a little to fit
the space that is left rather than leave it empty.
"""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable

START = 60.0
"""Points of a section's first block that must fit under its heading: about four lines."""
LEAST_SCALE = 0.8
"""A chart may shrink to this share of its size to fit the rest of a page."""


def _height(flowable: Flowable, width: float, canvas) -> float:
    flowable.canv = canvas  # some flowables measure text with the canvas
    return flowable.wrap(width, 1e9)[1] + flowable.getSpaceBefore() + flowable.getSpaceAfter()


class KeepStart(CondPageBreak):
    """A page break taken only when `lead` (a heading and its introduction) and the first
    `least` points of `first` do not fit in what is left of the page."""

    def __init__(self, lead: list[Flowable], first: Flowable | None,
                 least: float = START) -> None:
        super().__init__(0)
        self.lead = lead
        self.first = first
        self.least = least

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        frame = self._doctemplateAttr("frame")
        if frame is not None and getattr(frame, "_atTop", False):
            return 0, 0  # already at the top of a page: breaking again gains nothing
        needed = sum(_height(f, avail_width, self.canv) for f in self.lead)
        if self.first is not None:
            needed += min(self.least, _height(self.first, avail_width, self.canv))
        self.height = needed
        return super().wrap(avail_width, avail_height)


class FitChart(Flowable):
    """A drawing that shrinks (down to LEAST_SCALE) when the page has a little less room
    than it needs, and otherwise keeps its size, moving to the next page if it must."""

    def __init__(self, drawing: Flowable) -> None:
        super().__init__()
        self.drawing = drawing
        self.scale = 1.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        width, height = self.drawing.wrap(avail_width, avail_height)
        self.scale = 1.0
        if height > avail_height >= LEAST_SCALE * height:
            self.scale = avail_height / height
        self.width, self.height = width * self.scale, height * self.scale
        return self.width, self.height

    def least_height(self, avail_width: float) -> float:
        """The smallest height the chart may be drawn at."""
        return LEAST_SCALE * self.drawing.wrap(avail_width, 1e9)[1]

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.scale(self.scale, self.scale)
        self.drawing.drawOn(canvas, 0, 0)
        canvas.restoreState()
