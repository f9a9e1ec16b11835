"""A short explanation in Thai beside each problem, for office staff who edit plan data.

Each problem leads with its own Thai sentence (what was found and expected, the English one
follows); the hint adds in plain Thai what kind of mistake it is and how it is usually fixed. A
value refused by our own validators explains itself in Thai, so value_error has no hint. CONTRIBUTING.md explains more.
"""

from __future__ import annotations

# Sentences shared with plan/thai_messages.py, which says the same of each pydantic error in the report itself.
NUMBER = "ต้องเป็นตัวเลข เช่น 99.79"
INTEGER = "ต้องเป็นเลขจำนวนเต็ม เช่น 2569"
TEXT = "ต้องเป็นข้อความ"
LIST = "ต้องเป็นรายการ: แต่ละข้อขึ้นบรรทัดใหม่ และขึ้นต้นด้วย - "
GROUP = "ต้องเป็นกลุ่มช่องย่อย ย่อหน้าเข้าไปใต้ชื่อช่อง (เช่น start: และ end: ใต้ period:)"
MISSING = "ยังไม่ได้กรอกช่องนี้ ซึ่งต้องมีทุกครั้ง"
NOT_EMPTY = "ข้อความต้องไม่ว่าง"
_RANGE = "ค่าอยู่นอกช่วงที่กำหนด เช่น คะแนนต้องอยู่ระหว่าง 0 ถึง 100"

HINTS: dict[str, str] = {
    "missing": MISSING,
    "extra_forbidden": "ระบบไม่รู้จักชื่อช่องนี้ อาจสะกดผิด ให้เทียบกับชื่อช่องที่ระบบรู้จักท้ายข้อความ",
    "float_type": NUMBER,
    "int_type": INTEGER,
    "finite_number": NUMBER,
    "string_type": TEXT,
    "list_type": LIST,
    "dict_type": GROUP,
    "model_type": GROUP,
    "not_a_mapping": "ไฟล์ต้องมีช่องข้อมูลแบบ ชื่อช่อง: ค่า ทีละบรรทัด",
    "too_short": "ต้องมีอย่างน้อยหนึ่งข้อ (หรือข้อความต้องไม่ว่าง)",
    "string_too_short": NOT_EMPTY,
    "less_than_equal": _RANGE,
    "greater_than_equal": _RANGE,
    "less_than": _RANGE,
    "greater_than": _RANGE,
    "literal_error": "ต้องเป็นค่าใดค่าหนึ่งที่ระบุไว้",
    "string_pattern_mismatch": "รูปแบบไม่ถูกต้อง เช่น รหัสข้อคำถามต้องเป็นอักษรนำหน้าของแบบสำรวจตามด้วยเลขข้อ (i1, e12)",
    "yaml": "รูปแบบไฟล์ผิด: ตรวจการย่อหน้า เครื่องหมาย : หลังชื่อช่อง และเครื่องหมายคำพูดที่เปิดแล้วไม่ได้ปิด",
    "encoding": "ไฟล์ต้องเป็นข้อความธรรมดาที่บันทึกแบบ UTF-8",
    "too_large": "ไฟล์ใหญ่เกินไปสำหรับข้อมูลแผน",
    "unreadable": "เปิดไฟล์ไม่ได้",
    "duplicate": "ตัวชี้วัดนี้มีอยู่แล้วในไฟล์อื่น แต่ละตัวชี้วัดต้องมีไฟล์เดียว",
    "layout": "ไฟล์หรือโฟลเดอร์ไม่ครบหรือไม่อยู่ในตำแหน่งที่กำหนด",
    "canonical": "ชื่อและกลุ่มของตัวชี้วัดต้องตรงกับกรอบการประเมินของปีที่ประเมิน (ตามคู่มือของสำนักงาน ป.ป.ช.)",
    "framework": "กรอบการประเมิน (plan_data/frameworks/<ปี>.yml) ดูวิธีเพิ่มและแก้ใน CONTRIBUTING.md หัวข้อกรอบการประเมิน",
    "mismatch": "ข้อมูลในไฟล์ต้องตรงกับชื่อไฟล์หรือชื่อโฟลเดอร์",
    "indentation": "เว้นวรรคหน้าบรรทัดไม่ตรงกัน: ช่องในกลุ่มเดียวกันต้องเริ่มตรงแนวเดียวกัน",
    "folded": "บรรทัดที่ขึ้นต้นเหมือนข้อใหม่ถูกรวมเข้ากับข้อความข้างบน: ให้ขีด - ตรงแนวเดียวกับข้ออื่น",
    "comment": "ข้อความหลัง # ถูกตัดทิ้ง: ครอบทั้งข้อความด้วยเครื่องหมายคำพูด",
    "escape": "เครื่องหมาย \\ ในเครื่องหมายคำพูดคู่ถูกแปลงเป็นอักขระอื่น: ใช้เครื่องหมายคำพูดเดี่ยวแทน",
    "misplaced": "ช่องนี้อยู่ผิดระดับ: ตรวจเว้นวรรคหน้าบรรทัด",
    "fiscal_year": "อาจคัดลอกวันที่มาจากแผนของปีก่อน: แก้ช่วงเวลาให้อยู่ในปีงบประมาณของโฟลเดอร์นี้",
}


# Kinds whose hint adds how to fix it, beyond the problem's own Thai sentence. The others either say the fix
# themselves (a YAML slip names the lines and the spaces to add; a mismatch says which line to change) or would
# only repeat it, and a hint that does not fit the case misleads ("hints only where they fit").
ADVICE = frozenset({"fiscal_year", "framework", "list_type", "dict_type", "model_type", "not_a_mapping"})


def advice(kind: str | None, has_own_thai: bool) -> str | None:
    """The hint to print under a problem: always when it has no Thai sentence of its own, else only
    when the hint adds how to fix it."""
    return hint(kind) if not has_own_thai or (kind or "") in ADVICE else None


def hint(kind: str | None) -> str | None:
    """The Thai explanation for a problem of this kind, if there is one."""
    return HINTS.get(kind or "")
