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
from itaplan.progress.loader import load_progress
from itaplan.progress.model import YearProgress
from itaplan.progress.schema import PROGRESS_SCHEMAS
from itaplan.data.files import data_files
from itaplan.data.plan_json import SCHEMA_NAME, plan_data_schema
from itaplan.pages import open_data
from itaplan.pages.about_ita import about_ita_entry


PHOTO_CACHE = Path(".cache") / "itaplan" / "photos"
"""Where prepared (resized, metadata-free) photos are kept, relative to the project."""


def load_all(project: Path, settings: Settings,
             photo_cache: Path | None = None) -> tuple[PlanSet, dict[int, YearProgress]]:
    """The validated plan and progress reports of `project` (PlanDataError lists every problem)."""
    root = project / settings.plan_data
    plans = load_plan_data(root, shown_root=settings.plan_data)
    progress = load_progress(root, plans, settings, photo_cache if photo_cache is not None else project / PHOTO_CACHE,
                             shown_root=settings.plan_data)
    return plans, progress


def warnings_of(plans: PlanSet, progress: dict[int, YearProgress]) -> list:
    """Problems that do not stop the build but must be seen (a value cut short by ' #'), in file order:
    `itaplan check` prints them and the MkDocs hook logs them as warnings (so --strict fails)."""
    found = list(plans.warnings) + [w for year in progress.values() for w in year.warnings]
    return sorted(found, key=lambda w: (w.file, w.line or 0))


def build_pages(project: Path, settings: Settings, site_url: str | None = None) -> tuple[PlanSet, dict[str, str]]:
    """Load and validate the plan data of `project`, then render all generated pages."""
    plans, progress = load_all(project, settings)
    return plans, render_site(plans, settings, progress, site_url)


def published_files(project: Path, progress: dict[int, YearProgress]) -> list[dict]:
    """Evidence files, prepared photos and signed PDFs to copy into the site:
    [{"site_path": "2569/evidence/…", "source": path relative to the project (absolute if outside)}]."""
    root = project.resolve()
    out = {}
    for year in progress.values():
        items = list(year.files.values()) + ([year.signed_plan] if year.signed_plan else [])
        for item in items:
            source = item.source.resolve()
            shown = source.relative_to(root).as_posix() if source.is_relative_to(root) else str(source)
            out[item.site_path] = {"site_path": item.site_path, "source": shown}
    return [out[k] for k in sorted(out)]


def copy_files(project: Path, files: list[dict], out_dir: Path) -> list[Path]:
    """Copy published files (see published_files) under `out_dir`, refusing any path that would leave it."""
    import shutil

    root = out_dir.resolve()
    written = []
    for item in files:
        target = (root / item["site_path"]).resolve()
        if not target.is_relative_to(root):
            raise ValueError(f"file path {item['site_path']!r} leaves the output folder")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(project / item["source"], target)
        written.append(target)
    return written


def site_payload(project: Path, raw_settings: object, site_url: str | None = None) -> dict:
    """Everything a site generator needs from plan data, as plain JSON-able data (cacheable):
    the validated settings, the generated pages, the navigation sections and the years list;
    also the open-data files, the home page's JSON-LD and the pages the navigation lists after
    the years."""
    settings = settings_from(raw_settings)
    plans, progress = load_all(project, settings)
    rendered = render_site(plans, settings, progress, site_url)
    round_ids = tuple(r.id for r in settings.rounds)
    return {
        "warnings": [str(w) for w in warnings_of(plans, progress)],
        "data_files": data_files(plans, settings, site_url, latest_step_status(plans, progress)),
        "home_jsonld": open_data.organization_jsonld(plans.agency, site_url),
        "about_ita": {**about_ita_entry(plans, settings.digits), "trends_page": open_data.TRENDS_PAGE},
        "nav_extra": [{open_data.TRENDS_TITLE: open_data.TRENDS_PAGE}],
        "settings": settings.model_dump(mode="json"),
        "pages": rendered,
        "evidence_files": published_files(project, progress),
        "latest_report": latest_report_entry(plans, progress, settings),
        "years": [{"fiscal_year": y.fiscal_year, "page": pages.year_index(y.fiscal_year),
                   "nav_title": f"ปีงบประมาณ {thai.digits(y.fiscal_year, settings.digits)}",
                   "nav": pages.year_pages(y, round_ids),
                   "label": md_text(f"ผลการวิเคราะห์ ITA {thai.digits(y.info.assessment_year, settings.digits)}"
                                    f" และมาตรการปีงบประมาณ {thai.digits(y.fiscal_year, settings.digits)}")}
                  for y in plans.years],
    }


def latest_step_status(plans: PlanSet, progress: dict[int, YearProgress]):
    """(fiscal year, indicator, step) -> the step's latest reported status, for the open-data steps.csv;
    None for a year with no report at all (then the file says ยังไม่มีรายงาน)."""
    from itaplan.progress.rollup import step_states

    def status(fiscal_year: int, number: int, step: int) -> str | None:
        year_progress = progress.get(fiscal_year)
        if year_progress is None or year_progress.latest_reported is None:
            return None
        year = next(y for y in plans.years if y.fiscal_year == fiscal_year)
        indicator = next(i for i in year.indicators if i.number == number)
        return step_states(indicator, year_progress)[step - 1].status.value

    return status


def latest_report_entry(plans: PlanSet, progress: dict[int, YearProgress], settings: Settings) -> dict | None:
    """The newest report round with something reported, for the home page; None before any report."""
    for year in plans.years:
        found = progress[year.fiscal_year].latest_reported if year.fiscal_year in progress else None
        if found is not None:
            return {"page": pages.report_page(year.fiscal_year, found.round.id),
                    "label": md_text(f"รายงานผลการดำเนินการตามมาตรการ ปีงบประมาณ "
                                     f"{thai.digits(year.fiscal_year, settings.digits)} {found.round.name} "
                                     f"(ข้อมูล ณ วันที่ {thai.long_date(found.as_of, settings.digits)})")}
    return None


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


THAI_DIGITS = {"integer": r"^[-+]?[๐-๙]+$", "number": r"^[-+]?[๐-๙]+(\.[๐-๙]+)?$"}
"""What a number in Thai digits looks like; the YAML reader takes `๙๙.๗๙` as 99.79 (yaml_loader)."""


def thai_digits_too(schema):
    """An editor's JSON Schema in which every number may also be written in Thai digits, as the YAML reader
    takes them (so `score: ๙๙.๗๙` is not underlined; `score: '99.79'`, text to the reader, still is)."""
    if isinstance(schema, list):
        return [thai_digits_too(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    schema = {key: thai_digits_too(value) for key, value in schema.items()}
    if schema.get("type") in THAI_DIGITS:
        kept = {key: schema.pop(key) for key in ("title", "description", "default", "examples") if key in schema}
        return {"anyOf": [schema, {"type": "string", "pattern": THAI_DIGITS[schema["type"]]}], **kept}
    return schema


def json_schemas() -> dict[str, str]:
    """The JSON Schema of each plan data file kind, as editors use them: {file name: JSON}."""
    from itaplan.framework import Framework

    out = {}
    for name, model in {**SCHEMAS, **PROGRESS_SCHEMAS, "framework": Framework}.items():
        schema = thai_digits_too(model.model_json_schema())
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                  "$id": f"{name}.schema.json", **schema}
        out[f"{name}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    out[f"{SCHEMA_NAME}.schema.json"] = json.dumps(plan_data_schema(), ensure_ascii=False, indent=2) + "\n"
    return out
