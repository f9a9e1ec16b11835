"""Loading plan_data: the real data loads, and every kind of bad edit is located precisely."""

from datetime import date
from pathlib import Path

import pytest

from conftest import ROOT
from itaplan.framework import shipped_frameworks
from itaplan.errors import PlanDataError
from itaplan.plan.loader import load_plan_data
from framework_fixture import made_up_copy

IND01 = "2569/indicators/01.yml"


def edit(data: Path, rel: str, old: str, new: str) -> None:
    path = data / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(data: Path, rel: str, needle: str) -> int:
    lines = (data / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def problems(data: Path):
    with pytest.raises(PlanDataError) as info:
        load_plan_data(data)
    return info.value.problems


def only_problem(data: Path):
    [problem] = problems(data)
    return problem


def test_real_plan_data_loads_whole():
    plans = load_plan_data(ROOT / "plan_data")
    assert plans.agency.name == "เทศบาลตำบลโคกพุทรา"
    year = plans.latest
    assert (year.info.assessment_year, year.fiscal_year) == (2568, 2569)
    assert [i.number for i in year.indicators] == list(range(1, 11))
    assert [i.name for i in year.indicators] == [ref.name for ref in shipped_frameworks().get(2568).indicators]
    assert [i.score for i in year.indicators] == [100, 100, 100, 100, 100, 99.79, 99.69, 99.69, 90, 100]
    assert {(i.period.start, i.period.end) for i in year.indicators} == {(date(2025, 10, 1), date(2026, 9, 30))}
    assert [i.question.code for i in year.indicators if i.question] == ["i1", "i6", "i9", "i10", "i15"]
    assert [len(i.steps) for i in year.indicators] == [4, 3, 4, 3, 3, 3, 4, 3, 3, 4]
    assert year.sources[1] == "plan_data/2569/indicators/01.yml"


def test_score_above_100(data):
    line = line_of(data, IND01, "score:")
    edit(data, IND01, "score: 100", "score: 120")
    p = only_problem(data)
    assert (p.file, p.line, p.field) == ("plan_data/2569/indicators/01.yml", line, "score")
    assert "at most 100" in p.message and "120" in p.message


def test_score_as_text_is_a_wrong_type(data):
    edit(data, IND01, "score: 100", "score: ร้อย")
    p = only_problem(data)
    assert p.field == "score" and "a number such as 99.79" in p.message and "ร้อย" in p.message


def test_steps_must_be_a_list(data):
    path = data / IND01
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("steps:\n", 1)
    path.write_text(head + "steps: ทำทุกอย่าง\n" + rest[rest.index("period:"):], encoding="utf-8")
    p = only_problem(data)
    assert p.field == "steps" and "expected a list" in p.message


def test_unknown_key_is_an_error_not_ignored(data):
    edit(data, IND01, "measure:", "measures:")
    found = problems(data)
    line = line_of(data, IND01, "measures:")
    assert [(p.field, p.line) for p in found] == [("measures", line)], "one slip, one problem"
    assert "is not a known field; did you mean measure?" in found[0].message
    assert found[0].thai == "ไม่มีช่องชื่อนี้ หมายถึง measure (มาตรการ) หรือไม่: แก้ชื่อช่องเป็น measure"


def test_unknown_key_not_close_to_any_lists_the_known_ones(data):
    edit(data, IND01, "measure:", "mxyz: x\nmeasure:")
    p = only_problem(data)
    assert p.field == "mxyz" and "expected one of: number, name" in p.message


def test_unknown_key_in_nested_mapping_lists_its_own_fields(data):
    edit(data, IND01, "  start: 2025-10-01", "  start: 2025-10-01\n  finish: 2026-01-01")
    p = only_problem(data)
    assert p.field == "period.finish" and "expected one of: start, end" in p.message
    assert p.line == line_of(data, IND01, "finish:")


def test_impossible_date(data):
    edit(data, IND01, "end: 2026-09-30", "end: 2026-02-30")
    p = only_problem(data)
    assert (p.field, p.line) == ("period.end", line_of(data, IND01, "end: 2026-02-30"))
    assert "not a real date" in p.message


def test_date_that_cannot_be_read_says_what_is_expected(data):
    edit(data, IND01, "end: 2026-09-30", "end: สิ้นปีงบประมาณ")
    p = only_problem(data)
    assert p.field == "period.end" and "1 ต.ค. 2568" in p.message
    assert p.thai.startswith("อ่าน “สิ้นปีงบประมาณ” เป็นวันที่ไม่ได้")


def test_end_before_start(data):
    edit(data, IND01, "end: 2026-09-30", "end: 2025-09-30")
    p = only_problem(data)
    assert p.field == "period" and p.line == line_of(data, IND01, "start:")
    assert "before start" in p.message


def test_missing_required_field(data):
    edit(data, IND01, "responsible:\n- ทุกสำนัก/กอง\n", "")
    p = only_problem(data)
    assert (p.field, p.file) == ("responsible", "plan_data/2569/indicators/01.yml")
    assert "required" in p.message and p.line == line_of(data, IND01, "number:")


def test_empty_step_is_refused(data):
    edit(data, IND01, "steps:\n- ", "steps:\n- ''\n- ")
    p = only_problem(data)
    assert p.field == "steps[0]" and p.line == line_of(data, IND01, "- ''")


def test_yaml_syntax_error_is_located(data):
    edit(data, IND01, "name: การปฏิบัติหน้าที่", "name: [การปฏิบัติหน้าที่")
    p = only_problem(data)
    assert p.file == "plan_data/2569/indicators/01.yml" and "not valid YAML" in p.message
    assert p.line is not None and p.line >= line_of(data, IND01, "name:")


def test_duplicate_indicator(data):
    (data / "2569/indicators/01-copy.yml").write_bytes((data / IND01).read_bytes())
    found = problems(data)
    dup = [p for p in found if p.field == "number"]
    assert dup and dup[0].file == "plan_data/2569/indicators/01-copy.yml"
    assert "also defined in plan_data/2569/indicators/01.yml" in dup[0].message


def test_a_number_other_than_the_file_name_is_told_once_with_the_fix(data):
    edit(data, "2569/indicators/02.yml", "number: 2", "number: 1")
    p = only_problem(data)
    assert (p.file, p.field, p.kind) == ("plan_data/2569/indicators/02.yml", "number", "mismatch")
    assert p.thai_text.endswith("แก้เป็น number: 2")


def test_missing_indicator(data):
    (data / "2569/indicators/07.yml").unlink()
    p = only_problem(data)
    assert p.file == "plan_data/2569/indicators" and "missing indicator(s) 7" in p.message


def test_name_must_be_canonical(data):
    edit(data, IND01, "name: การปฏิบัติหน้าที่", "name: การปฏิบัติ หน้าที่")
    p = only_problem(data)
    assert p.field == "name" and '"การปฏิบัติหน้าที่"' in p.message and "name: การปฏิบัติหน้าที่" in p.thai_text


def test_group_must_match_indicator(data):
    edit(data, IND01, "group: IIT", "group: OIT")
    p = only_problem(data)
    assert p.field == "group" and "belongs to IIT" in p.message


def test_fiscal_year_follows_assessment_year(data):
    edit(data, "2569/plan.yml", "assessment_year: 2568", "assessment_year: 2567")
    p = only_problem(data)
    assert (p.file, p.field, p.line) == ("plan_data/2569/plan.yml", "assessment_year",
                                         line_of(data, "2569/plan.yml", "assessment_year:"))
    assert p.thai_text.endswith("แก้เป็น assessment_year: 2568")


def test_a_file_wholly_of_another_year_is_told_once_by_its_fiscal_year(data):
    edit(data, "2569/plan.yml", "assessment_year: 2568", "assessment_year: 2567")
    edit(data, "2569/plan.yml", "fiscal_year: 2569", "fiscal_year: 2568")
    p = only_problem(data)
    assert (p.field, p.kind) == ("fiscal_year", "mismatch") and "the folder is 2569" in p.message


def test_folder_and_fiscal_year_must_agree(data):
    made_up_copy(data, 2569)
    edit(data, "2569/plan.yml", "assessment_year: 2568", "assessment_year: 2569")
    edit(data, "2569/plan.yml", "fiscal_year: 2569", "fiscal_year: 2570")
    p = only_problem(data)
    assert (p.field, p.line) == ("fiscal_year", line_of(data, "2569/plan.yml", "fiscal_year:"))
    assert "the folder is 2569" in p.message


def test_every_problem_is_reported_at_once(data):
    edit(data, IND01, "score: 100", "score: -1")
    edit(data, "2569/indicators/05.yml", "group: IIT", "group: XYZ")
    files = {p.file for p in problems(data)}
    assert files == {"plan_data/2569/indicators/01.yml", "plan_data/2569/indicators/05.yml"}


def test_empty_file(data):
    (data / IND01).write_text("# nothing yet\n", encoding="utf-8")
    p = only_problem(data)
    assert "found an empty file" in p.message


def test_stray_folder_is_named(data):
    (data / "2569-old").mkdir()
    p = only_problem(data)
    assert p.file == "plan_data/2569-old" and "one folder per fiscal year" in p.message
