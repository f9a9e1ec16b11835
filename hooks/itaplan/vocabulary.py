"""One vocabulary for the places and fields of plan data, used by every message and by the changes pages.

Office staff read what `itaplan check`, the MkDocs build, a pull request's annotations and the table importers
say, and the changes pages name what changed with the same words. Every place is named as staff see it:

- a Thai label for every field, with the YAML key beside it for the editor: ``ช่องสถานะ (status)``;
- items counted from 1 and named by what they are: ``ขั้นตอนที่ 3`` (a report's entry by its ``step:`` value),
  ``หลักฐาน รายการที่ 2``, ``ผู้รับผิดชอบ ลำดับที่ 1`` — never a bracket index counted from zero;
- values quoted in Thai quotation marks as the clerk typed them: ``“อยู่ระหว่างดำเนินกร”``;
- Arabic digits throughout a message, as staff type them in the file and as GitHub numbers its lines.

The near misses staff make are known here too: the other ways they write a status (the report importer reads
them; a YAML file is told the one to write) and close spellings of field names and values.

Nothing here imports the rest of itaplan: messages, loaders, importers and the history pages all sit above it.
"""

from __future__ import annotations

import difflib
import posixpath
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Iterable

# ---- labels ---------------------------------------------------------------------------------------------------

LABELS: dict[str, dict[str, str]] = {
    "agency": {"name": "ชื่อหน่วยงาน", "district": "อำเภอ", "province": "จังหวัด"},
    "plan": {"title": "ชื่อเอกสาร", "assessment_year": "ปีที่ประเมิน", "fiscal_year": "ปีงบประมาณ",
             "signed_document": "ไฟล์แผนที่ลงนามแล้ว"},
    "indicator": {
        "number": "หมายเลขตัวชี้วัด", "name": "ชื่อตัวชี้วัด", "group": "กลุ่ม", "score": "คะแนน",
        "question": "ข้อคำถาม", "question.code": "รหัสข้อคำถาม", "question.text": "ข้อคำถาม", "measure": "มาตรการ",
        "analysis": "ผลการวิเคราะห์", "steps": "ขั้นตอน", "period": "ระยะเวลา", "period.start": "วันเริ่ม",
        "period.end": "วันสิ้นสุด", "responsible": "ผู้รับผิดชอบ", "links": "เอกสารที่เกี่ยวข้อง",
        "links.*.title": "ชื่อเอกสาร", "links.*.url": "ที่อยู่ลิงก์"},
    "progress": {
        "indicator": "ตัวชี้วัด", "steps": "ขั้นตอน", "steps.*.step": "เลขขั้นตอน", "steps.*.status": "สถานะ",
        "steps.*.percent": "ร้อยละความคืบหน้า", "steps.*.done": "วันที่แล้วเสร็จ", "steps.*.reason": "เหตุผล",
        "steps.*.note": "หมายเหตุ", "result": "ผลการดำเนินการ", "obstacles": "ปัญหาอุปสรรค", "solutions": "แนวทางแก้ไข",
        "evidence": "หลักฐาน", "evidence.*.title": "ชื่อหลักฐาน", "evidence.*.file": "ไฟล์เอกสาร",
        "evidence.*.photo": "ภาพถ่าย", "evidence.*.alt": "คำบรรยายภาพ", "evidence.*.url": "ลิงก์"},
    "round": {"as_of": "ข้อมูล ณ วันที่", "signed_document": "ไฟล์รายงานที่ลงนามแล้ว"},
    "framework": {
        "assessment_year": "ปีที่ประเมิน", "source": "ที่มาของรายการ", "tools": "เครื่องมือการประเมิน",
        "tools.*.code": "รหัสเครื่องมือ", "tools.*.name": "ชื่อเครื่องมือ", "tools.*.description": "คำอธิบายเครื่องมือ",
        "tools.*.questions": "ข้อคำถาม", "tools.*.questions.prefix": "อักษรนำหน้ารหัสข้อคำถาม",
        "tools.*.questions.count": "จำนวนข้อคำถาม", "indicators": "ตัวชี้วัด", "indicators.*.number": "เลขตัวชี้วัด",
        "indicators.*.name": "ชื่อตัวชี้วัด", "indicators.*.tool": "เครื่องมือ", "indicators.*.continues": "ชื่อเดิม",
        "oit_items": "ข้อ OIT", "oit_items.*.code": "รหัสข้อ", "oit_items.*.name": "ชื่อข้อ",
        "oit_items.*.indicator": "ตัวชี้วัด", "oit_items.*.documents": "เอกสารที่ตอบข้อนี้"},
}
"""Thai label of each field, by kind of file; a path's list items are written '*'."""

ITEMS: dict[str, dict[str, tuple[str, str]]] = {
    "indicator": {"analysis": ("ผลการวิเคราะห์ ย่อหน้าที่ {n}", "analysis paragraph {n}"),
                  "steps": ("ขั้นตอนที่ {n}", "step {n}"),
                  "responsible": ("ผู้รับผิดชอบ ลำดับที่ {n}", "responsible unit {n}"),
                  "links": ("เอกสารที่เกี่ยวข้อง รายการที่ {n}", "related link {n}")},
    "progress": {"steps": ("รายการที่ {n} ใต้ steps", "entry {n} under steps"),
                 "evidence": ("หลักฐาน รายการที่ {n}", "evidence item {n}")},
    "framework": {"tools": ("เครื่องมือรายการที่ {n}", "tool {n}"),
                  "indicators": ("ตัวชี้วัดรายการที่ {n}", "indicator entry {n}"),
                  "oit_items": ("ข้อ OIT รายการที่ {n}", "OIT item {n}")},
}
"""How one item of a list is named (n counts from 1), in Thai and English. A report's step entry is named by
its `step:` value instead, when it has one (see place())."""
STEP_ENTRY = ("ขั้นตอนที่ {n}", "step {n}")

FIELD_LABELS: dict[str, str] = {**LABELS["plan"], **{k: v for k, v in LABELS["indicator"].items() if "*" not in k}}
"""The labels of a plan file's fields by their dotted path, as the changes pages name them."""
ITEM_LABELS: dict[str, str] = {key: thai for key, (thai, _) in ITEMS["indicator"].items()}
"""How the changes pages name the n-th item of a plan list: 'ขั้นตอนที่ {n}'."""

EXAMPLES: dict[str, dict[str, str]] = {
    "agency": {"name": "name: องค์การบริหารส่วนตำบลตัวอย่าง", "district": "district: ชื่ออำเภอ",
               "province": "province: ชื่อจังหวัด"},
    "plan": {"title": "title: ผลการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส", "assessment_year": "assessment_year: 2568",
             "fiscal_year": "fiscal_year: 2569", "signed_document": "signed_document: signed/plan-2569.pdf"},
    "indicator": {
        "number": "number: 4", "name": "name: ชื่อตัวชี้วัดตามกรอบการประเมินของปีนั้น", "group": "group: IIT", "score": "score: 99.79",
        "question.code": "code: i10", "question.text": "text: ข้อความของข้อคำถาม", "measure": "measure: จัดทำคู่มือ",
        "analysis": "- ข้อความหนึ่งย่อหน้า", "analysis.*": "- ข้อความหนึ่งย่อหน้า", "steps": "- ข้อความของขั้นตอน",
        "steps.*": "- ข้อความของขั้นตอน", "period.start": "start: 1 ต.ค. 2568", "period.end": "end: 30 ก.ย. 2569",
        "responsible": "- กองคลัง", "responsible.*": "- กองคลัง", "links.*.title": "title: คู่มือการปฏิบัติงาน",
        "links.*.url": "url: https://www.example.go.th/manual"},
    "progress": {
        "indicator": "indicator: 1", "steps.*.step": "step: 1", "steps.*.status": "status: ดำเนินการแล้ว",
        "steps.*.percent": "percent: 60", "steps.*.done": "done: 15 ม.ค. 2569",
        "steps.*.reason": "reason: รอระเบียบใหม่", "steps.*.note": "note: ร่างคู่มือแล้ว 8 งาน",
        "result": "result: จัดทำคู่มือแล้ว", "obstacles": "obstacles: เจ้าหน้าที่ติดภารกิจ",
        "solutions": "solutions: ประชุมเดือนละครั้ง", "evidence.*.title": "title: คำสั่งแต่งตั้งคณะทำงาน",
        "evidence.*.file": "file: 6-months/order-01.pdf", "evidence.*.photo": "photo: 6-months/training-01.jpg",
        "evidence.*.alt": "alt: เจ้าหน้าที่ประชุมชี้แจงในห้องประชุม", "evidence.*.url": "url: https://www.example.go.th/news"},
    "round": {"as_of": "as_of: 31 มี.ค. 2569", "signed_document": "signed_document: signed/report-6-months.pdf"},
    "framework": {
        "assessment_year": "assessment_year: 2568", "source": "source: ชื่อคู่มือการประเมิน ITA ของปีนั้น หน้า …",
        "tools": "- code: IIT", "tools.*.code": "code: IIT",
        "tools.*.name": "name: แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)",
        "tools.*.description": "description: ถามความเห็นของเจ้าหน้าที่ภายในหน่วยงาน",
        "tools.*.questions.prefix": "prefix: i", "tools.*.questions.count": "count: จำนวนข้อตามคู่มือ",
        "indicators": "- number: 1", "indicators.*.number": "number: 1", "indicators.*.name": "name: ชื่อตัวชี้วัดตามคู่มือ",
        "indicators.*.tool": "tool: IIT", "indicators.*.continues": "- ชื่อเดิมของตัวชี้วัดในปีก่อน",
        "indicators.*.continues.*": "- ชื่อเดิมของตัวชี้วัดในปีก่อน", "oit_items": "- code: o1",
        "oit_items.*.code": "code: o1", "oit_items.*.name": "name: ชื่อข้อตามคู่มือ",
        "oit_items.*.indicator": "indicator: 9", "oit_items.*.documents": "- analysis",
        "oit_items.*.documents.*": "- analysis"},
}
"""One line of each field as staff write it, for a message about an empty or missing value."""


# ---- kinds of file ------------------------------------------------------------------------------------------

def kind_of(file: str | None) -> str | None:
    """The kind of file a shown path names: agency, plan, indicator, progress, round, framework, config or table."""
    if not file:
        return None
    parts = file.replace("\\", "/").split("/")
    name = parts[-1].lower()
    stem, suffix = posixpath.splitext(name)
    if suffix in (".docx", ".txt", ".tsv", ".csv"):
        return "table"
    if suffix not in (".yml", ".yaml"):
        return None
    if stem == "mkdocs":
        return "config"
    if stem == "agency":
        return "agency"
    if len(parts) >= 3 and parts[-3] == "progress":
        return "round" if stem == "report" else "progress"
    if len(parts) >= 2 and parts[-2] == "indicators":
        return "indicator"
    if stem == "plan":
        return "plan"
    if re.fullmatch(r"25\d\d", stem):  # plan_data/frameworks/<year>.yml, itaplan's own, or one given to import
        return "framework"
    return None


# ---- field paths --------------------------------------------------------------------------------------------

_PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def parse_field(field: str | tuple | None) -> tuple:
    """A field path as a tuple: 'steps[1].status' -> ('steps', 1, 'status'); list positions count from 0
    in code (pydantic's locations, '[1]' or '.1'), and from 1 only when shown to people."""
    if field is None:
        return ()
    if isinstance(field, tuple):
        return field
    out: list = []
    for index, name in _PART.findall(field):
        if index:
            out.append(int(index))
        elif name.isdigit() and out:
            out.append(int(name))
        else:
            out.append(name)
    return tuple(out)


def code_path(loc: Iterable) -> str:
    """('steps', 1, 'status') -> 'steps[1].status': the path programs and tests compare (never shown)."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def generic(loc: Iterable) -> str:
    """('steps', 1, 'status') -> 'steps.*.status': the key of LABELS and EXAMPLES."""
    return ".".join("*" if isinstance(part, int) else str(part) for part in loc)


def label(kind: str | None, loc: Iterable) -> str | None:
    """The Thai label of the field at `loc` in a file of `kind`, if it has one."""
    return LABELS.get(kind or "", {}).get(generic(loc))


def example(kind: str | None, loc: Iterable) -> str | None:
    """A line as staff would write the field at `loc` (for an empty or missing value)."""
    return EXAMPLES.get(kind or "", {}).get(generic(loc))


def known_keys(kind: str | None) -> dict[str, list[str]]:
    """Each field name of a kind of file -> the generic paths it stands at ('end' -> ['period.end'])."""
    out: dict[str, list[str]] = {}
    for path in LABELS.get(kind or "", {}):
        out.setdefault(path.rsplit(".", 1)[-1], []).append(path)
    return out


def all_keys() -> frozenset[str]:
    """Every field name of every kind of plan data file."""
    return frozenset(path.rsplit(".", 1)[-1] for table in LABELS.values() for path in table)


# ---- places -------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Place:
    """Where in a file something is, for people: Thai first, then English (no bracket index, counted from 1)."""

    thai: str
    english: str

    def __str__(self) -> str:
        return self.thai


_THAI = re.compile(r"[\u0e00-\u0e7f]")


def _item(kind: str | None, loc: tuple, index: int, data: Any) -> tuple[str, str]:
    """The name of the list item at loc[index] (an int), in Thai and English."""
    key = loc[index - 1] if index and isinstance(loc[index - 1], str) else ""
    n = loc[index] + 1
    if kind == "progress" and generic(loc[:index]) == "steps" and loc[index + 1:] != ("step",):
        step = _value_at(data, loc[:index + 1] + ("step",))
        if isinstance(step, int) and not isinstance(step, bool) and 1 <= step <= 99:
            return STEP_ENTRY[0].format(n=step), STEP_ENTRY[1].format(n=step)
    named = ITEMS.get(kind or "", {}).get(generic(loc[:index]))
    if named:
        return named[0].format(n=n), named[1].format(n=n)
    if label(kind, loc[:index]):
        return f"{label(kind, loc[:index])} รายการที่ {n}", f"item {n} of {key}"
    parent_th, parent_en = _shown_path(loc[:index]), _shown_path(loc[:index], english=True)
    return f"รายการที่ {n} ใต้ {parent_th}".strip(), f"item {n} under {parent_en}".strip()


def _value_at(data: Any, loc: tuple) -> Any:
    for part in loc:
        if isinstance(part, int) and isinstance(data, list) and 0 <= part < len(data):
            data = data[part]
        elif isinstance(part, str) and isinstance(data, dict) and part in data:
            data = data[part]
        else:
            return None
    return data


def field_name(kind: str | None, loc: tuple) -> tuple[str, str]:
    """'ช่องสถานะ (status)' and 'field status' for the last key of `loc`."""
    key = str(loc[-1])
    text = label(kind, loc)
    if _THAI.search(key):  # a Thai name: a column of a table, or a field name staff wrote in Thai
        return f"ช่อง {quote(key)}", f"{'column' if kind == 'table' else 'field'} {quote(key, english=True)}"
    return (f"ช่อง{text} ({key})" if text else f"ช่อง {key}"), f"field {key}"


def place(field: str | tuple | None, file: str | None = None, data: Any = None,
          kind: str | None = None) -> Place | None:
    """The place of `field` (a path such as 'steps[1].status') in `file`, named as staff see it.

    With the file's `data`, a progress report's step entry is named by its `step:` value ("ขั้นตอนที่ 3").
    `kind` names the kind of data when it did not come from a file of that kind (a table being imported).
    """
    loc = parse_field(field)
    if not loc:
        return None
    kind = kind or kind_of(file)
    last = len(loc) - 1
    if isinstance(loc[last], int):
        thai, english = _item(kind, loc, last, data)
        key = loc[last - 1] if last and isinstance(loc[last - 1], str) else None
        if key is not None and f"({key})" not in thai and f"{key}" not in thai:
            thai, english = f"{thai} ({key})", f"{english} ({key})"
        return Place(thai, english)
    thai, english = field_name(kind, loc)
    owner = last - 1
    if owner >= 0 and isinstance(loc[owner], int):
        item_th, item_en = _item(kind, loc, owner, data)
        return Place(f"{thai} ของ{item_th}", f"{english} of {item_en}")
    if owner >= 0 and kind not in LABELS and all(isinstance(p, str) for p in loc):  # a setting: its whole key
        return Place(f"ช่อง {'.'.join(loc)}", f"field {'.'.join(loc)}")
    if owner >= 0:  # a field of a group: 'ช่องวันสิ้นสุด (end ใต้ period)'
        key, text = loc[last], label(kind, loc)
        items = [n for n, part in enumerate(loc[:last]) if isinstance(part, int)]
        if text and items and items[-1] == 1 and kind in ITEMS and not _THAI.search(str(key)):
            # a group inside a list item: 'ช่องอักษรนำหน้ารหัสข้อคำถาม (prefix ใต้ questions) ของเครื่องมือรายการที่ 1'
            item_th, item_en = _item(kind, loc, 1, data)
            group = ".".join(str(part) for part in loc[2:last])
            return Place(f"ช่อง{text} ({key} ใต้ {group}) ของ{item_th}", f"field {key} under {group} of {item_en}")
        parent_th, parent_en = _shown_path(loc[:last]), _shown_path(loc[:last], english=True)
        if text and not _THAI.search(str(key)):
            return Place(f"ช่อง{text} ({key} ใต้ {parent_th})", f"field {key} under {parent_en}")
        return Place(f"{thai} ใต้ {parent_th}", f"{english} under {parent_en}")
    return Place(thai, english)


def _shown_path(loc: tuple, english: bool = False) -> str:
    """A parent path for people: 'extra.itaplan.rounds รายการที่ 1'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f" {'item' if english else 'รายการที่'} {part + 1}"
        else:
            out += f"{'.' if out and not out[-1].isdigit() else (' ' if out else '')}{part}"
    return out


# ---- values -------------------------------------------------------------------------------------------------

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def quote(value: Any, english: bool = False, limit: int = 60) -> str:
    """A value as the clerk typed it, in Thai quotation marks: “อยู่ระหว่างดำเนินกร” ("…" for English)."""
    if value is True or value is False:
        text = "true" if value else "false"
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = str(value)
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    if len(text) > limit:
        text = text[:limit - 1] + "…"
    return f'"{text}"' if english else f"“{text}”"


def squeeze(text: str) -> str:
    """Text without white space or invisible characters, in lower case (Word's wraps leave spaces inside words)."""
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) != "Cf").lower()


_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

# The ways staff write each status, besides the one a YAML file takes (the first of each).
STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "ดำเนินการแล้ว": ("ดำเนินการแล้ว", "เสร็จแล้ว", "เสร็จ", "เสร็จสิ้น", "แล้วเสร็จ", "ดำเนินการแล้วเสร็จ",
                     "ดำเนินการเสร็จแล้ว", "ดำเนินการเสร็จสิ้น", "ดำเนินการเรียบร้อยแล้ว", "เรียบร้อยแล้ว", "ดำเนินการครบแล้ว",
                     "ดำเนินงานแล้ว", "done", "completed", "complete", "finished", "✓", "✔"),
    "อยู่ระหว่างดำเนินการ": ("อยู่ระหว่างดำเนินการ", "ระหว่างดำเนินการ", "กำลังดำเนินการ", "อยู่ระหว่างการดำเนินการ",
                            "อยู่ระหว่างดำเนินงาน", "กำลังดำเนินงาน", "ดำเนินการอยู่", "inprogress", "ongoing"),
    "ยังไม่ดำเนินการ": ("ยังไม่ดำเนินการ", "ยังไม่ได้ดำเนินการ", "ยังไม่เริ่ม", "ยังไม่เริ่มดำเนินการ", "ยังไม่ได้เริ่ม",
                       "notstarted", "todo"),
    "ล่าช้า": ("ล่าช้า", "ล่าช้ากว่าแผน", "ล่าช้ากว่ากำหนด", "ช้ากว่ากำหนด", "ช้ากว่าแผน", "ดำเนินการล่าช้า",
               "delayed", "late"),
    "ยกเลิก": ("ยกเลิก", "ยกเลิกแล้ว", "ยกเลิกการดำเนินการ", "ยกเลิกโครงการ", "cancelled", "canceled"),
}
"""Each status as a YAML file writes it -> every way staff write it (the report importer reads them all)."""
VALUE_WORDS: dict[str, dict[str, tuple[str, ...]]] = {"status": STATUS_WORDS}
"""Known variants of the values of a field, by the field's name."""


def read_variant(field: str, text: str) -> tuple[str, str] | None:
    """The value `text` stands for in `field`, and how it was written: 'exact', 'variant' (another way staff
    write it: 'เสร็จแล้ว') or 'close' (a misspelling a letter or two away); None if it stands for none."""
    words = VALUE_WORDS.get(field)
    if not words:
        return None
    by_word = {squeeze(w): value for value, variants in words.items() for w in variants}
    key = squeeze(text.translate(_TO_ARABIC)).strip(".")
    if key in by_word:
        value = by_word[key]
        return value, "exact" if text.strip() == value else "variant"
    close = difflib.get_close_matches(key, list(by_word), n=1, cutoff=0.8)
    return (by_word[close[0]], "close") if close else None


def suggest(text: str, allowed: Iterable[str], field: str | None = None) -> str | None:
    """The allowed value (or field name) `text` most likely meant: a known variant, the same letters in another
    case, or a close spelling; None when nothing is close enough to say."""
    allowed = [str(a) for a in allowed]
    if not isinstance(text, str) or not text.strip():
        return None
    if field:
        found = read_variant(field, text)
        if found and found[0] in allowed:
            return found[0]
    key = squeeze(text)
    for candidate in allowed:
        if squeeze(candidate) == key and candidate != text:
            return candidate
    by_key = {squeeze(a): a for a in allowed}
    close = difflib.get_close_matches(key, list(by_key), n=1, cutoff=0.75)
    return by_key[close[0]] if close else None


def english_key(kind: str | None, name: str) -> str | None:
    """The YAML key a Thai label names, when staff wrote the label instead of the key ('สถานะ' -> 'status')."""
    wanted = squeeze(name)
    for path, text in LABELS.get(kind or "", {}).items():
        if squeeze(text) == wanted:
            return path.rsplit(".", 1)[-1]
    return None
