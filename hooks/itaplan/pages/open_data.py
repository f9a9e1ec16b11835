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
from itaplan.framework import FrameworkChange
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
    line: trends.Line


def _trend(line: trends.Line, name: str, style: thai.Digits, chart_id: str) -> IndicatorTrend:
    return IndicatorTrend(trends.series_changes(line.points), Markup(trend_chart(line.points, name, style, chart_id)),
                          line)


def framework_notes(change: FrameworkChange | None, style: thai.Digits) -> list[str]:
    """What changed from the framework of the year before, one sentence an item (empty when nothing did)."""
    if change is None or not change.changed:
        return []
    d = lambda v: thai.digits(v, style)  # noqa: E731
    old, new = change.previous, change.current
    label = lambda fw, n: f"ตัวชี้วัดที่ {d(n)} {fw.indicator(n).name}"  # noqa: E731
    notes = [f"ITA {d(new.assessment_year)} มีตัวชี้วัด {d(len(new.indicators))} ตัว"
             + (f" (ITA {d(old.assessment_year)} มี {d(len(old.indicators))} ตัว)"
                if len(new.indicators) != len(old.indicators) else "")]
    codes = lambda fw: ", ".join(t.code for t in fw.tools)  # noqa: E731
    if [(t.code, t.name) for t in new.tools] != [(t.code, t.name) for t in old.tools]:
        notes.append(f"เครื่องมือการประเมิน {d(len(new.tools))} แบบ: {codes(new)} (เดิม {codes(old)})")
    for n, was in sorted(change.continued.items()):
        if n in change.renamed:
            notes.append(f"{label(new, n)} เดิมชื่อ {old.indicator(was).name}"
                         + (f" (ตัวชี้วัดที่ {d(was)})" if n != was else "") + " คะแนนแต่ละปีต่อจากชื่อเดิม")
        elif n in change.renumbered:
            notes.append(f"{label(new, n)} เดิมเป็นตัวชี้วัดที่ {d(was)} คะแนนแต่ละปีต่อจากเลขเดิม")
    for n, parts in sorted(change.merged.items()):
        joined = " และ ".join(label(old, p) for p in parts)
        notes.append(f"{label(new, n)} รวมจาก{joined} ของกรอบเดิม จึงเริ่มนับคะแนนใหม่")
    for n in change.new:
        notes.append(f"{label(new, n)} เป็นตัวชี้วัดใหม่ จึงเริ่มนับคะแนนใหม่")
    merged_away = {p for parts in change.merged.values() for p in parts}
    for n in change.ended:
        if n not in merged_away:
            notes.append(f"{label(old, n)} ของกรอบเดิมไม่มีในกรอบนี้")
    return notes


def earlier_names(plans: PlanSet, year: YearPlan, style: thai.Digits) -> dict[int, str]:
    """{indicator number: 'เดิม ตัวชี้วัดที่ ๙ <old name>'} for indicators that continue another number
    or name of the year before; 'ตัวชี้วัดใหม่' or 'รวมจาก…' for those that begin a line in a changed framework."""
    change = trends.framework_change(plans, year)
    if change is None or not change.changed:
        return {}
    d = lambda v: thai.digits(v, style)  # noqa: E731
    out = {}
    for n, was in change.continued.items():
        if n in change.renamed:
            out[n] = f"เดิม ตัวชี้วัดที่ {d(was)} {change.previous.indicator(was).name}"
        elif n in change.renumbered:
            out[n] = f"เดิม ตัวชี้วัดที่ {d(was)}"
    for n, parts in change.merged.items():
        out[n] = "รวมจากตัวชี้วัดที่ " + " และ ".join(d(p) for p in parts) + " เดิม"
    for n in change.new:
        out[n] = "ตัวชี้วัดใหม่"
    return out


def year_context(plans: PlanSet, year: YearPlan, settings: Settings, site_url: str | None) -> dict:
    """Template variables for a year's pages (its summary and its indicator pages)."""
    all_lines = trends.lines(plans)
    by_point = {(p.fiscal_year, p.number): line for line in all_lines for p in line.points}
    change = trends.framework_change(plans, year)

    def trend_of(indicator: Indicator, chart_id: str = "trend-chart") -> IndicatorTrend:
        line = by_point.get((year.fiscal_year, indicator.number)) or trends.line_of(plans, year, indicator)
        return _trend(line, indicator.name, settings.digits, chart_id)

    return {
        "changes": trends.year_changes(plans, year),
        "previous_year": trends.previous_year(plans, year),
        "framework_change": change if change is not None and change.changed else None,
        "framework_notes": framework_notes(change, settings.digits),
        "earlier_names": earlier_names(plans, year, settings.digits),
        "downloads": downloads(year.fiscal_year),
        "licence": LICENCES[settings.open_data.licence],
        "plan_schema": data_paths.PLAN_SCHEMA,
        "trends_page": TRENDS_PAGE,
        "changes_page": pages.changes_page(year.fiscal_year),
        "dataset_jsonld": dataset_jsonld(plans, year, settings, site_url),
        "trend_of": trend_of,
        "year_count": len(plans.years),
        "settings_digits": settings.digits,
    }


def trends_context(plans: PlanSet, settings: Settings) -> dict:
    """The trends page: every line of the newest year's indicators, then the lines that ended earlier,
    and each year whose framework differs from the year before's."""
    latest = plans.latest
    all_lines = trends.lines(plans)
    current = [line for line in all_lines if line.last.fiscal_year == latest.fiscal_year]
    current.sort(key=lambda line: line.last.number)
    ended = [line for line in all_lines if line.last.fiscal_year != latest.fiscal_year]
    ended.sort(key=lambda line: (-line.last.fiscal_year, line.last.number))
    shown = [(line, f"trend-{line.last.number:02d}") for line in current] + [
        (line, f"trend-{line.last.fiscal_year}-{line.last.number:02d}") for line in ended]
    changed = []
    for year in reversed(plans.years):
        change = trends.framework_change(plans, year)
        if change is not None and change.changed:
            changed.append({"year": year, "notes": framework_notes(change, settings.digits)})
    return {
        "source": f"{settings.plan_data}/{latest.fiscal_year}/plan.yml",
        "depends": [s for y in plans.years for s in y.sources.values()],
        "agency": plans.agency, "plans": plans, "latest": latest, "page": TRENDS_PAGE,
        "title": TRENDS_TITLE,
        "trends": [_trend(line, line.last.name, settings.digits, chart_id) for line, chart_id in shown],
        "anchors": [chart_id.replace("trend-", "indicator-") for _, chart_id in shown],
        "current_count": len(current),
        "indicators": latest.indicators,
        "framework_changes": changed,
        "settings_digits": settings.digits,
    }
