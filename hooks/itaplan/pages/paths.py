"""Where each generated page lives in the site, relative to docs/ (one folder per fiscal year)."""

from __future__ import annotations

import posixpath
from urllib.parse import urlsplit

from itaplan.plan.model import YearPlan
from itaplan.plan.schema import Indicator


def year_index(fiscal_year: int) -> str:
    """The summary page of one fiscal year's plan."""
    return f"{fiscal_year}/index.md"


def indicator_page(fiscal_year: int, indicator: Indicator | int) -> str:
    """The page of one indicator in one fiscal year's plan."""
    number = indicator if isinstance(indicator, int) else indicator.number
    return f"{fiscal_year}/indicator-{number:02d}.md"


def print_page(fiscal_year: int) -> str:
    """The whole plan of one fiscal year as the official six-column table, for printing."""
    return f"{fiscal_year}/print.md"


def report_page(fiscal_year: int, round_id: str) -> str:
    """The progress report of one round of one fiscal year: /<year>/report-<round id>/."""
    return f"{fiscal_year}/report-{round_id}.md"


def report_print_page(fiscal_year: int, round_id: str) -> str:
    """The progress report of one round as the official table, for printing (A4 landscape)."""
    return f"{fiscal_year}/report-{round_id}-print.md"


def units_index(fiscal_year: int) -> str:
    """The list of responsible units of one fiscal year: /<year>/units/."""
    return f"{fiscal_year}/units/index.md"


def unit_page(fiscal_year: int, slug: str) -> str:
    """The steps one responsible unit carries: /<year>/units/<slug>/ (slug: ASCII, see progress/units.py)."""
    return f"{fiscal_year}/units/{slug}.md"


def year_pages(year: YearPlan, round_ids: tuple[str, ...] = ()) -> list[str]:
    """All pages of one fiscal year, in reading order: the summary, the indicators in number order, the print view,
    then the progress report of each round and the list of responsible units."""
    return ([year_index(year.fiscal_year)] + [indicator_page(year.fiscal_year, i) for i in year.indicators]
            + [print_page(year.fiscal_year)]
            + [report_page(year.fiscal_year, r) for r in round_ids]
            + ([units_index(year.fiscal_year)] if round_ids else [])
            + [changes_page(year.fiscal_year)])


def changes_page(fiscal_year: int) -> str:
    """The public history of changes to one fiscal year's plan data (from Git)."""
    return f"{fiscal_year}/changes.md"


def page_url(page: str, use_directory_urls: bool = True) -> str:
    """The address of a page (a path relative to docs/), relative to the site root, as MkDocs writes it:
    '2569/indicator-01.md' -> '2569/indicator-01/', '2569/index.md' (or README.md) -> '2569/', 'index.md' -> ''
    (with `use_directory_urls: false`, '2569/indicator-01.html' and '2569/index.html'); any other file keeps
    its path."""
    if not page.endswith(".md"):
        return page
    stem = page[: -len(".md")]
    head, _, name = stem.rpartition("/")
    if name in ("index", "README"):
        if not use_directory_urls:
            return (head + "/" if head else "") + "index.html"
        return head + "/" if head else ""
    return f"{stem}.html" if not use_directory_urls else f"{stem}/"


def absolute_url(site_url: str | None, page: str, use_directory_urls: bool = True) -> str:
    """The public address of a page or file: site_url joined with page_url ('/'-rooted when site_url is unset)."""
    from urllib.parse import quote

    rel = quote(page_url(page, use_directory_urls), safe="/#-._~", errors="surrogateescape")  # bytes as they are
    if not site_url:
        return "/" + rel
    return site_url.rstrip("/") + "/" + rel


def site_link(url: str, page: str) -> str:
    """A link target inside the site (written from the site's root: 2569/index.md#measures,
    files/manual.pdf) as an href in the HTML of `page`, relative to the page's own address; for HTML
    that MkDocs does not rewrite (staff Markdown, see progress.markdown). Percent-encoding is kept."""
    parts = urlsplit(url)
    suffix = (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
    if not parts.path:
        return suffix or "./"
    target = page_url(parts.path.lstrip("/"))
    here = page_url(page)
    base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
    rel = posixpath.relpath(target or ".", base.rstrip("/") or ".")
    if (target.endswith("/") or not target) and not rel.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return rel + suffix
