"""The escalation timeline: a case's coded escalation events on a time axis, one lane per stage
of the eight-stage homicide timeline, and a category view that lines cases up by stage.

`events` reads the events through the Store API, `layout` turns them into a `Picture` (plain
shapes in points, origin top left), and `render` writes a picture as PDF, SVG or PNG. The
window paints the same `Picture` with QPainter, so screen and file always agree.
"""

from exports.timeline.events import (
    CaseTimeline,
    TimelineEvent,
    read_case_timeline,
    read_category_timelines,
)
from exports.timeline.layout import layout_case, layout_category
from exports.timeline.render import TIMELINE_FORMATS, write_picture
from exports.timeline.shapes import Picture

__all__ = ["TIMELINE_FORMATS", "CaseTimeline", "Picture", "TimelineEvent", "layout_case",
           "layout_category", "read_case_timeline", "read_category_timelines", "write_picture"]
