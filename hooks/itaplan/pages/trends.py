"""Scores across fiscal years: each indicator's line, and the change from the year before.

Years are joined through their frameworks, never by number: an indicator continues the line of the
year before's indicator with the same name, or with a name its framework lists under `continues:`
(framework/model.py); a new or merged indicator starts a new line. Works with any number of
published years: with one there is nothing to compare and the pages say so; the change is always
written as a word and a number, never shown by colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from itaplan import thai
from itaplan.framework import FrameworkChange, compare
from itaplan.plan.model import PlanSet, YearPlan
from itaplan.plan.schema import Indicator


class Point(NamedTuple):
    fiscal_year: int
    assessment_year: int
    score: float
    number: int = 0  # the indicator's number in that year's framework
    name: str = ""  # and its name there


class Change(NamedTuple):
    previous: Point  # the previous published year
    delta: float  # rounded to the two decimals the scores are written with
    word: str  # เพิ่มขึ้น, ลดลง or คงที่
    direction: str  # up, down, same (CSS class; the word carries the meaning)

    def text(self, style: thai.Digits) -> str:
        """'เพิ่มขึ้น +๑.๒๓', 'ลดลง −๐.๕๐', 'คงที่'."""
        if self.direction == "same":
            return self.word
        sign = "+" if self.delta > 0 else "−"
        return f"{self.word} {sign}{thai.digits(f'{abs(self.delta):.2f}', style)}"


@dataclass
class Line:
    """One indicator followed across the published years (oldest point first)."""

    points: list[Point] = field(default_factory=list)
    merged_from: tuple[Point, ...] = ()
    """When the line began by merging indicators of the year before: their last points."""

    @property
    def last(self) -> Point:
        return self.points[-1]


def _point(year: YearPlan, indicator: Indicator) -> Point:
    return Point(year.fiscal_year, year.info.assessment_year, indicator.score, indicator.number, indicator.name)


def framework_change(plans: PlanSet, year: YearPlan) -> FrameworkChange | None:
    """How `year`'s framework follows the framework of the published year before it (None for the oldest)."""
    before = previous_year(plans, year)
    if before is None or before.framework is None or year.framework is None:
        return None
    return compare(before.framework, year.framework)


def lines(plans: PlanSet) -> list[Line]:
    """Every indicator line of the published years, in the order they begin (oldest year first)."""
    out: list[Line] = []
    current: dict[int, Line] = {}
    for year in reversed(plans.years):
        change = framework_change(plans, year)
        following: dict[int, Line] = {}
        for indicator in year.indicators:
            earlier = change.continued.get(indicator.number) if change is not None else None
            line = current.get(earlier) if earlier is not None else None
            if line is None:
                merged = change.merged.get(indicator.number, ()) if change is not None else ()
                line = Line(merged_from=tuple(current[n].last for n in merged if n in current))
                out.append(line)
            line.points.append(_point(year, indicator))
            following[indicator.number] = line
        current = following
    return out


def line_of(plans: PlanSet, year: YearPlan, indicator: Indicator) -> Line:
    """The line `indicator` of `year` belongs to."""
    for line in lines(plans):
        if any(p.fiscal_year == year.fiscal_year and p.number == indicator.number for p in line.points):
            return line
    return Line([_point(year, indicator)])


def change(previous: Point | None, score: float) -> Change | None:
    if previous is None:
        return None
    delta = round(score - previous.score, 2)
    if delta > 0:
        return Change(previous, delta, "เพิ่มขึ้น", "up")
    if delta < 0:
        return Change(previous, delta, "ลดลง", "down")
    return Change(previous, 0.0, "คงที่", "same")


def previous_year(plans: PlanSet, year: YearPlan) -> YearPlan | None:
    """The published fiscal year just before `year` (plans.years is newest first)."""
    older = [y for y in plans.years if y.fiscal_year < year.fiscal_year]
    return older[0] if older else None


def year_changes(plans: PlanSet, year: YearPlan) -> dict[int, Change | None]:
    """{indicator number: change from the indicator it continues in the previous published year, or None}."""
    out: dict[int, Change | None] = {}
    for line in lines(plans):
        for n, point in enumerate(line.points):
            if point.fiscal_year == year.fiscal_year:
                before = line.points[n - 1] if n else None
                out[point.number] = change(before, point.score) if before is not None and \
                    before.fiscal_year < year.fiscal_year else None
    return out


def series_changes(points: list[Point]) -> list[tuple[Point, Change | None]]:
    """Each point with its change from the point before."""
    return [(p, change(points[n - 1] if n else None, p.score)) for n, p in enumerate(points)]
