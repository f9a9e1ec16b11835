"""`itaplan export`: the official table as TSV (the seed's form) and as an A4-landscape Word document."""

from __future__ import annotations

import sys

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from conftest import ROOT, run
from itaplan.plan.loader import load_plan_data
from itaplan.table.importer import import_file
from itaplan.table.writer import write_plan_data

COMMITTED = load_plan_data(ROOT / "plan_data")


def export(tmp_path, *args: str):
    return run([sys.executable, "-m", "itaplan", "export", *args], cwd=ROOT)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("export")
    for name in ("table.tsv", "table.docx"):
        result = export(folder, "--out", str(folder / name))
        assert result.returncode == 0, result.stderr
        assert f"wrote the table of fiscal year 2569 (10 indicators) to {folder / name}" in result.stdout
        assert "note:" not in result.stdout
    return folder


@pytest.mark.parametrize("name", ["table.tsv", "table.docx"])
def test_reimporting_an_export_gives_the_same_plan_data(exported, tmp_path, name):
    write_plan_data(import_file(exported / name), tmp_path / "plan_data")
    assert load_plan_data(tmp_path / "plan_data") == COMMITTED


def test_tsv_has_the_seeds_form(exported):
    lines = (exported / "table.tsv").read_text(encoding="utf-8").split("\n")
    heading = "ตัวชี้วัด ITA ๒๕๖๘\tมาตรการ หรือโครงการ หรือกิจกรรม\tผลการวิเคราะห์\tขั้นตอนหรือวิธีปฏิบัติการ\t" \
              "ช่วงระยะเวลาการดำเนินการ\tผู้รับผิดชอบ"
    assert lines[2] == "ชื่อหน่วยงาน เทศบาลตำบลโคกพุทรา อำเภอโพธิ์ทอง จังหวัดอ่างทอง"
    rows = [lines[i + 1].split("\t") for i, line in enumerate(lines) if line == heading]
    assert [r[0] for r in rows] == [f"ตัวชี้วัดที่ {n} {i.name}" for n, i in
                                    zip("๑๒๓๔๕๖๗๘๙", COMMITTED.latest.indicators)] + ["ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต"]
    assert all(len(r) == 6 and r[4] == "๑ ต.ค.๒๕๖๘ – ๓๐ ก.ย.๒๕๖๙" for r in rows)
    assert rows[1][2].startswith("<p>จากการประเมิน ตัวชี้วัดที่ ๒") and rows[1][2].count("<p>") == 3
    assert rows[8][3].startswith("<p>๑.พัฒนาวิธีการเผยแพร่") and "<p>๓.พัฒนาระบบ (E-service)" in rows[8][3]


def test_docx_is_a4_landscape_with_thai_font_and_repeated_heading(exported):
    doc = Document(str(exported / "table.docx"))
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    assert section.orientation == 1  # WD_ORIENT.LANDSCAPE
    fonts = doc.styles["Normal"].element.rPr.rFonts
    assert fonts.get(qn("w:cs")) == fonts.get(qn("w:ascii")) == "TH Sarabun New"
    assert doc.styles["Normal"].element.rPr.find(qn("w:szCs")) is not None
    assert [p.text for p in doc.paragraphs[:2]] == [COMMITTED.latest.info.title,
                                                    "ชื่อหน่วยงาน เทศบาลตำบลโคกพุทรา อำเภอโพธิ์ทอง จังหวัดอ่างทอง"]
    table = doc.tables[0]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None and len(table.rows) == 11
    assert table.rows[0].cells[0].text == "ตัวชี้วัด ITA ๒๕๖๘"
    widths = [cell.width for cell in table.rows[1].cells]
    assert sum(widths) <= section.page_width - section.left_margin - section.right_margin + Mm(1)


@pytest.mark.parametrize("args, message", [
    (["--out", "table.pdf"], "cannot tell the format from 'table.pdf'"),
    (["--out", "t.tsv", "--year", "2570"], "has no fiscal year 2570: expected one of 2569"),
])
def test_export_errors(tmp_path, args, message):
    args = [str(tmp_path / a) if a.startswith("t") else a for a in args]
    result = export(tmp_path, *args)
    assert result.returncode == 1 and message in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_export_warns_when_an_analysis_does_not_state_its_score(project):
    path = project / "plan_data/2569/indicators/06.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("score: 99.79", "score: 95"), encoding="utf-8")
    result = run([sys.executable, "-m", "itaplan", "export", "--out", "t.tsv"], cwd=project)
    assert result.returncode == 0, result.stderr
    assert "ตัวชี้วัดที่ 6: ผลการวิเคราะห์ไม่ได้ระบุคะแนน 95" in result.stdout
    assert "indicator 6: the analysis does not state the score 95" in result.stdout
