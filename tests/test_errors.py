"""Problem reports: every problem located, with a plain Thai explanation for office staff."""

import shutil

import pytest

from conftest import ROOT
from itaplan.errors import PlanDataError, Problem
from itaplan.plan.loader import load_plan_data
from itaplan.thai_hints import HINTS


def test_report_leads_each_problem_with_thai_then_english():
    error = PlanDataError([
        Problem("plan_data/2569/indicators/01.yml", 6, "score", "expected less than or equal to 100, found 120",
                kind="less_than_equal", thai="ค่าต้องไม่เกิน 100 แต่พบ 120"),
        Problem("plan_data/2569/indicators/02.yml", 3, None, "is not valid YAML: found unexpected end", kind="yaml",
                thai="รูปแบบไฟล์ผิด: เครื่องหมายคำพูดที่เปิดไว้ไม่ได้ปิด"),
        Problem("plan_data/2569/indicators/03.yml", None, None, "something new", kind="never_seen_before"),
    ])
    lines = error.report().splitlines()
    assert lines[0] == "ข้อมูลแผนมีปัญหา 3 รายการ (plan data has 3 problems):"
    assert lines[1] == "  plan_data/2569/indicators/01.yml:6: ช่องคะแนน (score): ค่าต้องไม่เกิน 100 แต่พบ 120"
    assert lines[2] == "      field score: expected less than or equal to 100, found 120"
    assert lines[3] == "  plan_data/2569/indicators/02.yml:3: รูปแบบไฟล์ผิด: เครื่องหมายคำพูดที่เปิดไว้ไม่ได้ปิด"
    assert lines[4].strip() == "is not valid YAML: found unexpected end", "no generic hint under a message that says the fix"
    # a problem with no Thai sentence of its own still leads in Thai
    assert lines[5] == "  plan_data/2569/indicators/03.yml: ข้อมูลไม่ถูกต้อง (ดูคำอธิบายภาษาอังกฤษ)"
    assert lines[6].strip() == "something new" and len(lines) == 7


def test_one_problem_reads_in_the_singular():
    error = PlanDataError([Problem("x.yml", 1, None, "m", thai="ท")])
    assert error.report().splitlines()[0] == "ข้อมูลแผนมีปัญหา 1 รายการ (plan data has 1 problem):"


def test_problem_as_one_line_is_thai_first():
    problem = Problem("a.yml", 2, "score", 'expected a valid number, found "x"', kind="float_type",
                      thai="ต้องเป็นตัวเลข แต่พบ “x”")
    assert str(problem) == 'a.yml:2: ช่อง score: ต้องเป็นตัวเลข แต่พบ “x” — field score: expected a valid number, found "x"'


def test_a_place_is_named_as_staff_see_it():
    """The field path stays code for programs; people read a Thai label, the item counted from 1, the key beside."""
    problem = Problem("plan_data/2569/indicators/04.yml", 15, "steps[1]", "expected text", kind="string_type",
                      thai="ต้องเป็นข้อความ")
    assert problem.field == "steps[1]"
    assert problem.thai_text == "ขั้นตอนที่ 2 (steps): ต้องเป็นข้อความ"
    assert problem.english_text == "step 2 (steps): expected text"


def test_real_validation_kinds_have_hints(tmp_path):
    data = tmp_path / "plan_data"
    shutil.copytree(ROOT / "plan_data", data)
    path = data / "2569/indicators/04.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("score: 100", "score: สูง").replace("group: IIT", "group: 123")
                    .replace("measure:", "measur:"), encoding="utf-8")
    with pytest.raises(PlanDataError) as info:
        load_plan_data(data)
    kinds = {p.kind for p in info.value.problems}
    assert {"float_type", "string_type", "extra_forbidden"} <= kinds  # group: 123 is a number, not a tool's code
    assert "missing" not in kinds, "the misspelt 'measur' and the missing 'measure' are one slip, told once"
    assert all(p.kind in HINTS for p in info.value.problems)
    assert all(p.thai for p in info.value.problems), "every validation problem has its own Thai sentence"
