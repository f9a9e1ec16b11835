"""Evidence references written by staff: only real files inside the year's evidence folder, of a known type and
size, are published; every hostile or mistaken reference is refused with a Thai-first message."""

from __future__ import annotations

import os

from pathlib import Path

import pytest

from itaplan.progress.evidence import MAX_BYTES, EvidenceError, check_evidence

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 100


@pytest.fixture
def repo(tmp_path):
    """A project with plan_data/2569/evidence/ holding a few real files, and secrets outside it."""
    year = tmp_path / "plan_data" / "2569"
    evidence = year / "evidence"
    (evidence / "6-months").mkdir(parents=True)
    (evidence / "6-months" / "training-01.jpg").write_bytes(JPEG)
    (evidence / "6-months" / "คำสั่ง.pdf").write_bytes(PDF)
    (evidence / "6-months" / "รายงาน.docx").write_bytes(b"PK\x03\x04rest")
    (year / "plan.yml").write_text("title: x\n", encoding="utf-8")
    (tmp_path / "secret.pdf").write_bytes(PDF)
    return tmp_path


def evidence_of(repo):
    return repo / "plan_data" / "2569" / "evidence"


def refused(repo, ref, kind="photo") -> str:
    with pytest.raises(EvidenceError) as caught:
        check_evidence(evidence_of(repo), 2569, ref, kind)
    message = str(caught.value)
    assert "\u0e00" <= message[0] <= "\u0e7f" or message[0] in "“", f"Thai first: {message}"
    assert " — " in message, "English follows the Thai"
    return message


def test_a_real_photo_and_document_are_accepted(repo):
    photo = check_evidence(evidence_of(repo), 2569, "6-months/training-01.jpg", "photo")
    assert photo.site_path == "2569/evidence/6-months/training-01.jpg" and photo.media_type == "image/jpeg"
    assert photo.size == len(JPEG) and photo.kind == "photo"
    doc = check_evidence(evidence_of(repo), 2569, "6-months/คำสั่ง.pdf", "document")
    assert doc.type_label == "PDF" and doc.source == evidence_of(repo) / "6-months" / "คำสั่ง.pdf"
    assert check_evidence(evidence_of(repo), 2569, "6-months/รายงาน.docx", "document").type_label == "Word"


@pytest.mark.parametrize("ref, expected", [
    ("../plan.yml", "ออกนอกโฟลเดอร์"),
    ("6-months/../../plan.yml", "ออกนอกโฟลเดอร์"),
    ("6-months/./training-01.jpg", "ออกนอกโฟลเดอร์"),
    ("6-months//training-01.jpg", "ออกนอกโฟลเดอร์"),
    ("6-months/", "ออกนอกโฟลเดอร์"),
    ("https://evil.example/x.jpg", "ออกนอกโฟลเดอร์"),
    ("/etc/passwd", "ตำแหน่งเต็มในเครื่อง"),
    ("//server/share/x.jpg", "ตำแหน่งเต็มในเครื่อง"),
    ("C:/Users/staff/x.jpg", "ตำแหน่งเต็มในเครื่อง"),
    ("C:\\Users\\staff\\x.jpg", "มีอักขระที่ใช้ไม่ได้"),
    ("6-months\\training-01.jpg", "มีอักขระที่ใช้ไม่ได้"),
    ("..\\..\\secret.pdf", "มีอักขระที่ใช้ไม่ได้"),
    ("%2e%2e/%2e%2e/secret.pdf", "มีอักขระที่ใช้ไม่ได้"),
    ("6-months%2ftraining-01.jpg", "มีอักขระที่ใช้ไม่ได้"),
    ("\uff0e\uff0e/\uff0e\uff0e/secret.pdf", "มีอักขระที่ใช้ไม่ได้"),  # full-width dots
    ("6-months\uff0ftraining-01.jpg", "มีอักขระที่ใช้ไม่ได้"),  # full-width slash
    ("6-months/training-01.jpg\x00.pdf", "มีอักขระที่ใช้ไม่ได้"),
    ("6-months/training\u200b-01.jpg", "มีอักขระที่ใช้ไม่ได้"),  # zero-width space
    ("6-months/\u202egpj.exe", "มีอักขระที่ใช้ไม่ได้"),  # right-to-left override
    (".htaccess", "ไฟล์ซ่อน"),
    ("6-months/.secret.jpg", "ไฟล์ซ่อน"),
    (".git/config", "ไฟล์ซ่อน"),
    ("6-months/training-02.jpg", "ไม่พบไฟล์ evidence/6-months/training-02.jpg"),
    ("6-months/Training-01.jpg", "แต่ในโฟลเดอร์มีไฟล์ 6-months/training-01.jpg ซึ่งตัวพิมพ์เล็กใหญ่ต่างกัน"),
    ("6-months", "ไม่พบไฟล์"),
    ("6-months/training#01.jpg", "อักขระที่ทำให้ลิงก์เสีย (#)"),  # a link would stop at the fragment
    ("6-months/training-01.jpg?x=1", "อักขระที่ทำให้ลิงก์เสีย (= ?)"),
    ("6-months/training  01.jpg", "อักขระที่ทำให้ลิงก์เสีย (ช่องว่าง)"),
    ("6-months/ภาพ (1).jpg", "อักขระที่ทำให้ลิงก์เสีย"),
])
def test_hostile_or_mistaken_references_are_refused(repo, ref, expected):
    assert expected in refused(repo, ref)


@pytest.mark.parametrize("name, kind, expected", [
    ("run.exe", "document", "ไฟล์ชนิด “.exe” ใช้เป็นเอกสารไม่ได้ (รับเฉพาะ .docx, .pdf, .xlsx)"),
    ("page.html", "document", "ใช้เป็นเอกสารไม่ได้"),
    ("drawing.svg", "photo", "ไฟล์ชนิด “.svg” ใช้เป็นภาพถ่ายไม่ได้ (รับเฉพาะ .jpeg, .jpg, .png)"),
    ("photo.heic", "photo", "ใช้เป็นภาพถ่ายไม่ได้"),
    ("README", "document", "ไฟล์ชนิด “ไม่มีนามสกุล”"),
    ("scan.pdf", "photo", "ใช้เป็นภาพถ่ายไม่ได้"),
    ("photo.jpg", "document", "ใช้เป็นเอกสารไม่ได้"),
])
def test_unknown_types_are_refused(repo, name, kind, expected):
    (evidence_of(repo) / name).write_bytes(PDF)
    assert expected in refused(repo, name, kind)


@pytest.mark.parametrize("name, content", [("fake.pdf", b"<html><script>alert(1)</script>"),
                                           ("fake.docx", b"%PDF-1.4"), ("fake.xlsx", b"")])
def test_a_document_whose_content_is_not_its_type_is_refused(repo, name, content):
    (evidence_of(repo) / name).write_bytes(content)
    assert "จริง" in refused(repo, name, "document")


def test_over_the_size_limit_is_refused(repo):
    big = evidence_of(repo) / "big.pdf"
    with big.open("wb") as out:
        out.write(PDF)
        out.truncate(MAX_BYTES["document"] + 1)  # sparse: takes no disk space
    assert "เกินขนาดที่กำหนด 20 MB" in refused(repo, "big.pdf", "document")
    with big.open("r+b") as out:
        out.truncate(MAX_BYTES["document"])
    assert check_evidence(evidence_of(repo), 2569, "big.pdf", "document").size == MAX_BYTES["document"]


def test_uppercase_suffix_is_accepted(repo):
    (evidence_of(repo) / "IMG_0001.JPG").write_bytes(JPEG)
    assert check_evidence(evidence_of(repo), 2569, "IMG_0001.JPG", "photo").media_type == "image/jpeg"


@pytest.mark.parametrize("target", ["/etc/passwd", "../../../secret.pdf", "../../plan.yml", "/"])
def test_a_link_leading_outside_the_evidence_folder_is_refused(repo, target):
    link = evidence_of(repo) / "6-months" / "link.pdf"
    link.symlink_to(target)
    assert "ลิงก์ไปยังไฟล์นอกโฟลเดอร์" in refused(repo, "6-months/link.pdf", "document")


def test_a_linked_folder_leading_outside_is_refused(repo, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "x.pdf").write_bytes(PDF)
    (evidence_of(repo) / "elsewhere").symlink_to(outside, target_is_directory=True)
    assert "ลิงก์ไปยังไฟล์นอกโฟลเดอร์" in refused(repo, "elsewhere/x.pdf", "document")


def test_a_link_that_loops_is_refused(repo):
    loop = evidence_of(repo) / "loop.pdf"
    loop.symlink_to(loop)
    refused(repo, "loop.pdf", "document")


def test_a_link_inside_the_evidence_folder_is_followed(repo):
    (evidence_of(repo) / "same.pdf").symlink_to("6-months/คำสั่ง.pdf")
    assert check_evidence(evidence_of(repo), 2569, "same.pdf", "document").size == len(PDF)


def test_an_evidence_folder_that_is_itself_a_link_out_of_the_repository_is_refused(repo, tmp_path_factory):
    outside = tmp_path_factory.mktemp("home")
    (outside / "x.pdf").write_bytes(PDF)
    year = repo / "plan_data" / "2569"
    os.rename(year / "evidence", year / "evidence-old")
    (year / "evidence").symlink_to(outside, target_is_directory=True)
    assert "เป็นลิงก์ไปที่อื่น" in refused(repo, "x.pdf", "document")


def test_an_unreadable_document_is_refused(repo, monkeypatch):
    locked = evidence_of(repo) / "locked.pdf"
    locked.write_bytes(PDF)
    locked.chmod(0)
    if os.geteuid() == 0:  # root reads every file, as CI does: the operating system's refusal is simulated
        real_open = Path.open

        def refusing_open(self, *args, **kwargs):
            if self.name == "locked.pdf":
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)

        monkeypatch.setattr(Path, "open", refusing_open)
    try:
        assert "อ่านไฟล์ “locked.pdf” ไม่ได้ (Permission denied)" in refused(repo, "locked.pdf", "document")
    finally:
        locked.chmod(0o644)
