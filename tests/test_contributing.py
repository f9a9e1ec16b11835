"""CONTRIBUTING.md (Thai, for office staff) says what the program says: its table of messages, its example
report and its instructions are checked against the real messages and the real layout."""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import ROOT
from progress_fixture import FIXTURE
from test_messages import SLIPS, WARNED
from itaplan.errors import PlanDataError
from itaplan.plan.loader import load_plan_data

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    start = GUIDE.index(title)
    end = GUIDE.find("\n## ", start + 1)
    return GUIDE[start:end if end != -1 else None]


def _table_of_messages() -> list[str]:
    """The first cell of each row of the table of common messages, without its backticks."""
    part = GUIDE[GUIDE.index("ข้อความที่พบบ่อย"):]
    rows = []
    for line in part.splitlines()[1:]:
        if rows and not line.startswith("|"):
            break
        match = re.match(r"^\| `([^`]+)`", line)
        if match:
            rows.append(match.group(1))
    return rows


REAL = [expected for _, expected in SLIPS.values() if expected] + [expected for _, expected in WARNED.values()]
"""What the program answers to each slip (tests/test_messages.py checks these are the real answers)."""


def _pattern(row: str) -> re.Pattern:
    """A row of the table as a pattern: '…' stands for the part that differs from file to file."""
    return re.compile(".*?".join(re.escape(part) for part in row.split("…")))


def test_the_table_is_long_and_covers_progress_reports():
    rows = _table_of_messages()
    assert len(rows) >= 20
    assert any("สถานะ" in row for row in rows) and any("indicator:" in row for row in rows)
    assert any("evidence/" in row for row in rows)


@pytest.mark.parametrize("row", _table_of_messages())
def test_every_message_in_the_table_is_one_the_program_says(row):
    assert any(_pattern(row).search(message) for message in REAL), (
        f"CONTRIBUTING.md shows a message no slip produces any more: {row!r}")


def test_the_common_slips_are_all_in_the_table():
    """Each golden slip's answer is found in the table (staff can look up what they see)."""
    rows = [_pattern(row) for row in _table_of_messages()]
    missing = [m for m in REAL if not any(p.search(m) for p in rows)]
    assert not missing, "add a row to CONTRIBUTING.md's table for:\n" + "\n".join(missing)


def test_the_example_report_is_what_check_prints(tmp_path):
    block = re.search(r"```\n(ข้อมูลแผนมีปัญหา.*?)```", GUIDE, re.S).group(1).rstrip("\n")
    data = tmp_path / "plan_data"
    shutil.copytree(ROOT / "plan_data", data)
    path = data / "2569/indicators/04.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("score: 100", "score: 120"), encoding="utf-8")
    with pytest.raises(PlanDataError) as caught:
        load_plan_data(data)
    assert caught.value.report() == block


def test_staff_are_never_asked_to_count_from_zero():
    assert not re.search(r"\[\d+\]|นับจากศูนย์|นับจาก 0|เริ่มจาก 0", GUIDE)
    assert "นับจาก ๑" in GUIDE


def test_signed_pdfs_go_where_the_guide_says():
    """The guide's folder and lines for signed PDFs are the ones the (made-up) fixture uses and the site reads."""
    assert "`plan_data/2569/evidence/signed/`" in GUIDE
    assert "signed_document: signed/plan-2569.pdf" in (FIXTURE / "2569/plan.yml").read_text(encoding="utf-8")
    assert (FIXTURE / "2569/evidence/signed/plan-2569.pdf").is_file()
    assert "signed_document: signed/report-6-months.pdf" in GUIDE
    assert (FIXTURE / "2569/evidence/signed/report-6-months.pdf").is_file()


def test_the_guide_says_commit_messages_are_public_only_when_in_thai():
    """The changes page shows the commit message as 'หมายเหตุจากผู้แก้ไข' only when it is Thai, as the guide says."""
    template = (ROOT / "hooks/itaplan/pages/templates/changes.md.j2").read_text(encoding="utf-8")
    assert "หมายเหตุจากผู้แก้ไข" in template and "c.note" in template
    edit = _section("## แก้ไขขั้นตอนหรือคะแนนบนเว็บเบราว์เซอร์")
    assert "หมายเหตุจากผู้แก้ไข" in edit and "เฉพาะเมื่อเขียนเป็นภาษาไทย" in edit and "เผยแพร่ต่อสาธารณะ" in edit
    assert "หมายเหตุการแก้ไข" not in GUIDE


def test_the_guide_explains_uploading_into_a_sub_folder():
    upload = GUIDE[GUIDE.index("### อัปโหลดไฟล์หลักฐาน"):GUIDE.index("### เอกสารที่ลงนามแล้ว")]
    assert '"Upload files"' in upload and "6-months/README.md" in upload and "ทั้งโฟลเดอร์" in upload
