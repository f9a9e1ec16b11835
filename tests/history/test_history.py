"""The public history of changes: a fixture Git repository made here, with several commits, gives
the right entries (date, indicator, field, old -> new), a valid Atom feed, and builds without
full history (shallow clone, no Git at all) still pass and say the history is absent."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from conftest import ROOT, copy_project, mkdocs_build
from itaplan.history.pages import history_files

ATOM = "{http://www.w3.org/2005/Atom}"
SETTINGS = {"plan_data": "plan_data", "digits": "thai"}


def git(cwd: Path, *args: str, date: str | None = None) -> str:
    env = {"GIT_AUTHOR_NAME": "ทดสอบ", "GIT_AUTHOR_EMAIL": "test@example.invalid", "GIT_COMMITTER_NAME": "ทดสอบ",
           "GIT_COMMITTER_EMAIL": "test@example.invalid", "PATH": "/usr/bin:/bin", "HOME": str(cwd)}
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """A project whose plan data has four commits: the first version, a score and a step changed,
    a comment-only edit (no change to the data), and a new period end."""
    project = tmp_path_factory.mktemp("history")
    shutil.copytree(ROOT / "tests" / "fixtures" / "golden_plan", project / "plan_data")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "แผนฉบับแรก", date="2025-11-01T09:00:00+07:00")
    ind9 = project / "plan_data" / "2569" / "indicators" / "09.yml"
    edit(ind9, "score: 90.0", "score: 91.5")
    ind1 = project / "plan_data" / "2569" / "indicators" / "01.yml"
    steps = ind1.read_text(encoding="utf-8").split("steps:\n- ", 1)[1].split("\n", 1)[0]
    edit(ind1, "steps:\n- " + steps, "steps:\n- ขั้นตอนแรกที่แก้ไขแล้ว")
    git(project, "commit", "-qam", "แก้คะแนนตัวชี้วัดที่ 9 และขั้นตอนที่ 1", date="2025-12-05T10:30:00+07:00")
    edit(ind9, "# ", "# comment only: ")
    git(project, "commit", "-qam", "comment only", date="2025-12-06T10:30:00+07:00")
    edit(ind9, "end: 2026-09-30", "end: 2026-08-31")
    git(project, "commit", "-qam", "เลื่อนวันสิ้นสุด", date="2026-01-10T08:00:00+07:00")
    return project


def test_history_lists_each_field_change_with_date_indicator_and_old_and_new(repo, tmp_path):
    files, state = history_files(repo, SETTINGS, [2569], "https://ita.example.go.th/", "ITA ทดสอบ", tmp_path)
    assert state == "full"
    page = files["2569/changes.md"]
    assert "๑๐ ม.ค. ๒๕๖๙" in page and "๕ ธ.ค. ๒๕๖๘" in page and "๑ พ.ย. ๒๕๖๘" in page
    assert page.index("๑๐ ม.ค. ๒๕๖๙") < page.index("๕ ธ.ค. ๒๕๖๘") < page.index("๑ พ.ย. ๒๕๖๘")  # newest first
    assert "comment only" not in page  # no data changed in that commit
    assert "แก้ไขตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล" in page
    assert '<td data-label="รายการ" markdown="span">คะแนน</td><td data-label="ค่าเดิม" markdown="span">90\\.0</td>' \
           '<td data-label="ค่าใหม่" markdown="span">91\\.5</td>' in page
    assert "ขั้นตอนที่ ๑" in page and "ขั้นตอนแรกที่แก้ไขแล้ว" in page
    assert "วันสิ้นสุด" in page and "2026-09-30" in page and "2026-08-31" in page
    assert "เพิ่มตัวชี้วัดที่ ๑ " in page  # the first commit added the files


def test_the_atom_feed_is_valid_and_names_every_change(repo, tmp_path):
    files, _ = history_files(repo, SETTINGS, [2569], "https://ita.example.go.th/", "ITA ทดสอบ", tmp_path)
    feed = ET.fromstring(files["feed.xml"].encode("utf-8"))
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{required}") is not None and feed.find(f"{ATOM}{required}").text
    assert feed.find(f"{ATOM}author/{ATOM}name").text
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 3
    for entry in entries:
        for required in ("id", "title", "updated"):
            assert entry.find(f"{ATOM}{required}").text
        assert entry.find(f"{ATOM}link").get("href").startswith("https://ita.example.go.th/2569/changes/#c-")
    assert entries[0].find(f"{ATOM}updated").text == "2026-01-10T01:00:00Z"
    assert "คะแนน: 90.0 → 91.5" in entries[1].find(f"{ATOM}content").text
    assert len({e.find(f"{ATOM}id").text for e in entries}) == 3


def test_control_characters_in_a_commit_message_leave_the_feed_valid(repo, tmp_path):
    """A terminal colour code pasted into a commit message would make feed.xml invalid XML for every reader."""
    clone = tmp_path / "clone"
    shutil.copytree(repo, clone)
    edit(clone / "plan_data" / "2569" / "indicators" / "09.yml", "score: 91.5", "score: 92.0")
    git(clone, "commit", "-qam", "แก้คะแนน \x1b[31mด่วน\x1b[0m\x07", date="2026-02-01T08:00:00+07:00")
    files, _ = history_files(clone, SETTINGS, [2569], "https://ita.example.go.th/", "ITA ทดสอบ", tmp_path / "cache")
    feed = ET.fromstring(files["feed.xml"].encode("utf-8"))  # parses: no control character got in
    assert len(feed.findall(f"{ATOM}entry")) == 4
    assert "หมายเหตุจากผู้แก้ไข: แก้คะแนน" in files["2569/changes.md"] and "\x1b" not in files["2569/changes.md"]


def test_a_repeat_run_reads_no_blob_again(repo, tmp_path, monkeypatch):
    first, _ = history_files(repo, SETTINGS, [2569], None, "ITA ทดสอบ", tmp_path)
    from itaplan.history import git_walk
    monkeypatch.setattr(git_walk, "read_blobs", lambda *a: pytest.fail("blobs read again"))
    (tmp_path / next(tmp_path.glob("pages-history-*.json")).name).unlink()  # drop the page cache, keep commits
    again, _ = history_files(repo, SETTINGS, [2569], None, "ITA ทดสอบ", tmp_path)
    assert again == first


def test_shallow_clone_and_no_git_say_the_history_is_absent(repo, tmp_path):
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow))
    files, state = history_files(shallow, SETTINGS, [2569], None, "ITA ทดสอบ", None)
    assert state == "shallow" and "ไม่มีประวัติการเปลี่ยนแปลงในชุดที่เผยแพร่นี้" in files["2569/changes.md"]
    plain = tmp_path / "tarball"
    shutil.copytree(repo / "plan_data", plain / "plan_data")
    files, state = history_files(plain, SETTINGS, [2569], None, "ITA ทดสอบ", None)
    assert state == "none" and "ไม่มีประวัติ Git" in files["2569/changes.md"]
    assert ET.fromstring(files["feed.xml"].encode()).findall(f"{ATOM}entry") == []


@pytest.mark.slow
def test_site_builds_strictly_without_git_and_in_a_shallow_clone(tmp_path):
    project = copy_project(tmp_path / "tarball")  # no .git: a downloaded archive
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    changes = (project / "site" / "2569" / "changes" / "index.html").read_text(encoding="utf-8")
    assert "ไม่มีประวัติการเปลี่ยนแปลงในชุดที่เผยแพร่นี้" in changes
    html = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert 'type="application/atom+xml"' in html and '"@type":"GovernmentOrganization"' in html
    assert (project / "site" / "2569" / "data" / "indicators.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "one", date="2025-11-01T09:00:00+07:00")
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{project}", str(shallow))
    result = mkdocs_build(shallow, "--strict")
    assert result.returncode == 0, result.stderr
    assert "ไม่มีประวัติ" in (shallow / "site" / "2569" / "changes" / "index.html").read_text(encoding="utf-8")
