"""Read a filled-in progress report table (Word .docx or tab-separated text) into one round's indicator reports.

Everything is checked before anything is written: the columns, each indicator and step against the plan,
statuses (Thai, with common variants and typos read and listed in the review), percentages, Thai dates,
the narrative and every evidence file. Any problem stops the import with every problem listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field as dataclass_field
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from itaplan.errors import Problem
from itaplan.plan.thai_messages import messages
from itaplan.vocabulary import place
from itaplan.plan.model import YearPlan
from itaplan.plan.settings import Round
from itaplan.progress.evidence import EvidenceError, check_evidence
from itaplan.progress.loader import GRACE, _percent_problem
from itaplan.thai_dates import fiscal_year_range
from itaplan.progress.markdown import check_markdown
from itaplan.progress.schema import NEEDS_REASON, IndicatorReport, Status
from itaplan.table.report.cells import (BY_KEY, COLUMNS, NARRATIVE, CellError, Column, column_of, narrative_markdown,
                                        read_date, read_evidence, read_percent, read_status, read_step_number, squeeze)
from itaplan.table.report.export import AS_OF, round_cutoff
from itaplan.table.review import Review, ReviewItem
from itaplan.table.source import RawRow, RawTable, TableError, read_table
from itaplan.thai import to_arabic

_INDICATOR = re.compile(r"^ตัวชี้วัดที่\s*(\d{1,3})\s*(.*)$")
_YEAR = re.compile(r"ปีงบประมาณ\s*(?:พ\.?\s*ศ\.?)?\s*(\d{4})")
REQUIRED = ("indicator", "step", "status")


class ReportTableError(TableError):
    """A report table that cannot be imported; nothing was written."""

    def report(self) -> str:
        count = len(self.problems)
        head = (f"นำเข้าตารางรายงานไม่ได้: พบ {count} ปัญหา (ยังไม่ได้เขียนไฟล์ใด) — cannot import the report table: "
                f"{count} problem{'s' if count != 1 else ''}, nothing was written:")
        return "\n".join([head, *(f"  {p}" for p in self.problems)])


@dataclass(frozen=True)
class ReportImport:
    """One round's reports read from a table, and the readings a person should check."""

    fiscal_year: int
    round: Round
    reports: dict[int, IndicatorReport]
    """Indicator number -> its report, for every indicator the table reports anything for."""
    present: frozenset[int]
    """Indicators that have rows in the table (reported or left empty)."""
    as_of: date | None
    """The 'ข้อมูล ณ วันที่' line above the table, if any."""
    review: tuple[ReviewItem, ...]
    names: dict[int, str] = dataclass_field(default_factory=dict)
    """Indicator number -> its name in the plan (the year's framework), for the files' comments."""


def import_report_file(path: Path, year: YearPlan, round_: Round, rounds: tuple[Round, ...],
                       evidence_root: Path) -> ReportImport:
    """Read and check the report table in `path` against the plan of `year`."""
    return import_report_table(read_table(path), year, round_, rounds, evidence_root)


def where(row: RawRow) -> str:
    """'บรรทัด 7' for text, 'ตาราง 1 แถว 3' for Word."""
    if row.line is not None:
        return f"บรรทัด {row.line}"
    match = re.match(r"table (\d+) row (\d+)", row.where)
    return f"ตาราง {match.group(1)} แถว {match.group(2)}" if match else row.where


def import_report_table(table: RawTable, year: YearPlan, round_: Round, rounds: tuple[Round, ...],
                        evidence_root: Path) -> ReportImport:
    problems: list[Problem] = []
    review = Review()
    file = table.file

    def problem(row: RawRow | None, field: str | None, message: str) -> None:
        problems.append(Problem(file, row.line if row else None, field,
                                f"{where(row) + ': ' if row is not None and row.line is None else ''}{message}"))

    as_of = _check_title(table, year.fiscal_year, round_, rounds, review, problems)
    columns = _columns(table, review, problems)
    plan = {i.number: i for i in year.indicators}
    blocks: dict[int, dict] = {}
    order: list[int] = []
    current: int | None = None
    for row in table.rows:
        cells = _cells(row, columns, problem)
        if cells is None:
            continue
        if not any(cells.values()):
            continue
        number = _indicator(cells["indicator"], row, plan, problem) if cells["indicator"] else current
        if number is None:
            if not cells["indicator"]:
                problem(row, "ตัวชี้วัด", "แถวแรกของตารางต้องระบุตัวชี้วัด เช่น 'ตัวชี้วัดที่ ๑ <ชื่อตัวชี้วัด>' — "
                        "the first row needs its indicator")
            current = None
            continue
        current = number
        if number not in blocks:
            blocks[number] = {"steps": {}, "cells": {k: None for k in (*NARRATIVE, "evidence", "measure")}}
            order.append(number)
        block = blocks[number]
        for key in (*NARRATIVE, "evidence", "measure"):
            if key not in cells or not cells[key]:
                continue
            if block["cells"][key] is None:
                block["cells"][key] = (cells[key], row)
            elif block["cells"][key][0] != cells[key]:
                problem(row, BY_KEY[key].heading, f"ตัวชี้วัดที่ {number} มีช่อง “{BY_KEY[key].heading}” หลายแถวที่เขียน"
                        f"ต่างกัน (แถวแรกอยู่ที่ {where(block['cells'][key][1])}): เขียนไว้แถวเดียว — the indicator's "
                        f"{key} is written on more than one row")
        _step(cells, row, number, plan[number], block["steps"], review, problem, year.fiscal_year,
              as_of or round_cutoff(year.fiscal_year, round_))
    reports: dict[int, IndicatorReport] = {}
    for number in order:
        report = _report(number, blocks[number], plan[number], evidence_root, year.fiscal_year, review, problem)
        if report is not None:
            reports[number] = report
    if not blocks and not problems:
        problems.append(Problem(file, None, None, "ไม่พบแถวของตัวชี้วัดในตาราง: ใช้ตารางจาก 'itaplan export --report' "
                                "— no indicator rows found"))
    for number in plan:
        if number not in blocks and blocks:
            review.add("-", "ตัวชี้วัด", f"ตารางไม่มีแถวของตัวชี้วัดที่ {number}: รายงานเดิมของตัวชี้วัดนี้ (ถ้ามี) คงไว้ตามเดิม",
                       number)
    for place, text in table.ignored:
        review.add(place, "-", f"ข้อความนอกตารางไม่ได้นำเข้า: '{text[:60]}'")
    if problems:
        raise ReportTableError(problems)
    return ReportImport(year.fiscal_year, round_, reports, frozenset(blocks), as_of, tuple(review.items),
                        {i.number: i.name for i in year.indicators})


def _check_title(table: RawTable, fiscal_year: int, round_: Round, rounds: tuple[Round, ...], review: Review,
                 problems: list[Problem]) -> date | None:
    """The as-of date above the table; a title naming another year or round is a problem."""
    as_of = None
    for line in table.above:
        text = to_arabic(line)
        year = _YEAR.search(text)
        if year and text.startswith("รายงาน") and int(year.group(1)) != fiscal_year:
            problems.append(Problem(table.file, None, "title", f"ตารางนี้เป็นของปีงบประมาณ {year.group(1)} แต่สั่งนำเข้า"
                                    f"ปี {fiscal_year}: ใส่ --year {year.group(1)} — the table is for fiscal year "
                                    f"{year.group(1)}, not {fiscal_year}"))
        squeezed = squeeze(text)
        others = [r for r in rounds if r.id != round_.id and squeeze(to_arabic(r.name)) in squeezed
                  and squeeze(to_arabic(round_.name)) not in squeezed]
        if text.startswith("รายงาน") and others:
            problems.append(Problem(table.file, None, "title", f"ตารางนี้เป็นของ{others[0].name} แต่สั่งนำเข้า"
                                    f"{round_.name}: ใส่ --report {others[0].id} — the table is for the round "
                                    f"{others[0].id}, not {round_.id}"))
        if squeezed.startswith(squeeze(AS_OF)):
            try:
                as_of, note = read_date(text[text.index("วันที่") + len("วันที่"):])
            except CellError as exc:
                problems.append(Problem(table.file, None, "as_of", str(exc)))
                continue
            if note:
                review.add("หัวตาราง", "ข้อมูล ณ วันที่", note)
    return as_of


def _columns(table: RawTable, review: Review, problems: list[Problem]) -> list[Column | None]:
    """Which column each cell is: from the heading row, or the exported order when there is none."""
    if not table.headers:
        review.add("-", "หัวตาราง", "ไม่พบแถวหัวตาราง: อ่านคอลัมน์ตามลำดับของตารางที่ส่งออก")
        return list(COLUMNS)
    header = table.headers[0]
    columns: list[Column | None] = []
    for index in range(len(header.cells)):
        text = header.text(index)
        column = column_of(text)
        if column is None and text:
            review.add(where(header), "หัวตาราง", f"ไม่รู้จักคอลัมน์ '{text[:40]}' จึงไม่ได้นำเข้า")
        if column is not None and column in columns:
            problems.append(Problem(table.file, header.line, "หัวตาราง", f"คอลัมน์ '{column.heading}' ซ้ำกัน — "
                                    "the column appears twice"))
        columns.append(column)
    missing = [BY_KEY[k].heading for k in REQUIRED if BY_KEY[k] not in columns]
    if missing:
        problems.append(Problem(table.file, header.line, "หัวตาราง", f"ไม่มีคอลัมน์ {', '.join(missing)}: ใช้ตารางจาก "
                                "'itaplan export --report' — the table lacks the columns " + ", ".join(missing)))
    return columns


def _cells(row: RawRow, columns: list[Column | None], problem) -> dict | None:
    """The row's cells by column key; paragraphs of narrative columns kept apart."""
    if len(row.cells) > len(columns) and any(row.cells[len(columns):]):
        problem(row, None, f"แถวนี้มี {len(row.cells)} ช่อง มากกว่าหัวตาราง ({len(columns)} ช่อง): มีแท็บหรือช่องเกิน? — "
                "the row has more cells than the heading")
        return None
    out: dict = {c.key: ("" if c.key not in (*NARRATIVE, "evidence") else ()) for c in COLUMNS}
    for column, paragraphs in zip(columns, row.cells):
        if column is None:
            continue
        out[column.key] = tuple(paragraphs) if column.key in (*NARRATIVE, "evidence") else " ".join(paragraphs)
    return out


def _indicator(cell: str, row: RawRow, plan: dict, problem) -> int | None:
    match = _INDICATOR.match(" ".join(to_arabic(cell).split()))
    if match is None:
        problem(row, "ตัวชี้วัด", f"อ่าน '{cell[:60]}' ไม่ได้: เขียน 'ตัวชี้วัดที่ <เลข> <ชื่อ>' — expected "
                "'ตัวชี้วัดที่ <number> <name>'")
        return None
    number, name = int(match.group(1)), squeeze(match.group(2))
    ref = plan.get(number)  # the plan's indicators carry the names of the year's framework
    if ref is None:
        problem(row, "ตัวชี้วัด", f"ไม่มีตัวชี้วัดที่ {number} ในแผน — indicator {number} is not in the plan")
        return None
    if name and name != squeeze(ref.name):
        problem(row, "ตัวชี้วัด", f"ตัวชี้วัดที่ {number} ชื่อ '{ref.name}' แต่ตารางเขียน '{match.group(2)}' — the "
                f"indicator's name does not match its number")
        return None
    return number


def _step(cells: dict, row: RawRow, number: int, indicator, steps: dict, review: Review, problem, fiscal_year: int,
          as_of: date) -> None:
    """Read one step row into `steps` (step number -> fields), or record why it cannot be read."""
    filled = {k: cells[k] for k in ("status", "percent", "done", "reason", "note") if cells[k]}
    if not cells["step"]:
        if filled:
            problem(row, "ขั้นตอน", f"ตัวชี้วัดที่ {number}: แถวนี้มีสถานะแต่ไม่ระบุขั้นตอน — the row has no step")
        return
    step, text = read_step_number(cells["step"])
    plan_steps = [squeeze(s) for s in indicator.steps]
    if step is None and squeeze(text) in plan_steps:
        step = plan_steps.index(squeeze(text)) + 1
        review.add(where(row), "ขั้นตอน", f"ขั้นตอนไม่มีเลขกำกับ: อ่านเป็นขั้นตอนที่ {step} ตามข้อความในแผน", number)
    if step is None or not 1 <= step <= len(indicator.steps):
        problem(row, "ขั้นตอน", f"ตัวชี้วัดที่ {number}: อ่านขั้นตอน '{cells['step'][:40]}' ไม่ได้ แผนมี "
                f"{len(indicator.steps)} ขั้นตอน: ขึ้นต้นด้วยเลขขั้นตอน เช่น '๑.' — expected a step number from 1 to "
                f"{len(indicator.steps)}")
        return
    if step in steps:
        problem(row, "ขั้นตอน", f"ตัวชี้วัดที่ {number}: ขั้นตอนที่ {step} ซ้ำ (มีแล้วที่ {where(steps[step][1])}) — "
                "the step appears twice")
        return
    if text and squeeze(text) != plan_steps[step - 1]:
        review.add(where(row), "ขั้นตอน", f"ข้อความขั้นตอนที่ {step} ต่างจากแผน: นำเข้าเฉพาะผลการดำเนินการ "
                   f"ถ้าจะแก้ขั้นตอนให้แก้ในแผน (indicators/{number:02d}.yml)", number)
    if not filled:
        steps[step] = (None, row)
        return
    if "status" not in filled:
        problem(row, "สถานะ", f"ตัวชี้วัดที่ {number} ขั้นตอนที่ {step}: ใส่สถานะด้วย — the step has details but no "
                "status")
        steps[step] = (None, row)
        return
    data: dict = {"step": step}
    ok = True
    try:
        status, note = read_status(filled["status"])
        data["status"] = status.value
        if note:
            review.add(where(row), "สถานะ", note, number)
    except CellError as exc:
        problem(row, "สถานะ", f"ตัวชี้วัดที่ {number} ขั้นตอนที่ {step}: {exc}")
        status, ok = None, False
    if "percent" in filled:
        try:
            data["percent"] = read_percent(filled["percent"])
        except CellError as exc:
            problem(row, "ร้อยละ", f"ตัวชี้วัดที่ {number} ขั้นตอนที่ {step}: {exc}")
            ok = False
    if "done" in filled:
        try:
            done, note = read_date(filled["done"])
            data["done"] = done.isoformat()
            if note:
                review.add(where(row), "วันที่แล้วเสร็จ", note, number)
            if done > as_of:
                review.add(where(row), "วันที่แล้วเสร็จ", f"{filled['done']} อยู่หลังวันที่ของรายงานรอบนี้", number)
        except CellError as exc:
            problem(row, "วันที่แล้วเสร็จ", f"ตัวชี้วัดที่ {number} ขั้นตอนที่ {step}: {exc}")
            ok = False
    if status is not None and "percent" in data:
        message = _percent_problem(status, data["percent"])
        if message:
            problem(row, "ร้อยละ", f"ตัวชี้วัดที่ {number} ขั้นตอนที่ {step}: {message}")
            ok = False
    if "done" in data:
        start, end = fiscal_year_range(fiscal_year)
        if not start <= date.fromisoformat(data["done"]) <= end + GRACE:
            problem(row, "วันที่แล้วเสร็จ", f"ตัวชี้วัดที่ {number} ขั้นตอนที่ {step}: {filled['done']} อยู่นอกปีงบประมาณ "
                    f"{fiscal_year} — the date is outside the fiscal year")
            ok = False
    for key in ("reason", "note"):
        if key in filled:
            data[key] = filled[key]
    if status in NEEDS_REASON and "reason" not in data:
        problem(row, "เหตุผล", f"ตัวชี้วัดที่ {number} ขั้นตอนที่ {step}: สถานะ{status.value}ต้องมีเหตุผล (ช่อง "
                f"'{BY_KEY['reason'].heading}') — a step that is {status.name.lower()} needs a reason")
        ok = False
    if "done" in data and status is not None and status is not Status.DONE:
        problem(row, "วันที่แล้วเสร็จ", f"ตัวชี้วัดที่ {number} ขั้นตอนที่ {step}: วันที่แล้วเสร็จใส่ได้เฉพาะขั้นตอนที่"
                f"{Status.DONE.value} (สถานะตอนนี้คือ {status.value}) — a finish date needs the status "
                f"{Status.DONE.value}")
        ok = False
    steps[step] = (data if ok else None, row)


def _report(number: int, block: dict, indicator, evidence_root: Path, fiscal_year: int, review: Review,
            problem) -> IndicatorReport | None:
    """The indicator's report from its rows, or None when the table reports nothing for it."""
    data: dict = {"indicator": number,
                  "steps": [fields for _, (fields, _row) in sorted(block["steps"].items()) if fields is not None]}
    cells = block["cells"]
    if cells["measure"] is not None and squeeze(" ".join(cells["measure"][0])) != squeeze(indicator.measure):
        review.add(where(cells["measure"][1]), "มาตรการ", "ข้อความมาตรการต่างจากแผน: ไม่ได้นำเข้า ถ้าจะแก้ให้แก้ในแผน",
                   number)
    for key in NARRATIVE:
        if cells[key] is not None:
            data[key] = narrative_markdown(list(cells[key][0]))
            for _offset, message in check_markdown(data[key]):
                problem(cells[key][1], BY_KEY[key].heading, f"ตัวชี้วัดที่ {number}: {message}")
    evidence = []
    if cells["evidence"] is not None:
        paragraphs, row = cells["evidence"]
        for paragraph in paragraphs:
            try:
                item, note = read_evidence(paragraph)
            except CellError as exc:
                problem(row, "หลักฐาน", f"ตัวชี้วัดที่ {number}: {exc}")
                continue
            if note:
                review.add(where(row), "หลักฐาน", note, number)
            for kind, key in (("document", "file"), ("photo", "photo")):
                if key in item:
                    try:
                        check_evidence(evidence_root, fiscal_year, item[key], kind)
                    except EvidenceError as exc:
                        problem(row, "หลักฐาน", f"ตัวชี้วัดที่ {number}: {exc}")
            evidence.append(item)
    if evidence:
        data["evidence"] = evidence
    if not data["steps"] and len(data) == 2:
        return None
    try:
        return IndicatorReport.model_validate(data)
    except ValidationError as exc:
        row = next((r for _, (_f, r) in sorted(block["steps"].items())), None)
        for err in exc.errors():
            thai, english = messages(err, file_kind="progress")
            where = place(tuple(err["loc"]), data=data, kind="progress")
            problem(row, None, f"ตัวชี้วัดที่ {number}{' ' + where.thai if where else ''}: {thai} — indicator "
                    f"{number}{' ' + where.english if where else ''}: {english}")
        return None
