"""Find the survey question an analysis quotes ("ข้อคำถาม “i๑ …”") and repair its damaged code.

Exporting from Word damages the codes: "i๑" (Thai digit), "๖" (the letter lost), "ix" (no digit
at all). A code is mapped when the reading is sure: a number, with or without its letter, within
the indicator's survey (IIT: i1–i15, EIT: e1–e15). A code of letters only ("ix") is read as a Roman
numeral and always listed for review. Anything else leaves the question out, for review.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from itaplan.plan.ita import IndicatorRef
from itaplan.thai import to_arabic

SURVEY = {"IIT": "i", "EIT": "e"}
LAST_QUESTION = 15
_QUOTE = re.compile(r"(?P<asked>ข้อคำถาม(?:ที่)?\s*)?[“\"](?P<quoted>[^”“\"]+)[”\"]")
_CODE = re.compile(r"^(?P<code>(?P<letter>[iIeE]?)(?P<number>[0-9๐-๙]{1,2})|(?P<roman>[ivxIVX]{1,5}))\s+(?P<text>\S.*)$")
_ROMAN = {"i": 1, "v": 5, "x": 10}


class QuestionReading(NamedTuple):
    """The code and wording read, with a note when a person should check the reading (else None)."""

    code: str | None
    text: str
    note: str | None


def find_question(analysis: str, ref: IndicatorRef) -> QuestionReading | None:
    """The quote after "ข้อคำถาม" (else the first quote that starts with a code); None when there is none."""
    for match in _QUOTE.finditer(analysis):
        quoted = " ".join(match.group("quoted").split())
        found = _CODE.match(quoted)
        if found:
            return _read(found, ref)
        if match.group("asked"):
            return QuestionReading(None, quoted, "ข้อคำถามที่ยกมาหลัง 'ข้อคำถาม' ไม่มีรหัสที่อ่านได้ จึงไม่นำเข้า — "
                                   "the question quoted after 'ข้อคำถาม' has no code "
                                   "(i1…, e1…) that can be read; question left out")
    return None


def _read(found: re.Match, ref: IndicatorRef) -> QuestionReading:
    text, written = found.group("text"), found.group("code")
    letter = SURVEY.get(ref.group)
    if letter is None:
        return QuestionReading(None, text, f"อ้างข้อคำถาม ('{written} …') แต่ตัวชี้วัดกลุ่ม {ref.group} "
                               "ไม่มีข้อคำถามแบบสำรวจ จึงไม่นำเข้า — "
                               f"quotes a question ('{written} …') but {ref.group} indicators have "
                               "no survey question; left out")
    span = f"{ref.group}'s {letter}1–{letter}{LAST_QUESTION}"
    if found.group("roman"):
        number = _roman(found.group("roman").lower())
        if number is None or not 1 <= number <= LAST_QUESTION:
            return QuestionReading(None, text, f"อ่านรหัส '{written}' ไม่ได้ จึงไม่นำเข้าข้อคำถาม — "
                                   f"cannot read the code '{written}'; question left out")
        return QuestionReading(f"{letter}{number}", text, f"รหัส '{written}' ไม่มีตัวเลข: อ่านเป็นเลขโรมัน {number} ได้ "
                               f"{letter}{number} โปรดตรวจกับแบบสำรวจ — the code '{written}' has no digit: read it as the Roman "
                               f"numeral {number}, giving {letter}{number} (within {span}); it could also be "
                               f"'{letter}' with a lost digit, so check it against the survey form")
    number = int(to_arabic(found.group("number")))
    given = found.group("letter").lower()
    if not 1 <= number <= LAST_QUESTION:
        return QuestionReading(None, text, f"รหัส '{written}' อยู่นอกช่วง {span} จึงไม่นำเข้าข้อคำถาม — "
                                   f"the code '{written}' is outside {span}; question left out")
    if given and given != letter:
        return QuestionReading(f"{given}{number}", text, f"รหัส '{written}' เป็นของแบบสำรวจอื่น คงไว้ตามที่เขียน — "
                               f"the code '{written}' belongs to the other survey, "
                               f"but indicator {ref.number} is {ref.group}; kept as written")
    return QuestionReading(f"{letter}{number}", text, None)


def _roman(numeral: str) -> int | None:
    values = [_ROMAN[ch] for ch in numeral]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    canonical = {1: "i", 2: "ii", 3: "iii", 4: "iv", 5: "v", 6: "vi", 7: "vii", 8: "viii", 9: "ix", 10: "x",
                 11: "xi", 12: "xii", 13: "xiii", 14: "xiv", 15: "xv"}
    return total if canonical.get(total) == numeral else None
