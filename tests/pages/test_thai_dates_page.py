"""A date written in the Buddhist Era reaches the page as the right Thai date; a bad file stops
`mkdocs build` with the problem told in Thai first."""

from conftest import mkdocs_build
from htmlutil import content_text


def _period(project, start, end):
    for number in ("01", "02"):
        path = project / f"plan_data/2569/indicators/{number}.yml"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("start: 2025-10-01", f"start: {start}").replace("end: 2026-09-30", f"end: {end}"),
                        encoding="utf-8")


def test_buddhist_era_dates_are_published_as_thai_dates(project):
    _period(project, "2568-10-01", "๓๐ กันยายน พ.ศ. ๒๕๖๙")
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    text = content_text(project / "site/2569/indicator-01/index.html")
    assert "๑ ต.ค. ๒๕๖๘" in text and "๓๐ ก.ย. ๒๕๖๙" in text
    assert "๓๑๑๑" not in text and "3111" not in text
    html = (project / "site/2569/indicator-01/index.html").read_text(encoding="utf-8")
    assert '<time datetime="2025-10-01">' in html and '<time datetime="2026-09-30">' in html


def test_mkdocs_build_tells_the_problem_in_thai_first(project):
    _period(project, "1 ต.ค. 2567", "30 ก.ย. 2568")  # last year's dates
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    head = next(i for i, line in enumerate(lines) if "ข้อมูลแผนมีปัญหา 2 รายการ" in line)
    first = lines[head + 1]
    assert first.startswith("  plan_data/2569/indicators/01.yml:") and ": ช่องระยะเวลา (period): ช่วงเวลา 1 ต.ค. 2567" in first
    assert "(1 ต.ค. 2568 – 30 ก.ย. 2569)" in first
    english = next(line for line in lines[head + 1:] if "field period:" in line)
    assert lines.index(english) > head + 1, "the English explanation follows the Thai one"
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()


def test_mkdocs_build_tells_a_settings_problem_in_thai_first(project):
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "    digits: thai" in text
    config.write_text(text.replace("    digits: thai", "    digits: roman", 1), encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert "mkdocs.yml: ช่อง extra.itaplan.digits: ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: thai หรือ arabic" in result.stderr
