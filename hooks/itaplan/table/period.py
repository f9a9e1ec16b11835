"""Read the period cell ('๑ ต.ค.๒๕๖๘ – ๓๐ ก.ย.๒๕๖๙') into real dates of the Common Era."""

from __future__ import annotations

import re
from datetime import date

from itaplan.thai import BE_OFFSET, MONTHS_LONG, MONTHS_SHORT, to_arabic

_MONTHS = {name.replace(".", ""): index for index, name in enumerate(MONTHS_SHORT, start=1)}
_MONTHS.update({name: index for index, name in enumerate(MONTHS_LONG, start=1)})
_DAY_MONTH_YEAR = r"(\d{1,2})\s*([ก-ฮะ-ู็-์เ-ไ.\s]+?)\s*(\d{4}|\d{2})"
_PERIOD = re.compile(rf"^{_DAY_MONTH_YEAR}\s*(?:[-–—~]|ถึง)\s*{_DAY_MONTH_YEAR}$")


class PeriodError(ValueError):
    """The cell does not read as two dates; the message says why."""


def parse_period(cell: str) -> tuple[date, date, list[str]]:
    """Start and end dates, plus notes on readings a person should check (a year written in the Common Era)."""
    text = " ".join(to_arabic(cell).split())
    match = _PERIOD.match(text)
    if match is None:
        raise PeriodError(f"cannot read '{cell}' as 'day month year – day month year' (e.g. ๑ ต.ค.๒๕๖๘ – ๓๐ ก.ย.๒๕๖๙)")
    notes: list[str] = []
    start = _date(*match.group(1, 2, 3), notes)
    end = _date(*match.group(4, 5, 6), notes)
    notes = list(dict.fromkeys(notes))
    if end < start:
        raise PeriodError(f"'{cell}' ends before it starts")
    return start, end, notes


def _date(day: str, month: str, year: str, notes: list[str]) -> date:
    key = month.replace(".", "").replace(" ", "")
    if key not in _MONTHS:
        raise PeriodError(f"'{month.strip()}' is not a Thai month (expected ม.ค. … ธ.ค. or มกราคม … ธันวาคม)")
    number = int(year)
    if len(year) == 2:
        number += 2500
    elif number < 2400:
        notes.append(f"the year {number} looks like a Common Era year, not a Buddhist Era one; read it as {number}")
        number += BE_OFFSET
    try:
        return date(number - BE_OFFSET, _MONTHS[key], int(day))
    except ValueError:
        raise PeriodError(f"{day} {month.strip()} {year} is not a real date") from None
