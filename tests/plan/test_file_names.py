"""File names that are not UTF-8 under plan_data/ (a zip made on Windows with Thai names): refused first, named so
staff recognise the file, and never a traceback — not from `itaplan check`, not from `mkdocs build`."""

from __future__ import annotations

import os

import pytest

from conftest import itaplan, mkdocs_build
from itaplan.errors import PlanDataError
from itaplan.plan.loader import load_plan_data

THAI_NAME = "การ".encode("cp874")  # b"\xa1\xd2\xc3", the Windows Thai code page


def _drop(folder, name: bytes = THAI_NAME + b".pdf") -> None:
    os.makedirs(os.fsencode(folder), exist_ok=True)
    with open(os.fsencode(folder) + b"/" + name, "wb") as out:
        out.write(b"%PDF-1.4\n")


@pytest.mark.parametrize("where", ["2569/evidence", "2569/progress/6-months", "2569", "."])
def test_a_name_that_is_not_utf8_is_refused_and_named(data, where):
    _drop(data / where)
    with pytest.raises(PlanDataError) as caught:
        load_plan_data(data)
    [problem] = caught.value.problems
    rel = "" if where == "." else where + "/"
    assert problem.file == f"plan_data/{rel}\\xa1\\xd2\\xc3.pdf" and problem.kind == "file_name"
    assert "การ.pdf" in problem.thai_text and "UTF-8" in problem.thai_text
    problem.file.encode("utf-8")  # printable anywhere: a terminal, a GitHub annotation, a log


def test_a_folder_with_such_a_name_is_reported_once(data):
    _drop(data / "2569/evidence" / os.fsdecode(THAI_NAME), b"a.pdf")
    with pytest.raises(PlanDataError) as caught:
        load_plan_data(data)
    assert [p.file for p in caught.value.problems] == ["plan_data/2569/evidence/\\xa1\\xd2\\xc3"]


def test_itaplan_check_reports_it_without_a_traceback(project):
    _drop(project / "plan_data/2569/evidence")
    result = itaplan(project, "check")
    assert result.returncode == 1
    assert "plan_data/2569/evidence/\\xa1\\xd2\\xc3.pdf" in result.stderr and "การ.pdf" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.slow
def test_mkdocs_build_stops_cleanly(project):
    _drop(project / "plan_data/2569/evidence")
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 1 and "การ.pdf" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (project / "site").exists()
