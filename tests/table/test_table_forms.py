"""The forms other offices write the same six-column table in: step numbers, periods, units, headings,
the Thai Windows encoding, and the spaces Word's line wraps leave inside words."""

from __future__ import annotations

import re
import sys
from datetime import date

import pytest

from conftest import ROOT, run
from itaplan.plan.loader import load_plan_data
from itaplan.table.importer import import_file
from itaplan.table.period import PeriodError, parse_period
from itaplan.table.review import CHECK, KEPT, REPAIR, report
from itaplan.table.source import TableError
from itaplan.table.steps import split_steps
from itaplan.table.text_source import THAI_WINDOWS
from itaplan.table.units import split_units
from itaplan.table.wrap import repair
from itaplan.table.writer import write_plan_data

OTHER = ROOT / "tests" / "fixtures" / "table-other-agency.txt"


# Step numbers --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("cell", [
    ("๑. ก", "๒. ข", "๓. ค"), ("1. ก", "2. ข", "3. ค"), ("1) ก", "2) ข", "3) ค"), ("(1) ก", "(2) ข", "(3) ค"),
    ("ข้อ 1 ก", "ข้อ 2 ข", "ข้อ 3 ค"), ("ข้อ ๑. ก", "ข้อ ๒. ข", "ข้อ ๓. ค"), ("ข้อ ๑) ก", "ข้อ ๒) ข", "ข้อ ๓) ค"),
    ("๑.ก ๒.ข ๓.ค",), ("1. ก 2. ข 3. ค",), ("1) ก 2) ข 3) ค",), ("(๑) ก (๒) ข (๓) ค",), ("ข้อ 1 ก ข้อ 2 ข ข้อ 3 ค",),
    ("ข้อ ๑. ก ข้อ ๒. ข ข้อ ๓. ค",),
], ids=lambda cell: " | ".join(cell))
def test_every_step_number_form_in_paragraphs_or_run_together(cell):
    assert split_steps(cell) == (["ก", "ข", "ค"], [])


@pytest.mark.parametrize("cell, steps", [
    ("1) แจ้งภายใน 15 วัน 2) ประกาศ", ["แจ้งภายใน 15 วัน", "ประกาศ"]),
    ("1. ทำตาม พ.ศ. 2568 2. ประกาศ", ["ทำตาม พ.ศ. 2568", "ประกาศ"]),
    ("1) ตอบตามมาตรา 1) ของระเบียบ 2) ประกาศ", ["ตอบตามมาตรา 1) ของระเบียบ", "ประกาศ"]),
    ("1) ตอบตาม มาตรา 2) ของระเบียบ 2) ประกาศ", ["ตอบตาม มาตรา 2) ของระเบียบ", "ประกาศ"]),
    ("1. ทำ ก 1.1 ย่อย ได้ 99.79 คะแนน 2. ทำ ข", ["ทำ ก 1.1 ย่อย ได้ 99.79 คะแนน", "ทำ ข"]),
    ("1. ทำตามข้อ 3 ของระเบียบ 2. ประกาศ", ["ทำตามข้อ 3 ของระเบียบ", "ประกาศ"]),
    ("(1) ทำ ก 2) ข้อความ (2) ทำ ข", ["ทำ ก 2) ข้อความ", "ทำ ข"]),
    ("๑.มอบหมายเจ้าหน้าที่ ๒.ดำเนินการ", ["มอบหมายเจ้าหน้าที่", "ดำเนินการ"]),
])
def test_numbers_inside_a_sentence_do_not_start_a_step(cell, steps):
    assert split_steps((cell,)).items == steps


def test_a_repeated_step_number_keeps_both_steps_and_says_so():
    steps = split_steps(("1. ก", "2. ข", "2. ค", "3. ง"))
    assert steps.items == ["ก", "ข", "ค", "ง"]
    assert steps.notes == ["ขั้นตอนมีเลข 1 2 2 3 (ข้อ 2 ซ้ำ): เก็บไว้ครบทั้ง 4 ขั้นตอนตามลำดับที่เขียน — "
                           "the steps are numbered 1, 2, 2, 3 (2 repeated): kept all 4 steps in the order written"]


# Periods -------------------------------------------------------------------------------------------------------

FY_2569 = (date(2025, 10, 1), date(2026, 9, 30))


@pytest.mark.parametrize("text, expected", [
    ("๑ ต.ค.๒๕๖๘ – ๓๐ ก.ย.๒๕๖๙", FY_2569),
    ("1 ตุลาคม 2568 - 30 กันยายน 2569", FY_2569),
    ("1 ตุลาคม พ.ศ. 2568 ถึง 30 กันยายน พ.ศ. 2569", FY_2569),
    ("๑ ตุลาคม พ.ศ. ๒๕๖๘ – ๓๐ กันยายน พ.ศ. ๒๕๖๙", FY_2569),
    ("ต.ค. 2569 - มี.ค. 2570", (date(2026, 10, 1), date(2027, 3, 31))),
    ("ต.ค. ๒๕๖๘ – ก.ย. ๒๕๖๙", FY_2569),
    ("ตุลาคม 2568 ถึง กันยายน 2569", FY_2569),
    ("ธ.ค. 2568 - ม.ค. 2569", (date(2025, 12, 1), date(2026, 1, 31))),
    ("ก.พ. 2567", (date(2024, 2, 1), date(2024, 2, 29))),
    ("กุมภาพันธ์ 2569", (date(2026, 2, 1), date(2026, 2, 28))),
    ("1 ม.ค. - 29 ก.พ. 2567", (date(2024, 1, 1), date(2024, 2, 29))),
    ("๑ ต.ค. – ๓๑ ธ.ค. ๒๕๖๘", (date(2025, 10, 1), date(2025, 12, 31))),
    ("ตลอดปีงบประมาณ 2569", FY_2569),
    ("ตลอดปีงบประมาณ พ.ศ. ๒๕๖๙", FY_2569),
    ("ปีงบประมาณ 2570", (date(2026, 10, 1), date(2027, 9, 30))),
])
def test_period_forms_with_their_dates(text, expected):
    start, end, notes = parse_period(text, 2569)
    assert (start, end) == expected and notes == []


def test_whole_fiscal_year_without_a_year_is_the_tables_fiscal_year():
    assert parse_period("ตลอดปีงบประมาณ", 2569) == (*FY_2569, [])
    assert parse_period("ตลอดปีงบประมาณ", 2570)[:2] == (date(2026, 10, 1), date(2027, 9, 30))


def test_a_start_without_a_year_before_the_end_month_is_read_in_the_year_before_and_noted():
    start, end, notes = parse_period("ต.ค. - มี.ค. 2570")
    assert (start, end) == (date(2026, 10, 1), date(2027, 3, 31))
    assert notes and notes[0].startswith("วันเริ่มไม่ระบุปี: อ่านเป็นปี 2569")


def test_months_without_any_year_are_read_in_the_fiscal_year_and_noted():
    start, end, notes = parse_period("ต.ค. - มี.ค.", 2569)
    assert (start, end) == (date(2025, 10, 1), date(2026, 3, 31)) and "ไม่ระบุปี" in notes[0]


@pytest.mark.parametrize("text, why", [("ภายในไตรมาสแรก", "cannot read"), ("29 ก.พ. 2569", "not a real date"),
                                       ("มี.ค. 2570 - ต.ค. 2569", "ends before it starts")])
def test_unreadable_periods_say_why_in_thai_first(text, why):
    with pytest.raises(PeriodError, match=why) as caught:
        parse_period(text, 2569)
    thai, english = str(caught.value).split(" — ")
    assert re.search("[ก-ฮ]", thai.replace(text, "")) and why in english


# Units ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("cell, units, noted", [
    (("สำนักปลัด, กองช่าง",), ["สำนักปลัด", "กองช่าง"], False),
    (("สำนักปลัด,กองช่าง, กองคลัง",), ["สำนักปลัด", "กองช่าง", "กองคลัง"], False),
    (("สำนักปลัด", "กองช่าง"), ["สำนักปลัด", "กองช่าง"], False),
    (("1. สำนักปลัด 2. กองคลัง",), ["สำนักปลัด", "กองคลัง"], False),
    (("กองคลัง/กองช่าง",), ["กองคลัง", "กองช่าง"], True),
    (("สำนักปลัดและกองคลัง",), ["สำนักปลัด", "กองคลัง"], True),
    (("สำนักปลัด และ กองคลัง",), ["สำนักปลัด", "กองคลัง"], True),
    (("ทุกสำนัก/กอง",), ["ทุกสำนัก/กอง"], False),
    (("สำนัก/กอง",), ["สำนัก/กอง"], False),
    (("งานกฎหมายและคดี",), ["งานกฎหมายและคดี"], False),
    (("กองการศึกษา ศาสนาและวัฒนธรรม",), ["กองการศึกษา ศาสนาและวัฒนธรรม"], False),
])
def test_units_split_at_separators_but_one_unit_name_stays_whole(cell, units, noted):
    found = split_units(cell)
    assert found.items == units and bool(found.notes) == noted


# Wrap spaces ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("before, after", [
    ("ประกาศทางเว็บ ไซต์ของหน่วยงาน", "ประกาศทางเว็บไซต์ของหน่วยงาน"),
    ("แผนการจัดซื้อ จัดจ้างประจำปี", "แผนการจัดซื้อจัดจ้างประจำปี"),
    ("ข้อคำถาม เจ้า หน้าที่ในหน่วยงาน", "ข้อคำถาม เจ้าหน้าที่ในหน่วยงาน"),
    ("ประสิทธิภาพการ สื่อสาร", "ประสิทธิภาพการสื่อสาร"),
])
def test_certain_wrap_spaces_are_repaired_and_listed(before, after):
    text, changes = repair(before)
    assert text == after and [c.joined for c in changes] == [True]


@pytest.mark.parametrize("text", [
    "ได้เป็นอย่างดี แต่เนื่องจากบุคลากร",   # 'ดีแต่' is a word, but แต่ opens a clause
    "เผยแพร่ทาง Facebook แล้ว แต่ยังไม่ครบ",
    "ประกาศ ณ วันที่ ๑ ต.ค. ๒๕๖๘",            # digits and abbreviations
    "ดำเนินการตาม พ.ศ. 2568",
    "ปรากฏ ว่าโดยรวม",                         # 'ปรากฏว่า' is not one dictionary word
    "ผู้บริหาร  ทราบ",                          # two spaces are meant
])
def test_uncertain_spaces_are_left_as_written(text):
    assert repair(text)[0] == text


def test_a_space_left_although_the_join_is_a_word_is_listed():
    _, changes = repair("ได้เป็นอย่างดี แต่เนื่องจาก")
    assert [(c.before, c.after, c.joined) for c in changes] == [("ดี แต่", "ดีแต่", False)]


# Headings, blank lines, encodings ------------------------------------------------------------------------------

def other_agency_lines() -> list[str]:
    return OTHER.read_text(encoding="utf-8").split("\n")  # not splitlines(): a vertical tab stays in its cell


def test_heading_once_or_before_every_row_imports_the_same(tmp_path):
    lines = other_agency_lines()
    heading = next(line for line in lines if line.startswith("ตัวชี้วัด ITA"))
    repeated = []
    for line in lines:
        if line.startswith("ตัวชี้วัดที่"):
            repeated += ["", heading]
        if line != heading:
            repeated.append(line)
    source = tmp_path / "repeated.txt"
    source.write_text("\n".join(repeated), encoding="utf-8")
    assert import_file(source).indicators == import_file(OTHER).indicators


def test_blank_and_tab_only_lines_and_trailing_empty_cells_are_tolerated(tmp_path):
    lines = other_agency_lines()
    padded = [line + "\t\t" if "\t" in line else line for line in lines]
    padded.insert(6, "\t\t\t\t\t\t")
    source = tmp_path / "padded.txt"
    source.write_text("\n".join(padded), encoding="utf-8")
    assert import_file(source).indicators == import_file(OTHER).indicators


def test_thai_windows_encoding_is_read_and_named_in_the_review(tmp_path):
    source = tmp_path / "cp874.txt"
    source.write_bytes(OTHER.read_text(encoding="utf-8").encode("cp874"))
    result = import_file(source)
    assert result.indicators == import_file(OTHER).indicators
    assert result.encoding == THAI_WINDOWS
    assert report(list(result.review), result.encoding).startswith("อ่านไฟล์ด้วยรหัสอักขระ windows-874 (TIS-620)")
    assert [item.field for item in result.review if item.kind == CHECK][0] == "encoding"


def test_latin_text_that_is_not_utf8_is_still_refused(tmp_path):
    source = tmp_path / "latin.txt"
    source.write_bytes("Überschrift\tSpalte\n".encode("latin-1") * 3)
    with pytest.raises(TableError) as caught:
        import_file(source)
    assert caught.value.problems[0].message.startswith("ไม่ใช่ข้อความ UTF-8")


# Another agency's table, end to end ----------------------------------------------------------------------------

def test_another_agencys_table_imports_end_to_end(tmp_path):
    result = import_file(OTHER)
    out = tmp_path / "plan_data"
    write_plan_data(result, out)
    plans = load_plan_data(out)
    assert plans.agency.name == "องค์การบริหารส่วนตำบลตัวอย่าง"
    ind = {i.number: i for i in plans.latest.indicators}
    assert list(ind[1].steps) == ["ทบทวนคู่มือ ภายใน 15 วัน", "เผยแพร่คู่มือทางเว็บไซต์", "ติดตามผล"]
    assert list(ind[2].steps) == ["จัดทำแผนจัดซื้อจัดจ้าง ตาม พ.ศ. 2568", "ประกาศแผนภายใน 30 วัน"]
    assert list(ind[3].steps) == ["ประกาศหลักเกณฑ์", "ชี้แจงบุคลากร", "รับฟังความเห็น"]
    assert list(ind[7].steps) == ["ปรับปรุงเว็บไซต์", "ตอบคำถามตามมาตรา 1) ของระเบียบ", "จัดทำสื่อ"]
    assert (ind[1].period.start, ind[1].period.end) == (date(2025, 10, 1), date(2026, 3, 31))
    assert (ind[3].period.start, ind[3].period.end) == FY_2569
    assert (ind[4].period.start, ind[4].period.end) == FY_2569
    assert (ind[5].period.start, ind[5].period.end) == (date(2026, 2, 1), date(2026, 2, 28))
    assert (ind[6].period.start, ind[6].period.end) == (date(2025, 12, 1), date(2025, 12, 31))
    assert (ind[7].period.start, ind[7].period.end) == (date(2025, 12, 1), date(2026, 1, 31))
    assert (ind[8].period.start, ind[8].period.end) == (date(2026, 1, 1), date(2026, 1, 31))
    assert list(ind[1].responsible) == ["สำนักปลัด", "กองช่าง"]
    assert list(ind[3].responsible) == ["ทุกสำนัก/กอง"]
    assert list(ind[6].responsible) == ["กองการศึกษา ศาสนาและวัฒนธรรม"]
    assert list(ind[7].responsible) == ["สำนักปลัด", "กองช่าง"]  # Word's manual line break
    assert list(ind[8].responsible) == ["สำนัก/กอง"]
    assert list(ind[9].responsible) == ["สำนักปลัด", "กองคลัง"]
    assert ind[1].question.text.startswith("การปฏิบัติงานของเจ้าหน้าที่")
    repairs = [(i.where, i.field, re.findall("“(.*?)”", i.why)[0]) for i in result.review if i.kind == REPAIR]
    assert ("line 7", "steps", "เว็บ ไซต์") in repairs and ("line 9", "analysis", "จัดซื้อ จัดจ้าง") in repairs
    assert [re.findall("“(.*?)”", i.why)[0] for i in result.review if i.kind == KEPT] == ["ดี แต่"]
    checks = {(i.number, i.field) for i in result.review if i.kind == CHECK}
    assert {(2, "responsible"), (3, "steps"), (5, "steps"), (9, "period")} <= checks


def test_the_cli_prints_the_review_in_thai_first(tmp_path):
    result = run([sys.executable, "-m", "itaplan", "import", str(OTHER), "--out", str(tmp_path / "out")], cwd=ROOT)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("อ่านตัวชี้วัด 10 ตัวของ ITA 2568 จาก table-other-agency.txt")
    assert lines[1] == "อ่านไฟล์ด้วยรหัสอักขระ UTF-8 — read as UTF-8"
    assert lines[2].startswith("ตรวจทาน: มี ")
    assert any(line.startswith("ช่องว่างจากการตัดบรรทัดของ Word ที่แก้แล้ว 3 แห่ง") for line in lines)
    assert any(line.startswith("ช่องว่างที่คงไว้ตามที่เขียน 1 แห่ง") for line in lines)
    written = (tmp_path / "out/2569/indicators/02.yml").read_text(encoding="utf-8")
    assert "# ตรวจทาน (ตารางต้นฉบับ บรรทัด 9) ช่องผู้รับผิดชอบ (responsible): แยก “กองคลัง/กองช่าง”" in written
    assert "→" not in written  # repairs are in the printed report, not in the data files



def test_another_agencys_table_as_a_word_document_imports_the_same(tmp_path):
    """A manual line break (Shift+Enter) in a Word cell parts units and steps like a new paragraph."""
    from docx import Document
    from table_docx import docx_from_text
    text = OTHER.read_text(encoding="utf-8").replace("สำนักปลัด\x0bกองช่าง", "สำนักปลัด")
    source = docx_from_text(text, tmp_path / "table.docx")
    doc = Document(str(source))
    row = next(r for t in doc.tables for r in t.rows if r.cells[0].text.startswith("ตัวชี้วัดที่ 7"))
    run = row.cells[5].paragraphs[0].runs[-1]
    run.add_break()
    run.add_text("กองช่าง")
    doc.save(str(source))
    assert import_file(source).indicators == import_file(OTHER).indicators
