"""Write plan data back as the official six-column table: the cells, and the text (TSV) form of the seed.

The TSV form is the one the importer reads: title and agency lines, then the heading line before each
row, paragraphs as `<p>…</p>`, steps numbered ๑. ๒. …, the period in Thai. Re-importing it gives
the same plan data, as long as each analysis still states its score ("ได้ ๙๙.๗๙ คะแนน").
"""

from __future__ import annotations

import re

from itaplan.errors import Problem
from itaplan.plan.model import PlanSet, YearPlan
from itaplan.plan.schema import Agency, Indicator, Period
from itaplan.thai import MONTHS_SHORT, be_year, digits, to_arabic
from itaplan.table.source import ExportError

HEADINGS = ("มาตรการ หรือโครงการ หรือกิจกรรม", "ผลการวิเคราะห์", "ขั้นตอนหรือวิธีปฏิบัติการ",
            "ช่วงระยะเวลาการดำเนินการ", "ผู้รับผิดชอบ")
_SCORE = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d{1,2})?)\s*คะแนน")


def pick_year(plans: PlanSet, fiscal_year: int | None, shown: str) -> YearPlan:
    """The requested fiscal year's plan (default: the newest)."""
    if fiscal_year is None:
        return plans.latest
    for year in plans.years:
        if year.fiscal_year == fiscal_year:
            return year
    have = ", ".join(str(y.fiscal_year) for y in plans.years)
    raise ExportError([Problem(shown, None, "year", f"ไม่มีปีงบประมาณ {fiscal_year} (มี {have}) — "
                                         f"has no fiscal year {fiscal_year}: expected one of {have}")])


def agency_line(agency: Agency) -> str:
    """'ชื่อหน่วยงาน <name> อำเภอ<district> จังหวัด<province>'."""
    return f"ชื่อหน่วยงาน {agency.name} อำเภอ{agency.district} จังหวัด{agency.province}"


def heading_cells(year: YearPlan) -> list[str]:
    """The six column headings; the first names the ITA year, as the official table does."""
    return [f"ตัวชี้วัด ITA {digits(year.info.assessment_year, 'thai')}", *HEADINGS]


def period_text(period: Period) -> str:
    """'๑ ต.ค.๒๕๖๘ – ๓๐ ก.ย.๒๕๖๙'."""
    def one(day) -> str:
        return digits(f"{day.day} {MONTHS_SHORT[day.month - 1]}{be_year(day.year)}", "thai")
    return f"{one(period.start)} – {one(period.end)}"


def row_cells(indicator: Indicator) -> list[list[str]]:
    """The six cells of an indicator's row, each a list of paragraphs."""
    return [[f"ตัวชี้วัดที่ {digits(indicator.number, 'thai')} {indicator.name}"], [indicator.measure],
            list(indicator.analysis),
            [f"{digits(n, 'thai')}.{step}" for n, step in enumerate(indicator.steps, start=1)],
            [period_text(indicator.period)], list(indicator.responsible)]


def score_warnings(year: YearPlan) -> list[str]:
    """Indicators whose analysis does not state their score: the table carries the score only there."""
    out = []
    for ind in year.indicators:
        stated = [float(m.group(1)) for m in _SCORE.finditer(to_arabic(" ".join(ind.analysis)))]
        if not stated or stated[0] != ind.score:
            out.append(f"ตัวชี้วัดที่ {ind.number}: ผลการวิเคราะห์ไม่ได้ระบุคะแนน {ind.score:g} ('ได้ … คะแนน') — "
                       f"indicator {ind.number}: the analysis does not state the score {ind.score:g} "
                       "('ได้ … คะแนน'); the official table shows the score only in the analysis")
    return out


def to_tsv(agency: Agency, year: YearPlan) -> str:
    """The table as tab-separated text in the seed's form (UTF-8, LF line ends)."""
    lines = ["", year.info.title, agency_line(agency), ""]
    for indicator in year.indicators:
        lines.append("\t".join(heading_cells(year)))
        lines.append("\t".join(_tsv_cell(cell) for cell in row_cells(indicator)))
        lines.append("")
    return "\n".join(lines)


def _tsv_cell(paragraphs: list[str]) -> str:
    flat = [" ".join(p.split()) for p in paragraphs]
    return flat[0] if len(flat) == 1 else " ".join(f"<p>{p}</p>" for p in flat)
