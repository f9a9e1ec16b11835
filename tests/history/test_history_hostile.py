"""Git history as hostile input: whatever a commit holds — a message in another encoding or in bytes that are no
encoding at all, a noncharacter, a file name that is not UTF-8, a value kept from before today's rules — the
changes pages and the Atom feed are written, the feed is valid XML, and no build crashes while that commit is
in history. Git's output is read with a declared policy: messages as UTF-8 (Git re-encodes those that declare
another encoding), bytes that are not UTF-8 shown as U+FFFD; characters XML cannot hold replaced."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from conftest import ROOT
from itaplan.history.pages import history_files

ATOM = "{http://www.w3.org/2005/Atom}"
SETTINGS = {"plan_data": "plan_data", "digits": "thai"}
ENV = {"GIT_AUTHOR_NAME": "ทดสอบ", "GIT_AUTHOR_EMAIL": "test@example.invalid", "GIT_COMMITTER_NAME": "ทดสอบ",
       "GIT_COMMITTER_EMAIL": "test@example.invalid", "PATH": "/usr/bin:/bin"}


def git(cwd: Path, *args: str, date: str = "2026-01-10T08:00:00+07:00") -> None:
    env = dict(ENV, HOME=str(cwd), GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def raw_commit(cwd: Path, message: bytes, encoding: str | None = None, when: int = 1764554400) -> None:
    """Commit the work tree with `message` as raw bytes, as another tool may write it: `git commit` itself
    would re-encode a message that is not UTF-8 as if it were Latin-1."""
    env = dict(ENV, HOME=str(cwd))
    run = lambda *a, data=None: subprocess.run(["git", *a], cwd=cwd, env=env, check=True, capture_output=True,
                                               input=data).stdout.decode().strip()
    run("add", "-A")
    tree, parent = run("write-tree"), run("rev-parse", "HEAD")
    who = f"ทดสอบ <test@example.invalid> {when} +0700".encode()
    head = b"tree %s\nparent %s\nauthor %s\ncommitter %s\n" % (tree.encode(), parent.encode(), who, who)
    head += b"encoding %s\n" % encoding.encode() if encoding else b""
    sha = run("hash-object", "-t", "commit", "-w", "--stdin", "--literally", data=head + b"\n" + message + b"\n")
    run("update-ref", "HEAD", sha)


def bump(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("hostile-history")
    shutil.copytree(ROOT / "tests" / "fixtures" / "golden_plan", project / "plan_data")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "แผนฉบับแรก", date="2025-11-01T09:00:00+07:00")
    ind9 = project / "plan_data/2569/indicators/09.yml"
    bump(ind9, "score: 90.0", "score: 91.0")  # Latin-1 bytes and no declared encoding: not UTF-8 at all
    raw_commit(project, "แก้คะแนน ".encode() + b"caf\xe9 \xff\xfe", when=1764554400)
    bump(ind9, "score: 91.0", "score: 92.0")  # Thai in TIS-620, declared (Git cannot re-encode the Thai author)
    raw_commit(project, "แก้คะแนนตัวชี้วัด".encode("tis-620"), "TIS-620", when=1764640800)
    bump(ind9, "score: 92.0", "score: 93.0")  # characters XML cannot hold, and a bidi control
    raw_commit(project, "แก้\ufffe\uffff\u202e ด่วน".encode("utf-8", "surrogatepass"), when=1764727200)
    bump(ind9, "score: 93.0", "score: 94.0\n# \ufdd0")  # a value kept from before the rules of today
    text = ind9.read_text(encoding="utf-8")
    ind9.write_text(text.replace("measure: ", "measure: \u202e\ufdd0", 1), encoding="utf-8")
    git(project, "commit", "-qam", "ค่าที่มีอักขระแปลก", date="2025-12-04T09:00:00+07:00")
    odd = os.fsencode(project / "plan_data/2569") + b"/\xa1\xd2\xc3.yml"  # a Thai name from a Windows zip
    with open(odd, "wb") as out:
        out.write(b"x: 1\n")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "ไฟล์ชื่อภาษาไทยจาก zip", date="2025-12-05T09:00:00+07:00")
    return project


def test_every_commit_is_read_and_the_feed_is_valid(repo, tmp_path):
    files, state = history_files(repo, SETTINGS, [2569], "https://ita.example.go.th/", "ITA ทดสอบ", tmp_path)
    assert state == "full"
    feed = ET.fromstring(files["feed.xml"].encode("utf-8"))  # parses: valid XML
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 5
    notes = [e.find(f"{ATOM}content").text.rsplit("หมายเหตุจากผู้แก้ไข: ", 1)[-1] for e in entries]
    assert "แก้คะแนนตัวชี้วัด" in notes  # TIS-620, re-encoded by Git
    assert "แก้คะแนน caf\ufffd \ufffd\ufffd" in notes  # bytes that are no UTF-8, shown as U+FFFD
    assert any(n.startswith("แก้") and n.endswith("ด่วน") and "\ufffe" not in n and "\u202e" not in n for n in notes)
    page = files["2569/changes.md"]
    assert "\ufffe" not in page and "\udc80" not in page and "caf\ufffd" in page


def test_a_second_run_from_the_cache_is_the_same(repo, tmp_path):
    first, _ = history_files(repo, SETTINGS, [2569], None, "ITA ทดสอบ", tmp_path)
    for cached in tmp_path.glob("pages-history-*.json"):
        cached.unlink()
    again, _ = history_files(repo, SETTINGS, [2569], None, "ITA ทดสอบ", tmp_path)
    assert again == first


def test_the_feed_holds_only_characters_xml_allows():
    from itaplan.history.feed import atom_feed

    commit = {"id": "a" * 40, "date": "2026-01-10T08:00:00+07:00", "subject": "แก้\ufffe\x01 ด่วน",
              "files": [{"path": "plan_data/2569/indicators/09.yml", "fiscal_year": 2569, "indicator": 9,
                         "kind": "modified", "fields": [{"field": "measure", "label": "มาตรการ", "old": "ก\uffff",
                                                         "new": "ข\ud800"}]}]}
    feed = atom_feed({2569: [commit]}, "ITA ทดสอบ", "https://ita.example.go.th/", "full")
    content = ET.fromstring(feed.encode("utf-8")).find(f"{ATOM}entry/{ATOM}content").text
    assert "มาตรการ: ก\ufffd → ข\ufffd" in content and "แก้\ufffd\ufffd ด่วน" in content


def _html(markdown_text: str) -> str:
    """The page as MkDocs renders its Markdown (the site's extensions, toc's slugs)."""
    import markdown

    return markdown.markdown(markdown_text, extensions=["attr_list", "def_list", "md_in_html", "tables", "toc"])


def test_a_file_name_in_history_gives_no_heading_its_id(tmp_path):
    """A heading's id on the changes page never comes from a file's name or a value kept in history: an evidence
    file named `__config` once gave the page `<h3 id="__config">` ahead of Material's own `<script id="__config">`,
    and the build stopped on it (the CSP pass) for as long as that commit stayed in history."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "tests" / "fixtures" / "progress_plan", project / "plan_data")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "แรก")
    evidence = project / "plan_data" / "2569" / "evidence"
    for name in ("__config", "__search.pdf", "changes.pdf"):
        shutil.copy2(evidence / "6-months" / "order-01.pdf", evidence / name)
    bump(project / "plan_data" / "2569" / "indicators" / "01.yml", "name: การปฏิบัติหน้าที่", "name: __drawer")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "เพิ่มไฟล์", date="2026-01-11T08:00:00+07:00")
    files, _ = history_files(project, SETTINGS, [2569], None, "ทดสอบ", None)
    html = _html(files["2569/changes.md"])
    assert "เพิ่มไฟล์หลักฐาน __config" in html and "__drawer" in html  # shown, as written
    ids = re.findall(r'\sid="([^"]*)"', html)
    assert not [i for i in ids if i.startswith("__") or "config" in i or "search" in i or "drawer" in i], ids
    assert len(ids) == len(set(ids))
