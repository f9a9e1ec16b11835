"""Framework files: what itaplan ships, an agency's own files and their errors, a year without one,
`itaplan framework new`, and how one framework follows another (by name, never by number)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import ROOT, itaplan
from itaplan.errors import PlanDataError
from itaplan.framework import compare, shipped_frameworks
from itaplan.framework.schema import Framework
from itaplan.plan.frameworks import load_frameworks, read_framework_file
from itaplan.plan.loader import load_plan_data
from itaplan.plan.yaml_source import read_yaml

SHIPPED = ROOT / "hooks" / "itaplan" / "framework" / "shipped"
MADE_UP = ROOT / "tests" / "fixtures" / "framework_change_plan" / "frameworks" / "2569.yml"
SCHEMA = json.loads((ROOT / "docs" / "schema" / "framework.schema.json").read_text(encoding="utf-8"))


def _problems(call):
    with pytest.raises(PlanDataError) as caught:
        call()
    return caught.value.problems


def _line(path: Path, needle: str, nth: int = 0) -> int:
    """The line of the `nth` line (from 0; -1 for the last) that holds `needle`."""
    return [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line][nth]


def test_itaplan_ships_only_what_is_known_for_sure():
    shipped = shipped_frameworks()
    assert shipped.years == [2567, 2568]
    for year in shipped.years:
        fw = shipped.get(year)
        assert len(fw.indicators) == 10 and [t.code for t in fw.tools] == ["IIT", "EIT", "OIT"]
        assert fw.source.strip() and not fw.oit_items  # no OIT item has a checked official name yet
        assert all(t.questions is None or t.questions.count is None for t in fw.tools)  # no invented cap
        assert shipped.origin(year).shipped
    assert shipped.get(2567).same_indicators(shipped.get(2568))


@pytest.mark.parametrize("path", sorted(SHIPPED.glob("*.yml")), ids=lambda p: p.name)
def test_shipped_files_pass_the_strict_reader_and_the_editor_schema(path):
    framework = read_framework_file(path, path.name, int(path.stem))
    assert framework == shipped_frameworks().get(int(path.stem))
    jsonschema.validate(read_yaml(path, path.name).data, SCHEMA)


def test_the_first_customers_plan_uses_the_shipped_framework_of_its_assessment_year():
    plans = load_plan_data(ROOT / "plan_data")
    year = plans.latest
    assert year.framework is shipped_frameworks().get(year.info.assessment_year)
    assert [(i.number, i.name, i.group) for i in year.indicators] == [
        (i.number, i.name, i.tool) for i in year.framework.indicators]


@pytest.mark.parametrize("edit,needle,field,thai", [
    (("tool: OIT\n", "tool: XIT\n"), "tool: XIT", "indicators[8].tool", "ไม่มีเครื่องมือรหัส XIT"),
    (("- number: 1\n", "- number: 10\n"), ("number: 10", -1), "indicators[9].number", "ตัวชี้วัดที่ 10 ซ้ำ"),
    (("- code: OIT\n", "- code: oit\n"), "- code: oit", "tools[2].code", "รหัสเครื่องมือต้องเป็นอักษรภาษาอังกฤษตัวใหญ่"),
    (("assessment_year: 2568\n", "assessment_year: 2568\nextra: 1\n"), "extra: 1", "extra", "ระบบไม่รู้จักช่องชื่อ"),
    (("    name: การป้องกันการทุจริต\n", "    name: การป้องกันการทุจริต\n    continues: [การป้องกันการทุจริต]\n"),
     "continues:", "indicators[9].continues[0]", "continues: ใส่ชื่อเดิมในปีก่อน ๆ ไม่ต้องใส่ชื่อปัจจุบัน"),
])
def test_an_agency_file_is_refused_at_its_line_in_thai_first(tmp_path, edit, needle, field, thai):
    data = tmp_path / "plan_data"
    shutil.copytree(ROOT / "plan_data", data)
    target = data / "frameworks" / "2568.yml"
    target.parent.mkdir()
    target.write_text((SHIPPED / "2568.yml").read_text(encoding="utf-8").replace(*edit, 1), encoding="utf-8")
    problems = _problems(lambda: load_plan_data(data))
    found = [p for p in problems if p.file == "plan_data/frameworks/2568.yml"]
    assert found, problems
    assert (found[0].field, found[0].line) == (field, _line(target, *((needle,) if isinstance(needle, str)
                                                                        else needle)))
    assert found[0].thai_text.split(": ", 1)[1].startswith(thai) and str(found[0]).index(thai) < str(found[0]).index(
        " — ")


@pytest.mark.parametrize("old,new,field,thai", [
    ("    name: แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)\n",
     "    name: แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (\u202eTII)\n", "tools[0].name", "อักขระควบคุมทิศทางข้อความ"),
    ("    description: ถามความเห็นของประชาชนและผู้มารับบริการ\n",
     "    description: ถามความเห็นของประชาชน\ufdd0\n", "tools[1].description", "อักขระที่ไม่ใช่ตัวอักษร"),
    ("    name: การป้องกันการทุจริต\n", "    name: การป้องกันการทุจริต\n    continues: [การป้องกัน\u2066ทุจริต]\n",
     "indicators[9].continues[0]", "อักขระควบคุมทิศทางข้อความ"),
])
def test_framework_text_follows_the_rules_for_all_staff_text(tmp_path, old, new, field, thai):
    """A framework file is staff data like any other under plan_data/: a right-to-left override in a tool's name
    (shown on every indicator page and in the chart's legend) or a noncharacter (written into the open data)
    is refused at its line, as it is in the plan."""
    data = tmp_path / "plan_data"
    shutil.copytree(ROOT / "plan_data", data)
    target = data / "frameworks" / "2568.yml"
    target.parent.mkdir()
    text = (SHIPPED / "2568.yml").read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    found = [p for p in _problems(lambda: load_plan_data(data)) if p.file == "plan_data/frameworks/2568.yml"]
    assert [(p.field, p.line) for p in found] == [(field, _line(target, new.strip().split("\n")[-1]))]
    assert thai in found[0].thai_text


def test_invisible_characters_pasted_into_a_framework_are_removed(tmp_path):
    data = tmp_path / "plan_data"
    shutil.copytree(ROOT / "plan_data", data)
    target = data / "frameworks" / "2568.yml"
    target.parent.mkdir()
    target.write_text((SHIPPED / "2568.yml").read_text(encoding="utf-8").replace(
        "name: แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)", "name: แบบตรวจการเปิดเผย\u200bข้อมูลสาธารณะ (OIT)"), encoding="utf-8")
    framework = load_plan_data(data).latest.framework
    assert framework.tool("OIT").name == "แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)"


def test_a_file_named_for_another_year_or_not_a_year_is_refused(tmp_path):
    data = tmp_path / "plan_data"
    shutil.copytree(ROOT / "plan_data", data)
    (data / "frameworks").mkdir()
    shutil.copy(SHIPPED / "2567.yml", data / "frameworks" / "2566.yml")
    (data / "frameworks" / "notes.txt").write_text("x", encoding="utf-8")
    (data / "frameworks" / "README.md").write_text("# ที่มาของกรอบการประเมิน\n", encoding="utf-8")  # allowed
    problems = {(p.file, p.field, p.kind) for p in _problems(lambda: load_plan_data(data))}
    assert problems == {("plan_data/frameworks/2566.yml", "assessment_year", "mismatch"),
                        ("plan_data/frameworks/notes.txt", None, "layout")}


def test_plan_data_knows_the_frameworks_folder_and_nothing_else_new(tmp_path):
    data = tmp_path / "plan_data"
    shutil.copytree(ROOT / "plan_data", data)
    (data / "frameworks").mkdir()
    (data / "framework").mkdir()
    problems = _problems(lambda: load_plan_data(data))
    assert [(p.file, p.kind) for p in problems] == [("plan_data/framework", "layout")]
    assert "frameworks" in problems[0].thai


def test_a_year_without_a_framework_names_plan_yml_and_how_to_add_one(tmp_path):
    data = tmp_path / "plan_data"
    shutil.copytree(ROOT / "plan_data", data)
    shutil.move(data / "2569", data / "2570")
    plan = data / "2570" / "plan.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("assessment_year: 2568", "assessment_year: 2569")
                    .replace("fiscal_year: 2569", "fiscal_year: 2570"), encoding="utf-8")
    [problem] = [p for p in _problems(lambda: load_plan_data(data)) if p.kind == "framework"]
    assert (problem.file, problem.line, problem.field) == ("plan_data/2570/plan.yml",
                                                           _line(plan, "assessment_year"), "assessment_year")
    assert problem.thai.startswith("ไม่มีกรอบการประเมิน ITA ปี 2569")
    assert "plan_data/frameworks/2569.yml" in problem.thai and "itaplan framework new 2569" in problem.thai


def test_an_agency_file_replaces_the_shipped_framework_of_its_year(tmp_path):
    data = tmp_path / "plan_data"
    shutil.copytree(ROOT / "plan_data", data)
    (data / "frameworks").mkdir()
    own = (SHIPPED / "2568.yml").read_text(encoding="utf-8").replace("name: การเปิดเผยข้อมูล\n",
                                                                      "name: การเปิดเผยข้อมูลต่อสาธารณะ\n")
    (data / "frameworks" / "2568.yml").write_text(own, encoding="utf-8")
    [problem] = _problems(lambda: load_plan_data(data))
    assert (problem.file, problem.field, problem.kind) == ("plan_data/2569/indicators/09.yml", "name", "canonical")
    assert "“การเปิดเผยข้อมูลต่อสาธารณะ” แต่พบ “การเปิดเผยข้อมูล”: แก้เป็น name: การเปิดเผยข้อมูลต่อสาธารณะ" in problem.thai
    ind = data / "2569" / "indicators" / "09.yml"
    ind.write_text(ind.read_text(encoding="utf-8").replace("name: การเปิดเผยข้อมูล\n",
                                                           "name: การเปิดเผยข้อมูลต่อสาธารณะ\n"), encoding="utf-8")
    plans = load_plan_data(data)
    assert not plans.frameworks.origin(2568).shipped and plans.latest.framework.indicator(9).name.endswith("สาธารณะ")


def test_question_codes_follow_the_years_framework_without_an_invented_cap(tmp_path):
    data = tmp_path / "plan_data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "framework_change_plan", data)
    one = data / "2570" / "indicators" / "01.yml"
    load_plan_data(data)  # i25: beyond the old i20 cap, within the made-up framework's 30 questions
    for code, says in (("i31", "แบบสำรวจ IIT มี 30 ข้อ"), ("x5", "“x5” ไม่ใช่รหัสข้อคำถามของกรอบการประเมิน ITA 2569")):
        one.write_text(one.read_text(encoding="utf-8").replace("code: i25", f"code: {code}"), encoding="utf-8")
        [problem] = _problems(lambda: load_plan_data(data))
        assert (problem.file, problem.field, problem.line) == ("plan_data/2570/indicators/01.yml", "question.code",
                                                               _line(one, "code:"))
        assert says in problem.thai
        one.write_text(one.read_text(encoding="utf-8").replace(f"code: {code}", "code: i25"), encoding="utf-8")


def test_the_editor_schema_refuses_what_the_reader_refuses():
    good = yaml.safe_load(MADE_UP.read_text(encoding="utf-8"))
    jsonschema.validate(good, SCHEMA)
    checker = jsonschema.Draft202012Validator(SCHEMA)
    for bad in ({**good, "typo": 1}, {k: v for k, v in good.items() if k != "source"},
                {**good, "tools": [{**good["tools"][0], "code": "iit"}]},
                {**good, "oit_items": [{**good["oit_items"][0], "documents": ["progress:"]}]},
                {**good, "indicators": []}):
        assert list(checker.iter_errors(bad)), bad
        with pytest.raises(Exception):
            Framework.model_validate(bad)


def test_oit_items_say_which_documents_answer_them():
    fw = read_framework_file(MADE_UP, "2569.yml", 2569)
    assert [i.code for i in fw.oit_items_of("analysis")] == ["o1"]
    assert [i.code for i in fw.oit_items_of("progress:6-months")] == ["o2"]
    assert [i.code for i in fw.oit_items_of("progress:12-months")] == []
    assert [i.code for i in fw.oit_items_of("progress")] == ["o2"]
    assert [i.code for i in fw.oit_items_of("open_data")] == ["o2"]


def test_a_framework_follows_another_by_name_never_by_number():
    old, new = shipped_frameworks().get(2568), read_framework_file(MADE_UP, "2569.yml", 2569)
    change = compare(old, new)
    assert change.changed and not compare(old, shipped_frameworks().get(2567)).changed
    assert change.continued[8] == 9 and 8 in change.renamed and 8 in change.renumbered  # การเปิดเผยข้อมูล(สาธารณะ)
    assert change.continued[5] == 6 and 5 not in change.renamed  # same name, new number
    assert dict(change.merged) == {3: (3, 4)} and change.new == (9,)
    assert set(change.ended) == {3, 4, 10}
    split = new.model_copy(update={"indicators": [*new.indicators[:8], new.indicators[8].model_copy(
        update={"continues": ["การเปิดเผยข้อมูล"]})]})
    assert 8 not in compare(old, split).continued and {8, 9} <= set(compare(old, split).new)  # a split starts anew


def test_framework_new_writes_a_draft_that_check_strict_refuses_until_its_source_is_written(project):
    made = itaplan(project, "framework", "new", "2569", "--from", "2568")
    assert made.returncode == 0, made.stderr
    draft = project / "plan_data" / "frameworks" / "2569.yml"
    framework = read_framework_file(draft, "2569.yml", 2569)
    assert framework.source.startswith("PLACEHOLDER") and len(framework.indicators) == 10
    assert draft.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../../docs/schema/")
    again = itaplan(project, "framework", "new", "2569")
    assert again.returncode == 1 and "--force" in again.stderr
    strict = itaplan(project, "check", "--strict")
    assert strict.returncode == 1 and "plan_data/frameworks/2569.yml:" in strict.stderr
    listing = itaplan(project, "framework", "list")
    assert listing.returncode == 0 and "ITA 2569: ตัวชี้วัด 10 ตัว" in listing.stdout
    unknown = itaplan(project, "framework", "new", "2570", "--from", "2555")
    assert unknown.returncode == 1 and "2555" in unknown.stderr and "Traceback" not in unknown.stderr


def test_load_frameworks_lays_the_agencys_files_over_itaplans(tmp_path):
    data = tmp_path / "plan_data"
    (data / "frameworks").mkdir(parents=True)
    shutil.copy(MADE_UP, data / "frameworks" / "2569.yml")
    frameworks, problems = load_frameworks(data)
    assert problems == [] and frameworks.years == [2567, 2568, 2569]
    assert frameworks.origin(2569).file == "plan_data/frameworks/2569.yml" and frameworks.origin(2568).shipped


@pytest.mark.parametrize("doc", ["CONTRIBUTING.md", "handbook/frameworks.md"])
def test_the_documented_example_is_a_valid_framework(doc, tmp_path):
    import re
    text = (ROOT / doc).read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(# yaml-language-server: \$schema=../../docs/schema/framework.schema.json\n.*?)```",
                        text, re.S).group(1)
    path = tmp_path / "2569.yml"
    path.write_text(example.replace("(the item's name as the manual writes it)", "ชื่อข้อ").replace("(…)", "ชื่อข้อ"),
                    encoding="utf-8")
    framework = read_framework_file(path, "2569.yml", 2569)
    change = compare(shipped_frameworks().get(2568), framework)
    assert change.continued[4] == 9 and change.merged[2] == (3, 4)


def test_no_indicator_name_or_count_is_left_in_code_or_templates():
    names = {i.name for fw in shipped_frameworks().by_year.values() for i in fw.indicators}
    found = []
    for path in sorted((ROOT / "hooks").rglob("*")):
        if path.suffix not in (".py", ".j2", ".html", ".txt") or "shipped" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        found += [f"{path.relative_to(ROOT)}: {name}" for name in names if name in text]
        found += [f"{path.relative_to(ROOT)}: {word}" for word in ("๑๐ ตัว", "ทั้งสิบ", "สิบตัวชี้วัด", "ten ITA",
                                                                  "1–10") if word in text]
    assert found == []
