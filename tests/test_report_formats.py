"""`itaplan check --format github`: annotations that land on the pull request's changed line."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from conftest import copy_project, itaplan
from itaplan.errors import PlanDataError, Problem
from itaplan.report_formats import escape_data, escape_property, format_report, github_annotation


def test_message_escapes_percent_and_line_breaks_only():
    assert escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"


def test_property_also_escapes_colon_and_comma():
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_annotation_names_file_line_column_and_field_in_thai_first():
    problem = Problem("plan_data/2569/indicators/01.yml", 7, "steps[2]", "expected text, found 12", column=3,
                      kind="string_type", thai="ต้องเป็นข้อความ แต่พบ 12")
    assert github_annotation(problem) == (
        "::error file=plan_data/2569/indicators/01.yml,line=7,col=3,"
        "title=itaplan check%3A ขั้นตอนที่ 3 (steps)::ขั้นตอนที่ 3 (steps): ต้องเป็นข้อความ แต่พบ 12"
        "%0Astep 3 (steps): expected text, found 12")


def test_annotation_without_line_or_field_still_names_the_file():
    problem = Problem("plan_data/2569/plan.yml", None, None, "file not found: expected the title", kind="layout",
                      thai="ไม่พบไฟล์ plan.yml")
    assert github_annotation(problem) == ("::error file=plan_data/2569/plan.yml,title=itaplan check::"
                                          "ไม่พบไฟล์ plan.yml%0Afile not found: expected the title")


def test_message_cannot_end_the_command_early():
    """A value quoted in a message (typed by staff) must not start a second workflow command."""
    problem = Problem("a,b:c.yml", 1, "name", "found 'x\n::error::fake'")
    line = github_annotation(problem)
    assert "\n" not in line  # the runner reads one command per line
    head, message = line[len("::error "):].split("::", 1)  # properties cannot hold "::", they are escaped
    assert head == "file=a%2Cb%3Ac.yml,line=1,title=itaplan check%3A ช่อง name"
    assert message.endswith("field name: found 'x\\x0a::error::fake'")


def _bad_score(project, value="120"):
    path = project / "plan_data/2569/indicators/01.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(i for i, text in enumerate(lines, 1) if text.startswith("score:"))
    lines[number - 1] = f"score: {value}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return number


def test_check_github_format_marks_the_edited_line(project):
    line = _bad_score(project)
    result = itaplan(project, "check", "--format", "github")
    assert result.returncode == 1
    assert (f"::error file=plan_data/2569/indicators/01.yml,line={line},title=itaplan check%3A ช่องคะแนน (score)"
            "::ช่องคะแนน (score): ค่าต้องไม่เกิน 100 แต่พบ “120”"
            '%0Afield score: expected at most 100, found "120"') in result.stdout.splitlines()
    assert "ข้อมูลแผนมีปัญหา 1 รายการ" in result.stdout
    assert "Traceback" not in result.stderr


def test_check_text_format_is_for_people(project):
    line = _bad_score(project)
    result = itaplan(project, "check")
    assert result.returncode == 1
    assert "::error" not in result.stdout + result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == "ข้อมูลแผนมีปัญหา 1 รายการ (plan data has 1 problem):"
    assert lines[1] == f"  plan_data/2569/indicators/01.yml:{line}: ช่องคะแนน (score): ค่าต้องไม่เกิน 100 แต่พบ “120”"
    assert lines[2].strip() == 'field score: expected at most 100, found "120"'


def test_paths_are_relative_to_the_repository_root(tmp_path):
    """A project in a subfolder of its repository: annotations still point at the right file."""
    repo = tmp_path / "repo"
    project = copy_project(repo / "site-src")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    _bad_score(project)
    result = itaplan(project, "check", "--format", "github")
    assert result.returncode == 1
    assert re.search(r"^::error file=site-src/plan_data/2569/indicators/01\.yml,line=\d+,", result.stdout, re.M)


def test_valid_data_passes_in_either_format(project):
    for fmt in ("text", "github"):
        result = itaplan(project, "check", "--format", fmt)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "::error" not in result.stdout


def test_report_lists_every_problem():
    error = PlanDataError([Problem("x.yml", 1, "a", "m1"), Problem("y.yml", 2, None, "m2")])
    out = format_report(error, "github", project=Path("/"))
    assert [line.split(",")[0] for line in out.splitlines()[:2]] == ["::error file=x.yml", "::error file=y.yml"]
