"""`itaplan diff BASE`: what changes for citizens between a Git revision and the working tree, in Thai Markdown
for a pull request's check summary — a score, a step's text (word by word), a report's status, evidence added,
the agency's details, a page in docs/ — and "nothing changed" when nothing did. Progress data is the made-up
fixture of tests/fixtures/progress_plan (not the agency's real progress)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import itaplan
from itaplan.history.compare import CompareError, compare
from itaplan.history.diff_report import render
from progress_fixture import fixture_project

SITE = "https://www.example.go.th/ita/"


def git(cwd: Path, *args: str) -> str:
    env = {"GIT_AUTHOR_NAME": "ทดสอบ", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "ทดสอบ",
           "GIT_COMMITTER_EMAIL": "t@example.invalid", "PATH": "/usr/bin:/bin", "HOME": str(cwd)}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True).stdout.decode()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def base_repo(tmp_path_factory) -> Path:
    project = fixture_project(tmp_path_factory.mktemp("diff") / "project")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "ฉบับที่เผยแพร่")
    return project


@pytest.fixture
def repo(base_repo, tmp_path) -> Path:
    """A fresh clone of the published version, to edit."""
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(base_repo), str(clone))
    return clone


def report(project: Path, fmt: str = "md") -> str:
    return render(compare(project, "origin/main"), SITE, fmt=fmt)


def test_nothing_changed_says_so(repo):
    text = report(repo)
    assert "ไม่มีสิ่งที่เปลี่ยนบนเว็บไซต์" in text and "nothing changes for citizens" in text
    assert "###" not in text


def test_a_comment_or_layout_edit_is_not_a_change(repo):
    path = repo / "plan_data" / "2569" / "indicators" / "09.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("\n", "\n\n", 3) + "# หมายเหตุภายใน\n", encoding="utf-8")
    assert "ไม่มีสิ่งที่เปลี่ยนบนเว็บไซต์" in report(repo)


def test_a_score_shows_old_new_and_the_indicator_page(repo):
    edit(repo / "plan_data" / "2569" / "indicators" / "09.yml", "score: 90.0", "score: 91.5")
    text = report(repo)
    assert "#### แก้ไขตัวชี้วัดที่ 9 การเปิดเผยข้อมูล" in text
    assert "- **คะแนน**: <del>90.0</del> → <ins>91.5</ins>" in text
    assert "<https://www.example.go.th/ita/2569/indicator-09/>" in text
    assert "เปลี่ยน 1 ไฟล์ 1 รายการ" in text


def test_a_step_text_is_a_short_word_level_diff(repo):
    path = repo / "plan_data" / "2569" / "indicators" / "01.yml"
    edit(path, "- มอบหมายเจ้าหน้าที่ผู้รับผิดชอบในแต่ละงาน", "- มอบหมายเจ้าหน้าที่ที่รับผิดชอบทุกงาน")
    text = report(repo)
    (line,) = [li for li in text.splitlines() if li.startswith("- **ขั้นตอนที่ 1**")]
    assert "<del>ผู้รับผิดชอบในแต่ละ</del><ins>ที่รับผิดชอบทุก</ins>" in line
    assert line.endswith("…") and len(line) < 200  # the rest of the long step is left out
    plain = report(repo, "text")
    assert "[-ผู้รับผิดชอบในแต่ละ-]{+ที่รับผิดชอบทุก+}" in plain


def test_a_report_status_and_result_point_at_the_indicator_and_report_pages(repo):
    path = repo / "plan_data" / "2569" / "progress" / "6-months" / "01.yml"
    edit(path, "- step: 3\n  status: ยังไม่ดำเนินการ", "- step: 3\n  status: อยู่ระหว่างดำเนินการ")
    text = report(repo)
    assert "#### แก้ไขรายงานผลรอบ ๖ เดือน ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่" in text
    assert "<del>ยังไม่ดำเนินการ</del> → <ins>อยู่ระหว่างดำเนินการ</ins>" in text
    assert "<https://www.example.go.th/ita/2569/indicator-01/#progress-6-months>" in text
    assert "<https://www.example.go.th/ita/2569/report-6-months/>" in text


def test_a_new_report_lists_its_fields_and_new_evidence_its_address(repo):
    folder = repo / "plan_data" / "2569" / "progress" / "6-months"
    (folder / "02.yml").write_text("indicator: 2\nsteps:\n- step: 1\n  status: ดำเนินการแล้ว\n"
                                   "evidence:\n- title: ภาพประชุม\n  photo: 6-months/meeting-02.jpg\n"
                                   "  alt: ประชุม\n", encoding="utf-8")
    photo = repo / "plan_data" / "2569" / "evidence" / "6-months" / "meeting-02.jpg"
    photo.write_bytes((repo / "plan_data" / "2569" / "evidence" / "6-months" / "training-01.jpg").read_bytes())
    (repo / "plan_data" / "2569" / "evidence" / "6-months" / "order-01.pdf").unlink()
    text = report(repo)
    assert "#### เพิ่มรายงานผลรอบ ๖ เดือน ตัวชี้วัดที่ 2 การใช้งบประมาณ" in text
    assert "(ไม่มี) → <ins>ดำเนินการแล้ว</ins>" in text  # not yet added to Git: found all the same
    assert "#### เพิ่มไฟล์หลักฐาน 6\\-months/meeting\\-02.jpg" not in text  # '-' is not Markdown here
    assert "#### เพิ่มไฟล์หลักฐาน 6-months/meeting-02.jpg" in text
    assert "<https://www.example.go.th/ita/2569/evidence/6-months/meeting-02.jpg>" in text
    assert "#### ลบไฟล์หลักฐาน 6-months/order-01.pdf" in text


def test_a_replaced_evidence_file_is_listed_and_a_touched_one_is_not(repo):
    folder = repo / "plan_data" / "2569" / "evidence" / "12-months"
    (folder / "manual.pdf").touch()
    assert "ไม่มีสิ่งที่เปลี่ยนบนเว็บไซต์" in report(repo)
    (folder / "manual.pdf").write_bytes((folder / "manual.pdf").read_bytes() + b"\n%%EOF\n")
    assert "แทนที่ไฟล์ด้วยฉบับใหม่" in report(repo)


def test_agency_details_and_a_docs_page(repo):
    edit(repo / "plan_data" / "agency.yml", "district: โพธิ์ทอง", "district: เมืองอ่างทอง")
    edit(repo / "docs" / "index.md", "\n", "\nข้อความใหม่สำหรับประชาชน\n")
    text = report(repo)
    assert text.index("### ทั้งเว็บไซต์") < text.index("ข้อมูลหน่วยงาน (agency.yml)")
    assert "<del>โพธิ์ทอง</del> → <ins>เมืองอ่างทอง</ins>" in text
    assert "#### แก้ไขหน้าเว็บ index.md" in text and "<ins>ข้อความใหม่สำหรับประชาชน</ins>" in text
    assert "<https://www.example.go.th/ita/>" in text


def test_staff_text_cannot_inject_markup_into_the_summary(repo):
    edit(repo / "plan_data" / "2569" / "indicators" / "09.yml", "score: 90.0", "score: 91.5")
    path = repo / "plan_data" / "2569" / "indicators" / "01.yml"
    edit(path, "measure: ", "measure: <img src=x onerror=alert(1)> [คลิก](https://evil.example) **")
    text = report(repo)
    assert "<img" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "\\[คลิก\\](https://evil.example) \\*\\*" in text


def test_odd_bytes_in_names_and_content_give_a_report_not_a_traceback(repo):
    bad = repo / "plan_data" / "2569" / "evidence" / "6-months"
    with open(bytes(bad) + b"/\xff\xfephoto.jpg", "wb") as handle:  # a name that is not UTF-8
        handle.write(b"\xff\xd8\xff")
    (repo / "plan_data" / "2569" / "indicators" / "03.yml").write_bytes(b"number: 3\nname: \xff\xfe\x00\n")
    result = itaplan(repo, "diff", "origin/main")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "ไฟล์หลักฐาน 6-months/\ufffd\ufffdphoto.jpg" in result.stdout
    assert "อ่านไฟล์ไม่ได้" in result.stdout


def test_the_command_prints_markdown_and_refuses_an_unknown_base_in_thai(repo, tmp_path):
    edit(repo / "plan_data" / "2569" / "indicators" / "09.yml", "score: 90.0", "score: 91.5")
    result = itaplan(repo, "diff", "origin/main")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("## สิ่งที่เปลี่ยนบนเว็บไซต์")
    assert "https://your-account.github.io/itaplan/2569/indicator-09/" in result.stdout  # site_url of mkdocs.yml
    unknown = itaplan(repo, "diff", "origin/no-such-branch")
    assert unknown.returncode == 2 and unknown.stderr.startswith("itaplan diff: ไม่พบฉบับ 'origin/no-such-branch'")
    option = itaplan(repo, "diff", "--", "--output=/tmp/x")
    assert option.returncode == 2 and "ใช้ไม่ได้" in option.stderr
    outside = tmp_path / "no-git"
    outside.mkdir()
    (outside / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    result = itaplan(outside, "diff", "HEAD")
    assert result.returncode == 2 and "ไม่ใช่ที่เก็บ Git" in result.stderr


def test_compare_error_names_the_shallow_clone(base_repo, tmp_path):
    git(base_repo, "commit", "-q", "--allow-empty", "-m", "second")
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{base_repo}", str(shallow))
    with pytest.raises(CompareError) as err:
        compare(shallow, "HEAD~1")
    assert "git fetch --unshallow" in err.value.thai
