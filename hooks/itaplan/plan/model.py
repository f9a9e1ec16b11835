"""The validated plan as the rest of the program sees it: an agency and its fiscal years."""

from __future__ import annotations

from dataclasses import dataclass, field

from itaplan.framework import Framework, Frameworks
from itaplan.plan.schema import Agency, Indicator, PlanInfo


@dataclass(frozen=True)
class YearPlan:
    """One fiscal year's analysis and measures, indicators in number order."""

    info: PlanInfo
    indicators: tuple[Indicator, ...]
    sources: dict[int, str] = field(default_factory=dict)
    """Indicator number -> its YAML file, relative to the project (for edit links and errors)."""
    framework: Framework | None = None
    """The ITA framework of the year's assessment_year (always set by the loader)."""

    @property
    def fiscal_year(self) -> int:
        return self.info.fiscal_year

    def tool_name(self, code: str) -> str:
        """The Thai name of an assessment tool of this year's framework (the code itself if unknown)."""
        tool = self.framework.tool(code) if self.framework is not None else None
        return tool.name if tool is not None else code


@dataclass(frozen=True)
class PlanSet:
    """Everything in plan_data/: the agency and its plans, newest fiscal year first."""

    agency: Agency
    years: tuple[YearPlan, ...]
    frameworks: Frameworks = field(default_factory=Frameworks)
    """Every framework known to the site (itaplan's, with the agency's own laid over them)."""
    warnings: tuple = ()
    """Problems that do not stop the build but must be seen (itaplan.errors.Problem: a value cut by ' #')."""

    @property
    def latest(self) -> YearPlan:
        return self.years[0]
