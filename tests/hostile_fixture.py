"""A project whose staff data tries every trick of the red-team pass that `itaplan check` lets through, because
it is harmless: attribute lists, `[TOC]`, `{hidden}`, brackets, asterisks, underscores and backslashes in titles,
a zero-width space in a unit's name. Everything in it is made up (the progress fixture, see
tests/fixtures/progress_plan/README.md). Built by tests/pages/test_hostile_pages.py and opened in Chromium by
tests/in_browser/test_hostile_browser.py; what the check refuses is tested where it is refused.
"""

from __future__ import annotations

from pathlib import Path

from progress_fixture import fixture_project

# Staff Markdown (a report's result) that, rendered by MkDocs' Markdown, gave the theme a configuration of its
# own (the id of Material's __config), covered the page (a style attribute the CSP hook then allowed by its
# hash), hid a paragraph, replaced [TOC] and turned braces in a heading into attributes.
CONFIG = '{"base": "https://evil.example/", "features": [], "search": "https://evil.example/w.js", "translations": {}}'
RESULT = f"""เผยแพร่ข้อมูลแล้ว ดูไฟล์ report_2569_final_v2.pdf
{{: id="__config" }}

{CONFIG}
{{id="__config"}}

ภาพทับทั้งหน้า
{{style="position:fixed;inset:0;z-index:9999;background:red"}}

### หัวข้อ {{ปี 2569}} {{.hidden}}

[TOC]

ย่อหน้าที่ซ่อน
{{hidden}}

[ลิงก์ปกติ](https://www.example.go.th/){{href="https://evil.example/" onclick="alert(1)"}}
"""
VISIBLE = ['{: id="__config" }', '{id="__config"}', '{style="position:fixed;inset:0;z-index:9999;background:red"}',
           "หัวข้อ {ปี 2569} {.hidden}", "[TOC]", "{hidden}", "report_2569_final_v2.pdf",
           '{href="https://evil.example/" onclick="alert(1)"}']
"""What a reader sees of RESULT, character for character."""
BRIEF = "เผยแพร่ข้อมูลแล้ว ดูไฟล์ report_2569_final_v2.pdf {: id=\"__config\" }"
PHOTO_TITLE = r"ภาพ [ก่อน/หลัง] *ครั้งที่ 1* img_01.jpg {ภาพ} \ จบ"
PHOTO_ALT = 'ภาพ [ก] *ข* _ค_ {ง} \\ <จ> & "ฉ" #1 `x`'
FILE_TITLE = r"คำสั่ง [ฉบับที่ 2] *ด่วน* order_01.pdf #1 `x` \ จบ"
REASON = r"รอ [ระเบียบ] *ใหม่* ข้อ_3 {x} \ จบ"
AGENCY = r"เทศบาลตำบลโคกพุทรา [ทดสอบ] *_x_* \ จบ"
ROUND = r"รอบ [๖] *เดือน* \ _ก_"
UNIT = "กองคลัง"
UNIT_WITH_ZWSP = "กอง\u200bคลัง"
UNIT_WITH_JOINER = "กอง\u200dคลัง\u00ad"
"""The same unit, pasted from Word with a zero-width space, a joiner or a soft hyphen: one unit, one page."""


def _quoted(value: str) -> str:
    """A YAML single-quoted value: every character as it is (a double-quoted one would read backslashes as
    escapes, which `itaplan check` rightly warns about)."""
    return "'" + value.replace("'", "''") + "'"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def hostile_project(dest: Path) -> Path:
    """A copy of the project with the progress fixture, and the values above in it."""
    project = fixture_project(dest)
    data = project / "plan_data"
    r6 = data / "2569/progress/6-months"
    _edit(r6 / "03.yml", "result: ประกาศเจตจำนงสุจริตของผู้บริหารแล้ว",
          "result: |\n" + "".join(f"  {line}\n" if line else "\n" for line in RESULT.split("\n")))
    _edit(r6 / "01.yml", "title: ภาพการประชุมชี้แจงการจัดทำคู่มือ", f"title: {_quoted(PHOTO_TITLE)}")
    _edit(r6 / "01.yml", "alt: เจ้าหน้าที่ประชุมชี้แจงการจัดทำคู่มือในห้องประชุมเทศบาล",
          f"alt: {_quoted(PHOTO_ALT)}")
    _edit(r6 / "01.yml", "title: คำสั่งแต่งตั้งเจ้าหน้าที่ผู้รับผิดชอบจัดทำคู่มือ",
          f"title: {_quoted(FILE_TITLE)}")
    _edit(r6 / "03.yml", "reason: รอระเบียบใหม่จากกรมส่งเสริมการปกครองท้องถิ่น", f"reason: {_quoted(REASON)}")
    _edit(data / "agency.yml", "name: เทศบาลตำบลโคกพุทรา", f"name: {_quoted(AGENCY)}")
    _edit(data / "2569/indicators/03.yml", "- สำนักปลัด", f"- สำนักปลัด\n- {_quoted(UNIT_WITH_ZWSP)}")
    _edit(data / "2569/indicators/02.yml", "- ทุกสำนัก/กอง", f"- ทุกสำนัก/กอง\n- {_quoted(UNIT_WITH_JOINER)}")
    config = project / "mkdocs.yml"
    _edit(config, "    plan_data: plan_data\n", "    plan_data: plan_data\n    rounds:\n      - id: 6-months\n"
          f"        name: {_quoted(ROUND)}\n        cutoff: '03-31'\n"
          "      - id: 12-months\n        name: รอบ ๑๒ เดือน\n        cutoff: '09-30'\n")
    return project
