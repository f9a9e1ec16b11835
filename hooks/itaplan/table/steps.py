"""Split the steps cell at its step numbers, keeping every step even where numbering skips or repeats.

Offices number steps in many ways: ``๑.`` ``1.`` ``1)`` ``(1)`` ``ข้อ 1`` ``ข้อ ๑.``, in Thai or Arabic digits,
one step a paragraph (``<p>…</p>`` in the exported text) or all run together in one cell. A number
starts a step only where a step can start:

* at the start of a paragraph, in any of the forms; or
* inside a paragraph after a space, in the same form as the cell's first step number (``1)`` after
  ``1)``), with the next number (or, in that same form, a skipped or repeated one), and not after a
  word that takes a number (``มาตรา 1)``, ``ภายใน 15 วัน``, ``พ.ศ. 2568``, ``ข้อ 3`` of a regulation).

A decimal or a year is never a step number: the number has one or two digits and no digit or point
follows it (``99.79``, ``1.1``).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from itaplan.thai import to_arabic

# Three forms: "ข้อ 1" (with or without "." or ")"), "(1)", and "1." / "1)".
_MARKER = re.compile(
    r"(?P<word>ข้อ\s*)(?P<n1>\d{1,2})(?![\d])(?:[.)](?![\d])|(?=\s)|$)"
    r"|\((?P<n2>\d{1,2})\)"
    r"|(?<![\d.])(?P<n3>\d{1,2})(?P<sign>[.)])(?![\d])")
# Words after which a number belongs to the sentence, not to a list of steps.
_TAKES_NUMBER = re.compile(r"(?:(?:มาตรา|วรรค|ข้อ|เลข)(?:ที่)?|(?:วัน|ครั้ง|ลำดับ|หมู่|ฉบับ|ชั้น|รุ่น|หมวด|ส่วน|ตัวชี้วัด)ที่"
                           r"|ภายใน|จำนวน|พ\.ศ\.|ค\.ศ\.|อย่างน้อย|ไม่เกิน|ไม่น้อยกว่า|อายุ)\s*$")


class Steps(NamedTuple):
    """The steps in order, with notes on anything a person should check."""

    items: list[str]
    notes: list[str]


class _Marker(NamedTuple):
    number: int
    form: str
    start: int
    end: int
    at_paragraph: bool


def split_steps(paragraphs: tuple[str, ...]) -> Steps:
    """Steps from the cell's paragraphs: split at step numbers; unnumbered paragraphs are one step each."""
    text, starts = _join(paragraphs)
    markers = _step_markers(text, starts)
    if not markers:
        note = [] if len(paragraphs) > 1 else ["ไม่พบเลขขั้นตอน (๑. ๒. …) จึงเก็บทั้งช่องเป็นขั้นตอนเดียว — "
                                               "no step numbers (๑. ๒. …) found: kept the cell as one step"]
        return Steps(list(paragraphs), note)
    notes: list[str] = []
    items: list[str] = []
    preface = text[:markers[0].start].strip()
    if preface:
        items.append(preface)
        notes.append(f"ข้อความก่อนขั้นตอนที่ {markers[0].number} เก็บเป็นขั้นตอนแยก: “{preface[:40]}” — "
                     f"text before step {markers[0].number} was kept as a step of its own")
    bounds = [m.start for m in markers[1:]] + [len(text)]
    for marker, end in zip(markers, bounds):
        step = text[marker.end:end].strip()
        if step:
            items.append(step)
        else:
            notes.append(f"ขั้นตอนที่ {marker.number} ไม่มีข้อความ จึงไม่นำเข้า — "
                         f"step {marker.number} has no text: left out")
    numbers = [m.number for m in markers]
    if numbers != list(range(1, len(numbers) + 1)):
        shown = ", ".join(str(n) for n in numbers)
        shown_th = " ".join(str(n) for n in numbers)
        missing = sorted(set(range(1, max(numbers) + 1)) - set(numbers))
        repeated = sorted({n for n in numbers if numbers.count(n) > 1})
        gap_th = f" (ไม่มีข้อ {' '.join(map(str, missing))})" if missing else ""
        gap = f" ({', '.join(map(str, missing))} missing)" if missing else ""
        rep_th = f" (ข้อ {' '.join(map(str, repeated))} ซ้ำ)" if repeated else ""
        rep = f" ({', '.join(map(str, repeated))} repeated)" if repeated else ""
        notes.append(f"ขั้นตอนมีเลข {shown_th}{gap_th}{rep_th}: เก็บไว้ครบทั้ง {len(items)} ขั้นตอนตามลำดับที่เขียน — "
                     f"the steps are numbered {shown}{gap}{rep}: kept all {len(items)} steps in the order written")
    return Steps(items, notes)


def _join(paragraphs: tuple[str, ...]) -> tuple[str, set[int]]:
    """The paragraphs as one text (Arabic digits, same length) and the offsets where a paragraph starts."""
    starts: set[int] = set()
    parts: list[str] = []
    offset = 0
    for paragraph in paragraphs:
        starts.add(offset)
        parts.append(paragraph)
        offset += len(paragraph) + 1
    return " ".join(parts), starts


def _step_markers(text: str, starts: set[int]) -> list[_Marker]:
    """The numbers that start a step, by the rules in the module's docstring."""
    arabic = to_arabic(text)
    found: list[_Marker] = []
    for match in _MARKER.finditer(arabic):
        marker = _marker(match, match.start() in starts)
        if marker.number < 1:
            continue
        if not marker.at_paragraph:
            before = arabic[:match.start()]
            if not before[-1:].isspace() or _TAKES_NUMBER.search(before):
                continue
            if not found and marker.number != 1:
                continue
            if found and (marker.form != found[0].form or marker.number < found[-1].number):
                continue
        found.append(marker)
    return found


def _marker(match: re.Match, at_paragraph: bool) -> _Marker:
    if match.group("n1"):
        number, form = match.group("n1"), "word"
    elif match.group("n2"):
        number, form = match.group("n2"), "paren"
    else:
        number, form = match.group("n3"), match.group("sign")
    return _Marker(int(number), form, match.start(), match.end(), at_paragraph)
