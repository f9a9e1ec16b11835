"""Find the survey question an analysis quotes ("ข้อคำถาม “i๑ …”") and repair its damaged code.

Exporting from Word damages the codes: "i๑" (Thai digit), "๖" (the letter lost), "ix" (no digit
at all). A code is mapped when the reading is sure: a number, with or without its letter, within
the indicator's survey in the year's framework (its prefix, and its number of questions when the
framework gives one; no cap is assumed otherwise). A code of letters only ("ix") is read as a Roman
numeral and always listed for review. Anything else leaves the question out, for review.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from itaplan.framework import Framework, FrameworkIndicator
from itaplan.thai import to_arabic

_QUOTE = re.compile(r"(?P<asked>ข้อคำถาม(?:ที่)?\s*)?[“\"](?P<quoted>[^”“\"]+)[”\"]")
_CODE = re.compile(r"^(?P<code>(?P<letter>[a-zA-Z]{0,3}?)(?P<number>[0-9๐-๙]{1,3})|(?P<roman>[ivxlIVXL]{1,7}))"
                   r"\s+(?P<text>\S.*)$")
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}


class QuestionReading(NamedTuple):
    """The code and wording read, with a note when a person should check the reading (else None)."""

    code: str | None
    text: str
    note: str | None


def find_question(analysis: str, ref: FrameworkIndicator, framework: Framework) -> QuestionReading | None:
    """The quote after "ข้อคำถาม" (else the first quote that starts with a code); None when there is none."""
    for match in _QUOTE.finditer(analysis):
        quoted = " ".join(match.group("quoted").split())
        found = _CODE.match(quoted)
        if found:
            return _read(found, ref, framework)
        if match.group("asked"):
            return QuestionReading(None, quoted, "ข้อคำถามที่ยกมาหลังคำว่า “ข้อคำถาม” ไม่มีรหัสที่อ่านได้ จึงไม่นำเข้า — "
                                   "the question quoted after 'ข้อคำถาม' has no code "
                                   "(i1…, e1…) that can be read; question left out")
    return None


def _read(found: re.Match, ref: FrameworkIndicator, framework: Framework) -> QuestionReading:
    text, written = found.group("text"), found.group("code")
    tool = framework.tool(ref.tool)
    questions = tool.questions if tool is not None else None
    if questions is None:
        return QuestionReading(None, text, f"อ้างข้อคำถาม (“{written} …”) แต่ตัวชี้วัดกลุ่ม {ref.tool} "
                               "ไม่มีข้อคำถามแบบสำรวจ จึงไม่นำเข้า — "
                               f"quotes a question ('{written} …') but {ref.tool} indicators have "
                               "no survey question; left out")
    letter, last = questions.prefix, questions.count
    span = f"{ref.tool}'s {letter}1–{letter}{last}" if last else f"{ref.tool}'s {letter}1, {letter}2, …"
    if found.group("roman"):
        number = _roman(found.group("roman").lower())
        if number is None or (last is not None and number > last):
            return QuestionReading(None, text, f"อ่านรหัส “{written}” ไม่ได้ จึงไม่นำเข้าข้อคำถาม — "
                                   f"cannot read the code '{written}'; question left out")
        return QuestionReading(f"{letter}{number}", text, f"รหัส “{written}” ไม่มีตัวเลข: อ่านเป็นเลขโรมัน {number} จึงได้ "
                               f"{letter}{number} แต่อาจเป็น {letter} ที่ตัวเลขหายไป โปรดตรวจกับแบบสำรวจ — the code '{written}' has no digit: read it as the Roman "
                               f"numeral {number}, giving {letter}{number} (within {span}); it could also be "
                               f"'{letter}' with a lost digit, so check it against the survey form")
    number = int(to_arabic(found.group("number")))
    given = found.group("letter").lower()
    if number < 1 or (last is not None and number > last):
        return QuestionReading(None, text, f"รหัส “{written}” อยู่นอกช่วง {span} จึงไม่นำเข้าข้อคำถาม — "
                                   f"the code '{written}' is outside {span}; question left out")
    if given and given != letter:
        other = framework.question_tool(f"{given}{number}")
        if other is None:
            return QuestionReading(None, text, f"รหัส “{written}” ไม่ใช่รหัสข้อคำถามของกรอบการประเมิน ITA "
                                   f"{framework.assessment_year} จึงไม่นำเข้าข้อคำถาม — the code '{written}' is not a "
                                   "question code of the year's framework; question left out")
        return QuestionReading(f"{given}{number}", text, f"รหัส “{written}” เป็นของแบบสำรวจอื่น คงไว้ตามที่เขียน — "
                               f"the code '{written}' belongs to the other survey, "
                               f"but indicator {ref.number} is {ref.tool}; kept as written")
    return QuestionReading(f"{letter}{number}", text, None)


def _roman(numeral: str) -> int | None:
    """The value of a Roman numeral written the usual way (i … lxxxix), else None."""
    values = [_ROMAN[ch] for ch in numeral]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if 0 < total < 90 and _to_roman(total) == numeral else None


def _to_roman(number: int) -> str:
    out = ""
    for value, digits in ((50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while number >= value:
            out, number = out + digits, number - value
    return out
