"""The review report: what the importer read without full confidence, and every wrap space it repaired or left.

Items are of three kinds: ``check`` (a reading a person should check; also written as a comment into
the indicator's YAML file), ``repair`` (a space Word's line wrap left inside a word, removed) and
``kept`` (a space that may be a wrap but was left as written). The report leads in Thai for office
staff; English follows each item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from itaplan.vocabulary import label, parse_field, place

CHECK, REPAIR, KEPT = "check", "repair", "kept"


@dataclass(frozen=True)
class ReviewItem:
    """One reading to check: where in the table, which field, and why it is uncertain."""

    where: str
    field: str
    why: str
    number: int | None = None
    """The indicator the item belongs to, if any (its YAML file gets the note as a comment)."""
    kind: str = CHECK

    def __str__(self) -> str:
        """'บรรทัด 14 (ตัวชี้วัดที่ 3) ช่องรหัสข้อคำถาม (code ใต้ question): …': places as staff read them."""
        ind = f" (ตัวชี้วัดที่ {self.number})" if self.number is not None else ""
        return f"{_thai_where(self.where)}{ind} {_field(self.field)}: {self.why}"

    def comment(self) -> str:
        """The note written at the top of the indicator's YAML file, Thai first:
        'ตรวจทาน (ตารางต้นฉบับ บรรทัด 14) ช่องรหัสข้อคำถาม (code ใต้ question): …'."""
        return f"ตรวจทาน (ตารางต้นฉบับ {_thai_where(self.where)}) {_field(self.field)}: {self.why}"


_WHERE = ((re.compile(r"^line (\d+)$"), "บรรทัด {0}"), (re.compile(r"^table (\d+) row (\d+)$"), "ตาราง {0} แถว {1}"))
_NAMES = {"file": "ทั้งไฟล์", "title": "ชื่อเรื่อง", "encoding": "รหัสอักขระของไฟล์"}


def _thai_where(where: str) -> str:
    for pattern, thai in _WHERE:
        match = pattern.match(where)
        if match:
            return thai.format(*match.groups())
    return _NAMES.get(where, where)


def _field(field: str) -> str:
    """A field of the plan named with its Thai label and key; a column heading or '-' as it is."""
    if field in _NAMES:
        return _NAMES[field]
    for kind in ("indicator", "plan", "agency"):
        if label(kind, parse_field(field)):
            return place(field, kind=kind).thai
    return field


@dataclass
class Review:
    """Collects review items while a table is imported."""

    items: list[ReviewItem] = field(default_factory=list)

    def add(self, where: str, field_name: str, why: str, number: int | None = None, kind: str = CHECK) -> None:
        """Record one uncertain reading (or, with `kind`, a repair made or a space left)."""
        self.items.append(ReviewItem(where, field_name, why, number, kind))

    def for_indicator(self, number: int) -> list[ReviewItem]:
        """The readings to check that belong to one indicator."""
        return [item for item in self.items if item.number == number and item.kind == CHECK]


def report(items: list[ReviewItem], encoding: str | None = None) -> str:
    """The text printed at the end of an import: the encoding read, readings to check, wrap repairs."""
    checks = [item for item in items if item.kind == CHECK]
    repairs = [item for item in items if item.kind == REPAIR]
    kept = [item for item in items if item.kind == KEPT]
    lines: list[str] = []
    if encoding:
        lines.append(f"อ่านไฟล์ด้วยรหัสอักขระ {encoding} — read as {encoding}")
    if checks:
        count = len(checks)
        lines.append(f"ตรวจทาน: มี {count} รายการที่ควรตรวจก่อนบันทึก (commit) — review: {count} "
                     f"reading{'s' if count != 1 else ''} to check before committing:")
        lines.extend(f"  {item}" for item in checks)
    else:
        lines.append("ตรวจทาน: ไม่พบสิ่งที่ไม่แน่ใจ แต่โปรดอ่านไฟล์ก่อนบันทึก (commit) — review: nothing uncertain was "
                     "found; still read the files before committing.")
    if repairs:
        lines.append(f"ช่องว่างจากการตัดบรรทัดของ Word ที่แก้แล้ว {len(repairs)} แห่ง (ก่อน → หลัง) — "
                     f"wrap spaces repaired: {len(repairs)} (before → after):")
        lines.extend(f"  {item}" for item in repairs)
    if kept:
        lines.append(f"ช่องว่างที่คงไว้ตามที่เขียน {len(kept)} แห่ง (พจนานุกรมไม่แน่ใจ ตรวจดูว่าควรเชื่อมหรือไม่) — "
                     f"spaces left as written: {len(kept)} (the dictionary is not sure; join them by hand if wrong):")
        lines.extend(f"  {item}" for item in kept)
    return "\n".join(lines)
