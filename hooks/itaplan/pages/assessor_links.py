"""The list an assessor's form asks for (`itaplan links`): each document of a fiscal year with a Thai title, its
absolute address on the site, and the OIT item code it answers where the year's framework maps one.

OIT evidence is submitted as addresses on the agency's website, one or more per item. The documents of a year:
the analysis and measures (its summary, each indicator page, the print view, the signed PDF), each reported
round of the progress report (its page, print view and signed PDF) and the open data (the downloads section and
each data file).

OIT item codes come from the year's assessment framework (its `oit_items`, never made up here), or from a list
passed in:

    oit_items:
      - code: o36                   # as the framework numbers it
        name: …                     # the item's name
        indicator: 10               # the ITA indicator it belongs to (information only)
        documents: [analysis]       # analysis | progress | progress:<round id> | open_data
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from pydantic import BaseModel, ConfigDict, Field

from itaplan import thai
from itaplan.data import paths as data_paths
from itaplan.framework.schema import OitItem
from itaplan.pages import paths as pages
from itaplan.plan.model import PlanSet
from itaplan.plan.settings import Settings
from itaplan.progress.model import YearProgress

class OitItems(BaseModel):
    """A framework file (or any YAML file) with an `oit_items:` list; other keys are the framework's own."""

    model_config = ConfigDict(extra="allow", frozen=True)
    oit_items: list[OitItem] = Field(default_factory=list)


def read_oit_items(path: Path) -> list[OitItem]:
    """The `oit_items` of a YAML file (a framework file, say); PlanDataError names the file, line and field of
    any problem. For a list that is not (yet) in the year's framework: `itaplan links --oit-items FILE`."""
    from itaplan.plan.validation import validate
    from itaplan.plan.yaml_source import read_yaml

    return list(validate(read_yaml(path, str(path)), OitItems).oit_items)


@dataclass(frozen=True)
class Link:
    document: str
    """analysis, progress:<round id> or open_data: what OIT items map to."""
    title: str
    url: str
    codes: tuple[str, ...] = ()


def year_links(plans: PlanSet, progress: dict[int, YearProgress], settings: Settings, fiscal_year: int,
               site_url: str | None, use_directory_urls: bool = True,
               items: list[OitItem] | tuple[OitItem, ...] | None = None) -> list[Link]:
    """The documents of `fiscal_year`, in the order a reader meets them, with OIT codes from `items` (by default
    the `oit_items` of the year's framework)."""
    year = next(y for y in plans.years if y.fiscal_year == fiscal_year)
    if items is None:
        items = year.framework.oit_items if year.framework is not None else ()
    style = settings.digits
    fy = thai.digits(fiscal_year, style)

    def url(page: str, anchor: str = "") -> str:
        return pages.absolute_url(site_url, page, use_directory_urls) + anchor

    name = f"ผลการวิเคราะห์ผลการประเมิน ITA {thai.digits(year.info.assessment_year, style)} และมาตรการปีงบประมาณ {fy}"
    rows = [Link("analysis", f"{name} (หน้าสรุป)", url(pages.year_index(fiscal_year)))]
    rows += [Link("analysis", f"ตัวชี้วัดที่ {thai.digits(i.number, style)} {i.name}: ผลการวิเคราะห์และมาตรการ",
                  url(pages.indicator_page(fiscal_year, i))) for i in year.indicators]
    rows.append(Link("analysis", f"{name} (ฉบับพิมพ์ ตาราง ๖ ช่อง)", url(pages.print_page(fiscal_year))))
    year_progress = progress.get(fiscal_year)
    if year_progress is not None and year_progress.signed_plan is not None:
        rows.append(Link("analysis", f"{name} ฉบับลงนาม ({year_progress.signed_plan.type_label})",
                         url(year_progress.signed_plan.site_path)))
    for round_ in year_progress.rounds if year_progress is not None else ():
        if not round_.reported:
            continue  # the page of a round not reported yet says so; it answers no item
        title = (f"รายงานผลการดำเนินการตามมาตรการ ปีงบประมาณ {fy} {round_.round.name} "
                 f"(ข้อมูล ณ วันที่ {thai.long_date(round_.as_of, style)})")
        kind = f"progress:{round_.round.id}"
        rows.append(Link(kind, title, url(pages.report_page(fiscal_year, round_.round.id))))
        rows.append(Link(kind, f"{title} ฉบับพิมพ์", url(pages.report_print_page(fiscal_year, round_.round.id))))
        signed = round_.info.signed_document if round_.info is not None else None
        if signed and signed in year_progress.files:
            document = year_progress.files[signed]
            rows.append(Link(kind, f"{title} ฉบับลงนาม ({document.type_label})", url(document.site_path)))
    rows.append(Link("open_data", f"ข้อมูลเปิด ปีงบประมาณ {fy}: รายการดาวน์โหลด",
                     url(pages.year_index(fiscal_year), "#data")))
    for file, what in ((data_paths.INDICATORS_CSV, "ตัวชี้วัด ผลการวิเคราะห์และมาตรการ (CSV)"),
                       (data_paths.STEPS_CSV, "ขั้นตอนและสถานะล่าสุด (CSV)"),
                       (data_paths.PLAN_JSON, "แผนทั้งฉบับ (JSON)"),
                       (data_paths.DATAPACKAGE, "คำอธิบายชุดข้อมูล (Data Package)")):
        rows.append(Link("open_data", f"ข้อมูลเปิด ปีงบประมาณ {fy}: {what}",
                         url(data_paths.data_file(fiscal_year, file))))
    return [Link(r.document, r.title, r.url, _codes(r.document, items)) for r in rows]


def _codes(document: str, items) -> tuple[str, ...]:
    found = []
    for item in items:
        for kind in item.documents:
            if kind == document or (kind == "progress" and document.startswith("progress:")):
                found.append(item.code)
                break
    return tuple(dict.fromkeys(found))


HEADER = ("รหัสข้อ OIT", "เอกสาร", "ที่อยู่ (URL)")
_TSV_UNSAFE = re.compile(r"[\t\r\n]")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|<>])")


def to_tsv(links: list[Link]) -> str:
    """Tab-separated, with a header row: pastes into a spreadsheet or the assessor's form."""
    rows = [HEADER] + [(", ".join(r.codes), r.title, r.url) for r in links]
    return "".join("\t".join(_TSV_UNSAFE.sub(" ", cell) for cell in row) + "\n" for row in rows)


def to_markdown(links: list[Link]) -> str:
    """A Markdown table (GitHub, a handbook page)."""
    lines = ["| " + " | ".join(HEADER) + " |", "| --- | --- | --- |"]
    for r in links:
        cells = (", ".join(r.codes) or "—", _MD_SPECIAL.sub(r"\\\1", r.title), f"<{r.url}>")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
