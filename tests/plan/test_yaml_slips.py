"""Slips that change the text silently: a line folded into the value above is refused, a value cut by ' #'
is warned — in `itaplan check` (text and GitHub annotations) and in the MkDocs build log (--strict fails)."""

from __future__ import annotations

import pytest

from conftest import itaplan, mkdocs_build
from itaplan.errors import PlanDataError
from itaplan.plan.yaml_loader import StrictLoader
from itaplan.plan.yaml_slips import cut_by_comment, escaped, folded
from itaplan.plan.yaml_source import read_yaml

IND = "plan_data/2569/indicators/01.yml"


def _slips(text: str, finder, shown: str = IND):
    loader = StrictLoader(text)
    root = loader.get_single_node()
    loader.dispose()
    return [(s.line, s.loc) for s in (finder(text, root, shown) if finder is folded else finder(text, root))]


@pytest.mark.parametrize("text,line", [
    ("steps:\n- ก\n - ข\n", 3),                        # one space too many before the dash
    ("steps:\n  - ก\n    - ข\n", 3),                   # two
    ("steps:\n- ก\n  ๒. ข\n", 3),                      # a Thai step number
    ("steps:\n- ก\n  2) ข\n", 3),                      # an Arabic one
    ("steps:\n- ก\n  (2) ข\n", 3),
    ("steps:\n- ก\n  ขั้นตอนที่ 2 ข\n", 3),
    ("steps:\n- ก\n  • ข\n", 3),
    ("steps:\n- \"ก\n  - ข\"\n", 3),                   # inside quotation marks YAML folds the same
    ("measure: ก\n  - ข\n", 2),                        # a one-line field
    ("measure: >\n  ก\n  - ข\n", 3),                   # a folded block
    ("steps:\n- ก\n  ข\n  - ค\n", 4),                  # the marker on a later continuation line
])
def test_a_line_that_starts_a_new_item_is_never_folded_silently(text, line):
    assert [found for found, _ in _slips(text, folded)] == [line]


@pytest.mark.parametrize("text", [
    "steps:\n- ก\n- ข\n",                              # a list as it should be
    "steps:\n- ก ข\n  ค ง\n",                           # a long step wrapped onto a second line
    "result: |\n  - ก\n  - ข\n",                         # Markdown list in a '|' block: kept as written
    "measure: >\n  ก\n\n  - ข\n",                       # a blank line keeps the break
    "score: 1.5\n",
    "steps:\n- ราคา 1.5 ล้านบาท\n  2568 ถึง 2569\n",    # numbers that are not step numbers
])
def test_ordinary_values_are_not_refused(text):
    assert _slips(text, folded) == []


@pytest.mark.parametrize("text,warned", [
    ("steps:\n- สร้าง #1 จิตสำนึก\n", [(2, ("steps", 0))]),
    ("measure: ทำ # ต่อ\n", [(1, ("measure",))]),
    ("steps:\n- #2 อบรม\n", [(2, ("steps", 0))]),        # a whole item read as a comment
    ("score: 99 # คะแนนเดิม 98\n", []),                   # a comment after a number: the number is whole
    ("measure: 'ทำ # ต่อ'\n", []),                       # quoted: kept
    ("measure: ทำ#ต่อ\n", []),                           # no space before '#': text
    ("result: |\n  ทำ # ต่อ\n", []),                     # a '|' block keeps its '#'
    ("reason: # ยังไม่มี\n", []),                         # an empty optional field with a comment
    ("# a comment line\nmeasure: ทำ\n", []),
])
def test_a_value_cut_by_a_comment_is_found(text, warned):
    assert _slips(text, cut_by_comment) == warned


def test_the_refusal_names_the_file_the_line_and_the_step(tmp_path):
    path = tmp_path / "01.yml"
    path.write_text("steps:\n- ก\n - ข\n", encoding="utf-8")
    with pytest.raises(PlanDataError) as caught:
        read_yaml(path, IND)
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.kind, problem.field) == (IND, 3, "folded", "steps[0]")
    assert problem.thai_text.startswith("ขั้นตอนที่ 1 (steps): บรรทัด 3 ขึ้นต้นด้วย “-” เหมือนข้อใหม่")


def _cut_a_step(project):
    path = project / IND
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    number = next(i for i, line in enumerate(lines, 1) if line.startswith("- ") and i > 12 and " " in line[2:])
    cut = lines[number - 1].index(" ", 2)  # a space inside the step's text
    lines[number - 1] = lines[number - 1][:cut] + " #" + lines[number - 1][cut + 1:]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return number


def test_check_warns_and_strict_fails(project):
    line = _cut_a_step(project)
    result = itaplan(project, "check")
    assert result.returncode == 0, result.stderr
    assert f"{IND}:{line}: ขั้นตอนที่" in result.stderr and "ถูกตัดทิ้ง" in result.stderr
    assert "คำเตือน 1 รายการ" in result.stderr
    strict = itaplan(project, "check", "--strict")
    assert strict.returncode == 1
    github = itaplan(project, "check", "--format", "github")
    assert f"::warning file={IND},line={line},title=itaplan check%3A ขั้นตอนที่" in github.stdout


@pytest.mark.slow
def test_the_build_log_warns_and_strict_builds_stop(project):
    line = _cut_a_step(project)
    plain = mkdocs_build(project)
    assert plain.returncode == 0, plain.stderr
    assert "WARNING" in plain.stderr and f"itaplan: {IND}:{line}: ขั้นตอนที่" in plain.stderr
    strict = mkdocs_build(project, "--strict")
    assert strict.returncode != 0 and "ถูกตัดทิ้ง" in strict.stderr


def test_the_sites_own_data_reads_without_warnings(project):
    result = itaplan(project, "check", "--strict")
    assert "คำเตือน" not in result.stderr and "warning" not in result.stdout.lower()


@pytest.mark.parametrize("text,warned", [
    ('file: "C:\\new\\report.pdf"\n', [1]),            # \n and \r became a line break and a return
    ('note: "ก\\tข"\n', [1]),
    ('note: "ว่า \\"ดี\\" มาก"\n', []),                # \" is how a quotation mark is written: kept
    ("note: 'C:\\new'\n", []),                          # single quotation marks keep every backslash
    ("note: C:\\new\n", []),                            # so does a plain value
])
def test_a_backslash_that_yaml_turns_into_another_character_is_found(text, warned):
    assert [line for line, _ in _slips(text, escaped)] == warned
