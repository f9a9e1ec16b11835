"""Dates as Thai office staff write them, read into real dates of the Common Era.

Accepted (Thai ๐–๙ or Arabic 0–9 digits, spaces optional around the month):

    1 ต.ค. 2568      1 ตุลาคม 2568      1 ตุลาคม พ.ศ. 2568      วันที่ 1 ต.ค. 2568
    2025-10-01       2568-10-01 (ISO with a Buddhist Era year)      1 ต.ค. ค.ศ. 2025

A four-digit year of 2400 or more is a Buddhist Era year (CE + 543); a smaller one is a Common Era
year, unless พ.ศ. or ค.ศ. says otherwise. Two-digit years and 1/10/2568 are refused because they
can be read more than one way; 15/11/2568 is refused with the date written as staff are asked to (15 พ.ย. 2568). Month names, digit conversion and the era arithmetic come from
PyThaiNLP (`thai_full_month_lists`, `thai_digit_to_arabic_digit`, `thai_strptime`); the table
importer and the plan schema share this one reader.
"""

from __future__ import annotations

import re
from datetime import date

from pythainlp.util import thai_digit_to_arabic_digit, thai_strptime
from pythainlp.util.date import thai_full_month_lists, thai_full_months

from itaplan.errors import ThaiValueError
from itaplan.vocabulary import quote

BE_FROM = 2400
"""A year of at least this is a Buddhist Era year."""
MIN_BE, MAX_BE = 2500, 2700
"""Plan dates lie in these Buddhist Era years (1957–2157 CE), the range of plan years."""
EXAMPLES_TH = "1 ต.ค. 2568, 1 ตุลาคม 2568 หรือ 2025-10-01"
EXAMPLES_EN = "1 ต.ค. 2568, 1 ตุลาคม 2568 or 2025-10-01"


def _month_names() -> dict[str, int]:
    """Every written form of each month PyThaiNLP knows (full, short, abbreviated), plus the
    abbreviation without its dots (ตค), mapped to the month's number."""
    names: dict[str, int] = {}
    for number, forms in enumerate(thai_full_month_lists, start=1):
        for form in forms:
            if not form.isdigit():
                names[form] = number
                names.setdefault(form.replace(".", ""), number)
    return names


MONTHS = _month_names()
_MONTH_ALT = "|".join(re.escape(n) for n in sorted(MONTHS, key=len, reverse=True))
_THAI_FORM = (r"(?:วันที่ ?)?(?P<day>\d{1,2}) ?(?P<month>" + _MONTH_ALT + r") ?"
              r"(?:(?P<era>พ\.ศ\.|ค\.ศ\.|พ\.ศ|ค\.ศ) ?)?(?P<year>\d{4})")
_ISO_FORM = r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
_THAI = re.compile(f"^{_THAI_FORM}$")
_ISO = re.compile(f"^{_ISO_FORM}$")
_SLASHED = re.compile(r"^(?P<a>\d{1,2})\s*[/.]\s*(?P<b>\d{1,2})\s*[/.]\s*(?P<y>\d{2,4})$")
_SHORT_YEAR = re.compile(r"^(?:วันที่ ?)?\d{1,2} ?(?:" + _MONTH_ALT + r") ?(?:(?:พ\.ศ\.|ค\.ศ\.) ?)?\d{2}$")

JSON_PATTERN = ("^\\s*(?:" + _ISO_FORM + "|" + _THAI_FORM + ")\\s*$").replace(r"\d", "[0-9๐-๙]").replace(
    "(?P<", "(?<").replace(" ?", "\\s*")
"""The accepted forms as a JSON Schema pattern (ECMA-262), so an editor does not flag a valid Thai date."""
for _name in ("day", "month", "era", "year", "iy", "im", "id"):
    JSON_PATTERN = JSON_PATTERN.replace(f"(?<{_name}>", "(?:")
JSON_DESCRIPTION = ("เขียนวันที่แบบ 1 ต.ค. 2568 หรือ 1 ตุลาคม 2568 หรือ ๑ ตุลาคม ๒๕๖๘ หรือ 1 ตุลาคม พ.ศ. 2568 "
                    "หรือ ปี-เดือน-วัน 2568-10-01 (พ.ศ.) หรือ 2025-10-01 (ค.ศ.) ปีตั้งแต่ 2400 ขึ้นไปถือเป็น พ.ศ. "
                    "— A date: Thai day month year (Buddhist Era) or ISO YYYY-MM-DD (a year ≥ 2400 is Buddhist Era)")


def _refuse(thai: str, english: str) -> ThaiValueError:
    return ThaiValueError(thai, english)


def parse_thai_date(value: object) -> date:
    """The date `value` names; ThaiValueError (a ValueError) in Thai and English if it names none."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        if value is None:
            raise _refuse(f"ยังไม่ได้กรอกวันที่ เขียนแบบ {EXAMPLES_TH}", f"expected a date such as {EXAMPLES_EN}")
        raise _refuse(f"ต้องเป็นวันที่ เช่น {EXAMPLES_TH} แต่พบ {quote(value)}",
                      f"expected a date such as {EXAMPLES_EN}, found {quote(value, english=True)}")
    text = " ".join(thai_digit_to_arabic_digit(value).split())
    shown = value.strip()[:40]
    if not text:
        raise _refuse(f"ยังไม่ได้กรอกวันที่ เขียนแบบ {EXAMPLES_TH}", f"expected a date such as {EXAMPLES_EN}")
    iso = _ISO.match(text)
    if iso:
        year, month, day = int(iso["iy"]), int(iso["im"]), int(iso["id"])
        return _real_date(shown, year - 543 if year >= BE_FROM else year, month, day)
    thai = _THAI.match(text)
    if thai:
        year, era = int(thai["year"]), (thai["era"] or "").rstrip(".")
        if era == "พ.ศ" and year < BE_FROM:
            raise _refuse(f"“{shown}”: ปี พ.ศ. {year} ดูเหมือนปี ค.ศ. ให้เขียน พ.ศ. {year + 543} หรือ ค.ศ. {year}",
                          f"\"{shown}\": {year} is not a Buddhist Era year")
        if era == "ค.ศ" and year >= BE_FROM:
            raise _refuse(f"“{shown}”: ปี ค.ศ. {year} ดูเหมือนปี พ.ศ. ให้เขียน พ.ศ. {year} หรือ ค.ศ. {year - 543}",
                          f"\"{shown}\": {year} looks like a Buddhist Era year, not a Common Era one")
        buddhist = era == "พ.ศ" or (era == "" and year >= BE_FROM)
        month = thai_full_months[MONTHS[thai["month"]] - 1]
        try:
            parsed = thai_strptime(f"{int(thai['day'])} {month} {year}", "%d %B %Y",
                                   year="be" if buddhist else "ad").date()
        except (ValueError, IndexError):
            parsed = None
        if parsed is None or parsed.day != int(thai["day"]):
            raise _not_real(shown)
        return _real_date(shown, parsed.year, parsed.month, parsed.day)
    slashed = _SLASHED.match(text)
    if slashed:
        raise _slashed(shown, *(int(slashed[n]) for n in ("a", "b", "y")), len(slashed["y"]))
    if _SHORT_YEAR.match(text):
        raise _refuse(f"“{shown}”: เขียนปีให้ครบ 4 หลัก เช่น {EXAMPLES_TH}",
                      f"\"{shown}\": write the year with four digits, e.g. {EXAMPLES_EN}")
    raise _refuse(f"อ่าน “{shown}” เป็นวันที่ไม่ได้: เขียนแบบ วัน เดือน ปี พ.ศ. เช่น {EXAMPLES_TH}",
                  f"cannot read \"{shown}\" as a date: expected e.g. {EXAMPLES_EN}")


def _slashed(shown: str, first: int, second: int, year: int, year_digits: int) -> ThaiValueError:
    """Why 15/11/2568 is refused, with the date it names written in the house style (15 พ.ย. 2568); when both
    numbers could be the month (3/11/2568), both readings written out. A short year is read as 25xx (พ.ศ.)."""
    if year_digits < 4:
        year += 2500
    ce_year = year - 543 if year >= BE_FROM else year
    if not MIN_BE <= ce_year + 543 <= MAX_BE:
        _real_date(shown, ce_year, 1, 1)  # raises: the year is outside the plan's
    readings = []
    for day, month in ((first, second), (second, first)):
        if month <= 12 and (day, month) not in [(d.day, d.month) for d in readings]:
            try:
                readings.append(_real_date(shown, ce_year, month, day))
            except ThaiValueError:
                continue
    if not readings:
        return _not_real(shown)
    written = [_house_style(day) for day in readings]
    short = "เขียนปี พ.ศ. ให้ครบ 4 หลัก และ" if year_digits < 4 else ""
    short_en = "the year with four digits and " if year_digits < 4 else ""
    if len(written) == 1:
        return _refuse(f"วันที่ “{shown}” ต้อง{short}เขียนชื่อเดือน: แก้เป็น {written[0]}",
                       f"\"{shown}\": write {short_en}the month's name: {written[0]}")
    return _refuse(f"“{shown}” อ่านได้สองแบบ คือ {written[0]} (วัน/เดือน) หรือ {written[1]} (เดือน/วัน): "
                   f"{short}เขียนชื่อเดือนตามวันที่ที่ต้องการ เป็น {written[0]} หรือ {written[1]}",
                   f"\"{shown}\" reads two ways, {written[0]} (day/month) or {written[1]} (month/day): write "
                   f"{short_en}the month's name of the date meant")


def _house_style(day: date) -> str:
    """1 Oct 2025 -> '1 ต.ค. 2568', as staff are asked to write dates."""
    return f"{day.day} {_SHORT_NAMES[day.month - 1]} {day.year + 543}"


_SHORT_NAMES = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")


def _not_real(shown: str) -> ThaiValueError:
    return _refuse(f"ไม่มีวันที่ “{shown}” ในปฏิทิน (เช่น 31 ก.พ.): ตรวจวันและเดือนอีกครั้ง",
                   f"\"{shown}\" is not a real date")


def _real_date(shown: str, ce_year: int, month: int, day: int) -> date:
    if not MIN_BE <= ce_year + 543 <= MAX_BE:
        raise _refuse(f"“{shown}”: ปี พ.ศ. {ce_year + 543} อยู่นอกช่วงของแผน (พ.ศ. {MIN_BE}–{MAX_BE})",
                      f"\"{shown}\": the year is outside {MIN_BE}–{MAX_BE} BE ({MIN_BE - 543}–{MAX_BE - 543} CE)")
    try:
        return date(ce_year, month, day)
    except ValueError:
        raise _not_real(shown) from None


def fiscal_year_range(be_year: int) -> tuple[date, date]:
    """First and last day of a Thai fiscal year: FY 2569 runs 1 Oct 2025 – 30 Sep 2026."""
    ce_year = be_year - 543
    return date(ce_year - 1, 10, 1), date(ce_year, 9, 30)
