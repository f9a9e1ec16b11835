"""A ten-indicator year and a nine-indicator year side by side (tests/fixtures/framework_change_plan, made up):
every page, open-data file and trend follows each year's own framework."""

from __future__ import annotations

import csv
import io
import json
import re

import jsonschema
import pytest

from conftest import ROOT
from itaplan.data.files import data_files
from itaplan.pages.about_ita import about_ita_entry
from itaplan.pages.publish import latest_step_status, load_all
from itaplan.pages.render import render_site
from itaplan.pages.years_list import about_ita_markdown
from itaplan.plan.settings import settings_from

FIXTURE = ROOT / "tests" / "fixtures" / "framework_change_plan"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = tmp_path_factory.mktemp("framework-change")
    import shutil
    shutil.copytree(FIXTURE, project / "plan_data")
    settings = settings_from({"digits": "arabic"})
    plans, progress = load_all(project, settings)
    return plans, render_site(plans, settings, progress), data_files(plans, settings, None,
                                                                      latest_step_status(plans, progress))


def test_each_year_is_read_against_its_own_framework(site):
    plans, _, _ = site
    new, old = plans.years
    assert (new.info.assessment_year, len(new.indicators), len(new.framework.tools)) == (2569, 9, 4)
    assert (old.info.assessment_year, len(old.indicators), len(old.framework.tools)) == (2568, 10, 3)


def test_the_summary_counts_the_years_indicators_and_says_the_framework_changed(site):
    _, pages, _ = site
    summary = pages["2570/index.md"]
    assert "## มาตรการทั้ง 9 ตัวชี้วัด" in summary and "ตารางทั้ง 9 ตัวชี้วัด" in summary
    assert "กรอบการประเมินเปลี่ยนในปี 2569" in summary
    assert "ตัวชี้วัดที่ 8 การเปิดเผยข้อมูลสาธารณะ เดิมชื่อ การเปิดเผยข้อมูล (ตัวชี้วัดที่ 9)" in summary
    assert "รวมจากตัวชี้วัดที่ 3 การใช้อำนาจ และ ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ" in summary
    assert "ตัวชี้วัดที่ 10 การป้องกันการทุจริต ของกรอบเดิมไม่มีในกรอบนี้" in summary
    assert "ITA 2569 มีตัวชี้วัด 9 ตัว (ITA 2568 มี 10 ตัว)" in summary
    assert "กรอบการประเมินเปลี่ยน" not in pages["2569/index.md"]


def test_the_change_from_the_year_before_joins_by_name_not_number(site):
    _, pages, _ = site
    change = pages["2570/index.md"].split("{#change}", 1)[1].split("{#measures}", 1)[0].replace("\\.", ".")
    rows = {m.group(1): m.group(0) for m in re.finditer(r"<td[^>]*>(\d)\. [^<]*</td>\n<td.*\n<td.*\n<td.*", change)}
    assert "70.00" in rows["8"] and "เพิ่มขึ้น +5.00" in rows["8"] and "เดิม ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล" in rows["8"]
    assert "คงที่" in rows["5"]  # คุณภาพการดำเนินงาน: 6 in 2568, 5 in 2569, 92 both years
    assert "ไม่มีข้อมูลปีก่อน" in rows["3"] and "รวมจากตัวชี้วัดที่ 3 และ 4 เดิม" in rows["3"]
    assert "ไม่มีข้อมูลปีก่อน" in rows["9"] and "ตัวชี้วัดใหม่" in rows["9"]


def test_the_score_chart_has_a_colour_and_a_name_per_tool_of_the_year(site):
    _, pages, _ = site
    chart = re.search(r'<div class="itaplan-chart".*?</ol></div>', pages["2570/index.md"], re.S).group(0)
    assert chart.count('class="itaplan-chart-bar"') == 9
    rows = re.findall(r'<li class="itaplan-chart-row itaplan-group-(\d)"', chart)
    assert [int(n) for n in rows] == [1, 1, 1, 1, 2, 2, 2, 3, 4]  # by the tool's place in the framework
    legend = re.findall(r'<li class="itaplan-group-(\d)">', chart)
    assert [int(n) for n in legend] == [1, 2, 3, 4]
    assert "แบบทดสอบเครื่องมือที่สี่ (TIT สมมติ)" in pages["2570/indicator-09.md"]


def test_indicator_pages_carry_their_line_across_a_renaming_and_start_anew_when_merged(site):
    _, pages, _ = site
    renamed = pages["2570/indicator-08.md"].split("## คะแนนแต่ละปี", 1)[1]
    rows = [line for line in renamed.splitlines() if line.startswith("<tr markdown><td")]
    assert len(rows) == 2 and "ITA 2568 (ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล)" in rows[1] and "เพิ่มขึ้น +5.00" in rows[0]
    merged = pages["2570/indicator-03.md"].split("## คะแนนแต่ละปี", 1)[1].replace("\\.", ".")
    assert "โดยรวมจาก ตัวชี้วัดที่ 3 การใช้อำนาจ (ITA 2568: 80.00 คะแนน) และ ตัวชี้วัดที่ 4" in merged
    assert merged.count("<tr markdown><td") == 1
    assert "ตัวชี้วัดใหม่ในกรอบการประเมิน ITA 2569" in pages["2570/indicator-09.md"]
    old = pages["2569/indicator-09.md"].split("## คะแนนแต่ละปี", 1)[1]
    assert "ITA 2569 (ตัวชี้วัดที่ 8 การเปิดเผยข้อมูลสาธารณะ)" in old  # the older page follows the line forward


def test_the_trends_page_says_when_the_framework_changed_and_keeps_the_ended_lines(site):
    _, pages, _ = site
    trends = pages["trends.md"]
    assert "กรอบการประเมินเปลี่ยนในปี 2569" in trends
    assert trends.count("<svg") == 12  # 9 current lines, 3 that ended in 2568
    current, ended = trends.split("{#earlier-frameworks}", 1)
    assert "## ตัวชี้วัดที่ 8 การเปิดเผยข้อมูลสาธารณะ {#indicator-08}" in current
    assert "(2569/indicator-09.md)" in current.split("{#indicator-08}", 1)[1].split("{#indicator-09}", 1)[0]
    for name in ("การใช้อำนาจ", "การใช้ทรัพย์สินของราชการ", "การป้องกันการทุจริต"):
        assert f"{name} (ถึง ITA 2568)" in ended


def test_print_report_and_unit_pages_follow_the_framework(site):
    _, pages, _ = site
    assert pages["2570/print.md"].count("<td data-label=\"ตัวชี้วัด ITA 2569\"") == 9
    report = pages["2570/report-6-months.md"]
    assert "ของมาตรการทั้ง 9 ตัวชี้วัด" in report and "8. การเปิดเผยข้อมูลสาธารณะ" in report
    unit = next(text for page, text in pages.items() if page.startswith("2570/units/") and "index" not in page)
    assert "ตัวชี้วัดที่ 9 ตัวชี้วัดทดสอบเครื่องมือที่สี่" in unit


def test_open_data_follows_the_framework(site):
    _, _, files = site
    rows = list(csv.DictReader(io.StringIO(files["2570/data/indicators.csv"].lstrip("\ufeff"))))
    assert [int(r["number"]) for r in rows] == list(range(1, 10))
    assert rows[8]["group"] == "TIT" and rows[8]["group_name"] == "แบบทดสอบเครื่องมือที่สี่ (TIT สมมติ)"
    assert len(list(csv.DictReader(io.StringIO(files["2569/data/indicators.csv"].lstrip("\ufeff"))))) == 10
    plan = json.loads(files["2570/data/plan.json"])
    assert len(plan["framework"]["indicators"]) == 9 and plan["framework"]["assessment_year"] == 2569
    schema = json.loads((ROOT / "docs" / "schema" / "plan-data.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(plan, schema)
    package = json.loads(files["2570/data/datapackage.json"])
    assert any(s["title"].startswith("กรอบการประเมิน ITA 2569: ข้อมูลสมมติ") for s in package["sources"])
    assert "ทั้ง 9 ตัวชี้วัด" in package["description"]
    ckan = json.loads(files["2570/data/ckan.json"])
    assert {"key": "ita_framework", "value": plan["framework"]["source"]} in ckan["extras"]
    steps = list(csv.DictReader(io.StringIO(files["2570/data/steps.csv"].lstrip("\ufeff"))))
    assert {r["status"] for r in steps if r["indicator_number"] == "8"} == {"ดำเนินการแล้ว", "อยู่ระหว่างดำเนินการ"}


def test_the_dataset_json_ld_counts_the_years_indicators(site):
    _, pages, _ = site
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', pages["2570/index.md"]).group(1))
    assert "ทั้ง 9 ตัวชี้วัด" in data["description"]


def test_the_home_page_explains_the_newest_framework(site):
    plans, _, _ = site
    text = about_ita_markdown(about_ita_entry(plans, "thai"), "trends.md", "index.md")
    assert text.startswith("ITA ๒๕๖๙ มีตัวชี้วัด ๙ ตัว แบ่งตามวิธีเก็บข้อมูลเป็น ๔ กลุ่ม")
    assert "- **ตัวชี้วัดที่ ๑–๔ (IIT)** ถามความเห็นของเจ้าหน้าที่ภายในหน่วยงาน เรื่องการปฏิบัติหน้าที่" in text
    assert "- **ตัวชี้วัดที่ ๙** แบบทดสอบเครื่องมือที่สี่ (TIT สมมติ): เรื่องตัวชี้วัดทดสอบเครื่องมือที่สี่" in text
    assert "กรอบการประเมินเปลี่ยนในปี ๒๕๖๙ (ITA ๒๕๖๘ มีตัวชี้วัด ๑๐ ตัว)" in text and "](trends.md)" in text
    assert text.index("<div class=\"itaplan-open-data\" markdown>") < text.index("](trends.md)")
