"""Read one row's six cells into an indicator: number and canonical name, score, question, text fields."""

from __future__ import annotations

import re

from itaplan.errors import Problem
from itaplan.framework import Framework, FrameworkIndicator
from itaplan.thai import to_arabic
from itaplan.table.period import PeriodError, parse_period
from itaplan.thai_dates import fiscal_year_range
from itaplan.table.question import find_question
from itaplan.table.review import KEPT, REPAIR, Review
from itaplan.table.source import COLUMNS, RawRow
from itaplan.table.steps import split_steps
from itaplan.table.units import split_units
from itaplan.table.names import Name
from itaplan.table.wrap import repair

_INDICATOR = re.compile(r"^ตัวชี้วัดที่\s*([0-9๐-๙]{1,3})\s*(.*)$")
_SCORE = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d{1,2})?)\s*คะแนน")
_MENTION = re.compile(r"ตัวชี้วัดที่\s*([0-9๐-๙]{1,2})\s*")


def _squeeze(text: str) -> str:
    return "".join(text.split())


def indicator_ref(row: RawRow, file: str, problems: list[Problem], framework: Framework
                  ) -> FrameworkIndicator | None:
    """The framework's indicator a row's first cell names ('ตัวชี้วัดที่ ๒ การใช้ งบประมาณ'), or None after a problem."""
    cell = row.text(0)
    match = _INDICATOR.match(cell)
    if match is None:
        problems.append(Problem(file, row.line, "indicator", f"{row.at}อ่าน “{cell[:60]}” ไม่ได้: ช่องแรกต้องเป็น "
                                f"“ตัวชี้วัดที่ <เลข> <ชื่อ>” — cannot read '{cell[:60]}': expected "
                                "'ตัวชี้วัดที่ <number> <name>' in the first cell"))
        return None
    number, name = int(to_arabic(match.group(1))), _squeeze(match.group(2))
    ref = framework.indicator(number)
    if ref is None or (name and name != _squeeze(ref.name)):
        by_name = [r for r in framework.indicators if _squeeze(r.name) == name]
        hint_th = f" (“{name}” เป็นชื่อของตัวชี้วัดที่ {by_name[0].number})" if by_name else ""
        hint = f" ('{name}' is the name of indicator {by_name[0].number})" if by_name else ""
        names = "; ".join(f"{r.number} {r.name}" for r in framework.indicators)
        year, count = framework.assessment_year, len(framework.indicators)
        problems.append(Problem(file, row.line, "indicator", f"{row.at}ไม่รู้จักตัวชี้วัด “{cell}”{hint_th} "
                                f"ต้องเป็นหนึ่งใน {count} ตัวชี้วัดของกรอบการประเมิน ITA {year}: {names} — "
                                f"unknown indicator '{cell}'{hint}: expected one of the {count} indicators of the "
                                f"ITA {year} framework: {names}"))
        return None
    return ref


def read_row(row: RawRow, ref: FrameworkIndicator, fiscal_year: int, review: Review,
             framework: Framework, names: tuple[Name, ...] = ()) -> dict:
    """The indicator's fields as plain data (validated by the caller); uncertain readings go to `review`.

    Steps and units are split first; then the spaces Word's line wraps left inside words are repaired
    where the dictionary is sure, or inside one of the agency's `names` (wrap.py), each repair and each
    space left listed in `review`.
    """
    def note(field: str, why: str) -> None:
        review.add(row.where, field, why, ref.number)

    def unwrapped(field: str, text: str) -> str:
        fixed, changes = repair(text, names)
        for change in changes:
            review.add(row.where, field, f"“{change.before}” → “{change.after}” ({change.why})" if change.joined
                       else f"“{change.before}” คงไว้ — kept ({change.why})", ref.number,
                       REPAIR if change.joined else KEPT)
        return fixed

    cell = dict(zip(COLUMNS, row.cells))
    analysis = [unwrapped("analysis", text) for text in cell["analysis"]]
    data: dict = {"number": ref.number, "name": ref.name, "group": ref.tool,
                  "score": _score(" ".join(analysis), note)}
    found = find_question(" ".join(analysis), ref, framework)
    if found and found.code:
        data["question"] = {"code": found.code, "text": found.text}
    if found and found.note:
        note("question.code", found.note)
    _check_mentions(" ".join(analysis), ref, note, framework)
    steps = split_steps(cell["steps"])
    for why in steps.notes:
        note("steps", why)
    units = split_units(cell["responsible"])
    for why in units.notes:
        note("responsible", why)
    data.update(measure=unwrapped("measure", row.text(1)), analysis=analysis,
                steps=[unwrapped("steps", step) for step in steps.items],
                period=_period(row.text(4), fiscal_year, note),
                responsible=list(dict.fromkeys(unwrapped("responsible", unit) for unit in units.items)))
    return data


def _score(analysis: str, note) -> int | float:
    values = list(dict.fromkeys(m.group(1) for m in _SCORE.finditer(to_arabic(analysis))))
    usable = [v for v in values if float(v) <= 100]
    if not usable:
        note("score", "ไม่พบคะแนน (เช่น “ได้ ๙๙.๗๙ คะแนน”) ในผลการวิเคราะห์ จึงใส่ 0 ไว้ โปรดใส่คะแนนจริง — "
             "no score ('ได้ ๙๙.๗๙ คะแนน') found in the analysis: wrote 0; put in the real score")
        return 0
    if len(usable) > 1:
        note("score", f"ผลการวิเคราะห์มีหลายคะแนน ({' '.join(usable)}) ใช้คะแนนแรก {usable[0]} — "
             f"the analysis names several scores ({', '.join(usable)}): used the first, {usable[0]}")
    return float(usable[0]) if "." in usable[0] else int(usable[0])


def _check_mentions(analysis: str, ref: FrameworkIndicator, note, framework: Framework) -> None:
    """Flag an analysis that names another indicator's number or name (kept as written)."""
    for match in _MENTION.finditer(analysis):
        number = int(to_arabic(match.group(1)))
        after = _squeeze(analysis[match.end():match.end() + 80])
        other = next((r for r in framework.indicators if r.number != ref.number
                      and after.startswith(_squeeze(r.name)) and not after.startswith(_squeeze(ref.name))), None)
        if number != ref.number:
            note("analysis", f"ผลการวิเคราะห์กล่าวถึง “ตัวชี้วัดที่ {match.group(1)}” ในแถวของตัวชี้วัดที่ {ref.number}: "
                 f"คงไว้ตามที่เขียน — the analysis speaks of 'ตัวชี้วัดที่ {match.group(1)}' in the row of indicator "
                 f"{ref.number} {ref.name}: kept as written; correct the official table if it is wrong")
        elif other:
            note("analysis", f"ผลการวิเคราะห์เรียกตัวชี้วัดที่ {ref.number} ว่า “{other.name}” ซึ่งเป็นชื่อของตัวชี้วัดที่ "
                 f"{other.number}: คงไว้ตามที่เขียน — the analysis calls indicator {ref.number} '{other.name}', "
                 "the name of indicator "
                 f"{other.number} (this row is {ref.name}): kept as written; correct the official table if it is wrong")


def _period(cell: str, fiscal_year: int, note) -> dict:
    whole_start, whole_end = fiscal_year_range(fiscal_year)
    try:
        start, end, notes = parse_period(cell, fiscal_year)
    except PeriodError as exc:
        note("period", f"{exc}: ใช้ทั้งปีงบประมาณ {fiscal_year} ({whole_start} ถึง {whole_end}) — wrote the whole "
             f"fiscal year {fiscal_year}, {whole_start} to {whole_end}")
        return {"start": whole_start, "end": whole_end}
    for why in notes:
        note("period", why)
    if not (whole_start <= start and end <= whole_end):
        note("period", f"“{cell}” เกินช่วงปีงบประมาณ {fiscal_year} (1 ต.ค. {fiscal_year - 1} – 30 ก.ย. {fiscal_year}) — "
             f"reaches outside fiscal year {fiscal_year} (1 Oct {fiscal_year - 1} – 30 Sep {fiscal_year}, Buddhist Era)")
    return {"start": start, "end": end}
