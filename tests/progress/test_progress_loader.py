"""Loading progress reports: every problem is found and named by file, line and field, Thai first;
hostile evidence references and Markdown are refused; a year without reports still builds."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from itaplan.errors import PlanDataError
from itaplan.plan.settings import Round, Settings
from itaplan.progress.evidence import MAX_BYTES
from progress_fixture import FIXTURE, copy_fixture, load

THAI = "\u0e00-\u0e7f"
R6 = "2569/progress/6-months"
R12 = "2569/progress/12-months"


def _problems(root: Path, settings: Settings | None = None, photo_cache: Path | None = None):
    with pytest.raises(PlanDataError) as info:
        load(root, settings, photo_cache or root.parent / "photos")
    return info.value.problems


def _write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _only(problems, kind=None):
    assert len(problems) == 1, [str(p) for p in problems]
    problem = problems[0]
    if kind:
        assert problem.kind == kind, str(problem)
    if problem.kind not in ("missing", "extra_forbidden", "enum", "value_error"):  # our own: "Thai — English"
        lead = problem.message.split(" — ")[0]
        assert re.search(f"[{THAI}]", lead) and " — " in problem.message, f"not Thai first: {problem}"
    # every problem, pydantic's own included, reads Thai first, with a sentence of its own
    assert re.search(f"[{THAI}]", problem.thai_text) and "ดูคำอธิบายภาษาอังกฤษ" not in problem.thai_text, str(problem)
    return problem


def _line(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


@pytest.fixture
def root(tmp_path) -> Path:
    return copy_fixture(tmp_path)


def test_the_fixture_loads(tmp_path):
    plans, progress = load(FIXTURE, photo_cache=tmp_path)
    year = progress[2569]
    assert [r.round.id for r in year.rounds] == ["6-months", "12-months"]
    assert sorted(year.rounds[0].reports) == [1, 3, 4] and sorted(year.rounds[1].reports) == [1, 2, 4, 7, 10]
    assert year.signed_plan is not None and year.signed_plan.site_path == "2569/evidence/signed/plan-2569.pdf"
    photo = year.files["6-months/training-01.jpg"]
    assert (photo.width, photo.height) == (1600, 1067) and photo.source.parent == tmp_path
    assert year.latest_reported is year.rounds[1]


def test_a_year_without_progress_folder_has_every_round_unreported(root):
    import shutil
    shutil.rmtree(root / "2569" / "progress")
    _edit(root, "2569/plan.yml", "signed_document: signed/plan-2569.pdf\n", "")
    _, progress = load(root)
    assert all(not r.reported and r.info is None for r in progress[2569].rounds)
    assert progress[2569].latest_reported is None


def test_unknown_key(root):
    _edit(root, f"{R6}/03.yml", "result:", "reslt:")
    problem = _only(_problems(root), "extra_forbidden")
    assert problem.file.endswith(f"{R6}/03.yml") and problem.line == 11 and problem.field == "reslt"


def test_bad_status(root):
    _edit(root, f"{R6}/04.yml", "status: อยู่ระหว่างดำเนินการ", "status: กำลังทำ")
    problem = _only(_problems(root))
    assert problem.line == 5 and problem.field == "steps[0].status" and "ดำเนินการแล้ว" in problem.message


def test_missing_reason(root):
    _edit(root, f"{R6}/03.yml", "  reason: รอระเบียบใหม่จากกรมส่งเสริมการปกครองท้องถิ่น\n", "")
    problem = _only(_problems(root))
    assert problem.line == 7 and problem.field == "steps[1]" and "reason" in problem.message
    # Thai first for staff, the entry named by its step: value, counted as staff count
    assert problem.thai_text.startswith("ขั้นตอนที่ 2 (steps): สถานะ “ล่าช้า” ต้องมีเหตุผล")


def test_step_out_of_range(root):
    _edit(root, f"{R6}/04.yml", "- step: 3", "- step: 4")
    problem = _only(_problems(root), "step_range")
    assert problem.line == 8 and problem.field == "steps[2].step"
    assert "ไม่มีในแผน" in problem.message and "expected 1 to 3" in problem.message


def test_wrong_file_name(root):
    (root / R6 / "04.yml").rename(root / R6 / "05.yml")
    problem = _only(_problems(root), "mismatch")
    assert problem.file.endswith(f"{R6}/05.yml") and problem.line == 2
    # the file's name was chosen on purpose (GitHub's "Add file"): the one fix is the indicator: line
    assert problem.thai_text == ("ช่องตัวชี้วัด (indicator): ไฟล์ 05.yml เป็นรายงานของตัวชี้วัดที่ 5 แต่ช่องนี้เขียนว่า 4: "
                                 "แก้เป็น indicator: 5")


def test_file_name_not_a_number(root):
    (root / R6 / "04.yml").rename(root / R6 / "indicator-4.yml")
    problem = _only(_problems(root), "layout")
    assert problem.file.endswith("indicator-4.yml") and "01.yml" in problem.message


def test_unknown_round_names_the_configured_ids(root):
    (root / "2569/progress/6-month").mkdir()
    problem = _only(_problems(root), "unknown_round")
    assert problem.file.endswith("2569/progress/6-month")
    assert "6-months, 12-months" in problem.message and "extra.itaplan.rounds" in problem.message


def test_rounds_come_from_the_settings(root):
    settings = Settings(rounds=(Round(id="q2", name="ไตรมาส ๒", cutoff="03-31"),
                                Round(id="6-months", name="รอบ ๖ เดือน", cutoff="03-31"),
                                Round(id="12-months", name="รอบ ๑๒ เดือน", cutoff="09-30")))
    _, progress = load(root, settings, root.parent / "photos")
    assert [r.round.id for r in progress[2569].rounds] == ["q2", "6-months", "12-months"]
    assert not progress[2569].rounds[0].reported


def test_done_date_outside_the_fiscal_year(root):
    _edit(root, f"{R6}/01.yml", "done: 2025-11-15", "done: 15 พ.ย. 2567")  # last year's date, copied
    problem = _only(_problems(root), "date_range")
    assert problem.line == 6 and problem.field == "steps[0].done"
    assert problem.message.startswith("วันที่แล้วเสร็จ 15 พ.ย. 2567 อยู่นอกปีงบประมาณ พ.ศ. 2569 (1 ต.ค. 2568 – 30 ก.ย. 2569")


def test_a_buddhist_era_date_is_read_as_one(root):
    _edit(root, f"{R6}/01.yml", "done: 2025-11-15", "done: 2568-11-15")  # ISO with a Buddhist Era year
    _, progress = load(root, None, root.parent / "photos")
    assert progress[2569].rounds[0].reports[1].steps[0].done.isoformat() == "2025-11-15"


def test_percent_inconsistent_with_status(root):
    _edit(root, f"{R12}/01.yml", "  percent: 100\n", "  percent: 80\n")
    problem = _only(_problems(root), "percent")
    assert problem.line == 12 and problem.field == "steps[2].percent"


def test_in_progress_at_100_percent(root):
    _edit(root, f"{R12}/04.yml", "percent: 50", "percent: 100")
    assert _only(_problems(root), "percent").line == 11


@pytest.mark.parametrize("text,expected", [
    ("<script>alert(1)</script>", "HTML"),
    ("ดู <img src=x onerror=alert(1)>", "HTML"),
    ("<!-- itaplan:years -->", "HTML"),
    ("&#60;script&#62;", "&#60;"),
    ("![ภาพ](https://tracker.example/pixel.png)", "![…](…)"),
    ("# หัวข้อใหญ่", "###"),
    ("## หัวข้อรอง", "###"),
    ("[คลิก](javascript:alert(1))", "javascript"),
    ("[คลิก](data:text/html,hi)", "data"),
])
def test_hostile_markdown_is_refused_at_its_line(root, text, expected):
    _edit(root, f"{R6}/03.yml", "result: ประกาศเจตจำนงสุจริตของผู้บริหารแล้ว",
          "result: |\n  บรรทัดแรกปกติ\n\n  " + text)
    problem = _only(_problems(root), "markdown")
    assert problem.file.endswith(f"{R6}/03.yml") and problem.field == "result"
    assert problem.line == 14, str(problem)  # the third line of the text, after 'result: |' on line 11
    assert expected in problem.message


@pytest.mark.parametrize("lines,line,expected", [
    (["[คลิก](", "javascript:alert(1))"], 14, "javascript"),  # a link split across lines: reported where it starts
    (["- รายการ [ดู][x]", "", "  [x]: data:text/html,hi"], 14, "data"),  # a definition inside a list
    (["> [x]: javascript:alert(1)", "", "[ดู][x]"], 16, "javascript"),  # a definition inside a quote
    (["ข้อความ\x07"], 11, "อักขระควบคุม"),
    (["ผล\uFFFEงาน"], 11, "noncharacter"),
    (["ไฟล์\u202Egpj.exe"], 11, "ทิศทาง"),
    ([" " * 4 * n + "- ก" for n in range(8)], 20, "ซ้อนกันเกิน"),
])
def test_markdown_tricks_are_refused_at_the_line_in_the_yaml_file(root, lines, line, expected):
    """What the parser finds across lines is reported at its own line of the YAML file; characters a YAML
    block cannot hold come in a double-quoted string (its escapes), named at the line where it starts."""
    body = "".join(f"  {x}\n" if x else "\n" for x in ["บรรทัดแรกปกติ", ""] + lines)
    _edit(root, f"{R6}/03.yml", "result: ประกาศเจตจำนงสุจริตของผู้บริหารแล้ว", "result: |\n" + body.rstrip("\n"))
    if any(ord(c) < 32 or c in "\uFFFE\u202E" for x in lines for c in x):  # YAML's | block cannot hold these
        text = "\n".join(["บรรทัดแรกปกติ", ""] + lines)
        _edit(root, f"{R6}/03.yml", "result: |\n" + body.rstrip("\n"), "result: " + json.dumps(text))
    # (the escapes of such a string are warned about too, as YAML shapes that change text: not this test's topic)
    problem = _only([p for p in _problems(root) if p.kind != "escape"], "markdown")
    assert (problem.file, problem.line, problem.field) == (f"plan_data/{R6}/03.yml", line, "result"), str(problem)
    assert expected in problem.message


def test_allowed_markdown_passes(root):
    _edit(root, f"{R6}/03.yml", "result: ประกาศเจตจำนงสุจริตของผู้บริหารแล้ว",
          "result: |\n  **ตัวหนา** *เอียง* ร้อยละ < 50 และ 3 > 2\n\n  - รายการ\n  1. ลำดับ\n\n  ### หัวข้อย่อย\n"
          "  ข้อความ\\\n  บรรทัดใหม่ [ลิงก์](https://www.example.go.th/a?b=1&c=2) [อีเมล](mailto:saraban@example.go.th)")
    load(root, photo_cache=root.parent / "photos")


def test_every_problem_is_collected(root):
    _edit(root, f"{R6}/04.yml", "- step: 3", "- step: 9")
    _edit(root, f"{R12}/07.yml", "result:", "reslt:")
    _edit(root, f"{R6}/01.yml", "file: 6-months/order-01.pdf", "file: 6-months/missing.pdf")
    (root / "2569/progress/annual").mkdir()
    kinds = sorted(p.kind for p in _problems(root))
    assert kinds == ["evidence", "extra_forbidden", "step_range", "unknown_round"]


@pytest.mark.parametrize("ref,expected", [
    ("../plan.yml", "ออกนอกโฟลเดอร์"),
    ("6-months/../../plan.yml", "ออกนอกโฟลเดอร์"),
    ("/etc/passwd", "ตำแหน่งเต็ม"),
    ("C:/docs/a.pdf", "ตำแหน่งเต็ม"),
    ("6-months\\\\order-01.pdf", "อักขระ"),
    ("6-months/missing.pdf", "ไม่พบไฟล์"),
    ("6-months/.hidden.pdf", "ไฟล์ซ่อน"),
    ("6-months/training-01.jpg", "ชนิด"),  # a photo given as a document
])
def test_hostile_evidence_refs_are_refused_at_the_line_of_the_key(root, ref, expected):
    _edit(root, f"{R6}/01.yml", "file: 6-months/order-01.pdf", f"file: '{ref}'")
    problem = _only(_problems(root), "evidence")
    assert problem.file.endswith(f"{R6}/01.yml") and problem.line == 27 and problem.field == "evidence[0].file"
    assert expected in problem.message, problem.message


def test_symlink_out_of_the_evidence_folder_is_refused(root, tmp_path):
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(b"%PDF-1.4 secret")
    os.symlink(secret, root / "2569/evidence/6-months/link.pdf")
    _edit(root, f"{R6}/01.yml", "file: 6-months/order-01.pdf", "file: 6-months/link.pdf")
    assert "ลิงก์" in _only(_problems(root), "evidence").message


def test_too_large_evidence_is_refused(root):
    big = root / "2569/evidence/6-months/big.pdf"
    with big.open("wb") as out:
        out.truncate(MAX_BYTES["document"] + 1)
    _edit(root, f"{R6}/01.yml", "file: 6-months/order-01.pdf", "file: 6-months/big.pdf")
    assert "เกินขนาด" in _only(_problems(root), "evidence").message


def test_unknown_type_and_broken_photo(root):
    (root / "2569/evidence/6-months/photo.gif").write_bytes(b"GIF89a")
    (root / "2569/evidence/6-months/broken.jpg").write_bytes(b"not a picture")
    _edit(root, f"{R6}/01.yml", "photo: 6-months/training-01.jpg", "photo: 6-months/photo.gif")
    _edit(root, f"{R12}/01.yml", "photo: 12-months/board.png", "photo: 6-months/broken.jpg")
    problems = _problems(root)
    assert sorted((p.file.rsplit("/", 2)[-2], p.line) for p in problems) == [
        ("12-months", _line(root / R12 / "01.yml", "photo:")), ("6-months", _line(root / R6 / "01.yml", "photo:"))]
    assert all(p.kind == "evidence" for p in problems)


def test_signed_document_must_be_a_pdf(root):
    (root / "2569/evidence/signed/report.docx").write_bytes(b"PK")
    _edit(root, f"{R6}/report.yml", "signed_document: signed/report-6-months.pdf",
          "signed_document: signed/report.docx")
    problem = _only(_problems(root), "evidence")
    assert problem.line == 4 and problem.field == "signed_document" and "PDF" in problem.message


def test_signed_plan_missing(root):
    (root / "2569/evidence/signed/plan-2569.pdf").unlink()
    problem = _only(_problems(root), "evidence")
    assert problem.file.endswith("2569/plan.yml") and problem.field == "signed_document"


def test_as_of_outside_the_year(root):
    _edit(root, f"{R12}/report.yml", "as_of: 2026-09-30", "as_of: 2027-09-30")
    assert _only(_problems(root), "date_range").line == 2


def test_the_example_in_contributing_loads(root):
    from conftest import ROOT

    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    example = re.search(r"\(`plan_data/2569/progress/6-months/01.yml`\)\n\n```yaml\n(.*?)```", text, re.S).group(1)
    (root / R6 / "01.yml").write_text(example, encoding="utf-8")
    _, progress = load(root, photo_cache=root.parent / "photos")
    report = progress[2569].rounds[0].reports[1]
    assert [s.status.value for s in report.steps] == ["ดำเนินการแล้ว", "อยู่ระหว่างดำเนินการ", "ล่าช้า", "ยกเลิก"]
    assert len(report.evidence) == 3


def test_progress_files_are_tied_to_the_published_schemas_in_the_editor():
    import json
    from fnmatch import fnmatchcase

    import jsonschema

    from conftest import ROOT

    schemas = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    files = sorted((FIXTURE / "2569" / "progress").rglob("*.yml"))
    assert len(files) == 10
    for path in files:
        name = "plan_data/" + path.relative_to(FIXTURE).as_posix()
        matching = [s for s, globs in schemas.items() if any(fnmatchcase(name, g) for g in globs)]
        assert len(matching) == 1, (name, matching)
        text = path.read_text(encoding="utf-8")
        assert Path(text.splitlines()[0].split("$schema=")[1]).name == Path(matching[0]).name
        schema = json.loads((ROOT / matching[0]).read_text(encoding="utf-8"))
        jsonschema.validate(_typed(text), schema)


def _typed(text: str):
    """YAML as the editor's schema checker sees it: numbers as numbers, dates as text."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {k: [r for r in v if r[0] != "tag:yaml.org,2002:timestamp"]
                                      for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    return yaml.load(text, Loader=Loader)
