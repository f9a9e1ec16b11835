"""Hostile plan data: every bad file is refused with a clear problem, quickly, and never a crash.

Each file in tests/fixtures/hostile/ replaces one file in a copy of plan_data; index.yml says
which, and the kind, field and line of the problem the loader must report. A handful also go
through `itaplan check` and `mkdocs build` to prove that no traceback reaches the user.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, itaplan, mkdocs_build

from itaplan.errors import PlanDataError
from itaplan.vocabulary import place
from itaplan.plan.loader import load_plan_data
from itaplan.plan.yaml_source import MAX_BYTES

HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
CASES = yaml.safe_load((HOSTILE / "index.yml").read_text(encoding="utf-8"))


def _plan_copy(tmp_path: Path) -> Path:
    root = tmp_path / "plan_data"
    shutil.copytree(ROOT / "plan_data", root)
    return root


def _refusal(root: Path) -> list:
    # How fast a refusal comes is measured by tests/benchmarks, never timed here (a loaded machine would fail it).
    with pytest.raises(PlanDataError) as caught:
        load_plan_data(root)
    return caught.value.problems


def test_corpus_is_large_and_indexed():
    files = sorted(p.name for p in HOSTILE.glob("*.yml") if p.name != "index.yml")
    assert len(files) >= 30
    assert files == sorted(c["file"] for c in CASES), "every hostile file has one entry in index.yml"


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_hostile_file_is_refused_at_its_line(case, tmp_path):
    root = _plan_copy(tmp_path)
    (root / case["target"]).write_bytes((HOSTILE / case["file"]).read_bytes())
    problems = _refusal(root)
    shown = f"plan_data/{case['target']}"
    found = [(p.kind, p.file, p.field, p.line) for p in problems]
    assert (case["kind"], shown, case["field"], case["line"]) in found, "\n".join(map(str, problems))
    assert all(p.file == shown for p in problems), "only the bad file is blamed"
    assert all("Traceback" not in str(p) and len(str(p)) < 500 for p in problems)  # Thai, then English


def test_file_larger_than_the_limit_is_refused_without_reading_it_all(tmp_path):
    root = _plan_copy(tmp_path)
    target = root / "2569/indicators/03.yml"
    with target.open("ab") as stream:
        stream.write(b"# " + b"x" * (MAX_BYTES * 8) + b"\n")
    [problem] = _refusal(root)
    assert (problem.kind, problem.file, problem.line) == ("too_large", "plan_data/2569/indicators/03.yml", None)


def test_a_hundred_thousand_wrong_items_give_a_short_report(tmp_path):
    root = _plan_copy(tmp_path)
    text = (root / "2569/indicators/03.yml").read_text(encoding="utf-8")
    text = text.replace("analysis:\n", "analysis: [" + ", ".join(["1"] * 100_000) + "]\nold_analysis:\n", 1)
    (root / "2569/indicators/03.yml").write_text(text, encoding="utf-8")
    problems = _refusal(root)
    assert len(problems) <= 30
    assert problems[0].kind == "string_type" and problems[0].field == "analysis[0]" and problems[0].line == 11
    assert "more problems in this file" in problems[-1].message


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="the platform has no symbolic links")
def test_link_to_a_file_outside_plan_data_is_not_read(tmp_path):
    root = _plan_copy(tmp_path)
    secret = tmp_path / "secret.yml"
    secret.write_text("password: hunter2\n", encoding="utf-8")
    (root / "2569/indicators/03.yml").unlink()
    (root / "2569/indicators/03.yml").symlink_to(secret)
    problems = _refusal(root)
    assert [(p.kind, p.file) for p in problems] == [("layout", "plan_data/2569/indicators/03.yml")]
    assert "hunter2" not in str(problems[0])


def test_folder_named_like_a_yaml_file_is_refused(tmp_path):
    root = _plan_copy(tmp_path)
    (root / "2569/indicators/11.yml").mkdir()
    problems = _refusal(root)
    assert [(p.kind, p.file) for p in problems] == [("layout", "plan_data/2569/indicators/11.yml")]


COMMAND_CASES = ["01-alias-bomb.yml", "04-nul-byte.yml", "07-python-object.yml", "26-link-javascript.yml"]


def _drop(project: Path, name: str) -> tuple[str, str]:
    case = next(c for c in CASES if c["file"] == name)
    (project / "plan_data" / case["target"]).write_bytes((HOSTILE / name).read_bytes())
    shown = place(case["field"], f"plan_data/{case['target']}") if case["field"] else None
    return f"plan_data/{case['target']}:{case['line']}", shown.thai if shown else ""  # the field as staff read it


@pytest.mark.parametrize("name", COMMAND_CASES)
def test_itaplan_check_reports_without_traceback(project, name):
    where, field = _drop(project, name)
    result = itaplan(project, "check")
    assert result.returncode == 1
    assert where in result.stderr and field in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.slow
@pytest.mark.parametrize("name", COMMAND_CASES[1:])
def test_mkdocs_build_reports_without_traceback(project, name):
    where, field = _drop(project, name)
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 1
    assert where in result.stderr and field in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (project / "site").exists(), "nothing was published"
