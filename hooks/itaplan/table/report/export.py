"""Write a round's progress report table, prefilled from the plan's steps and what was already reported.

One row per step of each indicator's plan; the indicator's measure, narrative and evidence are on its
first row (merged down over its other rows in Word). Offices fill in the statuses and the narrative in
Word or a spreadsheet and read the table back with `itaplan import FILE --report ROUND`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from itaplan.plan.model import YearPlan
from itaplan.plan.schema import Agency
from itaplan.plan.settings import Round
from itaplan.progress.schema import IndicatorReport, RoundInfo
from itaplan.table.export import agency_line
from itaplan.table.report.cells import (COLUMNS, narrative_paragraphs, step_cell, write_date, write_evidence,
                                        write_percent)
from itaplan.thai import digits, long_date

AS_OF = "ข้อมูล ณ วันที่"


def round_cutoff(fiscal_year: int, round_: Round) -> date:
    """The round's cut-off day within the fiscal year (October to September, Buddhist Era year)."""
    month, day = (int(part) for part in round_.cutoff.split("-"))
    return date(fiscal_year - 543 - (1 if month >= 10 else 0), month, day)


def report_title(fiscal_year: int, round_: Round) -> str:
    """'รายงานผลการดำเนินการตามมาตรการ รอบ ๖ เดือน ปีงบประมาณ พ.ศ. ๒๕๖๙'."""
    return f"รายงานผลการดำเนินการตามมาตรการ {round_.name} ปีงบประมาณ พ.ศ. {digits(fiscal_year, 'thai')}"


@dataclass(frozen=True)
class ReportRow:
    """One row of the table: the indicator it belongs to, whether it is the indicator's first, and its cells."""

    indicator: int
    first: bool
    cells: tuple[tuple[str, ...], ...]
    """Each cell as its paragraphs, in the order of COLUMNS."""


def title_lines(agency: Agency, year: YearPlan, round_: Round, info: RoundInfo | None) -> list[str]:
    as_of = info.as_of if info is not None and info.as_of is not None else round_cutoff(year.fiscal_year, round_)
    return [report_title(year.fiscal_year, round_), year.info.title, agency_line(agency),
            f"{AS_OF} {long_date(as_of, 'thai')}"]


def report_rows(year: YearPlan, reports: dict[int, IndicatorReport]) -> list[ReportRow]:
    """The table's rows for every indicator of the plan, with what `reports` already says."""
    rows = []
    for indicator in year.indicators:
        report = reports.get(indicator.number)
        by_step = {s.step: s for s in report.steps} if report is not None else {}
        per_indicator = {
            "indicator": (f"ตัวชี้วัดที่ {digits(indicator.number, 'thai')} {indicator.name}",),
            "measure": (indicator.measure,),
            "result": tuple(narrative_paragraphs(report.result if report else None)),
            "obstacles": tuple(narrative_paragraphs(report.obstacles if report else None)),
            "solutions": tuple(narrative_paragraphs(report.solutions if report else None)),
            "evidence": tuple(write_evidence(e) for e in report.evidence) if report else (),
        }
        for number, text in enumerate(indicator.steps, start=1):
            step = by_step.get(number)
            cells = {
                "step": (step_cell(number, text),),
                "status": (step.status.value,) if step else (),
                "percent": (write_percent(step.percent),) if step and step.percent is not None else (),
                "done": (write_date(step.done),) if step and step.done else (),
                "reason": (step.reason,) if step and step.reason else (),
                "note": (step.note,) if step and step.note else (),
            }
            first = number == 1
            row = []
            for column in COLUMNS:
                if column.per_indicator:
                    row.append(per_indicator[column.key] if first or column.key == "indicator" else ())
                else:
                    row.append(cells[column.key])
            rows.append(ReportRow(indicator.number, first, tuple(row)))
    return rows


def unlisted_steps(year: YearPlan, reports: dict[int, IndicatorReport]) -> list[str]:
    """Reported steps the plan does not have (they cannot be shown in the table)."""
    out = []
    for indicator in year.indicators:
        report = reports.get(indicator.number)
        for step in report.steps if report else []:
            if step.step > len(indicator.steps):
                out.append(f"ตัวชี้วัดที่ {indicator.number}: ขั้นตอนที่ {step.step} ไม่มีในแผน (แผนมี {len(indicator.steps)} "
                           f"ขั้นตอน) จึงไม่อยู่ในตาราง — step {step.step} is not in the plan")
    return out


def to_report_tsv(agency: Agency, year: YearPlan, round_: Round, info: RoundInfo | None,
                  reports: dict[int, IndicatorReport]) -> str:
    """The table as tab-separated text (UTF-8): title lines, the heading line, then one line per step.

    Every line carries its indicator, so a spreadsheet may sort or filter it; paragraphs are `<p>…</p>`.
    """
    lines = ["", *title_lines(agency, year, round_, info), ""]
    lines.append("\t".join(c.heading for c in COLUMNS))
    for row in report_rows(year, reports):
        lines.append("\t".join(_tsv_cell(cell) for cell in row.cells))
    lines.append("")
    return "\n".join(lines)


def _tsv_cell(paragraphs: tuple[str, ...]) -> str:
    flat = [" ".join(p.split()) for p in paragraphs]
    if not flat:
        return ""
    return flat[0] if len(flat) == 1 else " ".join(f"<p>{p}</p>" for p in flat)
