"""Render the validated plan into Markdown pages from Jinja2 templates.

Every value from plan data passes through `md_text` on its way into a page, so text stays
text: HTML, Markdown syntax and attribute lists in the data cannot become markup. Filters
that produce markup on purpose (dates with <time>, the SVG chart) return Markup.
"""

from __future__ import annotations

import functools
import html
import json
import posixpath
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from itaplan.plan import links
from itaplan.pages import paths as pages
from itaplan import thai
from itaplan.pages.chart import score_chart
from itaplan.pages.progress_pages import make_view, progress_filters, render_progress
from itaplan.pages import open_data
from itaplan.plan.model import PlanSet, YearPlan
from itaplan.plan.schema import Period
from itaplan.plan.settings import Settings

TEMPLATES = Path(__file__).parent / "templates"
_INLINE_SPECIALS = re.compile(r"([\\`*_{}\[\]!|#])")
# At the start of a line these begin a heading, list, quote, setext underline or definition.
# Python-Markdown has no backslash escape for '=' and ':', so those become character references.
_LINE_START = re.compile(r"^(?:([+-])|([=:])|(\d+)(?=[.)]))")


def _line_start(m: re.Match) -> str:
    if m.group(1):
        return "\\" + m.group(1)
    if m.group(2):
        return f"&#{ord(m.group(2))};"
    return m.group(3) + "\\"


def md_text(value: object) -> str:
    """Plain text made safe for Markdown: HTML escaped, markup characters backslash-escaped."""
    if isinstance(value, Markup):
        return str(value)
    text = " ".join(str(value).split())
    text = html.escape(text, quote=False)
    text = _INLINE_SPECIALS.sub(r"\\\1", text)
    return _LINE_START.sub(_line_start, text)


def _env(settings: Settings) -> Environment:
    return _cached_env(settings.digits)


@functools.lru_cache(maxsize=4)
def _cached_env(style: thai.Digits) -> Environment:
    # Comments are {## ##} so that Markdown heading ids such as {#analysis} stay literal.
    # autoescape=False on purpose (bandit B701): the templates write Markdown, not HTML. Every value is
    # escaped for Markdown by md_text (finalize, which HTML-escapes <, > and & itself), and attributes by
    # the attr filter; Jinja2's HTML autoescape would escape twice and corrupt the Markdown.
    env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined,
                      comment_start_string="{##", comment_end_string="##}",
                      finalize=md_text, autoescape=False,  # nosec B701 # Markdown templates, see above
                      keep_trailing_newline=True,
                      trim_blocks=True, lstrip_blocks=True)
    # tojson: raw non-ASCII, since YAML front matter cannot rejoin an escaped surrogate pair.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    env.filters.update(
        digits=lambda v: thai.digits(v, style),
        score=lambda v: thai.score(v, style),
        period=lambda p: period_html(p, style),
        attr=lambda v: Markup(html.escape(str(v), quote=True)),
        html=html_text,
        yaml_str=lambda v: Markup(json.dumps(" ".join(str(v).split()), ensure_ascii=False)),
        meta=meta_value,
        lines=lambda items: Markup("<br>").join(Markup(md_text(i)) for i in items),
        **progress_filters(style),
    )
    env.globals.update(link=_link, pages=pages,
                       href=lambda url, page: Markup(links.href(url, page)))
    return env


def html_text(value: object) -> Markup:
    """Plain text for a raw HTML element of a template (<p class=…>, <figcaption>), which Markdown does not
    read: HTML-escaped only, so no backslash of md_text shows."""
    return Markup(html.escape(" ".join(str(value).split()), quote=False))


def meta_value(value: object) -> Markup:
    """A front matter value that themes may print unescaped: HTML-escaped text as a JSON string.

    Material writes `page.meta.description` into <meta content="…"> as it is, so the text must
    already be HTML; raw non-ASCII because YAML cannot rejoin an escaped surrogate pair (emoji).
    """
    text = html.escape(" ".join(str(value).split()), quote=True)
    return Markup(json.dumps(text, ensure_ascii=False))


def period_html(period: Period, style: thai.Digits) -> Markup:
    """'๑ ต.ค. ๒๕๖๘ – ๓๐ ก.ย. ๒๕๖๙' with machine-readable <time> elements."""
    start, end = (f'<time datetime="{d.isoformat()}">{thai.short_date(d, style)}</time>'
                  for d in (period.start, period.end))
    return Markup(f"{start} – {end}")


def _link(source: str, target: str) -> str:
    """A Markdown link target from page `source` to page `target` (both relative to docs/)."""
    return posixpath.relpath(target, posixpath.dirname(source) or ".")


def render_year(plans: PlanSet, year: YearPlan, settings: Settings, progress=None,
                site_url: str | None = None) -> dict[str, str]:
    """All pages of one fiscal year: {path relative to docs/: Markdown} (with a ProgressView as `progress`)."""
    from itaplan.progress.loader import empty_progress

    env = _env(settings)
    view = progress if progress is not None else make_view(year, empty_progress(year, settings), settings)
    common = {"agency": plans.agency, "year": year, "plan": year.info, "progress": view,
              "plan_data": settings.plan_data, **open_data.year_context(plans, year, settings, site_url)}
    out = {pages.year_index(year.fiscal_year): env.get_template("year_index.md.j2").render(
        page=pages.year_index(year.fiscal_year), source=f"{settings.plan_data}/{year.fiscal_year}/plan.yml",
        chart=Markup(score_chart(year, settings.digits)), **common)}
    out[pages.print_page(year.fiscal_year)] = env.get_template("print.md.j2").render(
        page=pages.print_page(year.fiscal_year), source=f"{settings.plan_data}/{year.fiscal_year}/plan.yml",
        **common)
    items = year.indicators
    for pos, indicator in enumerate(items):
        page = pages.indicator_page(year.fiscal_year, indicator)
        out[page] = env.get_template("indicator.md.j2").render(
            page=page, indicator=indicator, source=year.sources.get(indicator.number, ""),
            previous=items[pos - 1] if pos > 0 else None,
            next=items[pos + 1] if pos + 1 < len(items) else None, **common)
    return out


def render_site(plans: PlanSet, settings: Settings, progress: dict | None = None,
                site_url: str | None = None) -> dict[str, str]:
    """Every generated page of every fiscal year in plan_data (with its progress reports, if given:
    {fiscal year: YearProgress}; a year without is shown as not reported yet), and the scores-by-year page."""
    from itaplan.progress.loader import empty_progress

    out: dict[str, str] = {}
    for year in plans.years:
        year_progress = (progress or {}).get(year.fiscal_year) or empty_progress(year, settings)
        view = make_view(year, year_progress, settings)
        out.update(render_year(plans, year, settings, view, site_url))
        out.update(render_progress(_env(settings), plans, year, year_progress, settings, view))
    out[open_data.TRENDS_PAGE] = _env(settings).get_template("trends.md.j2").render(
        **open_data.trends_context(plans, settings))
    check_front_matter(out)
    return out


# MkDocs' own reading of front matter (mkdocs.utils.meta): a page whose YAML does not parse is published with
# its front matter shown as text, and the Markdown in its values live; here it stops the build instead.
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)


def check_front_matter(rendered: dict[str, str]) -> None:
    """Raise PlanDataError naming every generated page whose front matter MkDocs would not read as a mapping."""
    import yaml

    from itaplan.errors import PlanDataError, Problem

    problems = []
    for page, text in rendered.items():
        if not text.startswith("---"):
            continue
        found = _FRONT_MATTER.match(text)
        error = "no closing '---'"
        if found:
            try:
                data = yaml.safe_load(found.group(1))
                error = "" if isinstance(data, dict) else "not a mapping"
            except yaml.YAMLError as exc:
                error = " ".join(str(exc).split())[:300]
        if error:
            problems.append(Problem(
                f"(generated page) {page}", None, None, f"the page's front matter does not parse ({error}): the "
                "values it was made from hold something that breaks YAML; fix them, or report it to the webmaster",
                kind="front_matter", thai=f"ส่วนหัว (front matter) ของหน้า {page} ที่สร้างจากข้อมูลแผนอ่านไม่ได้ "
                "ข้อความที่ใช้สร้างหน้านี้มีอักขระที่ทำให้ YAML เสีย: ตรวจข้อความของหน้านี้ หรือแจ้งผู้ดูแลเว็บไซต์"))
    if problems:
        raise PlanDataError(problems)
