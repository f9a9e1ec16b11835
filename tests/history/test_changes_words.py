"""The changes page marks the words that changed inside a long text (issue 21), and lists progress reports and
evidence files beside the plan (the same classification as `itaplan diff`). Reports are the made-up fixture."""

from __future__ import annotations

import shutil

import markdown

from itaplan.history import words
from itaplan.history.pages import history_files, marked_cells
from test_diff_command import edit, git
from progress_fixture import copy_fixture

SETTINGS = {"plan_data": "plan_data", "digits": "thai"}
STEP = "มอบหมายเจ้าหน้าที่ผู้รับผิดชอบในแต่ละงานจัดทำคู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่"


def test_thai_words_are_cut_before_comparing():
    pieces = words.word_diff(STEP, STEP.replace("ผู้รับผิดชอบในแต่ละงาน", "ผู้รับผิดชอบทุกงาน"))
    assert [p for p in pieces if p.op != "same"] == [words.Piece("del", "ในแต่ละ"), words.Piece("ins", "ทุก")]
    assert "".join(p.text for p in pieces if p.op != "ins") == STEP  # the old text, whole


def test_short_values_and_rewritten_texts_are_shown_whole():
    assert marked_cells("90.0", "91.5") is None
    assert marked_cells(STEP, "จัดประชุมชี้แจงบุคลากรทุกคนให้ทราบแนวทางใหม่ภายในเดือนธันวาคม") is None
    old, new = marked_cells(STEP, STEP + " ภายในเดือนธันวาคม")
    assert "<ins" not in old and "<del" not in new
    assert '<ins class="itaplan-diff"><span class="itaplan-diff-cue">[เพิ่ม: </span> ภายในเดือนธันวาคม' in new


def test_marked_cells_escape_staff_text():
    old, new = marked_cells("ข้อความเดิมยาวพอสมควร <b>ตัวหนา</b>", "ข้อความใหม่ยาวพอสมควร <b>ตัวหนา</b>")
    html = markdown.markdown(new)
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert '<span class="itaplan-diff-cue">[เพิ่ม: </span>ข้อความใหม่<span class="itaplan-diff-cue">]</span></ins>' in html


def test_the_changes_page_marks_words_and_lists_reports_and_evidence(tmp_path):
    project = tmp_path / "project"
    copy_fixture(project)
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "แรก")
    edit(project / "plan_data" / "2569" / "indicators" / "01.yml", "ผู้รับผิดชอบในแต่ละงาน", "ผู้รับผิดชอบทุกงาน")
    edit(project / "plan_data" / "2569" / "progress" / "6-months" / "01.yml",
         "- step: 3\n  status: ยังไม่ดำเนินการ", "- step: 3\n  status: อยู่ระหว่างดำเนินการ")
    evidence = project / "plan_data" / "2569" / "evidence" / "6-months"
    shutil.copy2(evidence / "order-01.pdf", evidence / "order-02.pdf")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "แก้ขั้นตอนและรายงาน")
    files, _ = history_files(project, SETTINGS, [2569], None, "ทดสอบ", tmp_path / "cache")
    page = files["2569/changes.md"]
    assert "แก้ไขตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่" in page
    assert '<del class="itaplan-diff"><span class="itaplan-diff-cue">[ลบ: </span>ในแต่ละ' in page
    assert '<ins class="itaplan-diff"><span class="itaplan-diff-cue">[เพิ่ม: </span>ทุก' in page
    assert "แก้ไขรายงานผลรอบ ๖ เดือน ตัวชี้วัดที่ ๑" in page and "อยู่ระหว่างดำเนินการ" in page
    assert "เพิ่มไฟล์หลักฐาน 6-months/order-02.pdf" in page


def test_a_mended_wrap_space_is_named_for_screen_readers():
    old, new = marked_cells("จัดทำคู่มือแนวทางปฏิบัติของเทศบาลตำบลโคก พุทรา", "จัดทำคู่มือแนวทางปฏิบัติของเทศบาลตำบลโคกพุทรา")
    assert '<del class="itaplan-diff itaplan-diff-space"><span class="itaplan-diff-cue">[ลบช่องว่าง]</span> </del>' in old
    assert "[ลบ: " not in old and "<ins" not in new
