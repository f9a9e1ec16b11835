"""The strict YAML reader: line numbers, and input that must be refused cleanly."""

from pathlib import Path

import pytest

from itaplan.errors import PlanDataError
from itaplan.plan.yaml_source import read_yaml


def _read(tmp_path: Path, text: str | bytes):
    path = tmp_path / "x.yml"
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return read_yaml(path, "plan_data/x.yml")


def _problem(tmp_path, text):
    with pytest.raises(PlanDataError) as info:
        _read(tmp_path, text)
    [problem] = info.value.problems
    return problem


def test_line_of_nested_values(tmp_path):
    doc = _read(tmp_path, "a: 1\nsteps:\n  - one\n  - two\nperiod:\n  start: 2025-10-01\n")
    assert doc.line_of(("steps", 1)) == 4
    assert doc.line_of(("period", "start")) == 6
    assert doc.line_of(("period", "missing")) == 6  # nearest parent: the mapping under period


def test_dates_stay_text_so_validation_can_judge_them(tmp_path):
    doc = _read(tmp_path, "start: 2025-02-30\n")
    assert doc.data == {"start": "2025-02-30"}


def test_syntax_error_names_file_and_line(tmp_path):
    problem = _problem(tmp_path, "number: 1\nname: [unclosed\nscore: 100\n")
    assert problem.file == "plan_data/x.yml"
    assert problem.line == 3
    assert "not valid YAML" in problem.message


def test_bad_indentation_is_located(tmp_path):
    problem = _problem(tmp_path, "period:\n  start: 2025-10-01\n end: 2026-09-30\n")
    assert problem.line == 3


def test_duplicate_key_is_refused_not_silently_replaced(tmp_path):
    problem = _problem(tmp_path, "score: 90\nmeasure: x\nscore: 100\n")
    assert problem.line == 3
    assert '"score" appears twice' in problem.message


def test_aliases_are_refused(tmp_path):
    problem = _problem(tmp_path, "a: &x [1, 2]\nb: *x\n")
    assert problem.line == 1
    assert "anchors and aliases" in problem.message


def test_non_utf8_names_the_line(tmp_path):
    problem = _problem(tmp_path, "name: ok\nmeasure: " .encode() + "ทดสอบ".encode("cp874") + b"\n")
    assert problem.line == 2
    assert "UTF-8" in problem.message


def test_utf8_bom_is_accepted(tmp_path):
    assert _read(tmp_path, "\ufeffname: ทดสอบ\n").data == {"name": "ทดสอบ"}
