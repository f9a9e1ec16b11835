"""A wrap space inside the agency's own name, district or province is closed by name and listed like the
dictionary's repairs; a space beside the name is kept.

The agency here is made up: องค์การบริหารส่วนตำบลห้วยสมมุติ, อำเภอท่าสมมุติ, จังหวัดสมมุติ does not exist
(สมมุติ means "supposed"). Its table is tests/fixtures/table-other-agency.txt (itself fictional) with the agency
line and two cells rewritten.
"""

from __future__ import annotations

import re
import sys

import pytest

from conftest import ROOT, run
from itaplan.table.importer import import_file
from itaplan.table.names import agency_names
from itaplan.table.review import KEPT, REPAIR, report
from itaplan.table.wrap import repair

OTHER = ROOT / "tests" / "fixtures" / "table-other-agency.txt"
MADE_UP = {"name": "องค์การบริหารส่วนตำบลห้วยสมมุติ", "district": "ท่าสมมุติ", "province": "สมมุติ"}
NAMES = agency_names(MADE_UP)


def test_the_names_are_the_agencys_name_without_its_kind_district_and_province_longest_first():
    assert [n.text for n in NAMES] == ["องค์การบริหารส่วนตำบลห้วยสมมุติ", "ห้วยสมมุติ", "ท่าสมมุติ", "สมมุติ"]
    assert [n.text for n in agency_names({"name": "เทศบาลตำบลหนองสมมุติ"}, {"name": "ตำบลบึงสมมุติ"})] == \
        ["เทศบาลตำบลหนองสมมุติ", "ตำบลบึงสมมุติ", "หนองสมมุติ", "บึงสมมุติ"]
    hostile = agency_names({"name": ["list"], "district": "ท" * 5000, "province": "ตก"}, None, {"name": 7})
    assert hostile == ()


@pytest.mark.parametrize("before, after, listed", [
    ("องค์การบริหารส่วนตำบลห้วย สมมุติ จัดทำคู่มือ", "องค์การบริหารส่วนตำบลห้วยสมมุติ จัดทำคู่มือ",
     ("องค์การบริหารส่วนตำบลห้วย สมมุติ", "องค์การบริหารส่วนตำบลห้วยสมมุติ")),
    ("ของตำบลห้วย สมมุติ", "ของตำบลห้วยสมมุติ", ("ห้วย สมมุติ", "ห้วยสมมุติ")),
    ("อำเภอท่า สมมุติ", "อำเภอท่าสมมุติ", ("ท่า สมมุติ", "ท่าสมมุติ")),
    ("องค์การบริหาร ส่วนตำบลห้วยสม มุติ", "องค์การบริหารส่วนตำบลห้วยสมมุติ",  # two spaces inside, one repair
     ("องค์การบริหาร ส่วนตำบลห้วยสม มุติ", "องค์การบริหารส่วนตำบลห้วยสมมุติ")),
])
def test_a_wrap_space_inside_a_name_is_closed_and_listed(before, after, listed):
    assert repair(before)[0] != after  # no dictionary knows the name: without it a space would stay
    text, changes = repair(before, NAMES)
    assert text == after
    assert [(c.before, c.after, c.joined) for c in changes] == [(*listed, True)]
    assert "agency.yml" in changes[0].why


@pytest.mark.parametrize("text", [
    "ประชาชนในตำบล ห้วยสมมุติ ทุกหมู่บ้าน",     # spaces before and after the name, not inside it
    "ห้วยสมมุติ จัดทำคู่มือ",
    "องค์การบริหารส่วนตำบลห้วยสมมุติ  ท่าสมมุติ",  # two spaces are meant
])
def test_a_space_beside_a_name_is_kept(text):
    assert repair(text, NAMES) == (text, [])


def test_a_name_spelled_across_two_other_words_is_not_joined_but_listed():
    text = "ตามหลักการที่ท่า สมมุติฐานไว้"  # ท่า + สมมุติฐาน: the district's letters, not the district
    fixed, changes = repair(text, NAMES)
    assert fixed == text
    assert [(c.before, c.after, c.joined) for c in changes] == [("ท่า สมมุติ", "ท่าสมมุติ", False)]
    assert "do not begin and end there" in changes[0].why


def made_up_table(tmp_path, agency_line: str | None = None):
    """The fictional other agency's table, named as the made-up agency, with its names split by wrap spaces."""
    lines = OTHER.read_text(encoding="utf-8").split("\n")
    lines[2] = agency_line or "ชื่อหน่วยงาน องค์การบริหารส่วนตำบลห้วยสมมุติ อำเภอท่าสมมุติ จังหวัดสมมุติ"
    lines[6] = lines[6].replace("จัดทำคู่มือการปฏิบัติงาน\t", "จัดทำคู่มือการปฏิบัติงานของตำบลห้วย สมมุติ อำเภอท่า สมมุติ\t", 1)
    lines[8] = lines[8].replace("เปิดเผยแผนการจัดซื้อจัดจ้าง\t", "เปิดเผยแผนการจัดซื้อจัดจ้างแก่ประชาชนในตำบล ห้วยสมมุติ\t", 1)
    source = tmp_path / "made-up.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    return source


def by_name(result):
    return [(i.where, i.field, *re.findall("“(.*?)”", i.why)[:2]) for i in result.review
            if i.kind == REPAIR and "agency.yml" in i.why]


def test_the_importer_mends_the_agencys_names_from_its_agency_line_and_lists_them(tmp_path):
    result = import_file(made_up_table(tmp_path))
    measures = {i.number: i.measure for i in result.indicators}
    assert measures[1] == "จัดทำคู่มือการปฏิบัติงานของตำบลห้วยสมมุติ อำเภอท่าสมมุติ"
    assert measures[2] == "เปิดเผยแผนการจัดซื้อจัดจ้างแก่ประชาชนในตำบล ห้วยสมมุติ"  # beside the name: kept
    assert by_name(result) == [("line 7", "measure", "ห้วย สมมุติ", "ห้วยสมมุติ"),
                               ("line 7", "measure", "ท่า สมมุติ", "ท่าสมมุติ")]
    printed = report(list(result.review)).split("\n")
    header = next(i for i, line in enumerate(printed) if line.startswith("ช่องว่างจากการตัดบรรทัดของ Word ที่แก้แล้ว"))
    assert ("  บรรทัด 7 (ตัวชี้วัดที่ 1) ช่องมาตรการ (measure): “ท่า สมมุติ” → “ท่าสมมุติ” (“ท่าสมมุติ” เป็นชื่ออำเภอ "
            "(district ใน agency.yml) — \"ท่าสมมุติ\" is the agency's district (district in agency.yml))") \
        in printed[header:]
    assert not [i for i in result.review if i.kind == KEPT and "สมมุติ" in i.why]


def test_names_given_besides_the_table_are_mended_too(tmp_path):
    """`itaplan new --name/--district/--province` and the project's agency.yml name the agency as well."""
    source = made_up_table(tmp_path, "ชื่อหน่วยงาน องค์การบริหารส่วนตำบลตัวอย่าง อำเภอเมืองตัวอย่าง จังหวัดตัวอย่าง")
    assert by_name(import_file(source)) == []
    result = import_file(source, agencies=({"district": "ท่าสมมุติ"}, {"name": "เทศบาลตำบลห้วยสมมุติ"}))
    assert result.indicators[0].measure == "จัดทำคู่มือการปฏิบัติงานของตำบลห้วยสมมุติ อำเภอท่าสมมุติ"
    assert len(by_name(result)) == 2


def test_itaplan_import_in_a_project_reads_its_agency_yml(tmp_path):
    project = tmp_path / "project"
    (project / "plan_data").mkdir(parents=True)
    (project / "mkdocs.yml").write_text("site_name: made-up\n", encoding="utf-8")
    agency = project / "plan_data" / "agency.yml"
    agency.write_text("name: องค์การบริหารส่วนตำบลตัวอย่าง\ndistrict: ท่าสมมุติ\nprovince: สมมุติ\n", encoding="utf-8")
    source = made_up_table(tmp_path, "ชื่อหน่วยงาน องค์การบริหารส่วนตำบลตัวอย่าง อำเภอเมืองตัวอย่าง จังหวัดตัวอย่าง")
    command = [sys.executable, "-m", "itaplan", "import", str(source), "--out", str(project / "out"),
               "--config", str(project / "mkdocs.yml")]
    result = run(command, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "บรรทัด 7 (ตัวชี้วัดที่ 1) ช่องมาตรการ (measure): “ท่า สมมุติ” → “ท่าสมมุติ”" in result.stdout
    assert "measure: จัดทำคู่มือการปฏิบัติงานของตำบลห้วย สมมุติ อำเภอท่าสมมุติ\n" in \
        (project / "out/2569/indicators/01.yml").read_text(encoding="utf-8")
    agency.write_text("name: [unclosed\n", encoding="utf-8")  # a broken agency.yml only means no names from it
    again = run([*command, "--force"], cwd=ROOT)
    assert again.returncode == 0, again.stderr
    assert "'ท่า สมมุติ'" not in again.stdout and "Traceback" not in again.stderr


@pytest.mark.parametrize("text", [
    "name: " + "[" * 5000 + "]" * 5000 + "\n",      # nested deeper than Python's recursion: a traceback before
    "name: &a เทศบาลตำบลห้วยสมมุติ\ndistrict: *a\n",  # an alias, which plan data never takes
    "name: เทศบาลตำบลห้วยสมมุติ\n" + "# " + "ก" * 200_000 + "\n",  # larger than any plan data file may be
])
def test_an_agency_yml_that_plan_data_rules_refuse_gives_no_names_and_no_traceback(tmp_path, text):
    """`itaplan import` in a project reads its agency.yml by the rules of every plan data file (size, depth,
    aliases): one those rules refuse only means no names from it (`itaplan check` reports it)."""
    import argparse

    from itaplan.table.commands import _project_agency

    (tmp_path / "plan_data").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: made-up\n", encoding="utf-8")
    (tmp_path / "plan_data" / "agency.yml").write_text(text, encoding="utf-8")
    assert _project_agency(argparse.Namespace(config=tmp_path / "mkdocs.yml", plan_data=None)) == ()
