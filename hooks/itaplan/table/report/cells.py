"""The cells of the progress report table, written and read: columns, statuses, percentages, Thai dates,
narrative paragraphs and evidence lines.

The table has one row per step of the plan. Indicator-level cells (the measure, the narrative and the
evidence) belong to the indicator's first row; in Word they are merged down over its other rows.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from itaplan.progress.schema import Evidence, Status
from itaplan.vocabulary import read_variant
from itaplan.thai import BE_OFFSET, MONTHS_LONG, MONTHS_SHORT, digits, short_date, to_arabic


@dataclass(frozen=True)
class Column:
    key: str
    heading: str
    aliases: tuple[str, ...]
    width_mm: int
    per_indicator: bool = False
    """Written on the indicator's first row only (merged down in Word)."""


COLUMNS = (
    Column("indicator", "ตัวชี้วัด", ("ตัวชี้วัด", "ตัวชี้วัดita"), 22, per_indicator=True),
    Column("measure", "มาตรการ", ("มาตรการ", "มาตรการหรือโครงการหรือกิจกรรม", "โครงการ"), 28, per_indicator=True),
    Column("step", "ขั้นตอน", ("ขั้นตอน", "ขั้นตอนหรือวิธีปฏิบัติการ", "ขั้นตอนการดำเนินการ"), 40),
    Column("status", "สถานะ", ("สถานะ", "สถานะการดำเนินการ", "ผลการดำเนินการตามขั้นตอน"), 20),
    Column("percent", "ร้อยละ", ("ร้อยละ", "ร้อยละความคืบหน้า", "ความคืบหน้า", "%"), 12),
    Column("done", "วันที่แล้วเสร็จ", ("วันที่แล้วเสร็จ", "วันที่เสร็จ", "วันที่ดำเนินการแล้วเสร็จ", "วันแล้วเสร็จ"), 18),
    Column("reason", "เหตุผล (ล่าช้า/ยกเลิก)", ("เหตุผล", "เหตุผล(ล่าช้า/ยกเลิก)", "เหตุผลที่ล่าช้า/ยกเลิก"), 22),
    Column("note", "หมายเหตุ", ("หมายเหตุ",), 16),
    Column("result", "ผลการดำเนินการ", ("ผลการดำเนินการ", "ผลการดำเนินงาน"), 30, per_indicator=True),
    Column("obstacles", "ปัญหาอุปสรรค", ("ปัญหาอุปสรรค", "ปัญหา/อุปสรรค", "ปัญหาและอุปสรรค"), 20, per_indicator=True),
    Column("solutions", "แนวทางแก้ไข", ("แนวทางแก้ไข", "แนวทางการแก้ไข", "ข้อเสนอแนะ/แนวทางแก้ไข"), 20,
           per_indicator=True),
    Column("evidence", "หลักฐาน", ("หลักฐาน", "หลักฐานการดำเนินการ", "เอกสาร/หลักฐาน"), 19, per_indicator=True),
)
BY_KEY = {c.key: c for c in COLUMNS}
NARRATIVE = ("result", "obstacles", "solutions")


def squeeze(text: str) -> str:
    """Text without any white space or invisible characters (Word's line wraps leave spaces inside words)."""
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) != "Cf")


def column_of(heading: str) -> Column | None:
    """The column a heading names, however it is spaced."""
    key = squeeze(heading).lower()
    for column in COLUMNS:
        if key in (squeeze(a).lower() for a in column.aliases):
            return column
    return None


# ---- statuses -------------------------------------------------------------------------------------------------

class CellError(ValueError):
    """A cell that cannot be read; the message leads in Thai."""


def read_status(cell: str) -> tuple[Status, str | None]:
    """The status a cell names, and a note when it was written another way (to list in the review).

    The ways staff write each status are itaplan.vocabulary's: a YAML file with one of them is told the
    status to write, from the same list."""
    found = read_variant("status", cell)
    if found is None:
        names = " / ".join(s.value for s in Status)
        raise CellError(f"อ่านสถานะ “{cell.strip()}” ไม่ได้: ใช้ {names} — unknown status")
    status, how = Status(found[0]), found[1]
    if how == "exact":
        return status, None
    if how == "variant":
        return status, f"“{cell.strip()}” อ่านเป็น “{status.value}”"
    return status, f"“{cell.strip()}” (สะกดไม่ตรง) อ่านเป็น “{status.value}” — read as {status.name.lower()}"


# ---- numbers and dates ----------------------------------------------------------------------------------------

_PERCENT = re.compile(r"^(?:ร้อยละ)?(\d{1,3}(?:\.\d+)?)%?$")


def read_percent(cell: str) -> int | float:
    """'๕๐', '50%', 'ร้อยละ 50', '12.5' -> a number from 0 to 100."""
    match = _PERCENT.match(squeeze(to_arabic(cell)))
    value = float(match.group(1)) if match else -1
    if not 0 <= value <= 100:
        raise CellError(f"ร้อยละ '{cell.strip()}' ต้องเป็นตัวเลข 0–100 เช่น ๕๐ — expected a number from 0 to 100")
    return int(value) if value.is_integer() else value


def write_percent(value: float | None) -> str:
    if value is None:
        return ""
    return digits(int(value) if float(value).is_integer() else value, "thai")


_MONTHS = {squeeze(name).replace(".", ""): index for index, name in enumerate(MONTHS_SHORT, start=1)}
_MONTHS.update({name: index for index, name in enumerate(MONTHS_LONG, start=1)})
_WORDS_DATE = re.compile(r"^(\d{1,2})([ก-๛.]+?)(?:พ\.?ศ\.?)?(\d{4}|\d{2})$")
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def read_date(cell: str) -> tuple[date, str | None]:
    """A date written the Thai way ('๑๕ ม.ค. ๒๕๖๙', '15 มกราคม 69', '15/1/2569', '2026-01-15'),
    and a note when the reading should be checked (a year that looks like the Common Era)."""
    text = squeeze(to_arabic(cell))
    if text.startswith("วันที่"):
        text = text[len("วันที่"):]
    note = None
    iso = _ISO_DATE.match(text)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
        if year > 2400:
            year -= BE_OFFSET
            note = f"'{cell.strip()}' อ่านปีเป็นพุทธศักราช"
        return _real(year, month, day, cell), note
    words = _WORDS_DATE.match(text)
    numeric = _NUMERIC_DATE.match(text)
    if words:
        day, month_name, year_text = words.groups()
        month = _MONTHS.get(month_name.replace(".", ""))
        if month is None:
            raise CellError(f"'{cell.strip()}': '{month_name}' ไม่ใช่ชื่อเดือน (ม.ค. … ธ.ค. หรือ มกราคม … ธันวาคม) — "
                            "not a Thai month")
    elif numeric:
        day, month_text, year_text = numeric.groups()
        month = int(month_text)
    else:
        raise CellError(f"อ่านวันที่ '{cell.strip()}' ไม่ได้: เขียนเช่น ๑๕ ม.ค. ๒๕๖๙ หรือ 15/1/2569 — expected a date "
                        "such as 15 ม.ค. 2569")
    year = int(year_text)
    if len(year_text) == 2:
        year += 2500
    elif year < 2400:
        note = f"ปี {year} ใน '{cell.strip()}' ดูเป็นคริสต์ศักราช: อ่านเป็น พ.ศ. {year + BE_OFFSET} — read as the Common Era"
        year += BE_OFFSET
    return _real(year - BE_OFFSET, month, int(day), cell), note


def _real(year: int, month: int, day: int, cell: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise CellError(f"'{cell.strip()}' ไม่ใช่วันที่ที่มีจริง — not a real date") from None


def write_date(day: date | None) -> str:
    return short_date(day, "thai") if day is not None else ""


# ---- narrative (Markdown) -------------------------------------------------------------------------------------

_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s")


def narrative_paragraphs(markdown: str | None) -> list[str]:
    """A Markdown field as the table's paragraphs: one per non-blank line."""
    if not markdown:
        return []
    return [line.strip() for line in markdown.splitlines() if line.strip()]


def narrative_markdown(paragraphs: list[str]) -> str | None:
    """The table's paragraphs as Markdown: a blank line between paragraphs; list items, and a heading with the
    line after it, and a line ending in a backslash (Markdown's line break) with the next, kept together.
    Multi-line text ends with a line break, as YAML's `|` block writes it."""
    out = ""
    for index, text in enumerate(paragraphs):
        if index:
            before = paragraphs[index - 1]
            together = ((_LIST_ITEM.match(text) and _LIST_ITEM.match(before)) or before.startswith("#")
                        or before.endswith("\\"))
            out += "\n" if together else "\n\n"
        out += text
    return (out + "\n" if "\n" in out else out) or None


# ---- evidence -------------------------------------------------------------------------------------------------

KIND_WORDS = {"file": "ไฟล์", "photo": "ภาพ", "url": "ลิงก์"}
_KIND_ALIASES = {"ไฟล์": "file", "เอกสาร": "file", "file": "file", "ภาพ": "photo", "รูป": "photo", "รูปภาพ": "photo",
                 "ภาพถ่าย": "photo", "photo": "photo", "ลิงก์": "url", "ลิ้งก์": "url", "ลิงค์": "url", "link": "url",
                 "url": "url", "เว็บ": "url"}
_EVIDENCE = re.compile(r"^(?P<title>.*?)\s*[—–-]?\s*(?P<kind>" + "|".join(sorted(_KIND_ALIASES, key=len, reverse=True))
                       + r")\s*[:：]\s*(?P<target>\S+)(?:\s*[—–-]?\s*(?:คำบรรยายภาพ|คำบรรยาย|alt)\s*[:：]\s*(?P<alt>.+))?$",
                       re.IGNORECASE)


def write_evidence(item: Evidence) -> str:
    """'คำสั่งแต่งตั้งคณะทำงาน — ไฟล์: 6-months/order.pdf'; a photo adds '— คำบรรยายภาพ: …'."""
    kind = next(k for k in ("file", "photo", "url") if getattr(item, k) is not None)
    text = f"{item.title} — {KIND_WORDS[kind]}: {getattr(item, kind)}"
    return f"{text} — คำบรรยายภาพ: {item.alt}" if item.alt is not None else text


def read_evidence(paragraph: str) -> tuple[dict, str | None]:
    """One evidence line as the fields of an evidence item, and a note when part of it was guessed."""
    text = " ".join(paragraph.split())
    match = _EVIDENCE.match(text)
    if match is None:
        if re.match(r"^https?://\S+$", text):
            return {"title": text, "url": text}, f"ลิงก์ '{text[:60]}' ไม่มีชื่อหลักฐาน: ใช้ที่อยู่ลิงก์เป็นชื่อ"
        raise CellError(f"อ่านหลักฐาน '{text[:80]}' ไม่ได้: เขียนเช่น 'ชื่อหลักฐาน — ไฟล์: 6-months/order.pdf', "
                        "'ชื่อ — ภาพ: 6-months/photo-01.jpg — คำบรรยายภาพ: …' หรือ 'ชื่อ — ลิงก์: https://…' — "
                        "expected 'title — ไฟล์|ภาพ|ลิงก์: target'")
    kind = _KIND_ALIASES[match.group("kind").lower()]
    title = match.group("title").strip(" —–-")
    data: dict = {"title": title, kind: match.group("target")}
    if match.group("alt"):
        data["alt"] = match.group("alt").strip()
    note = None
    if not title:
        data["title"] = match.group("target")
        note = f"หลักฐาน '{text[:60]}' ไม่มีชื่อ: ใช้ชื่อไฟล์หรือลิงก์เป็นชื่อ"
    return data, note


def step_cell(number: int, text: str) -> str:
    """'๑. มอบหมายเจ้าหน้าที่…'."""
    return f"{digits(number, 'thai')}. {text}"


_STEP_NUMBER = re.compile(r"^(?:ขั้นตอนที่)?\s*(\d{1,2})\s*[.)]?\s*")


def read_step_number(cell: str) -> tuple[int | None, str]:
    """The step number a cell starts with ('๑.', '1)', 'ขั้นตอนที่ 1'), and the text after it."""
    text = " ".join(to_arabic(cell).split())
    match = _STEP_NUMBER.match(text)
    if match is None or not match.group(0).strip():
        return None, text
    rest = text[match.end():]
    if not re.search(r"[.)]|ขั้นตอนที่", match.group(0)) and rest:
        return None, text  # a number that begins the text ('5 ส'), not a step number
    return int(match.group(1)), rest
