"""The rows of the open-data tables: one per indicator, and one per step of each measure.

Every field of the official six-column table is a column; lists (analysis paragraphs, steps,
responsible units, links) are joined into one cell with line breaks, so a spreadsheet shows them
as they are written. Column names are stable ASCII identifiers (machine readers, CKAN's
DataStore); their Thai titles are in FIELDS and in datapackage.json.
"""

from __future__ import annotations

from typing import Callable, NamedTuple, Optional

from itaplan import thai
from itaplan.plan.model import YearPlan

NO_REPORT = "ยังไม่มีรายงาน"
"""A step's status until a progress report says otherwise."""

StepStatus = Callable[[int, int, int], Optional[str]]
"""(fiscal year, indicator number, step number) -> the latest reported status, or None."""


class Column(NamedTuple):
    name: str
    type: str  # Frictionless Table Schema type
    title: str
    description: str


INDICATOR_COLUMNS: tuple[Column, ...] = (
    Column("fiscal_year", "integer", "ปีงบประมาณ", "Fiscal year of the measures (Buddhist Era)"),
    Column("assessment_year", "integer", "ปีที่ประเมิน ITA", "ITA assessment year analysed (Buddhist Era)"),
    Column("number", "integer", "ตัวชี้วัดที่", "Indicator number in the framework of the ITA year"),
    Column("name", "string", "ชื่อตัวชี้วัด", "Indicator name"),
    Column("group", "string", "กลุ่ม", "Code of the assessment tool in the framework of the ITA year (e.g. IIT)"),
    Column("group_name", "string", "เครื่องมือการประเมิน", "The assessment tool that scores the indicator"),
    Column("score", "number", "คะแนน", "ITA score, 0–100"),
    Column("question_code", "string", "รหัสข้อคำถาม", "Survey question analysed (i1…, e1…), if any"),
    Column("question_text", "string", "ข้อคำถาม", "The survey question's wording, if any"),
    Column("measure", "string", "มาตรการ หรือโครงการ หรือกิจกรรม", "The measure"),
    Column("analysis", "string", "ผลการวิเคราะห์", "The analysis; paragraphs separated by a blank line"),
    Column("steps", "string", "ขั้นตอนหรือวิธีปฏิบัติการ", "The steps in order, one a line, numbered"),
    Column("period_start", "date", "วันเริ่มดำเนินการ", "Start of the period (ISO 8601, Common Era)"),
    Column("period_end", "date", "วันสิ้นสุดการดำเนินการ", "End of the period (ISO 8601, Common Era)"),
    Column("period_start_th", "string", "วันเริ่ม (พ.ศ.)", "Start of the period as Thai text"),
    Column("period_end_th", "string", "วันสิ้นสุด (พ.ศ.)", "End of the period as Thai text"),
    Column("responsible", "string", "ผู้รับผิดชอบ", "Responsible units, one a line"),
    Column("links", "string", "เอกสารที่เกี่ยวข้อง", "Related documents, one a line: title <address>"),
)

STEP_COLUMNS: tuple[Column, ...] = (
    Column("fiscal_year", "integer", "ปีงบประมาณ", "Fiscal year of the measures (Buddhist Era)"),
    Column("indicator_number", "integer", "ตัวชี้วัดที่", "Indicator number in the framework of the ITA year"),
    Column("indicator_name", "string", "ชื่อตัวชี้วัด", "Indicator name"),
    Column("step_number", "integer", "ขั้นตอนที่", "Step number within the measure, from 1"),
    Column("step", "string", "ขั้นตอน", "What the step does"),
    Column("period_start", "date", "วันเริ่มดำเนินการ", "Start of the measure's period (ISO 8601)"),
    Column("period_end", "date", "วันสิ้นสุดการดำเนินการ", "End of the measure's period (ISO 8601)"),
    Column("period_start_th", "string", "วันเริ่ม (พ.ศ.)", "Start of the period as Thai text"),
    Column("period_end_th", "string", "วันสิ้นสุด (พ.ศ.)", "End of the period as Thai text"),
    Column("responsible", "string", "ผู้รับผิดชอบ", "Responsible units, one a line"),
    Column("status", "string", "สถานะล่าสุด", f"Latest reported status of the step; '{NO_REPORT}' until reported"),
)


def indicator_rows(year: YearPlan, style: thai.Digits) -> list[dict]:
    """One row per indicator, every field of the official table (values are str, int, float)."""
    rows = []
    for i in year.indicators:
        rows.append({
            "fiscal_year": year.fiscal_year,
            "assessment_year": year.info.assessment_year,
            "number": i.number,
            "name": i.name,
            "group": i.group,
            "group_name": year.tool_name(i.group),
            "score": i.score,
            "question_code": i.question.code if i.question else "",
            "question_text": i.question.text if i.question else "",
            "measure": i.measure,
            "analysis": "\n\n".join(i.analysis),
            "steps": "\n".join(f"{n}. {s}" for n, s in enumerate(i.steps, 1)),
            "period_start": i.period.start.isoformat(),
            "period_end": i.period.end.isoformat(),
            "period_start_th": thai.short_date(i.period.start, style),
            "period_end_th": thai.short_date(i.period.end, style),
            "responsible": "\n".join(i.responsible),
            "links": "\n".join(f"{link.title} <{link.url}>" for link in i.links),
        })
    return rows


def step_rows(year: YearPlan, style: thai.Digits, status: StepStatus | None = None) -> list[dict]:
    """One row per step of every measure; `status` gives each step's latest reported status.

    Progress reports (itaplan.progress) pass their lookup here; without one, or when it returns
    None for a step, the status is NO_REPORT.
    """
    rows = []
    for i in year.indicators:
        for n, step in enumerate(i.steps, 1):
            rows.append({
                "fiscal_year": year.fiscal_year,
                "indicator_number": i.number,
                "indicator_name": i.name,
                "step_number": n,
                "step": step,
                "period_start": i.period.start.isoformat(),
                "period_end": i.period.end.isoformat(),
                "period_start_th": thai.short_date(i.period.start, style),
                "period_end_th": thai.short_date(i.period.end, style),
                "responsible": "\n".join(i.responsible),
                "status": (status(year.fiscal_year, i.number, n) if status else None) or NO_REPORT,
            })
    return rows
