"""The time axis of a case timeline: partial dates as spans of days, and tick marks that fit.

A date known to the day covers that day; one known to the month covers the month; a year
alone covers the year. So "2019" is drawn as a bar across 2019 rather than a point on 1 January,
which would claim a precision the review never gave.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from schema.dates import PartialDate

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_span(when: PartialDate) -> tuple[int, int]:
    """The first day and the day after the last of what a partial date covers (ordinals)."""
    if when.day:
        start = date(when.year, when.month, when.day)
        return start.toordinal(), (start + timedelta(days=1)).toordinal()
    if when.month:
        start = date(when.year, when.month, 1)
        return start.toordinal(), _next_month(when.year, when.month).toordinal()
    return date(when.year, 1, 1).toordinal(), date(when.year + 1, 1, 1).toordinal()


@dataclass(frozen=True)
class Axis:
    """Days from `first` (inclusive) to `last` (exclusive) across x0..x1 points."""

    first: int
    last: int
    x0: float
    x1: float

    def x(self, day: int) -> float:
        return self.x0 + (day - self.first) * (self.x1 - self.x0) / max(self.last - self.first, 1)

    def ticks(self, min_gap: float = 44.0) -> list[tuple[float, str]]:
        """(x, label) for year or month starts, as many as fit `min_gap` points apart."""
        per_day = (self.x1 - self.x0) / max(self.last - self.first, 1)
        if per_day * 31 * 3 >= min_gap:
            return self._month_ticks(per_day, min_gap)
        first, last = date.fromordinal(self.first).year, date.fromordinal(self.last).year
        step = next((s for s in (1, 2, 5, 10, 20, 50) if per_day * 365 * s >= min_gap), 100)
        years = [y for y in range(first, last + 1) if y % step == 0 or step == 1]
        return [(self.x(date(y, 1, 1).toordinal()), str(y)) for y in years
                if self.first <= date(y, 1, 1).toordinal() <= self.last]

    def _month_ticks(self, per_day: float, min_gap: float) -> list[tuple[float, str]]:
        step = next(s for s in (1, 2, 3, 6) if per_day * 30.4 * s >= min_gap or s == 6)
        found = []
        day = date.fromordinal(self.first).replace(day=1)
        while day.toordinal() <= self.last:
            if (day.month - 1) % step == 0 and day.toordinal() >= self.first:
                text = f"{MONTHS[day.month - 1]} {day.year}" if day.month == 1 or not found \
                    else MONTHS[day.month - 1]
                found.append((self.x(day.toordinal()), text))
            day = _next_month(day.year, day.month)
        return found


def axis_for(dates: list[PartialDate], x0: float, x1: float) -> Axis:
    """An axis covering every date, widened to whole months (short spans) or whole years."""
    spans = [day_span(d) for d in dates]
    first, last = min(s for s, _ in spans), max(e for _, e in spans)
    start, end = date.fromordinal(first), date.fromordinal(last - 1)
    if (last - first) <= 2 * 366:
        begin = start.replace(day=1)
        finish = _next_month(end.year, end.month)
    else:
        begin, finish = date(start.year, 1, 1), date(end.year + 1, 1, 1)
    return Axis(begin.toordinal(), finish.toordinal(), x0, x1)


def _next_month(year: int, month: int) -> date:
    return date(year + month // 12, month % 12 + 1, 1)
