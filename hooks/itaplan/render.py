"""Render the validated plan into Markdown pages from Jinja2 templates.

Every value from plan data passes through `md_text` on its way into a page, so text stays
text: HTML, Markdown syntax and attribute lists in the data cannot become markup. Filters
that produce markup on purpose (dates with <time>, the SVG chart) return Markup.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import ita, pages, thai
from .chart import score_chart
from .model import PlanSet, YearPlan
from .schema import Period
from .settings import Settings

TEMPLATES = Path(__file__).parent / "templates"
_INLINE_SPECIALS = re.compile(r"([\\`*_{}\[\]!|~])")
_LINE_START = re.compile(r"^(#|>|\+|-|=|(\d+)(?=[.)]))")


def md_text(value: object) -> str:
    """Plain text made safe for Markdown: HTML escaped, markup characters backslash-escaped."""
    if isinstance(value, Markup):
        return str(value)
    text = " ".join(str(value).split())
    text = html.escape(text, quote=False)
    text = _INLINE_SPECIALS.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: "\\" + m.group(0) if not m.group(2) else m.group(0) + "\\", text)


def _env(settings: Settings) -> Environment:
    # Comments are {## ##} so that Markdown heading ids such as {#analysis} stay literal.
    env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined,
                      comment_start_string="{##", comment_end_string="##}",
                      finalize=md_text, autoescape=False, keep_trailing_newline=True,
                      trim_blocks=True, lstrip_blocks=True)
    style = settings.digits
    env.filters.update(
        digits=lambda v: thai.digits(v, style),
        score=lambda v: thai.score(v, style),
        period=lambda p: period_html(p, style),
        attr=lambda v: Markup(html.escape(str(v), quote=True)),
        lines=lambda items: Markup("<br>").join(Markup(md_text(i)) for i in items),
    )
    env.globals.update(group_names=ita.GROUP_NAMES, link=_link, pages=pages)
    return env


def period_html(period: Period, style: thai.Digits) -> Markup:
    """'๑ ต.ค. ๒๕๖๘ – ๓๐ ก.ย. ๒๕๖๙' with machine-readable <time> elements."""
    start, end = (f'<time datetime="{d.isoformat()}">{thai.short_date(d, style)}</time>'
                  for d in (period.start, period.end))
    return Markup(f"{start} – {end}")


def _link(source: str, target: str) -> str:
    """A Markdown link target from page `source` to page `target` (both relative to docs/)."""
    return posixpath.relpath(target, posixpath.dirname(source) or ".")


def render_year(plans: PlanSet, year: YearPlan, settings: Settings) -> dict[str, str]:
    """All pages of one fiscal year: {path relative to docs/: Markdown}."""
    env = _env(settings)
    common = {"agency": plans.agency, "year": year, "plan": year.info, "latest": plans.latest}
    out = {pages.year_index(year.fiscal_year): env.get_template("year_index.md.j2").render(
        page=pages.year_index(year.fiscal_year),
        chart=Markup(score_chart(year, settings.digits)), **common)}
    out[pages.print_page(year.fiscal_year)] = env.get_template("print.md.j2").render(
        page=pages.print_page(year.fiscal_year), **common)
    items = year.indicators
    for pos, indicator in enumerate(items):
        page = pages.indicator_page(year.fiscal_year, indicator)
        out[page] = env.get_template("indicator.md.j2").render(
            page=page, indicator=indicator, source=year.sources.get(indicator.number, ""),
            previous=items[pos - 1] if pos > 0 else None,
            next=items[pos + 1] if pos + 1 < len(items) else None, **common)
    return out


def render_site(plans: PlanSet, settings: Settings) -> dict[str, str]:
    """Every generated page of every fiscal year in plan_data."""
    out: dict[str, str] = {}
    for year in plans.years:
        out.update(render_year(plans, year, settings))
    return out


def render_years_list(plans: PlanSet, settings: Settings, source_page: str) -> str:
    """Markdown list of the published fiscal years, newest first, for the home page."""
    env = _env(settings)
    return env.get_template("years_list.md.j2").render(plans=plans, page=source_page)
