"""The core on its own: load plan_data, render every page and write them to a folder.

This is what a static-site generator without hooks (or a webmaster checking the Markdown)
uses: `itaplan pages --out DIR`. The MkDocs hook does the same in memory.
"""

from __future__ import annotations

import json
from pathlib import Path

from itaplan.pages import paths as pages
from itaplan import thai
from itaplan.plan.loader import load_plan_data
from itaplan.plan.model import PlanSet
from itaplan.pages.render import md_text, render_site
from itaplan.plan.schema import SCHEMAS
from itaplan.plan.settings import Settings, settings_from
from itaplan.data.files import data_files
from itaplan.data.plan_json import SCHEMA_NAME, plan_data_schema
from itaplan.pages import open_data


def build_pages(project: Path, settings: Settings, site_url: str | None = None) -> tuple[PlanSet, dict[str, str]]:
    """Load and validate the plan data of `project`, then render all generated pages."""
    plans = load_plan_data(project / settings.plan_data, shown_root=settings.plan_data)
    return plans, render_site(plans, settings, site_url)


def site_payload(project: Path, raw_settings: object, site_url: str | None = None) -> dict:
    """Everything a site generator needs from plan data, as plain JSON-able data (cacheable):
    the validated settings, the generated pages, the navigation sections and the years list;
    also the open-data files, the home page's JSON-LD and the pages the navigation lists after
    the years."""
    settings = settings_from(raw_settings)
    plans, rendered = build_pages(project, settings, site_url)
    return {
        "files": data_files(plans, settings, site_url),
        "home_jsonld": open_data.organization_jsonld(plans.agency, site_url),
        "nav_extra": [{open_data.TRENDS_TITLE: open_data.TRENDS_PAGE}],
        "settings": settings.model_dump(mode="json"),
        "pages": rendered,
        "years": [{"fiscal_year": y.fiscal_year, "page": pages.year_index(y.fiscal_year),
                   "nav_title": f"ปีงบประมาณ {thai.digits(y.fiscal_year, settings.digits)}",
                   "nav": pages.year_pages(y),
                   "label": md_text(f"ผลการวิเคราะห์ ITA {thai.digits(y.info.assessment_year, settings.digits)}"
                                    f" และมาตรการปีงบประมาณ {thai.digits(y.fiscal_year, settings.digits)}")}
                  for y in plans.years],
    }


def write_pages(rendered: dict[str, str], out_dir: Path) -> list[Path]:
    """Write rendered pages under `out_dir`, refusing any path that would leave it."""
    root = out_dir.resolve()
    written = []
    for rel, text in rendered.items():
        target = (root / rel).resolve()
        if not target.is_relative_to(root):
            raise ValueError(f"page path {rel!r} leaves the output folder")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written


def json_schemas() -> dict[str, str]:
    """The JSON Schema of each plan data file kind, as editors use them: {file name: JSON}."""
    out = {}
    for name, model in SCHEMAS.items():
        schema = model.model_json_schema()
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                  "$id": f"{name}.schema.json", **schema}
        out[f"{name}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    out[f"{SCHEMA_NAME}.schema.json"] = json.dumps(plan_data_schema(), ensure_ascii=False, indent=2) + "\n"
    return out
