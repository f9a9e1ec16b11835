"""The cell readings on their own: question codes, step numbers, periods, scores."""

from __future__ import annotations

from datetime import date

import pytest

from itaplan.framework import shipped_frameworks
from itaplan.table.cells import read_row
from itaplan.table.period import PeriodError, parse_period
from itaplan.table.question import find_question
from itaplan.table.review import Review
from itaplan.table.source import RawRow, split_paragraphs
from itaplan.table.steps import split_steps
from itaplan.thai import MONTHS_SHORT, digits

FW = shipped_frameworks().get(2568)
BY_NUMBER = {i.number: i for i in FW.indicators}


@pytest.mark.parametrize("quoted, number, code, noted", [
    ("“ i๑ การปฏิบัติงาน”", 1, "i1", False),
    ("“๖ หน่วยงานของท่าน”", 2, "i6", False),
    ("“i๑๐ เจ้า หน้าที่”", 4, "i10", False),
    ("“๑๕ ท่าน เชื่อมั่น”", 5, "i15", False),
    ("“i12 ข้อ”", 5, "i12", False),
    ("“๓ ผู้รับบริการ”", 6, "e3", False),
    ("“ix การบริหารงานบุคคล”", 3, "i9", True),
    ("“e3 ข้อ”", 2, "e3", True),
    ("“๔๐ ข้อ”", 1, "i40", False),  # the 2568 framework gives no number of questions: no cap is assumed
    ("ข้อคำถาม “ท่านเชื่อมั่น”", 1, None, True),
    ("“i1 ข้อ”", 9, None, True),
])
def test_question_codes(quoted, number, code, noted):
    found = find_question(f"วิเคราะห์ข้อคำถาม {quoted} เมื่อพิจารณา", BY_NUMBER[number], FW)
    assert found is not None and found.code == code and (found.note is not None) == noted


def test_question_codes_stay_within_the_number_of_questions_the_framework_gives():
    counted = FW.model_copy(update={"tools": [t.model_copy(update={"questions": t.questions.model_copy(
        update={"count": 30})}) if t.questions else t for t in FW.tools]})
    assert find_question("ข้อคำถาม “๓๐ ข้อ”", BY_NUMBER[1], counted).code == "i30"
    beyond = find_question("ข้อคำถาม “๔๐ ข้อ”", BY_NUMBER[1], counted)
    assert beyond.code is None and "i1–i30" in beyond.note
    assert find_question("ข้อคำถาม “xxx ข้อ”", BY_NUMBER[1], counted).code == "i30"


def test_question_wording_is_kept_as_written():
    found = find_question("“i๑๐  เจ้า หน้าที่ในหน่วยงาน ”", BY_NUMBER[4], FW)
    assert found.text == "เจ้า หน้าที่ในหน่วยงาน"


def test_an_analysis_without_a_quote_has_no_question():
    assert find_question("ปรากฏว่าได้ ๙๐.๐๐ คะแนน", BY_NUMBER[9], FW) is None


def test_steps_split_at_thai_and_arabic_numbers_not_at_decimals():
    steps = split_steps(("๑.ทำ ก ได้ ๙๙.๗๙ คะแนน ๒.ทำ ข", "3.ทำ ค"))
    assert steps.items == ["ทำ ก ได้ ๙๙.๗๙ คะแนน", "ทำ ข", "ทำ ค"] and steps.notes == []


def test_steps_with_a_gap_keep_every_step_and_say_so():
    steps = split_steps(("๑.ก ๒.ข ๔.ง",))
    assert steps.items == ["ก", "ข", "ง"]
    assert steps.notes == ["ขั้นตอนมีเลข 1 2 4 (ไม่มีข้อ 3): เก็บไว้ครบทั้ง 3 ขั้นตอนตามลำดับที่เขียน — "
                           "the steps are numbered 1, 2, 4 (3 missing): kept all 3 steps in the order written"]


def test_unnumbered_paragraphs_are_steps_and_a_single_unnumbered_cell_is_flagged():
    assert split_steps(("ก", "ข")) == (["ก", "ข"], [])
    assert split_steps(("ก ข",)).notes == ["ไม่พบเลขขั้นตอน (๑. ๒. …) จึงเก็บทั้งช่องเป็นขั้นตอนเดียว — "
                                           "no step numbers (๑. ๒. …) found: kept the cell as one step"]


@pytest.mark.parametrize("month", range(1, 13))
@pytest.mark.parametrize("style", ["thai", "arabic"])
def test_period_every_month_in_both_digit_styles(month, style):
    start = digits(f"1 {MONTHS_SHORT[month - 1]}2568", style)
    end = digits(f"28 {MONTHS_SHORT[month - 1]} 2569", style)
    assert parse_period(f"{start} – {end}")[:2] == (date(2025, month, 1), date(2026, month, 28))


@pytest.mark.parametrize("text", ["๑ ต.ค.๒๕๖๘ – ๓๐ ก.ย.๒๕๖๙", "๑ ต.ค. ๒๕๖๘-๓๐ ก.ย. ๒๕๖๙", "1 ต.ค.2568 - 30 ก.ย.2569",
                                  "๑ ตุลาคม ๒๕๖๘ ถึง ๓๐ กันยายน ๒๕๖๙"])
def test_period_forms(text):
    assert parse_period(text) == (date(2025, 10, 1), date(2026, 9, 30), [])


def test_two_digit_years_are_read_as_buddhist_era_and_listed_for_review():
    start, end, notes = parse_period("1 ต.ค. 68 – 30 ก.ย. 69")
    assert (start, end) == (date(2025, 10, 1), date(2026, 9, 30))
    assert [n.split(":")[0] for n in notes] == ["ปี 68 เขียนสองหลัก", "ปี 69 เขียนสองหลัก"]


@pytest.mark.parametrize("text, why", [("ตลอดปีงบประมาณ", "names no fiscal year"), ("ตลอดปี", "cannot read"), ("๓๐ ก.พ.๒๕๖๙ – ๓๐ ก.ย.๒๕๖๙", "not a real date"),
                                       ("๑ ต.ค.๒๕๖๙ – ๓๐ ก.ย.๒๕๖๘", "ends before it starts")])
def test_unreadable_periods(text, why):
    with pytest.raises(PeriodError, match=why):
        parse_period(text)


def row(analysis: str, period: str = "๑ ต.ค.๒๕๖๘ – ๓๐ ก.ย.๒๕๖๙") -> RawRow:
    texts = ["ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร", "มาตรการ", analysis, "๑.ขั้นที่หนึ่ง", period, "สำนักปลัด"]
    return RawRow(tuple(split_paragraphs(t) for t in texts), "line 9", 9)


@pytest.mark.parametrize("analysis, score", [("ได้คะแนน ๑๐๐ คะแนน", 100), ("ได้ ๙๐.๐๐ คะแนน", 90.0),
                                             ("ได้ 99.79 คะแนน", 99.79)])
def test_score_is_written_as_the_table_writes_it(analysis, score):
    data = read_row(row(analysis), BY_NUMBER[7], 2569, Review(), FW)
    assert data["score"] == score and type(data["score"]) is type(score)


def test_unreadable_score_and_period_are_written_as_well_as_possible_and_reviewed():
    review = Review()
    data = read_row(row("<p>ยังไม่ได้ประเมิน</p>", period="ตลอดปี"), BY_NUMBER[7], 2569, review, FW)
    assert data["score"] == 0 and data["period"] == {"start": date(2025, 10, 1), "end": date(2026, 9, 30)}
    assert [(item.where, item.field, item.number) for item in review.items] == [("line 9", "score", 7),
                                                                                 ("line 9", "period", 7)]
