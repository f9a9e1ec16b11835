"""Validated progress as the rest of the program sees it: per fiscal year, per round, per indicator."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from itaplan.plan.settings import Round
from itaplan.progress.evidence import EvidenceFile
from itaplan.progress.schema import IndicatorReport, RoundInfo


@dataclass(frozen=True)
class RoundProgress:
    """What was reported for one round of one fiscal year (possibly nothing)."""

    round: Round
    cutoff: date
    """The round's cut-off date within the fiscal year (e.g. 2026-03-31 for 6-months of FY 2569)."""
    info: RoundInfo | None
    reports: dict[int, IndicatorReport] = field(default_factory=dict)
    """Indicator number -> its report; an indicator not reported is absent."""
    sources: dict[int, str] = field(default_factory=dict)
    """Indicator number -> its YAML file, relative to the project (for edit links and errors)."""

    @property
    def as_of(self) -> date:
        return self.info.as_of if self.info is not None and self.info.as_of is not None else self.cutoff

    @property
    def reported(self) -> bool:
        return bool(self.reports)


@dataclass(frozen=True)
class YearProgress:
    """All rounds of one fiscal year, in the order mkdocs.yml declares them (earliest first)."""

    fiscal_year: int
    rounds: tuple[RoundProgress, ...]
    files: dict[str, EvidenceFile] = field(default_factory=dict)
    """Every evidence file the year's reports (and signed documents) name, by reference."""
    signed_plan: EvidenceFile | None = None
    """The scanned, signed PDF of the plan (plan.yml `signed_document`), if attached."""
    warnings: tuple = ()
    """Problems that do not stop the build but must be seen (itaplan.errors.Problem: a value cut by ' #')."""

    @property
    def latest_reported(self) -> RoundProgress | None:
        reported = [r for r in self.rounds if r.reported]
        return reported[-1] if reported else None
