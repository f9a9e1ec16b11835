"""Read the period cell into real dates of the Common Era, in the forms offices write it.

    ๑ ต.ค.๒๕๖๘ – ๓๐ ก.ย.๒๕๖๙        1 ตุลาคม พ.ศ. 2568 ถึง 30 กันยายน พ.ศ. 2569
    ต.ค. 2569 - มี.ค. 2570          (months only: 1 Oct 2569 to the last day of Mar 2570)
    ธันวาคม 2568                    (one month: its first to its last day)
    ๑ ต.ค. – ๓๑ ธ.ค. ๒๕๖๘            (the first date's year taken from the second)
    ตลอดปีงบประมาณ พ.ศ. ๒๕๖๙         (1 Oct 2568 – 30 Sep 2569; without a year: the table's fiscal year)

Thai or Arabic digits, abbreviated or full month names, with or without "พ.ศ.", joined by "-", "–"
or "ถึง". Dates are built with PyThaiNLP's `thai_strptime` (Buddhist Era years); the last day of a
month comes from the calendar, so February has 29 days in leap years. Anything else raises
PeriodError, and the caller writes the whole fiscal year and lists the cell for review.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from pythainlp.util import thai_digit_to_arabic_digit, thai_strptime

from itaplan.thai import BE_OFFSET, MONTHS_LONG, MONTHS_SHORT
from itaplan.thai_dates import fiscal_year_range


class PeriodError(ValueError):
    """The cell does not read as a period; the message says why (Thai first)."""


def _short_pattern(name: str) -> str:
    """'ต.ค.' -> a pattern that also takes 'ต.ค', 'ตค', 'ต. ค.'."""
    letters = [part for part in name.split(".") if part]
    return r"\.?\s*".join(map(re.escape, letters)) + r"\.?"


_MONTH_PATTERNS = sorted(
    [(re.escape(name), number) for number, name in enumerate(MONTHS_LONG, start=1)]
    + [(_short_pattern(name), number) for number, name in enumerate(MONTHS_SHORT, start=1)],
    key=lambda item: len(item[0]), reverse=True)
_MONTH = "|".join(f"(?:{pattern})" for pattern, _ in _MONTH_PATTERNS)
_SEPARATOR = r"\s*(?:-|–|—|~|จนถึง|ถึง)\s*"


def _date_pattern(prefix: str) -> str:
    """[day] month [year], the groups named with `prefix`."""
    return (rf"(?:(?P<{prefix}day>\d{{1,2}})\s*)?(?P<{prefix}month>{_MONTH})\s*"
            rf"(?P<{prefix}year>\d{{4}}|\d{{2}})?")


_RANGE = re.compile(f"^{_date_pattern('a_')}{_SEPARATOR}{_date_pattern('b_')}$")
_SINGLE = re.compile(f"^{_date_pattern('a_')}$")
_FISCAL = re.compile(r"^(?:ตลอด)?\s*(?:ทั้ง)?\s*ปีงบประมาณ\s*(?P<year>\d{4}|\d{2})?$")
_NOISE = re.compile(r"พ\.\s*ศ\.?|พศ\.?|วันที่|ตั้งแต่|ระหว่าง|เดือน")
EXAMPLE = "๑ ต.ค. ๒๕๖๘ – ๓๐ ก.ย. ๒๕๖๙, ต.ค. ๒๕๖๘ – มี.ค. ๒๕๖๙ or ตลอดปีงบประมาณ ๒๕๖๙"


def parse_period(cell: str, fiscal_year: int | None = None) -> tuple[date, date, list[str]]:
    """Start and end dates, plus notes on readings a person should check (Thai first).

    `fiscal_year` (Buddhist Era) is used only where the cell names no year at all.
    """
    text = " ".join(_NOISE.sub(" ", thai_digit_to_arabic_digit(cell)).split())
    notes: list[str] = []
    fiscal = _FISCAL.match(text)
    if fiscal:
        year = fiscal.group("year")
        if year is None and fiscal_year is None:
            raise PeriodError(f"“{cell}” ไม่ระบุปีงบประมาณ — names no fiscal year")
        start, end = fiscal_year_range(_be_year(year, notes) if year else fiscal_year)
        return start, end, notes
    match = _RANGE.match(text)
    parts = ("a_", "b_") if match else ("a_", "a_")
    match = match or _SINGLE.match(text)
    if match is None:
        raise PeriodError(f"อ่าน “{cell}” เป็นช่วงเวลาไม่ได้ (ตัวอย่าง: {EXAMPLE}) — cannot read '{cell}' as a "
                          f"period (e.g. {EXAMPLE})")
    (d1, m1, y1), (d2, m2, y2) = (match.group(f"{p}day", f"{p}month", f"{p}year") for p in parts)
    single = parts[0] == parts[1]
    if single and d1:
        notes.append(f"“{cell}” เป็นวันเดียว: อ่านเป็นช่วงหนึ่งวัน — is a single day: read as a one-day period")
    month1, month2 = _month_number(m1), _month_number(m2)
    year1 = _be_year(y1, notes) if y1 else None
    year2 = _be_year(y2, notes) if y2 else None
    if year1 is None and year2 is None:
        if fiscal_year is None:
            raise PeriodError(f"“{cell}” ไม่ระบุปี — names no year")
        year1 = fiscal_year - 1 if month1 >= 10 else fiscal_year
        year2 = fiscal_year - 1 if month2 >= 10 else fiscal_year
        notes.append(f"“{cell}” ไม่ระบุปี: อ่านตามปีงบประมาณ {fiscal_year} — names no year: read within "
                     f"fiscal year {fiscal_year}")
    elif year1 is None:
        year1 = year2 if (month1, int(d1 or 1)) <= (month2, int(d2 or 31)) else year2 - 1
        if year1 != year2:
            notes.append(f"วันเริ่มไม่ระบุปี: อ่านเป็นปี {year1} (ปีก่อนวันสิ้นสุด) — the start names no year: "
                         f"read as {year1}, the year before the end")
    elif year2 is None:
        year2 = year1 if (month1, int(d1 or 1)) <= (month2, int(d2 or 31)) else year1 + 1
    start = _make_date(int(d1) if d1 else 1, month1, year1, cell)
    end = _make_date(int(d2) if d2 else _last_day(month2, year2), month2, year2, cell)
    if end < start:
        raise PeriodError(f"“{cell}” วันสิ้นสุดอยู่ก่อนวันเริ่ม — ends before it starts")
    return start, end, list(dict.fromkeys(notes))


def _month_number(written: str) -> int:
    squeezed = "".join(written.split())
    for pattern, number in _MONTH_PATTERNS:
        if re.fullmatch(pattern, squeezed):
            return number
    raise PeriodError(f"“{written}” ไม่ใช่ชื่อเดือน — is not a Thai month")  # unreachable: the pattern matched


def _be_year(written: str, notes: list[str]) -> int:
    number = int(written)
    if len(written) == 2:
        notes.append(f"ปี {written} เขียนสองหลัก: อ่านเป็น พ.ศ. 25{written} — the two-digit year {written} was read "
                     f"as Buddhist Era 25{written}")
        return number + 2500
    if number < 2400:
        notes.append(f"ปี {number} ดูเป็นปี ค.ศ. ไม่ใช่ พ.ศ.: อ่านเป็น ค.ศ. {number} — the year {number} looks like a "
                     f"Common Era year, not a Buddhist Era one; read it as {number}")
        return number + BE_OFFSET
    return number


def _last_day(month: int, be_year: int) -> int:
    return calendar.monthrange(be_year - BE_OFFSET, month)[1]


def _make_date(day: int, month: int, be_year: int, cell: str) -> date:
    written = f"{day} {MONTHS_SHORT[month - 1]} {be_year}"
    try:
        return thai_strptime(written, "%d %b %Y").date()
    except ValueError:
        raise PeriodError(f"{written} ไม่ใช่วันที่ที่มีจริง (ใน “{cell}”) — {written} is not a real date") from None
