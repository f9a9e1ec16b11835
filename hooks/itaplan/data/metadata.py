"""Metadata of each fiscal year's data files: a Frictionless Data Package and a CKAN dataset.

datapackage.json follows the Frictionless Data Package specification (v1; tabular resources
carry a Table Schema, so `frictionless validate datapackage.json` checks every cell).
ckan.json is a CKAN `package_create` body for an open-data catalogue such as data.go.th
(CKAN): title, description, organisation, tags, licence, update frequency and the resources.
Both come from agency.yml, plan.yml and mkdocs.yml (site_url, extra.itaplan.open_data).
"""

from __future__ import annotations

import json
from urllib.parse import urljoin

from itaplan.data import paths
from itaplan.data.tables import INDICATOR_COLUMNS, STEP_COLUMNS, Column
from itaplan.plan.licences import LICENCES
from itaplan.plan.model import PlanSet, YearPlan
from itaplan.plan.settings import Settings

UPDATE_FREQUENCY = "ปีละ ๑ ครั้ง (ทุกปีงบประมาณ) และเมื่อมีการแก้ไข"
KEYWORDS = ("ITA", "การประเมินคุณธรรมและความโปร่งใส", "ป.ป.ช.", "มาตรการ", "แผนปรับปรุง")
CSV_DIALECT = {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "doubleQuote": True, "header": True}


def title(plans: PlanSet, year: YearPlan) -> str:
    return (f"ผลการวิเคราะห์ ITA {year.info.assessment_year} และมาตรการปีงบประมาณ {year.fiscal_year} "
            f"ของ{plans.agency.name}")


def description(plans: PlanSet, year: YearPlan) -> str:
    a = plans.agency
    return (f"ผลการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) "
            f"ปี {year.info.assessment_year} และมาตรการส่งเสริมคุณธรรมและความโปร่งใสปีงบประมาณ {year.fiscal_year} "
            f"ของ{a.name} อำเภอ{a.district} จังหวัด{a.province}: คะแนน ผลการวิเคราะห์ มาตรการ ขั้นตอน "
            f"ระยะเวลา และผู้รับผิดชอบของทั้ง {len(year.indicators)} ตัวชี้วัด")


def _fields(columns: tuple[Column, ...]) -> list[dict]:
    return [{"name": c.name, "type": c.type, "title": c.title, "description": c.description} for c in columns]


def _absolute(site_url: str | None, path: str) -> str | None:
    return urljoin(site_url, path) if site_url else None


def datapackage(plans: PlanSet, year: YearPlan, settings: Settings, site_url: str | None) -> dict:
    """The Frictionless descriptor of one fiscal year's data files (paths relative to it)."""
    lic = LICENCES[settings.open_data.licence]
    fy = year.fiscal_year
    package = {
        "profile": "data-package",
        "name": f"ita-plan-{fy}",
        "title": title(plans, year),
        "description": description(plans, year),
        "version": f"{fy}",
        "keywords": [*KEYWORDS, plans.agency.name, f"จังหวัด{plans.agency.province}", f"ปีงบประมาณ {fy}"],
        "licenses": [{"name": lic.id, "title": lic.title, "path": lic.url}],
        "contributors": [{"title": plans.agency.name, "role": "publisher"}],
        "sources": [{"title": year.info.title},
                    {"title": f"กรอบการประเมิน ITA {year.info.assessment_year}: {year.framework.source}"}],
        "resources": [
            {"name": "indicators", "path": paths.INDICATORS_CSV, "profile": "tabular-data-resource",
             "title": "ตัวชี้วัด คะแนน ผลการวิเคราะห์ และมาตรการ (หนึ่งแถวต่อหนึ่งตัวชี้วัด)",
             "format": "csv", "mediatype": "text/csv", "encoding": "utf-8", "dialect": CSV_DIALECT,
             "schema": {"fields": _fields(INDICATOR_COLUMNS), "primaryKey": ["number"], "missingValues": [""]}},
            {"name": "steps", "path": paths.STEPS_CSV, "profile": "tabular-data-resource",
             "title": "ขั้นตอนของมาตรการและสถานะล่าสุด (หนึ่งแถวต่อหนึ่งขั้นตอน)",
             "format": "csv", "mediatype": "text/csv", "encoding": "utf-8", "dialect": CSV_DIALECT,
             "schema": {"fields": _fields(STEP_COLUMNS), "primaryKey": ["indicator_number", "step_number"],
                        "missingValues": [""],
                        "foreignKeys": [{"fields": "indicator_number",
                                         "reference": {"resource": "indicators", "fields": "number"}}]}},
            {"name": "plan", "path": paths.PLAN_JSON, "profile": "data-resource",
             "title": "แผนทั้งปีในรูปแบบ JSON", "format": "json", "mediatype": "application/json",
             "encoding": "utf-8", "jsonSchema": f"../../{paths.PLAN_SCHEMA}"},
        ],
    }
    homepage = _absolute(site_url, f"{fy}/")
    if homepage:
        package["homepage"] = homepage
        package["id"] = _absolute(site_url, paths.data_file(fy, paths.DATAPACKAGE))
    return package


def ckan_dataset(plans: PlanSet, year: YearPlan, settings: Settings, site_url: str | None) -> dict:
    """A CKAN package_create body (also the fields data.go.th asks for: frequency, coverage, language)."""
    lic = LICENCES[settings.open_data.licence]
    fy = year.fiscal_year
    org = settings.open_data.catalogue_organization
    resources = [
        {"name": name, "url": _absolute(site_url, paths.data_file(fy, file)) or file, "format": fmt,
         "mimetype": mime, "description": desc}
        for name, file, fmt, mime, desc in (
            ("indicators.csv", paths.INDICATORS_CSV, "CSV", "text/csv", "หนึ่งแถวต่อหนึ่งตัวชี้วัด (UTF-8 มี BOM)"),
            ("steps.csv", paths.STEPS_CSV, "CSV", "text/csv", "หนึ่งแถวต่อหนึ่งขั้นตอน พร้อมสถานะล่าสุด"),
            ("plan.json", paths.PLAN_JSON, "JSON", "application/json", "แผนทั้งปี ตาม JSON Schema ที่เผยแพร่"),
            ("datapackage.json", paths.DATAPACKAGE, "JSON", "application/json", "Frictionless Data Package"),
        )]
    dataset = {
        "name": f"{org + '-' if org else ''}ita-plan-{fy}",
        "title": title(plans, year),
        "notes": description(plans, year),
        "author": plans.agency.name,
        "maintainer": plans.agency.name,
        "license_id": lic.ckan_id,
        "license_title": lic.title,
        "license_url": lic.url,
        "version": str(fy),
        "tags": [{"name": k} for k in (*KEYWORDS, plans.agency.province)],
        "language": "th",
        "update_frequency": UPDATE_FREQUENCY,
        "update_frequency_unit": "ปี",
        "update_frequency_interval": "1",
        "geo_coverage": f"อำเภอ{plans.agency.district} จังหวัด{plans.agency.province}",
        "data_format": ["CSV", "JSON"],
        "resources": resources,
        "extras": [{"key": "fiscal_year", "value": str(fy)},
                   {"key": "assessment_year", "value": str(year.info.assessment_year)},
                   {"key": "ita_framework", "value": year.framework.source},
                   {"key": "publisher", "value": plans.agency.name}],
    }
    if org:
        dataset["owner_org"] = org
    url = _absolute(site_url, f"{fy}/")
    if url:
        dataset["url"] = url
    return dataset


def to_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
