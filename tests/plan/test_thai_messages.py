"""Every kind of validation problem says in Thai what is wrong and what was expected."""

import pytest
from pydantic import ValidationError

from conftest import ROOT
from itaplan.errors import PlanDataError
from itaplan.plan.schema import Indicator
from itaplan.plan.settings import settings_from
from itaplan.plan.thai_messages import thai_message
from itaplan.plan.validation import validate
from itaplan.plan.yaml_source import read_yaml

GOOD = read_yaml(ROOT / "plan_data/2569/indicators/01.yml", "x").data


def thai_problems(data, model=Indicator):
    with pytest.raises(PlanDataError) as caught:
        validate(type("Doc", (), {"path": "plan_data/2569/indicators/01.yml", "data": data,
                                  "line_of": lambda self, loc: 1})(), model)
    return {(p.kind, p.field): p for p in caught.value.problems}


@pytest.mark.parametrize("change,kind,field,thai", [
    ({"measure": None}, "string_type", "measure", "ว่างอยู่: ใส่ค่าต่อจาก measure: ในบรรทัดเดียวกัน เช่น measure: "),
    ({"number": "หนึ่ง"}, "int_type", "number", "ต้องเป็นเลขจำนวนเต็ม เช่น 2569 แต่พบ “หนึ่ง”"),
    ({"score": "สูง"}, "float_type", "score", "ต้องเป็นตัวเลข เช่น 99.79 แต่พบ “สูง”"),
    ({"score": 120}, "less_than_equal", "score", "ค่าต้องไม่เกิน 100 แต่พบ “120”"),
    ({"score": -1}, "greater_than_equal", "score", "ค่าต้องไม่น้อยกว่า 0 แต่พบ “-1”"),
    ({"steps": []}, "too_short", "steps", "ต้องมีอย่างน้อย 1 ข้อ แต่พบ 0 ข้อ"),
    ({"group": "iit"}, "value_error", "group", "รหัสเครื่องมือต้องเป็นอักษรภาษาอังกฤษตัวใหญ่"),
    ({"question": {"code": "1x", "text": "ข้อ"}}, "string_pattern_mismatch", "question.code",
     "รหัสข้อคำถามต้องเป็นอักษรนำหน้าของแบบสำรวจ"),
    ({"links": [{"title": "ก", "url": "javascript:alert(1)"}]}, "value_error", "links[0].url",
     "ลิงก์แบบ “javascript:” ใช้ไม่ได้"),
    ({"analysis": ["   "]}, "value_error", "analysis[0]", "ข้อความว่าง"),
    ({"steps": "ทำทุกอย่าง"}, "list_type", "steps", "ต้องเป็นรายการ"),
    ({"period": "ทั้งปี"}, "model_type", "period", "ต้องเป็นกลุ่มช่องย่อย"),
    ({"typo": 1}, "extra_forbidden", "typo", "ระบบไม่รู้จักช่องชื่อนี้ (สะกดผิดหรือไม่?): ช่องที่ใช้ได้คือ number, name"),
])
def test_pydantic_error_types_in_thai(change, kind, field, thai):
    problems = thai_problems({**GOOD, **change})
    assert (kind, field) in problems, problems
    assert problems[(kind, field)].thai.startswith(thai)


def test_missing_field_in_thai():
    problems = thai_problems({k: v for k, v in GOOD.items() if k != "measure"})
    assert problems[("missing", "measure")].thai == ("ยังไม่ได้กรอกช่องนี้ ซึ่งต้องมีทุกครั้ง: เพิ่มบรรทัด "
                                                     "เช่น measure: จัดทำคู่มือ")
    assert problems[("missing", "measure")].message == "is required but missing; add a line such as measure: จัดทำคู่มือ"


def test_settings_errors_lead_in_thai():
    with pytest.raises(PlanDataError) as caught:
        settings_from({"digits": "roman", "contact": {"phone": "call me", "fax": "1"}})
    report = caught.value.report()
    assert report.startswith("ข้อมูลแผนมีปัญหา 3 รายการ")
    assert "mkdocs.yml: ช่อง extra.itaplan.digits: ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: thai หรือ arabic" in report
    assert "ช่อง extra.itaplan.contact.phone: เบอร์โทรศัพท์ใช้ได้เฉพาะตัวเลข" in report
    assert "ช่อง extra.itaplan.contact.fax: ระบบไม่รู้จักช่องชื่อนี้" in report and "phone, email, facebook" in report


def test_every_validation_error_type_in_the_schema_has_a_thai_sentence():
    """No Thai sentence falls back to the generic one for the errors our models can raise."""
    bad = {**GOOD, "number": 1.5, "score": float("inf"), "name": "ก" * 20_001, "responsible": [1]}
    try:
        Indicator.model_validate(bad)
    except ValidationError as exc:
        for err in exc.errors():
            assert not thai_message(err).startswith("ค่าไม่ถูกต้อง"), err
