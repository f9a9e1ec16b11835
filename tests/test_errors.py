"""Problem reports: every problem located, with a plain Thai explanation for office staff."""

import shutil

import pytest

from conftest import ROOT
from itaplan.errors import PlanDataError, Problem
from itaplan.plan.loader import load_plan_data
from itaplan.thai_hints import HINTS


def test_report_puts_a_thai_hint_under_each_known_kind_of_problem():
    error = PlanDataError([
        Problem("plan_data/2569/indicators/01.yml", 6, "score", "expected less than or equal to 100, found 120",
                kind="less_than_equal"),
        Problem("plan_data/2569/indicators/02.yml", 3, None, "is not valid YAML: found unexpected end", kind="yaml"),
        Problem("plan_data/2569/indicators/03.yml", None, None, "something new", kind="never_seen_before"),
    ])
    lines = error.report().splitlines()
    assert lines[0] == "plan data has 3 problems:"
    assert lines[1] == ("  plan_data/2569/indicators/01.yml:6: field 'score': "
                        "expected less than or equal to 100, found 120")
    assert lines[2].strip() == "↳ " + HINTS["less_than_equal"] and "0 ถึง 100" in lines[2]
    assert lines[4].strip() == "↳ " + HINTS["yaml"]
    assert lines[5] == "  plan_data/2569/indicators/03.yml: something new" and len(lines) == 6


def test_real_validation_kinds_have_hints(tmp_path):
    data = tmp_path / "plan_data"
    shutil.copytree(ROOT / "plan_data", data)
    path = data / "2569/indicators/04.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("score: 100", "score: สูง").replace("group: IIT", "group: XYZ")
                    .replace("measure:", "measur:"), encoding="utf-8")
    with pytest.raises(PlanDataError) as info:
        load_plan_data(data)
    kinds = {p.kind for p in info.value.problems}
    assert {"float_type", "literal_error", "extra_forbidden", "missing"} <= kinds
    assert all(p.kind in HINTS for p in info.value.problems)
