"""What the page templates need for open data and trends: the year's downloads, its change from
the year before, each indicator's score across the years, and schema.org JSON-LD.

JSON-LD goes into pages as a static <script type="application/ld+json"> block (data, not code);
'<', '>' and '&' are written as \\u escapes so no text can close the element.
"""

from __future__ import annotations

import json
from typing import NamedTuple
from urllib.parse import urljoin

from markupsafe import Markup

from itaplan import thai
from itaplan.data import metadata
from itaplan.data import paths as data_paths
from itaplan.pages import paths as pages
from itaplan.pages import trends
from itaplan.pages.trend_chart import trend_chart
from itaplan.plan.licences import LICENCES
from itaplan.plan.model import PlanSet, YearPlan
from itaplan.plan.schema import Agency, Indicator
from itaplan.plan.settings import Settings

TRENDS_PAGE = "trends.md"
TRENDS_TITLE = "คะแนนแต่ละปี"


class Download(NamedTuple):
    path: str  # relative to docs/
    label: str
    format: str
    description: str


def downloads(fiscal_year: int) -> list[Download]:
    f = lambda name: data_paths.data_file(fiscal_year, name)  # noqa: E731
    return [
        Download(f(data_paths.INDICATORS_CSV), "ตัวชี้วัดและมาตรการ", "CSV",
                 "หนึ่งแถวต่อหนึ่งตัวชี้วัด ครบทุกช่องของตารางทางราชการ เปิดด้วย Excel ได้ทันที"),
        Download(f(data_paths.STEPS_CSV), "ขั้นตอนของมาตรการ", "CSV",
                 "หนึ่งแถวต่อหนึ่งขั้นตอน พร้อมสถานะล่าสุด"),
        Download(f(data_paths.PLAN_JSON), "แผนทั้งปี", "JSON",
                 "สำหรับนักพัฒนา ตรวจสอบได้ด้วย JSON Schema"),
        Download(f(data_paths.DATAPACKAGE), "คำอธิบายชุดข้อมูล", "Data Package (JSON)",
                 "คำอธิบายไฟล์และทุกคอลัมน์ตามมาตรฐาน Frictionless"),
        Download(f(data_paths.CKAN), "ข้อมูลสำหรับระบบบัญชีข้อมูล", "CKAN (JSON)",
                 "ชื่อ คำอธิบาย หน่วยงาน คำสำคัญ สัญญาอนุญาต และความถี่ในการปรับปรุง สำหรับ data.go.th"),
    ]


def jsonld(data: dict) -> Markup:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')


def dataset_jsonld(plans: PlanSet, year: YearPlan, settings: Settings, site_url: str | None) -> Markup:
    """schema.org Dataset for the year's downloads (URLs absolute when site_url is known)."""
    base = urljoin(site_url, f"{year.fiscal_year}/") if site_url else None
    url = (lambda p: urljoin(site_url, p)) if site_url else (lambda p: p.split("/", 1)[1])  # noqa: E731
    lic = LICENCES[settings.open_data.licence]
    data = {
        "@context": "https://schema.org", "@type": "Dataset",
        "name": metadata.title(plans, year), "description": metadata.description(plans, year),
        "inLanguage": "th", "license": lic.url, "isAccessibleForFree": True,
        "keywords": list(metadata.KEYWORDS),
        "temporalCoverage": f"{min(i.period.start for i in year.indicators).isoformat()}/"
                            f"{max(i.period.end for i in year.indicators).isoformat()}",
        "spatialCoverage": f"อำเภอ{plans.agency.district} จังหวัด{plans.agency.province}",
        "creator": {"@type": "GovernmentOrganization", "name": plans.agency.name},
        "publisher": {"@type": "GovernmentOrganization", "name": plans.agency.name},
        "distribution": [{"@type": "DataDownload", "encodingFormat": mime, "contentUrl": url(d.path),
                          "name": d.path.rsplit("/", 1)[1]}
                         for d, mime in zip(downloads(year.fiscal_year)[:3], ("text/csv", "text/csv",
                                                                              "application/json"))],
    }
    if base:
        data["url"] = base
    return jsonld(data)


def organization_jsonld(agency: Agency, site_url: str | None) -> str:
    """schema.org GovernmentOrganization for the home page."""
    data = {"@context": "https://schema.org", "@type": "GovernmentOrganization", "name": agency.name,
            "address": {"@type": "PostalAddress", "addressLocality": f"อำเภอ{agency.district}",
                        "addressRegion": f"จังหวัด{agency.province}", "addressCountry": "TH"}}
    if site_url:
        data["url"] = site_url
    return str(jsonld(data))


class IndicatorTrend(NamedTuple):
    rows: list  # [(Point, Change | None)] oldest first
    chart: Markup


def indicator_trend(plans: PlanSet, indicator: Indicator, style: thai.Digits, chart_id: str) -> IndicatorTrend:
    points = trends.series(plans, indicator.number)
    return IndicatorTrend(trends.series_changes(points),
                          Markup(trend_chart(points, indicator.name, style, chart_id)))


def year_context(plans: PlanSet, year: YearPlan, settings: Settings, site_url: str | None) -> dict:
    """Template variables for a year's pages (its summary and its indicator pages)."""
    return {
        "changes": trends.year_changes(plans, year),
        "previous_year": trends.previous_year(plans, year),
        "downloads": downloads(year.fiscal_year),
        "licence": LICENCES[settings.open_data.licence],
        "plan_schema": data_paths.PLAN_SCHEMA,
        "trends_page": TRENDS_PAGE,
        "changes_page": pages.changes_page(year.fiscal_year),
        "dataset_jsonld": dataset_jsonld(plans, year, settings, site_url),
        "trend_of": lambda indicator, chart_id="trend-chart": indicator_trend(
            plans, indicator, settings.digits, chart_id),
        "year_count": len(plans.years),
        "settings_digits": settings.digits,
    }


def trends_context(plans: PlanSet, settings: Settings) -> dict:
    latest = plans.latest
    return {
        "source": f"{settings.plan_data}/{latest.fiscal_year}/plan.yml",
        "depends": [s for y in plans.years for s in y.sources.values()],
        "agency": plans.agency, "plans": plans, "latest": latest, "page": TRENDS_PAGE,
        "title": TRENDS_TITLE,
        "trends": [indicator_trend(plans, i, settings.digits, f"trend-{i.number:02d}") for i in latest.indicators],
        "indicators": latest.indicators,
        "settings_digits": settings.digits,
    }
