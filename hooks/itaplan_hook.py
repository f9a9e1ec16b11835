"""MkDocs hook: a thin adapter from MkDocs events to the itaplan core.

on_config loads and validates plan_data (before MkDocs touches the site folder, so bad data
leaves the last good site in place; unchanged data comes from a content-keyed cache) and lays
out the navigation; on_files adds the generated pages in memory; on_page_markdown fills the list
of plan years, the latest report and what ITA measures (from the newest plan's framework) into
hand-written pages.
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File

import itaplan  # noqa: F401 - the package; its heavier modules load only when the data changed
from itaplan.errors import PlanDataError
from itaplan.site.page_cache import cached_site
from itaplan.progress.photos import prepared_count
from itaplan.pages.years_list import about_ita_markdown, latest_report_markdown, years_list_markdown

log = get_plugin_logger(__name__)
YEARS_MARKER = "<!-- itaplan:years -->"
LATEST_REPORT_MARKER = "<!-- itaplan:latest-report -->"
FRAMEWORK_MARKER = "<!-- itaplan:framework -->"
_built: dict = {}


def on_config(config):
    project = Path(config.config_file_path or "mkdocs.yml").resolve().parent
    cache_dir = None if os.environ.get("ITAPLAN_NO_CACHE") else project / ".cache" / "itaplan"
    photos_before = prepared_count()
    try:
        site, cached = cached_site(project, config.extra.get("itaplan"), cache_dir, config.site_url)
    except PlanDataError as exc:
        raise PluginError(exc.report()) from None
    if site.get("evidence_files"):  # image work of this build: none when no photo changed
        log.info("itaplan: %d photos prepared", prepared_count() - photos_before)
    for warning in site.get("warnings", []):  # through the plugin logger: `mkdocs build --strict` fails on them
        log.warning("itaplan: %s", warning)
    _built.update(site)
    config.extra["itaplan"] = site["settings"]  # validated, with defaults, for the other hooks and the theme
    log.info("itaplan: %d pages from %s (fiscal years %s)%s", len(site["pages"]), site["settings"]["plan_data"],
             ", ".join(str(y["fiscal_year"]) for y in site["years"]), " [cached]" if cached else "")
    if config.nav is None:
        config.nav = _navigation(Path(config.docs_dir), site["years"]) + site["nav_extra"]
    return config


def on_files(files, config):
    for src_uri, content in _built["pages"].items():
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"มีไฟล์ docs/{src_uri} อยู่แล้ว แต่ itaplan สร้างหน้านี้จากข้อมูลแผน: ให้ลบไฟล์นั้น "
                              f"(docs/{src_uri} exists, but itaplan generates that page: remove the file)")
        files.append(File.generated(config, src_uri, content=content))
    project = Path(config.config_file_path or "mkdocs.yml").resolve().parent
    for item in _built.get("evidence_files", []):  # evidence, prepared photos, signed PDFs: copied as they are
        if files.get_file_from_path(item["site_path"]) is not None:
            raise PluginError(f"docs/{item['site_path']} exists, but itaplan publishes that evidence file: "
                              "remove it from docs/")
        files.append(File.generated(config, item["site_path"], abs_src_path=str(project / item["source"])))
    for src_uri, content in _built["data_files"].items():  # open data: CSV and JSON per fiscal year
        files.append(File.generated(config, src_uri, content=content))
    return files


def on_page_markdown(markdown, page, config, files):
    if YEARS_MARKER in markdown:
        markdown = markdown.replace(YEARS_MARKER, years_list_markdown(_built["years"], page.file.src_uri))
    if LATEST_REPORT_MARKER in markdown:
        markdown = markdown.replace(LATEST_REPORT_MARKER,
                                    latest_report_markdown(_built.get("latest_report"), page.file.src_uri))
    if FRAMEWORK_MARKER in markdown and _built.get("about_ita"):  # what ITA measures, from the newest framework
        about = _built["about_ita"]
        markdown = markdown.replace(FRAMEWORK_MARKER, about_ita_markdown(about, about["trends_page"],
                                                                         page.file.src_uri))
    if page.is_homepage:
        markdown += "\n\n" + _built["home_jsonld"] + "\n"  # schema.org GovernmentOrganization
    return markdown


def _navigation(docs_dir: Path, years: list[dict]) -> list:
    """Home first, then one section per fiscal year (newest first), then other hand-written pages."""
    written = sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))
    nav: list = [{"หน้าแรก": "index.md"}] if "index.md" in written else []
    nav.extend({year["nav_title"]: year["nav"]} for year in years)
    nav.extend(p for p in written if p != "index.md" and posixpath.basename(p) != "README.md")
    return nav
