"""The importer reads a table against the framework of its ITA year: an agency's own file (--framework) or
the project's plan_data/frameworks/; an indicator the framework lacks is refused at its line, nothing written."""

from __future__ import annotations

import shutil

from conftest import ROOT, itaplan

FIXTURE = ROOT / "tests" / "fixtures" / "framework_change_plan"
TABLE = FIXTURE / "table-2570.txt"
FRAMEWORK = FIXTURE / "frameworks" / "2569.yml"


def _line(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(needle))


def test_a_table_of_a_year_itaplan_does_not_ship_needs_its_framework(project, tmp_path):
    refused = itaplan(project, "import", str(TABLE), "--out", str(tmp_path / "out"))
    assert refused.returncode == 1 and not (tmp_path / "out").exists()
    assert "ยังไม่มีกรอบการประเมิน ITA ของปี 2569" in refused.stderr and "--framework" in refused.stderr
    made = itaplan(project, "import", str(TABLE), "--out", str(tmp_path / "out"), "--framework", str(FRAMEWORK))
    assert made.returncode == 0, made.stderr
    assert "อ่านตัวชี้วัด 9 ตัวของ ITA 2569" in made.stdout
    assert (tmp_path / "out" / "frameworks" / "2569.yml").read_bytes() == FRAMEWORK.read_bytes()
    assert sorted(p.name for p in (tmp_path / "out" / "2570" / "indicators").iterdir()) == [
        f"{n:02d}.yml" for n in range(1, 10)]
    assert "code: i25" in (tmp_path / "out" / "2570" / "indicators" / "01.yml").read_text(encoding="utf-8")


def test_the_projects_own_framework_is_used_without_the_option(project, tmp_path):
    (project / "plan_data" / "frameworks").mkdir()
    shutil.copy(FRAMEWORK, project / "plan_data" / "frameworks" / "2569.yml")
    made = itaplan(project, "import", str(TABLE), "--out", str(tmp_path / "out"))
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "out" / "frameworks" / "2569.yml").is_file()  # the written folder loads on its own


def test_an_indicator_the_framework_lacks_is_refused_at_its_line_and_nothing_is_written(project, tmp_path):
    text = TABLE.read_text(encoding="utf-8").replace("ตัวชี้วัดที่ ๙ ตัวชี้วัดทดสอบเครื่องมือที่สี่",
                                                     "ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต")
    table = tmp_path / "table.txt"
    table.write_text(text, encoding="utf-8")
    refused = itaplan(project, "import", str(table), "--out", str(tmp_path / "out"), "--framework", str(FRAMEWORK))
    assert refused.returncode == 1, refused.stdout
    line = _line(text, "ตัวชี้วัดที่ ๑๐")
    assert f"table.txt:{line}:" in refused.stderr
    assert "ไม่รู้จักตัวชี้วัด “ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต”" in refused.stderr
    assert "ต้องเป็นหนึ่งใน 9 ตัวชี้วัดของกรอบการประเมิน ITA 2569" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert not (tmp_path / "out").exists() and sorted(p.name for p in tmp_path.iterdir()) == ["project", "table.txt"]


def test_a_broken_framework_file_is_named_with_its_line(project, tmp_path):
    broken = tmp_path / "2569.yml"
    broken.write_text(FRAMEWORK.read_text(encoding="utf-8").replace("tool: TIT", "tool: XIT"), encoding="utf-8")
    refused = itaplan(project, "import", str(TABLE), "--out", str(tmp_path / "out"), "--framework", str(broken))
    assert refused.returncode == 1 and not (tmp_path / "out").exists()
    line = _line(broken.read_text(encoding="utf-8"), "    tool: XIT")
    assert f"2569.yml:{line}: ช่องเครื่องมือ (tool) ของตัวชี้วัดรายการที่ 9: ไม่มีเครื่องมือรหัส XIT" in refused.stderr
