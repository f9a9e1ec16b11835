"""Progress in the pages: the report page and its print view per round, unit pages, the indicator's section.

Numbers come from progress.rollup only; this module arranges them for the templates and formats them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from jinja2 import Environment, pass_context
from markupsafe import Markup

from itaplan import thai
from itaplan.pages import paths as pages
from itaplan.pages.progress_chart import progress_chart, progress_words
from itaplan.plan.model import PlanSet, YearPlan
from itaplan.plan.schema import Indicator
from itaplan.plan.settings import Settings
from itaplan.progress import rollup
from itaplan.progress.evidence import EvidenceFile
from itaplan.thai_dates import fiscal_year_range
from itaplan.progress.markdown import brief, plain_lines, render_html
from itaplan.progress.model import RoundProgress, YearProgress
from itaplan.progress.schema import IndicatorReport, Status
from itaplan.progress.units import UnitSteps, units

STATUS_SYMBOLS = {
    Status.DONE: "✓",
    Status.IN_PROGRESS: "◔",
    Status.DELAYED: "!",
    Status.NOT_STARTED: "○",
    Status.CANCELLED: "✕",
}
STATUS_CLASSES = {
    Status.DONE: "done",
    Status.IN_PROGRESS: "in-progress",
    Status.DELAYED: "delayed",
    Status.NOT_STARTED: "not-started",
    Status.CANCELLED: "cancelled",
}
MiB = 1024 * 1024


def file_size(size: int, style: thai.Digits) -> str:
    """'๑.๒ MB', '๓๔ KB': what a reader on a phone plan wants to know before downloading."""
    if size >= MiB:
        text = f"{size / MiB:.1f} MB"
    elif size >= 1024:
        text = f"{max(1, round(size / 1024))} KB"
    else:
        text = f"{size} ไบต์"
    return thai.digits(text, style)


def status_html(status: Status) -> Markup:
    """The status as words with a symbol in front (never colour alone); the symbol is hidden from screen readers."""
    return Markup(f'<span class="itaplan-status itaplan-status-{STATUS_CLASSES[status]}">'
                  f'<span class="itaplan-status-symbol" aria-hidden="true">{STATUS_SYMBOLS[status]}</span> '
                  f'{status.value}</span>')


def progress_filters(style: thai.Digits) -> dict:
    """Jinja2 filters for progress, added to the page templates' environment."""
    return {
        "status": status_html,
        "filesize": lambda size: file_size(size, style),
        "progress_words": lambda p: progress_words(p, style),
        "long_date": lambda d: Markup(f'<time datetime="{d.isoformat()}">{thai.long_date(d, style)}</time>'),
        "short_date": lambda d: Markup(f'<time datetime="{d.isoformat()}">{thai.short_date(d, style)}</time>'),
        "staff_html": staff_html,
        "brief": brief,
        "plain_lines": plain_lines,
    }


@pass_context
def staff_html(context, text: str, levels: int = 2) -> Markup:
    """Staff Markdown as sanitised HTML for the page being rendered (see progress.markdown): headings
    `levels` deeper, in-site links relative to the page. The template puts it inside a raw HTML block,
    which MkDocs' Markdown does not read again."""
    page = context["page"]
    return Markup(render_html(text, levels, lambda url: pages.site_link(url, page)))


@dataclass(frozen=True)
class EvidenceView:
    kind: str
    """file, photo or url"""
    title: str
    target: str
    """Site path (file, photo) or the web address (url)."""
    file: EvidenceFile | None = None
    alt: str | None = None


@dataclass(frozen=True)
class RoundReport:
    """One indicator's report in one round, with its evidence resolved."""

    round: RoundProgress
    report: IndicatorReport
    evidence: tuple[EvidenceView, ...]
    progress: rollup.Progress
    """The indicator's steps as they stood at this round."""


@dataclass(frozen=True)
class IndicatorProgress:
    indicator: Indicator
    states: tuple[rollup.StepState, ...]
    progress: rollup.Progress
    status: Status
    rounds: tuple[RoundReport, ...]
    """Rounds that report this indicator, latest first."""

    @property
    def reported(self) -> bool:
        return bool(self.rounds)


class ProgressView:
    """What the templates show about one fiscal year's progress."""

    def __init__(self, plan: YearPlan, progress: YearProgress, style: thai.Digits = "thai"):
        self.style = style
        self.plan = plan
        self.data = progress
        self.rounds = progress.rounds
        self.start, self.end = fiscal_year_range(plan.fiscal_year)
        self.year = rollup.year_progress(plan, progress)
        self.latest = progress.latest_reported
        self.signed_plan = progress.signed_plan

    def evidence(self, report: IndicatorReport) -> tuple[EvidenceView, ...]:
        out = []
        for item in report.evidence:
            if item.url is not None:
                out.append(EvidenceView("url", item.title, item.url))
            else:
                ref = item.file if item.file is not None else item.photo
                found = self.data.files[ref]
                out.append(EvidenceView("photo" if item.photo else "file", item.title, found.site_path, found,
                                        item.alt))
        return tuple(out)

    def indicator(self, indicator: Indicator, upto: RoundProgress | None = None) -> IndicatorProgress:
        states = tuple(rollup.step_states(indicator, self.data, upto))
        progress = rollup.of_states(states)
        rounds = []
        for round_ in reversed(rollup.rounds_upto(self.data, upto)):
            report = round_.reports.get(indicator.number)
            if report is not None:
                rounds.append(RoundReport(round_, report, self.evidence(report),
                                          rollup.indicator_progress(indicator, self.data, round_)))
        return IndicatorProgress(indicator, states, progress, rollup.overall_status(progress), tuple(rounds))

    def round_total(self, round_: RoundProgress) -> rollup.Progress:
        return rollup.round_progress(self.plan, self.data, round_)

    def round_rows(self, round_: RoundProgress) -> list[IndicatorProgress]:
        return [self.indicator(i, round_) for i in self.plan.indicators]

    def units(self) -> list[UnitSteps]:
        return units(self.plan, self.data)

    def period(self, round_: RoundProgress) -> Markup:
        return Markup(f'<time datetime="{self.start.isoformat()}">{thai.short_date(self.start, self.style)}</time>'
                      f' – <time datetime="{round_.cutoff.isoformat()}">'
                      f'{thai.short_date(round_.cutoff, self.style)}</time>')


def _round_title(round_: RoundProgress, start: date, style: thai.Digits) -> str:
    return (f"{round_.round.name} ({thai.short_date(start, style)} – {thai.short_date(round_.cutoff, style)})")


def _round_source(round_: RoundProgress, plan_data: str, fy: int) -> str:
    """The file an editor opens from a report page: report.yml, else the first report, else the plan."""
    folder = f"{plan_data}/{fy}/progress/{round_.round.id}"
    if round_.info is not None:
        return f"{folder}/report.yml"
    if round_.sources:
        return sorted(round_.sources.values())[0]
    return f"{plan_data}/{fy}/plan.yml"


def render_progress(env: Environment, plans: PlanSet, year: YearPlan, progress: YearProgress,
                    settings: Settings, view: ProgressView | None = None) -> dict[str, str]:
    """The report page and print view of each round, the units index and a page per unit."""
    view = view or make_view(year, progress, settings)
    fy = year.fiscal_year
    common = {"agency": plans.agency, "year": year, "plan": year.info, "progress": view,
              "plan_data": settings.plan_data}
    out = {}
    for round_ in progress.rounds:
        rows = view.round_rows(round_)
        title = _round_title(round_, view.start, settings.digits)
        chart = progress_chart([(r.indicator, r.progress) for r in rows], settings.digits,
                               f"ความคืบหน้ารายตัวชี้วัด {title}") if round_.reported else ""
        ctx = dict(common, round=round_, rows=rows, total=view.round_total(round_), round_title=title,
                   chart=Markup(chart), source=_round_source(round_, settings.plan_data, fy),
                   depends=sorted(round_.sources.values()))
        page = pages.report_page(fy, round_.round.id)
        out[page] = env.get_template("report.md.j2").render(page=page, **ctx)
        page = pages.report_print_page(fy, round_.round.id)
        out[page] = env.get_template("report_print.md.j2").render(page=page, **ctx)
    all_units = view.units()
    page = pages.units_index(fy)
    out[page] = env.get_template("units_index.md.j2").render(page=page, units=all_units, **common)
    for unit in all_units:
        page = pages.unit_page(fy, unit.slug)
        out[page] = env.get_template("unit.md.j2").render(page=page, unit=unit, **common)
    return out


def make_view(year: YearPlan, progress: YearProgress, settings: Settings) -> ProgressView:
    return ProgressView(year, progress, settings.digits)
