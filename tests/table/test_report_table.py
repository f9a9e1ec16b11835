"""`itaplan export --report ROUND` and `itaplan import FILE --report ROUND`: a round's progress through the
office's own table (Word or tab-separated text), round trip, Thai statuses and dates, all or nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from docx import Document
from docx.oxml.ns import qn

from conftest import ROOT
from itaplan.table.report.commands import existing_round

FIXTURE = ROOT / "tests" / "fixtures" / "progress_plan"


@pytest.fixture
def project(tmp_path):
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(FIXTURE, tmp_path / "plan_data")
    return tmp_path


def itaplan(project, *args):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "hooks"))
    return subprocess.run([sys.executable, "-m", "itaplan", *args], cwd=project, env=env, capture_output=True,
                          text=True, timeout=300)


def reports(project, round_id):
    return existing_round(project / "plan_data", "plan_data", 2569, round_id)


def drop_reports(project, round_id):
    for path in (project / "plan_data" / "2569" / "progress" / round_id).glob("[0-9][0-9].yml"):
        path.unlink()


@pytest.mark.parametrize("fmt", ["tsv", "docx"])
@pytest.mark.parametrize("round_id", ["6-months", "12-months"])
def test_export_then_import_gives_the_same_progress(project, fmt, round_id):
    before = reports(project, round_id)
    assert before[1], "the fixture reports something in this round"
    out = project / f"report.{fmt}"
    result = itaplan(project, "export", "--report", round_id, "--out", str(out))
    assert result.returncode == 0, result.stderr
    drop_reports(project, round_id)
    assert reports(project, round_id)[1] == {}
    result = itaplan(project, "import", str(out), "--report", round_id)
    assert result.returncode == 0, result.stderr
    assert reports(project, round_id) == before
    assert "ตรวจทาน" in result.stdout


@pytest.mark.parametrize("fmt", ["tsv", "docx"])
def test_export_of_an_imported_round_imports_to_identical_yaml(project, fmt):
    first = project / f"first.{fmt}"
    assert itaplan(project, "export", "--report", "12-months", "--out", str(first)).returncode == 0
    drop_reports(project, "12-months")
    assert itaplan(project, "import", str(first), "--report", "12-months").returncode == 0
    folder = project / "plan_data" / "2569" / "progress" / "12-months"
    written = {p.name: p.read_bytes() for p in folder.iterdir()}
    second = project / f"second.{fmt}"
    assert itaplan(project, "export", "--report", "12-months", "--out", str(second)).returncode == 0
    result = itaplan(project, "import", str(second), "--report", "12-months")
    assert result.returncode == 0, result.stderr
    assert "เขียน 0 ไฟล์" in result.stdout
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == written


def test_empty_round_is_prefilled_with_the_plans_steps(tmp_path):
    out = tmp_path / "r.tsv"
    result = itaplan(ROOT, "export", "--report", "6-months", "--out", str(out))
    assert result.returncode == 0, result.stderr
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[1] == "รายงานผลการดำเนินการตามมาตรการ รอบ ๖ เดือน ปีงบประมาณ พ.ศ. ๒๕๖๙"
    assert "ข้อมูล ณ วันที่ ๓๑ มีนาคม ๒๕๖๙" in lines
    heading = lines.index("\t".join(["ตัวชี้วัด", "มาตรการ", "ขั้นตอน", "สถานะ", "ร้อยละ", "วันที่แล้วเสร็จ",
                                     "เหตุผล (ล่าช้า/ยกเลิก)", "หมายเหตุ", "ผลการดำเนินการ", "ปัญหาอุปสรรค",
                                     "แนวทางแก้ไข", "หลักฐาน"]))
    rows = [line.split("\t") for line in lines[heading + 1:] if line]
    assert len(rows) == 34 and all(len(r) == 12 for r in rows)
    assert rows[0][0] == "ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่" and rows[0][2].startswith("๑. มอบหมายเจ้าหน้าที่")
    assert rows[1][0] == rows[0][0] and rows[1][1] == "" and rows[1][2].startswith("๒. ")
    assert all(r[3] == "" for r in rows)


def test_docx_is_a4_landscape_thai_font_heading_repeated_indicator_cells_merged(project):
    out = project / "r.docx"
    assert itaplan(project, "export", "--report", "6-months", "--out", str(out)).returncode == 0
    doc = Document(str(out))
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    fonts = doc.styles["Normal"].element.rPr.rFonts
    assert fonts.get(qn("w:cs")) == "TH Sarabun New"
    table = doc.tables[0]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert table.rows[0].cells[3].text == "สถานะ"
    assert table.rows[1].cells[3].text == "ดำเนินการแล้ว" and table.rows[1].cells[5].text == "๑๕ พ.ย. ๒๕๖๘"
    merges = [tc.vMerge for tc in table.rows[2]._tr.tc_lst]
    assert merges[0] == "continue" and merges[2] is None, "indicator cells merged down, step cells not"
    widths = sum(c.width for c in table.rows[1].cells)
    assert widths <= section.page_width - section.left_margin - section.right_margin


def fill(project, round_id, edits):
    """Export the round as text, put `edits` ({(indicator, step): {column: text}}) in, return the file."""
    out = project / "filled.tsv"
    assert itaplan(project, "export", "--report", round_id, "--out", str(out)).returncode == 0
    lines = out.read_text(encoding="utf-8").split("\n")
    heading = next(i for i, line in enumerate(lines) if line.startswith("ตัวชี้วัด\t"))
    names = lines[heading].split("\t")
    for index in range(heading + 1, len(lines)):
        cells = lines[index].split("\t")
        if len(cells) < 3:
            continue
        indicator = "๐๑๒๓๔๕๖๗๘๙".index(cells[0].split()[1][-1]) + (9 if cells[0].split()[1] == "๑๐" else 0)
        step = int(cells[2].split(".")[0].translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")))
        for column, text in edits.get((indicator, step), {}).items():
            cells[names.index(column)] = text
        lines[index] = "\t".join(cells)
    out.write_text("\n".join(lines), encoding="utf-8")
    return out


def test_statuses_and_dates_written_the_thai_way_are_read_and_listed(project):
    drop_reports(project, "6-months")
    out = fill(project, "6-months", {
        (2, 1): {"สถานะ": "เสร็จแล้ว", "วันที่แล้วเสร็จ": "๑๕ ม.ค. ๖๙"},
        (2, 2): {"สถานะ": "กำลัง ดำเนินการ", "ร้อยละ": "๕๐%"},
        (2, 3): {"สถานะ": "ดำเนิการแล้ว", "วันที่แล้วเสร็จ": "20/2/2569"},
        (5, 1): {"สถานะ": "ล่าช้า", "เหตุผล (ล่าช้า/ยกเลิก)": "รองบประมาณ", "ร้อยละ": "ร้อยละ 20"},
        (5, 2): {"สถานะ": "cancelled", "เหตุผล (ล่าช้า/ยกเลิก)": "ยุบรวมกับขั้นตอนที่ ๑"},
    })
    result = itaplan(project, "import", str(out), "--report", "6-months")
    assert result.returncode == 0, result.stderr
    _, got = reports(project, "6-months")
    steps = {(n, s.step): s for n, r in got.items() for s in r.steps}
    assert steps[(2, 1)].status.value == "ดำเนินการแล้ว" and str(steps[(2, 1)].done) == "2026-01-15"
    assert steps[(2, 2)].status.value == "อยู่ระหว่างดำเนินการ" and steps[(2, 2)].percent == 50
    assert str(steps[(2, 3)].done) == "2026-02-20"
    assert steps[(5, 1)].reason == "รองบประมาณ" and steps[(5, 2)].status.value == "ยกเลิก"
    assert "“เสร็จแล้ว” อ่านเป็น “ดำเนินการแล้ว”" in result.stdout
    assert "“ดำเนิการแล้ว” (สะกดไม่ตรง) อ่านเป็น “ดำเนินการแล้ว”" in result.stdout
    assert "“cancelled” อ่านเป็น “ยกเลิก”" in result.stdout


@pytest.mark.parametrize("edits, message", [
    ({(2, 1): {"สถานะ": "ไม่รู้"}}, "อ่านสถานะ “ไม่รู้” ไม่ได้"),
    ({(2, 1): {"สถานะ": "ล่าช้า"}}, "ต้องมีเหตุผล"),
    ({(2, 1): {"สถานะ": "อยู่ระหว่างดำเนินการ", "วันที่แล้วเสร็จ": "1 ม.ค. 2569"}}, "วันที่แล้วเสร็จใส่ได้เฉพาะ"),
    ({(2, 1): {"สถานะ": "ดำเนินการแล้ว", "วันที่แล้วเสร็จ": "31 กพ 2569"}}, "ไม่ใช่วันที่ที่มีจริง"),
    ({(2, 1): {"สถานะ": "ดำเนินการแล้ว", "วันที่แล้วเสร็จ": "เมื่อวาน"}}, "อ่านวันที่ 'เมื่อวาน' ไม่ได้"),
    ({(2, 1): {"สถานะ": "ดำเนินการแล้ว", "ร้อยละ": "50"}}, "ต้องมีร้อยละ 100"),
    ({(2, 1): {"สถานะ": "อยู่ระหว่างดำเนินการ", "ร้อยละ": "150"}}, "ต้องเป็นตัวเลข 0–100"),
    ({(2, 1): {"ร้อยละ": "50"}}, "ใส่สถานะด้วย"),
    ({(2, 1): {"หลักฐาน": "ภาพอบรม — ภาพ: 6-months/none.jpg — คำบรรยายภาพ: อบรม"}}, "ไม่พบไฟล์"),
    ({(2, 1): {"หลักฐาน": "รายงาน — ไฟล์: ../../plan.yml"}}, "ออกนอกโฟลเดอร์"),
    ({(2, 1): {"หลักฐาน": "ภาพ — ภาพ: 6-months/training-01.jpg"}}, "alt"),
    ({(2, 1): {"ผลการดำเนินการ": "<script>alert(1)</script>"}}, "ผลการดำเนินการ"),
    ({(2, 1): {"ขั้นตอน": "๙. ขั้นตอนที่ไม่มี", "สถานะ": "ดำเนินการแล้ว"}}, "แผนมี"),
])
def test_any_problem_stops_the_import_and_nothing_is_written(project, edits, message):
    folder = project / "plan_data" / "2569" / "progress" / "6-months"
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    edits = {**edits, (1, 1): {"สถานะ": "ดำเนินการแล้ว"}}  # a good row too: still nothing is written
    out = fill(project, "6-months", edits)
    result = itaplan(project, "import", str(out), "--report", "6-months")
    assert result.returncode == 1
    assert message in result.stderr, result.stderr
    assert result.stderr.startswith("นำเข้าตารางรายงานไม่ได้") or "ไม่" in result.stderr
    assert "Traceback" not in result.stderr
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert not [p for p in folder.parent.iterdir() if p.name.startswith(".")]


def test_a_table_of_another_round_is_refused(project):
    out = project / "r.tsv"
    assert itaplan(project, "export", "--report", "12-months", "--out", str(out)).returncode == 0
    result = itaplan(project, "import", str(out), "--report", "6-months")
    assert result.returncode == 1 and "ใส่ --report 12-months" in result.stderr


def test_unknown_round_and_plain_export_still_needs_out(project):
    result = itaplan(project, "export", "--report", "9-months", "--out", str(project / "x.tsv"))
    assert result.returncode == 1 and "ไม่มีรอบรายงาน '9-months'" in result.stderr and "6-months" in result.stderr
    result = itaplan(project, "export")
    assert result.returncode == 2 and "--out" in result.stderr
    result = itaplan(project, "export", "--report", "6-months", "--format", "tsv")
    assert result.returncode == 0 and (project / "report-2569-6-months.tsv").is_file()
