"""Progress figures, computed in one place so the same number appears on every page that shows it.

Rules (handbook/progress-reports.md, "Roll-up rules"):
- The latest status of a step is its status in the latest round that reports the step's indicator
  (up to the round asked about); a step that round does not list, or an indicator never reported,
  counts as ยังไม่ดำเนินการ (not started).
- Progress = steps done (ดำเนินการแล้ว) / steps counted. Cancelled steps (ยกเลิก) are left out of the
  count (and the pages say how many); delayed steps (ล่าช้า) count as not done.
- An indicator, a round and the year roll up the same way: sums of steps, never averages of percentages.
Pages only format these numbers; they never compute their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from itaplan.plan.model import YearPlan
from itaplan.plan.schema import Indicator
from itaplan.progress.model import RoundProgress, YearProgress
from itaplan.progress.schema import IndicatorReport, Status, StepReport

STATUS_ORDER = (Status.DONE, Status.IN_PROGRESS, Status.DELAYED, Status.NOT_STARTED, Status.CANCELLED)


@dataclass(frozen=True)
class StepState:
    """One step of an indicator's plan with its latest status."""

    number: int
    text: str
    status: Status
    report: StepReport | None
    """What the round said about the step; None when the step was never reported."""
    round: RoundProgress | None
    """The round the status comes from; None when the indicator was never reported."""

    @property
    def reported(self) -> bool:
        return self.report is not None


@dataclass(frozen=True)
class Progress:
    """Steps done out of steps counted (cancelled steps left out)."""

    done: int
    counted: int
    cancelled: int
    counts: tuple[tuple[Status, int], ...] = ()
    """How many steps have each status, in STATUS_ORDER."""

    @property
    def total(self) -> int:
        return self.counted + self.cancelled

    @property
    def percent(self) -> int | None:
        """Whole per cent, rounded half up; None when no step is counted (all cancelled, or none)."""
        if self.counted == 0:
            return None
        return (self.done * 200 + self.counted) // (self.counted * 2)

    def count(self, status: Status) -> int:
        return dict(self.counts).get(status, 0)

    def __add__(self, other: "Progress") -> "Progress":
        merged = {s: self.count(s) + other.count(s) for s in STATUS_ORDER}
        return Progress(self.done + other.done, self.counted + other.counted, self.cancelled + other.cancelled,
                        tuple((s, merged[s]) for s in STATUS_ORDER))


NOTHING = Progress(0, 0, 0, tuple((s, 0) for s in STATUS_ORDER))


def rounds_upto(progress: YearProgress, upto: RoundProgress | None = None) -> tuple[RoundProgress, ...]:
    """The rounds counted when looking at `upto` (all rounds when None), earliest first."""
    if upto is None:
        return progress.rounds
    ids = [r.round.id for r in progress.rounds]
    return progress.rounds[: ids.index(upto.round.id) + 1]


def latest_report(indicator: Indicator | int, progress: YearProgress,
                  upto: RoundProgress | None = None) -> tuple[RoundProgress, IndicatorReport] | None:
    """The latest round (up to `upto`) that reports the indicator, and its report."""
    number = indicator if isinstance(indicator, int) else indicator.number
    for round_ in reversed(rounds_upto(progress, upto)):
        if number in round_.reports:
            return round_, round_.reports[number]
    return None


def step_states(indicator: Indicator, progress: YearProgress, upto: RoundProgress | None = None) -> list[StepState]:
    """Every step of the indicator's plan, in order, with its latest status."""
    found = latest_report(indicator, progress, upto)
    by_step = {s.step: s for s in found[1].steps} if found else {}
    round_ = found[0] if found else None
    out = []
    for number, text in enumerate(indicator.steps, start=1):
        report = by_step.get(number)
        out.append(StepState(number, text, report.status if report else Status.NOT_STARTED, report, round_))
    return out


def of_states(states: Iterable[StepState]) -> Progress:
    """The roll-up of any set of steps (one indicator, one unit, a round, the year)."""
    counts = {s: 0 for s in STATUS_ORDER}
    for state in states:
        counts[state.status] += 1
    cancelled = counts[Status.CANCELLED]
    counted = sum(counts.values()) - cancelled
    return Progress(counts[Status.DONE], counted, cancelled, tuple((s, counts[s]) for s in STATUS_ORDER))


def indicator_progress(indicator: Indicator, progress: YearProgress, upto: RoundProgress | None = None) -> Progress:
    return of_states(step_states(indicator, progress, upto))


def round_progress(plan: YearPlan, progress: YearProgress, round_: RoundProgress) -> Progress:
    """All steps of all indicators as they stood at `round_` (indicators it does not report keep their
    status from an earlier round, or count as not started)."""
    total = NOTHING
    for indicator in plan.indicators:
        total = total + indicator_progress(indicator, progress, round_)
    return total


def year_progress(plan: YearPlan, progress: YearProgress) -> Progress:
    """All steps of all indicators, at their latest status."""
    total = NOTHING
    for indicator in plan.indicators:
        total = total + indicator_progress(indicator, progress)
    return total


def overall_status(progress: Progress) -> Status:
    """One status for a set of steps (an indicator's row in the report table): done when every counted
    step is done, delayed when any step is, in progress when any step is done or under way,
    cancelled when every step is, else not started."""
    if progress.counted == 0:
        return Status.CANCELLED if progress.cancelled else Status.NOT_STARTED
    if progress.done == progress.counted:
        return Status.DONE
    if progress.count(Status.DELAYED):
        return Status.DELAYED
    if progress.done or progress.count(Status.IN_PROGRESS):
        return Status.IN_PROGRESS
    return Status.NOT_STARTED
