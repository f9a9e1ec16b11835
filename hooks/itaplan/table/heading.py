"""Read what stands above and at the head of the table: the title, the agency and the ITA year."""

from __future__ import annotations

import re

from itaplan.errors import Problem
from itaplan.thai import to_arabic
from itaplan.table.review import Review
from itaplan.table.source import RawTable

_AGENCY = re.compile(r"^ชื่อหน่วยงาน\s*(?P<name>.+?)\s*(?:อำเภอ|เขต)\s*(?P<district>.+?)\s*จังหวัด\s*(?P<province>.+)$")
_YEAR = re.compile(r"(?<!\d)(25\d\d)(?!\d)")


def agency_and_title(table: RawTable, problems: list[Problem]) -> tuple[dict, str]:
    """The agency (name, district, province) and the title: the lines above the agency line, joined."""
    for index, line in enumerate(table.above):
        if line.startswith("ชื่อหน่วยงาน"):
            match = _AGENCY.match(line)
            if match is None:
                problems.append(Problem(table.file, None, "agency", f"อ่าน '{line}' ไม่ได้: ต้องเป็น "
                                        f"'ชื่อหน่วยงาน <ชื่อ> อำเภอ<อำเภอ> จังหวัด<จังหวัด>' — cannot read '{line}': expected "
                                        "'ชื่อหน่วยงาน <name> อำเภอ<district> จังหวัด<province>'"))
                return {}, ""
            title = " ".join(table.above[:index])
            if not title:
                problems.append(Problem(table.file, None, "title", "ไม่มีชื่อเรื่องเหนือบรรทัดชื่อหน่วยงาน — "
                                        "no title above the agency line: expected the "
                                        "title lines (การวิเคราะห์ผลการประเมิน…) above 'ชื่อหน่วยงาน …'"))
            return match.groupdict(), title
    problems.append(Problem(table.file, None, "agency", "ไม่มีบรรทัดชื่อหน่วยงานเหนือตาราง — "
                            "no agency line above the table: expected "
                            "'ชื่อหน่วยงาน <name> อำเภอ<district> จังหวัด<province>' under the title"))
    return {}, ""


def assessment_year(table: RawTable, title: str, review: Review, problems: list[Problem]) -> int | None:
    """The ITA year from the heading row ('ตัวชี้วัด ITA ๒๕๖๘'); the title's first year when no heading says it."""
    found: dict[int, str] = {}
    for header in table.headers:
        match = _YEAR.search(to_arabic(header.text(0)))
        if match:
            found.setdefault(int(match.group(1)), header.where)
    if len(found) > 1:
        places = ", ".join(f"{year} ({where})" for year, where in found.items())
        review.add(next(iter(found.values())), "assessment_year", f"แถวหัวตารางระบุปี ITA ต่างกัน: {places} ใช้ปีแรก — "
                   f"the heading rows name different ITA years: {places}; "
                   f"used the first, {next(iter(found))}")
    if found:
        return next(iter(found))
    match = _YEAR.search(to_arabic(title))
    if match:
        review.add("title", "assessment_year", f"ไม่มีแถวหัวตารางที่ระบุปี ITA จึงใช้ปีแรกในชื่อเรื่อง {match.group(1)} — "
                   f"no heading row names the ITA year ('ตัวชี้วัด ITA ๒๕๖๘'); "
                   f"used the first year in the title, {match.group(1)}")
        return int(match.group(1))
    problems.append(Problem(table.file, None, "assessment_year", "ไม่ทราบปี ITA: ต้องระบุในแถวหัวตาราง ('ตัวชี้วัด ITA ๒๕๖๘') "
                            "หรือในชื่อเรื่อง — "
                            "cannot tell the ITA year: expected it in "
                            "the heading row ('ตัวชี้วัด ITA ๒๕๖๘') or in the title"))
    return None
