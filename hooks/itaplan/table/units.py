"""Split the ผู้รับผิดชอบ (responsible) cell into units, by a rule a person can check.

* A paragraph (line) of the cell, a comma and a numbered list ("1. สำนักปลัด 2. กองคลัง") always part units.
* "/", "และ" and a space part units only **between two unit names**: a unit word (สำนัก, กอง, ฝ่าย,
  งาน, ศูนย์, …) followed by the unit's own name ("สำนักปลัด", "กองช่าง"). So "สำนักปลัด/กองช่าง" and
  "สำนักปลัดและกองคลัง" are two units, while "ทุกสำนัก/กอง" (every division), "สำนัก/กอง",
  "งานกฎหมายและคดี" and "กองการศึกษา ศาสนาและวัฒนธรรม" stay one unit each, as written.

Every split made at "/", "และ" or a space is listed in the review, so a person can check it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from itaplan.table.steps import split_steps

UNIT_WORDS = ("สำนัก", "กอง", "ฝ่าย", "งาน", "ศูนย์", "หน่วย", "กลุ่ม", "แผนก", "ส่วน", "สถานี", "โรงเรียน",
              "สถานศึกษา", "โรงพยาบาล")
_COMMA = re.compile(r"\s*[,，、;]\s*")
_SOFT = re.compile(r"(\s*/\s*|\s*และ\s*|\s+)")
_BULLET = re.compile(r"^[-•·*–]\s*")


class Units(NamedTuple):
    """The units in order, with notes on splits a person should check."""

    items: list[str]
    notes: list[str]


def is_unit_name(text: str) -> bool:
    """A unit word followed by the unit's own name: 'สำนักปลัด', 'กองช่าง' (not 'กอง', not 'ทุกสำนัก')."""
    return any(text.startswith(word) and len(text) > len(word) + 1 and text[len(word)] not in "/ "
               for word in UNIT_WORDS)


def split_units(paragraphs: tuple[str, ...]) -> Units:
    """The units of the cell's paragraphs, by the rule in the module's docstring."""
    items: list[str] = []
    notes: list[str] = []
    for paragraph in paragraphs:
        numbered = split_steps((paragraph,)) if re.search(r"[0-9๐-๙]", paragraph) else None
        parts = numbered.items if numbered and not numbered.notes else [paragraph]
        for part in parts:
            for piece in _COMMA.split(part):
                piece = _BULLET.sub("", piece).strip()
                if not piece:
                    continue
                units = _soft_split(piece)
                if len(units) > 1:
                    shown = " | ".join(units)
                    notes.append(f"แยก “{piece}” เป็น {len(units)} หน่วยงาน: {shown} (แยกที่ / หรือคำว่า “และ” หรือช่องว่าง "
                                 f"ระหว่างชื่อหน่วยงาน) — split '{piece}' into {len(units)} units: {shown}")
                items.extend(units)
    return Units(list(dict.fromkeys(items)), notes)


def _soft_split(piece: str) -> list[str]:
    """Split at '/', 'และ' or a space only where the text before and the word after are both unit names."""
    tokens = _SOFT.split(piece)
    units = [tokens[0]]
    for separator, word in zip(tokens[1::2], tokens[2::2]):
        if is_unit_name(units[-1]) and is_unit_name(word):
            units.append(word)
        else:
            units[-1] += separator + word
    return [unit.strip() for unit in units if unit.strip()]
