"""Each change on a fiscal year's changes page and in the Atom feed is told in Thai from the data (what file,
which fields, how many items added or removed); the editor's commit message is shown only when it is written
in Thai, so citizens never meet 'Fix typo in 01.yml' (issue 19 item 6). Reports are the made-up fixture."""

from __future__ import annotations

import shutil
from xml.etree import ElementTree as ET

import pytest

from itaplan.history.pages import history_files
from itaplan.history.summary import change_summary, thai_note
from progress_fixture import copy_fixture
from test_history import edit, git

ATOM = "{http://www.w3.org/2005/Atom}"
REPORT = "plan_data/2569/progress/6-months/01.yml"


@pytest.mark.parametrize("subject", [
    "Fix typo in 04.yml", "Update 04.yml", "Merge pull request #12 from somchai/patch-1",
    "Merge branch 'แก้ไขคะแนนตัวชี้วัดที่สี่'", 'Revert "แก้คะแนนตัวชี้วัดที่ 4"', "แก้ typo in the score field",
    "04.yml", "", "   "])
def test_a_subject_not_written_in_thai_is_not_shown(subject):
    assert thai_note(subject) is None


@pytest.mark.parametrize(("subject", "shown"), [
    ("แก้คะแนนตัวชี้วัดที่ 4", "แก้คะแนนตัวชี้วัดที่ 4"),
    ("ตัวชี้วัดที่ 4: แก้คะแนนเป็น 91.5 ตามประกาศ ITA", "ตัวชี้วัดที่ 4: แก้คะแนนเป็น 91.5 ตามประกาศ ITA"),
    ("เพิ่มรูปการประชุม (#7)", "เพิ่มรูปการประชุม"),  # GitHub's number of a squashed pull request dropped
    ("  แก้   วันสิ้นสุด ", "แก้ วันสิ้นสุด")])
def test_a_subject_written_in_thai_is_shown(subject, shown):
    assert thai_note(subject) == shown


def test_the_summary_counts_items_and_names_fields_in_thai_without_latin_commas():
    commit = {"files": [{"path": REPORT, "fiscal_year": 2569, "indicator": 1, "round": "6-months", "source": "report",
                         "name": "การปฏิบัติหน้าที่", "kind": "modified", "fields": [
                             {"field": "steps.3.status", "label": "ขั้นตอนที่ 3 (status)", "old": "ยังไม่ดำเนินการ",
                              "new": "ดำเนินการแล้ว"},
                             {"field": "evidence.3.title", "label": "evidence.3.title", "old": None, "new": "ภาพ"},
                             {"field": "evidence.3.photo", "label": "evidence.3.photo", "old": None, "new": "a.jpg"}]}]}
    assert change_summary(commit, style="thai") == [
        "แก้ไขรายงานผลรอบ ๖ เดือน ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่: ขั้นตอนที่ ๓ สถานะ และเพิ่มหลักฐาน ๑ รายการ"]
    assert change_summary(commit, style="arabic")[0].endswith("ขั้นตอนที่ 3 สถานะ และเพิ่มหลักฐาน 1 รายการ")
    many = {"files": [{"path": f"plan_data/2569/indicators/{n:02}.yml", "fiscal_year": 2569, "indicator": n,
                       "source": "indicator", "kind": "added", "fields": []} for n in range(1, 11)]
            + [{"path": "plan_data/2569/evidence/6-months/a 1.pdf", "fiscal_year": 2569, "source": "evidence",
                "ref": "6-months/a 1.pdf", "kind": "deleted", "fields": []}]}
    assert change_summary(many, style="thai") == ["เพิ่มตัวชี้วัด ๑๐ ตัว", "ลบไฟล์หลักฐาน 6-months/a 1.pdf"]
    fields = [{"field": f, "label": f, "old": "1", "new": "2"} for f in ("score", "measure", "period.end", "group")]
    one = {"files": [{"path": "x", "fiscal_year": 2569, "indicator": 4, "source": "indicator", "kind": "modified",
                      "fields": fields}]}
    assert change_summary(one)[0] == "แก้ไขตัวชี้วัดที่ 4: คะแนน และมาตรการ และวันสิ้นสุด และอีก 1 รายการ"
    assert "," not in change_summary(one)[0]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """The made-up progress fixture with a first commit, a commit with an English developer's message that
    changes a step's status and adds an evidence item, and one with a Thai message."""
    project = tmp_path_factory.mktemp("summary") / "project"
    copy_fixture(project)
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "Initial import", date="2025-11-01T09:00:00+07:00")
    edit(project / REPORT, "- step: 3\n  status: ยังไม่ดำเนินการ", "- step: 3\n  status: อยู่ระหว่างดำเนินการ")
    with open(project / REPORT, "a", encoding="utf-8") as out:
        out.write("- title: คำสั่งมอบหมายงานฉบับที่สอง\n  file: 6-months/order-02.pdf\n")
    evidence = project / "plan_data" / "2569" / "evidence" / "6-months"
    shutil.copy2(evidence / "order-01.pdf", evidence / "order-02.pdf")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "Fix typo in 01.yml", date="2026-04-02T10:30:00+07:00")
    edit(project / "plan_data" / "2569" / "indicators" / "01.yml", "score: ", "score: 1")
    git(project, "commit", "-qam", "แก้คะแนนตัวชี้วัดที่ 1 ตามประกาศผล", date="2026-04-03T14:00:00+07:00")
    return project


def test_the_page_tells_each_change_in_thai_and_shows_only_a_thai_message(project, tmp_path):
    files, _ = history_files(project, {"plan_data": "plan_data", "digits": "thai"}, [2569], None, "ทดสอบ", tmp_path)
    page = files["2569/changes.md"]
    assert "Fix typo" not in page and "Initial import" not in page
    sections = page.split("\n## ")[1:]  # one per change, newest first
    english = sections[1]
    assert ("\n- แก้ไขรายงานผลรอบ ๖ เดือน ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่: ขั้นตอนที่ ๓ สถานะ และ"
            "เพิ่มหลักฐาน ๑ รายการ\n") in english
    assert "หมายเหตุจากผู้แก้ไข" not in english
    assert "- เพิ่มไฟล์หลักฐาน 6-months/order-02.pdf" in english  # two files: one line each
    assert "ขั้นตอนที่ ๓ (สถานะ)" in english and "หลักฐาน รายการที่ ๓ (ชื่อหลักฐาน)" in english  # the table's rows
    assert "(status)" not in english and "evidence.๓" not in english
    thai_message = sections[0]
    assert "แก้ไขตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่: คะแนน\n\nหมายเหตุจากผู้แก้ไข: แก้คะแนนตัวชี้วัดที่ 1 ตามประกาศผล" \
        in thai_message
    assert page.count("หมายเหตุจากผู้แก้ไข") == 1
    arabic, _ = history_files(project, {"plan_data": "plan_data", "digits": "arabic"}, [2569], None, "ทดสอบ",
                              tmp_path / "arabic")
    assert "แก้ไขรายงานผลรอบ 6 เดือน ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่: ขั้นตอนที่ 3 สถานะ" in arabic["2569/changes.md"]


def test_the_feed_titles_each_entry_with_the_thai_summary_and_shows_only_a_thai_message(project, tmp_path):
    files, _ = history_files(project, {"plan_data": "plan_data", "digits": "thai"}, [2569],
                             "https://ita.example.go.th/", "ทดสอบ", tmp_path)
    assert "Fix typo" not in files["feed.xml"] and "Initial import" not in files["feed.xml"]
    entries = ET.fromstring(files["feed.xml"].encode("utf-8")).findall(f"{ATOM}entry")
    titles = [e.find(f"{ATOM}title").text for e in entries]
    assert titles[0] == "ปีงบประมาณ ๒๕๖๙ — แก้ไขตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่: คะแนน"  # the page's digits
    assert titles[1] == ("ปีงบประมาณ ๒๕๖๙ — เพิ่มไฟล์หลักฐาน 6-months/order-02.pdf · แก้ไขรายงานผลรอบ ๖ เดือน "
                         "ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่: ขั้นตอนที่ ๓ สถานะ และเพิ่มหลักฐาน ๑ รายการ")
    contents = [e.find(f"{ATOM}content").text for e in entries]
    assert contents[0].startswith("แก้ไขตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่\n  คะแนน: ")  # the title's digits too
    assert contents[0].endswith("หมายเหตุจากผู้แก้ไข: แก้คะแนนตัวชี้วัดที่ 1 ตามประกาศผล")
    assert "หมายเหตุจากผู้แก้ไข" not in contents[1]  # no note for the English message
