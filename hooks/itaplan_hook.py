"""MkDocs hook: a thin adapter from MkDocs events to the itaplan core.

on_config loads and validates plan_data (before MkDocs touches the site folder, so bad data
leaves the last good site in place) and lays out the navigation; on_files adds the generated
pages in memory; on_page_markdown fills the list of plan years into hand-written pages.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File

from itaplan import pages, thai
from itaplan.errors import PlanDataError
from itaplan.publish import build_pages
from itaplan.render import render_years_list
from itaplan.settings import settings_from

log = get_plugin_logger(__name__)
YEARS_MARKER = "<!-- itaplan:years -->"
_built: dict = {}


def on_config(config):
    project = Path(config.config_file_path or "mkdocs.yml").resolve().parent
    try:
        settings = settings_from(config.extra.get("itaplan"))
        plans, rendered = build_pages(project, settings)
    except PlanDataError as exc:
        raise PluginError(exc.report()) from None
    _built.update(settings=settings, plans=plans, rendered=rendered)
    log.info("itaplan: %d pages from %s (fiscal years %s)", len(rendered), settings.plan_data,
             ", ".join(str(y.fiscal_year) for y in plans.years))
    if config.nav is None:
        config.nav = _navigation(Path(config.docs_dir), plans, settings)
    return config


def on_files(files, config):
    for src_uri, content in _built["rendered"].items():
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"docs/{src_uri} exists, but itaplan generates that page: remove the file")
        files.append(File.generated(config, src_uri, content=content))
    return files


def on_page_markdown(markdown, page, config, files):
    if YEARS_MARKER in markdown:
        listing = render_years_list(_built["plans"], _built["settings"], page.file.src_uri)
        markdown = markdown.replace(YEARS_MARKER, listing)
    return markdown


def _navigation(docs_dir: Path, plans, settings) -> list:
    """Home first, then one section per fiscal year (newest first), then other hand-written pages."""
    written = sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))
    nav: list = [{"หน้าแรก": "index.md"}] if "index.md" in written else []
    for year in plans.years:
        title = f"ปีงบประมาณ {thai.digits(year.fiscal_year, settings.digits)}"
        nav.append({title: pages.year_pages(year)})
    nav.extend(p for p in written if p != "index.md" and posixpath.basename(p) != "README.md")
    return nav
