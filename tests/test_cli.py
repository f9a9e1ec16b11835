"""The `itaplan` command: check without building, and write the pages without MkDocs."""

import re

from conftest import itaplan, mkdocs_build
from htmlutil import content_text


def test_check_passes_on_the_real_data(project):
    result = itaplan(project, "check")
    assert result.returncode == 0, result.stderr
    assert "10 indicators in fiscal year(s) 2569" in result.stdout


def test_check_fails_with_located_problem(project):
    path = project / "plan_data/2569/indicators/09.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("score: 90.0", "score: 900"), encoding="utf-8")
    result = itaplan(project, "check")
    assert result.returncode == 1
    assert "plan_data/2569/indicators/09.yml:" in result.stderr and "ช่องคะแนน (score)" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()


def test_pages_written_by_the_core_alone_match_the_published_site(project, tmp_path):
    out = tmp_path / "pages"
    result = itaplan(project, "pages", "--out", str(out))
    assert result.returncode == 0, result.stderr
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*.md"))
    assert written == sorted(["2569/index.md"] + [f"2569/indicator-{n:02d}.md" for n in range(1, 11)]
                             + ["2569/print.md", "2569/changes.md", "trends.md"]
                             + [f"2569/report-{r}{p}.md" for r in ("12-months", "6-months") for p in ("-print", "")]
                             + ["2569/units/index.md", "2569/units/kongkhlang.md", "2569/units/samnakplat.md",
                                "2569/units/thuksamnak-kong.md"])
    assert (out / "2569/data/indicators.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # open data, Excel-ready
    # the same Markdown, built by a plain MkDocs without the hook, shows the same text
    (project / "docs/2569/units").mkdir(parents=True)
    for rel in written:
        (project / "docs" / rel).write_text((out / rel).read_text(encoding="utf-8"), encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"  - hooks/itaplan_(data_)?hook\.py.*\n", "", config.read_text(encoding="utf-8")),
                      encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    text = content_text(project / "site/2569/indicator-04/index.html")
    assert "จัดทำคู่มือแนวทาง ปฏิบัติการยืมทรัพย์สิน ของราชการของเทศบาลตำบลโคกพุทรา" in text


def test_schema_command_writes_the_editor_schemas(project, tmp_path):
    result = itaplan(project, "schema", "--out", str(tmp_path / "s"))
    assert result.returncode == 0
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == [
        "agency.schema.json", "framework.schema.json", "indicator.schema.json", "plan-data.schema.json",
        "plan.schema.json", "progress.schema.json", "report.schema.json"]


def test_help_is_in_thai_first(project):
    result = itaplan(project, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("วิธีใช้ (usage): itaplan")
    assert "ตรวจข้อมูลแผนโดยไม่สร้างเว็บไซต์" in result.stdout and "คำสั่ง (commands):" in result.stdout
    assert "แสดงวิธีใช้นี้แล้วจบ" in result.stdout


def test_subcommand_help_and_mistakes_are_in_thai_first(project):
    result = itaplan(project, "check", "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("วิธีใช้ (usage): itaplan check")
    assert "ตัวเลือก (options):" in result.stdout and "--format {text,github}" in result.stdout
    assert result.stdout.count("ตัวเลือก (options):") == 1, "--config sits with the other options"
    wrong = itaplan(project, "check", "--format", "xml")
    assert wrong.returncode == 2
    assert "itaplan check: ผิดพลาด: --format: ไม่มีตัวเลือก 'xml' (เลือกได้: 'text', 'github')" in wrong.stderr
    assert "invalid choice" in wrong.stderr
    none = itaplan(project)
    assert none.returncode == 2 and "ยังไม่ได้ระบุคำสั่ง เช่น itaplan check" in none.stderr


def test_check_reports_in_thai_first(project):
    path = project / "plan_data/2569/indicators/09.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("start: 2025-10-01", "start: 31 ก.พ. 2569"),
                    encoding="utf-8")
    result = itaplan(project, "check")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0] == "ข้อมูลแผนมีปัญหา 1 รายการ (plan data has 1 problem):"
    assert lines[1].endswith(": ช่องวันเริ่ม (start ใต้ period): ไม่มีวันที่ “31 ก.พ. 2569” ในปฏิทิน (เช่น 31 ก.พ.): "
                             "ตรวจวันและเดือนอีกครั้ง")
    assert lines[2].strip() == 'field start under period: "31 ก.พ. 2569" is not a real date'
