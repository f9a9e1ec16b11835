"""A made-up framework end to end, as an office starting its fiscal-2570 document meets it: `itaplan new` from its
table and framework file, the year before beside it, a progress report through the round's table, `itaplan check`,
`mkdocs build --strict`, then the built pages, open data, search and trends."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil

import pytest

from agency_project import run_in
from conftest import ROOT
from htmlutil import content_text

FIXTURE = ROOT / "tests" / "fixtures" / "framework_change_plan"
THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def _fill_report(text: str) -> str:
    """The exported report table with indicator 8's first step done and indicator 3's first step under way."""
    lines = text.splitlines()
    current = None
    for n, line in enumerate(lines):
        cells = line.split("\t")
        if len(cells) < 4 or not cells[0].startswith("ตัวชี้วัดที่"):
            continue
        current = cells[0]
        if cells[2].startswith("๑.") and current.startswith(("ตัวชี้วัดที่ ๘ ", "ตัวชี้วัดที่ ๓ ")):
            cells[3] = "ดำเนินการแล้ว" if current.startswith("ตัวชี้วัดที่ ๘") else "อยู่ระหว่างดำเนินการ"
            lines[n] = "\t".join(cells)
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    work = tmp_path_factory.mktemp("framework-site")
    project = work / "nong-thotsop"
    made = run_in(ROOT, "itaplan", "new", str(project), "--from", str(FIXTURE / "table-2570.txt"),
                  "--framework", str(FIXTURE / "frameworks" / "2569.yml"), "--chromium", "")
    assert made.returncode == 0, made.stdout + made.stderr
    assert (project / "plan_data" / "frameworks" / "2569.yml").read_bytes() == (
        FIXTURE / "frameworks" / "2569.yml").read_bytes()
    shutil.copytree(FIXTURE / "2569", project / "plan_data" / "2569")  # the ten-indicator year before, side by side
    table = work / "report.tsv"
    exported = run_in(project, "itaplan", "export", "--report", "6-months", "--year", "2570", "--format", "tsv",
                      "--out", str(table))
    assert exported.returncode == 0, exported.stderr
    table.write_text(_fill_report(table.read_text(encoding="utf-8")), encoding="utf-8")
    imported = run_in(project, "itaplan", "import", str(table), "--report", "6-months", "--year", "2570")
    assert imported.returncode == 0, imported.stdout + imported.stderr
    report = (project / "plan_data" / "2570" / "progress" / "6-months" / "08.yml").read_text(encoding="utf-8")
    assert report.splitlines()[1].startswith("# ตัวชี้วัดที่ 8 การเปิดเผยข้อมูลสาธารณะ — ")
    check = run_in(project, "itaplan", "check")
    assert check.returncode == 0, check.stderr
    assert "ข้อมูลแผนถูกต้อง: 19 ตัวชี้วัด ปีงบประมาณ 2570, 2569; รายงานผล 2 ไฟล์" in check.stdout
    build = run_in(project, "mkdocs", "build", "--strict")
    assert build.returncode == 0, build.stderr
    return project / "site"


pytestmark = pytest.mark.slow


def test_the_summary_and_its_chart_follow_the_nine_indicator_framework(built):
    text = content_text(built / "2570" / "index.html")
    assert "มาตรการทั้ง ๙ ตัวชี้วัด" in text and "กรอบการประเมินเปลี่ยนในปี ๒๕๖๙" in text
    html = (built / "2570" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="itaplan-chart-bar"') == 9 and "itaplan-group-4" in html
    assert "กรอบการประเมินเปลี่ยน" not in content_text(built / "2569" / "index.html")
    assert "มาตรการทั้ง ๑๐ ตัวชี้วัด" in content_text(built / "2569" / "index.html")


def test_indicator_pages_name_the_years_tool_and_continue_a_renamed_line(built):
    text = content_text(built / "2570" / "indicator-08" / "index.html")
    assert "แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)" in text
    assert "ITA ๒๕๖๘ (ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล)" in text and "เพิ่มขึ้น +๕.๐๐" in text
    assert "แบบทดสอบเครื่องมือที่สี่ (TIT สมมติ)" in content_text(built / "2570" / "indicator-09" / "index.html")
    assert "โดยรวมจาก ตัวชี้วัดที่ ๓ การใช้อำนาจ" in content_text(built / "2570" / "indicator-03" / "index.html")


def test_the_print_view_report_and_units_follow_the_framework(built):
    assert content_text(built / "2570" / "print" / "index.html").count("ตัวชี้วัดที่ ") >= 9
    report = content_text(built / "2570" / "report-6-months" / "index.html")
    assert "ของมาตรการทั้ง ๙ ตัวชี้วัด" in report and "การเปิดเผยข้อมูลสาธารณะ" in report
    units = content_text(built / "2570" / "units" / "index.html")
    assert "สำนักปลัด" in units


def test_open_data_follows_the_framework(built):
    rows = list(csv.DictReader(io.StringIO((built / "2570" / "data" / "indicators.csv").read_text(encoding="utf-8-sig"))))
    assert len(rows) == 9 and rows[8]["group_name"] == "แบบทดสอบเครื่องมือที่สี่ (TIT สมมติ)"
    plan = json.loads((built / "2570" / "data" / "plan.json").read_text(encoding="utf-8"))
    assert [t["code"] for t in plan["framework"]["tools"]] == ["IIT", "EIT", "OIT", "TIT"]
    steps = list(csv.DictReader(io.StringIO((built / "2570" / "data" / "steps.csv").read_text(encoding="utf-8-sig"))))
    assert [r["status"] for r in steps if r["indicator_number"] == "8"][0] == "ดำเนินการแล้ว"


def test_the_trends_page_says_the_framework_changed(built):
    text = content_text(built / "trends" / "index.html")
    assert "กรอบการประเมินเปลี่ยนในปี ๒๕๖๙" in text and "การป้องกันการทุจริต (ถึง ITA ๒๕๖๘)" in text
    assert (built / "trends" / "index.html").read_text(encoding="utf-8").count('class="itaplan-trend"') == 12


def test_the_home_page_explains_the_framework_of_the_newest_plan(built):
    text = content_text(built / "index.html")
    assert "ITA ๒๕๖๙ มีตัวชี้วัด ๙ ตัว แบ่งตามวิธีเก็บข้อมูลเป็น ๔ กลุ่ม" in text
    assert "๑๐ ตัว" not in text.split("กรอบการประเมินเปลี่ยน")[0]
    assert re.search(r'href="trends/"', (built / "index.html").read_text(encoding="utf-8"))


def test_search_finds_the_new_names(built):
    index = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    hits = [d["location"] for d in index["docs"] if "สาธารณะ" in d.get("title", "") + d.get("text", "")]
    assert any(loc.startswith("2570/indicator-08/") for loc in hits)
