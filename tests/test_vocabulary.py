"""One vocabulary for places and fields: the messages and the changes pages name things the same way."""

from __future__ import annotations

import pytest

from itaplan.history import diff
from itaplan.progress.schema import IndicatorReport, Status, StepReport
from itaplan.plan.schema import SCHEMAS
from itaplan.progress.schema import PROGRESS_SCHEMAS
from itaplan.table.report.cells import read_status
from itaplan import vocabulary
from itaplan.vocabulary import kind_of, place, quote, read_variant, suggest

IND = "plan_data/2569/indicators/04.yml"
REPORT = "plan_data/2569/progress/6-months/01.yml"


def test_the_changes_pages_keep_their_labels():
    """Moving the labels into the shared vocabulary changed no word on the changes pages."""
    assert diff.label("steps.3") == "ขั้นตอนที่ 3"
    assert diff.label("period.start") == "วันเริ่ม"
    assert diff.label("links.2.url") == "เอกสารที่เกี่ยวข้อง รายการที่ 2 (ที่อยู่ลิงก์)"
    assert diff.label("responsible.1") == "ผู้รับผิดชอบ ลำดับที่ 1"
    assert diff.label("steps.3.status", "report") == "ขั้นตอนที่ 3 (สถานะ)"  # a progress report's fields in Thai
    assert diff.label("evidence.2.title", "report") == "หลักฐาน รายการที่ 2 (ชื่อหลักฐาน)"
    assert diff.label("result", "report") == "ผลการดำเนินการ" and diff.label("as_of", "round") == "ข้อมูล ณ วันที่"
    assert diff.FIELD_LABELS is vocabulary.FIELD_LABELS and diff.ITEM_LABELS is vocabulary.ITEM_LABELS


@pytest.mark.parametrize("kind,model", [("agency", SCHEMAS["agency"]), ("plan", SCHEMAS["plan"]),
                                        ("indicator", SCHEMAS["indicator"]), ("progress", PROGRESS_SCHEMAS["progress"]),
                                        ("round", PROGRESS_SCHEMAS["report"])])
def test_every_field_of_every_file_has_a_thai_label(kind, model):
    def paths(m, prefix=""):
        for name, info in m.model_fields.items():
            yield prefix + name
            inner = vocabulary_inner(info.annotation)
            if inner is not None:
                star = ".*" if "list" in str(info.annotation) else ""
                yield from paths(inner, f"{prefix}{name}{star}.")
    assert set(paths(model)) == set(vocabulary.LABELS[kind])


def vocabulary_inner(annotation):
    """The nested model inside Optional[...] or list[...], if any."""
    import typing
    from pydantic import BaseModel
    for arg in (annotation, *typing.get_args(annotation)):
        for inner in (arg, *typing.get_args(arg)):
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                return inner
    return None


@pytest.mark.parametrize("field,file,data,thai,english", [
    ("score", IND, None, "ช่องคะแนน (score)", "field score"),
    ("steps[2]", IND, None, "ขั้นตอนที่ 3 (steps)", "step 3 (steps)"),
    ("analysis[0]", IND, None, "ผลการวิเคราะห์ ย่อหน้าที่ 1 (analysis)", "analysis paragraph 1 (analysis)"),
    ("responsible[0]", IND, None, "ผู้รับผิดชอบ ลำดับที่ 1 (responsible)", "responsible unit 1 (responsible)"),
    ("period.end", IND, None, "ช่องวันสิ้นสุด (end ใต้ period)", "field end under period"),
    ("links[1].url", IND, None, "ช่องที่อยู่ลิงก์ (url) ของเอกสารที่เกี่ยวข้อง รายการที่ 2", "field url of related link 2"),
    ("steps[1].status", REPORT, {"steps": [{"step": 1}, {"step": 3}]}, "ช่องสถานะ (status) ของขั้นตอนที่ 3",
     "field status of step 3"),
    ("steps[1].status", REPORT, None, "ช่องสถานะ (status) ของรายการที่ 2 ใต้ steps", "field status of entry 2 under steps"),
    ("evidence[1].file", REPORT, None, "ช่องไฟล์เอกสาร (file) ของหลักฐาน รายการที่ 2", "field file of evidence item 2"),
    ("tools[0].questions.prefix", "plan_data/frameworks/2568.yml", None,
     "ช่องอักษรนำหน้ารหัสข้อคำถาม (prefix ใต้ questions) ของเครื่องมือรายการที่ 1", "field prefix under questions of tool 1"),
    ("extra.itaplan.contact.email", "mkdocs.yml", None, "ช่อง extra.itaplan.contact.email",
     "field extra.itaplan.contact.email"),
    ("สถานะ", "รายงาน.docx", None, "ช่อง “สถานะ”", 'column "สถานะ"'),
])
def test_places_are_named_as_staff_see_them(field, file, data, thai, english):
    where = place(field, file, data)
    assert (where.thai, where.english) == (thai, english)
    assert "[" not in where.thai + where.english


def test_kinds_of_file_by_their_place():
    assert [kind_of(p) for p in ("plan_data/agency.yml", "plan_data/2569/plan.yml", IND, REPORT,
                                 "plan_data/2569/progress/6-months/report.yml", "mkdocs.yml", "x.docx")] == \
        ["agency", "plan", "indicator", "progress", "round", "config", "table"]


def test_values_are_quoted_as_typed_in_thai_quotation_marks():
    assert quote("ยังไม่ดำเนินกา") == "“ยังไม่ดำเนินกา”"
    assert quote(60.0) == "“60”" and quote(99.79) == "“99.79”" and quote(True) == "“true”"
    assert quote("ก" * 100).endswith("…”") and len(quote("ก" * 100)) == 62
    assert quote("a\x1bb") == "“a\\x1bb”", "control characters cannot reach a terminal"


def test_status_words_are_one_list_for_the_importer_and_the_yaml_messages():
    assert set(vocabulary.STATUS_WORDS) == {s.value for s in Status}
    assert read_variant("status", "ดำเนินการแล้ว") == ("ดำเนินการแล้ว", "exact")
    assert read_variant("status", "เสร็จแล้ว") == ("ดำเนินการแล้ว", "variant")
    assert read_variant("status", "อยู่ระหว่างดำเนินกร") == ("อยู่ระหว่างดำเนินการ", "close")
    assert read_variant("status", "ไม่รู้") is None
    assert read_status("เสร็จแล้ว")[0] is Status.DONE  # the report importer reads from the same list


def test_suggestions_only_when_close():
    assert suggest("step", list(IndicatorReport.model_fields)) == "steps"
    assert suggest("iit", ["IIT", "EIT", "OIT"]) == "IIT"
    assert suggest("เสร็จแล้ว", [s.value for s in Status], "status") == "ดำเนินการแล้ว"
    assert suggest("xyz", list(StepReport.model_fields)) is None


def test_every_field_of_a_framework_file_has_an_example_line():
    """A missing or empty field of plan_data/frameworks/<year>.yml is told with a line to write, like the plan's."""
    groups = {"tools.*.questions"}  # a group: its own fields have the examples
    missing = [path for path in vocabulary.LABELS["framework"] if path not in groups
               and path not in vocabulary.EXAMPLES["framework"]]
    assert not missing
    for path, line in vocabulary.EXAMPLES["framework"].items():
        assert line.startswith("- ") or line.startswith(path.rsplit(".", 1)[-1] + ":"), (path, line)
