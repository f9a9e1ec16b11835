"""`itaplan import`: the seed (as text, as Windows saves it, as a .docx) reproduces the committed plan data."""

from __future__ import annotations

import codecs
import sys
from pathlib import Path

import pytest
from docx import Document
from table_docx import docx_from_text

from conftest import ROOT, SEED, run
from itaplan.plan.loader import load_plan_data
from itaplan.table.importer import import_file
from itaplan.table.writer import write_plan_data

COMMITTED = ROOT / "plan_data"


def import_to(source: Path, out: Path) -> Path:
    write_plan_data(import_file(source), out)
    return out


def cli(*args: str):
    return run([sys.executable, "-m", "itaplan", *map(str, args)], cwd=ROOT)


def test_seed_reproduces_the_committed_plan_data(tmp_path):
    out = import_to(SEED, tmp_path / "plan_data")
    assert load_plan_data(out) == load_plan_data(COMMITTED)


def test_written_files_match_the_committed_ones_apart_from_review_notes(tmp_path):
    out = import_to(SEED, tmp_path / "plan_data")
    written = sorted(p.relative_to(out) for p in out.rglob("*.yml"))
    assert written == sorted(p.relative_to(COMMITTED) for p in COMMITTED.rglob("*.yml"))
    for rel in written:
        lines = [ln for ln in (out / rel).read_text(encoding="utf-8").splitlines() if not ln.startswith("# ตรวจทาน")]
        committed = (COMMITTED / rel).read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("# yaml-language-server: $schema=")
        assert lines == committed, rel


def test_seed_saved_by_windows_with_bom_and_crlf(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    windows = tmp_path / "table.txt"
    windows.write_bytes(codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8"))
    assert load_plan_data(import_to(windows, tmp_path / "out")) == load_plan_data(COMMITTED)


def test_seed_saved_as_word_unicode_text(tmp_path):
    utf16 = tmp_path / "table.txt"
    utf16.write_bytes(SEED.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-16"))
    assert load_plan_data(import_to(utf16, tmp_path / "out")) == load_plan_data(COMMITTED)


@pytest.mark.parametrize("one_table", [False, True], ids=["table-per-row", "one-table"])
def test_docx_built_from_the_seed(tmp_path, one_table):
    source = docx_from_text(SEED.read_text(encoding="utf-8"), tmp_path / "table.docx", one_table)
    assert load_plan_data(import_to(source, tmp_path / "out")) == load_plan_data(COMMITTED)


def test_docx_steps_numbered_by_word_keep_their_order(tmp_path):
    """Word's automatic numbering is not in the text: the steps are still split one per paragraph."""
    source = docx_from_text(SEED.read_text(encoding="utf-8"), tmp_path / "table.docx")
    doc = Document(str(source))
    steps_cell = doc.tables[0].rows[1].cells[3]
    texts = list(load_plan_data(COMMITTED).latest.indicators[0].steps)
    for paragraph in list(steps_cell.paragraphs):
        paragraph._p.getparent().remove(paragraph._p)
    for text in texts:
        steps_cell.add_paragraph(text, style="List Number")
    doc.save(str(source))
    result = import_file(source)
    assert list(result.indicators[0].steps) == texts
    assert not [item for item in result.review if item.number == 1]


def test_review_report_for_the_seed(tmp_path):
    out = tmp_path / "plan_data"
    result = cli("import", SEED, "--out", out)
    assert result.returncode == 0, result.stderr
    report = result.stdout[result.stdout.index("อ่านไฟล์ด้วยรหัสอักขระ"):]
    assert report.startswith("อ่านไฟล์ด้วยรหัสอักขระ UTF-8 — read as UTF-8\n"
                             "ตรวจทาน: มี 3 รายการที่ควรตรวจก่อนบันทึก (commit) — review: 3 readings to check")
    assert "บรรทัด 14 (ตัวชี้วัดที่ 3) ช่องรหัสข้อคำถาม (code ใต้ question): รหัส “ix” ไม่มีตัวเลข" in report
    assert "the code 'ix' has no digit: read it as the Roman numeral 9, giving i9" in report
    assert "บรรทัด 32 (ตัวชี้วัดที่ 9) ช่องขั้นตอน (steps): ขั้นตอนมีเลข 1 2 4 (ไม่มีข้อ 3)" in report
    assert "the steps are numbered 1, 2, 4 (3 missing): kept all 3 steps" in report
    assert "บรรทัด 35 (ตัวชี้วัดที่ 10) ช่องผลการวิเคราะห์ (analysis):" in report and "'การเปิดเผยข้อมูล', the name of indicator 9" in report
    assert "wrap spaces repaired: 17 (before → after):" in report
    assert ("บรรทัด 17 (ตัวชี้วัดที่ 4) ช่องผลการวิเคราะห์ (analysis): “เทศบาลตำบลโคก พุทรา” → “เทศบาลตำบลโคกพุทรา” "
            "(“เทศบาลตำบลโคกพุทรา” เป็นชื่อหน่วยงาน (name ใน agency.yml)") in report  # no dictionary knows the name
    assert report.count("→ “เทศบาลตำบลโคกพุทรา”") == 6
    assert "บรรทัด 17 (ตัวชี้วัดที่ 4) ช่องผลการวิเคราะห์ (analysis): “เจ้า หน้าที่” → “เจ้าหน้าที่”" in report
    assert "บรรทัด 32 (ตัวชี้วัดที่ 9) ช่องผลการวิเคราะห์ (analysis): “เว็บ ไซต์” → “เว็บไซต์”" in report
    assert "spaces left as written: 3" in report and "บรรทัด 32 (ตัวชี้วัดที่ 9) ช่องผลการวิเคราะห์ (analysis): “แล้ว แต่” คงไว้" in report
    written = (out / "2569/indicators/03.yml").read_text("utf-8")
    assert "# ตรวจทาน (ตารางต้นฉบับ บรรทัด 14) ช่องรหัสข้อคำถาม (code ใต้ question): รหัส “ix”" in written and "ใช้ อำนาจ" not in written
    assert "ตำบล โคก" not in (out / "2569/indicators/04.yml").read_text("utf-8")
    assert "wrote 12 files" in result.stdout


def test_sure_code_repairs_are_not_reported(tmp_path):
    result = import_file(SEED)
    codes = {i.number: i.question.code for i in result.indicators if i.question}
    assert codes == {1: "i1", 2: "i6", 3: "i9", 4: "i10", 5: "i15"}
    assert [item.number for item in result.review if item.field == "question.code"] == [3]


def test_refuses_a_non_empty_folder_and_leaves_it_alone(tmp_path):
    out = tmp_path / "plan_data"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    result = cli("import", SEED, "--out", out)
    assert result.returncode == 1
    assert "is not empty" in result.stderr and "--force" in result.stderr and "Traceback" not in result.stderr
    assert [p.name for p in out.iterdir()] == ["keep.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan_data"]


def test_force_replaces_the_folder_and_leaves_no_temporary_folders(tmp_path):
    out = tmp_path / "plan_data"
    out.mkdir()
    (out / "old.yml").write_text("old: true\n", encoding="utf-8")
    result = cli("import", SEED, "--out", out, "--force")
    assert result.returncode == 0, result.stderr
    assert not (out / "old.yml").exists()
    assert load_plan_data(out) == load_plan_data(COMMITTED)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan_data"]


def test_imported_files_are_readable_by_others(tmp_path):
    out = import_to(SEED, tmp_path / "plan_data")
    assert out.stat().st_mode & 0o005 == 0o005
    assert (out / "agency.yml").stat().st_mode & 0o004
