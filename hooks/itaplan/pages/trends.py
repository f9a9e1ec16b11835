"""Scores across fiscal years: each indicator's series, and the change from the year before.

Works with any number of published years: with one there is nothing to compare and the pages say
so; the change is always written as a word and a number, never shown by colour alone.
"""

from __future__ import annotations

from typing import NamedTuple

from itaplan import thai
from itaplan.plan.model import PlanSet, YearPlan


class Point(NamedTuple):
    fiscal_year: int
    assessment_year: int
    score: float


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


def series(plans: PlanSet, number: int) -> list[Point]:
    """Indicator `number`'s score in every published year that has it, oldest first."""
    return [Point(y.fiscal_year, y.info.assessment_year, i.score)
            for y in reversed(plans.years) for i in y.indicators if i.number == number]


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
    """{indicator number: change from the previous published year, or None}."""
    before = previous_year(plans, year)
    scores = {i.number: i for i in before.indicators} if before else {}
    out = {}
    for i in year.indicators:
        old = scores.get(i.number)
        out[i.number] = change(Point(before.fiscal_year, before.info.assessment_year, old.score)
                               if before and old else None, i.score)
    return out


def series_changes(points: list[Point]) -> list[tuple[Point, Change | None]]:
    """Each point with its change from the point before."""
    return [(p, change(points[n - 1] if n else None, p.score)) for n, p in enumerate(points)]
