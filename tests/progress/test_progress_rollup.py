"""Roll-ups add up: steps done / steps counted, cancelled steps left out, delayed and unreported steps
not done, the latest round that reports an indicator wins; the same figure on every page."""

from __future__ import annotations

import re

import pytest

from itaplan.pages.publish import site_payload
from itaplan.progress import rollup
from itaplan.progress.schema import Status
from progress_fixture import copy_fixture, load


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    plans, progress = load(photo_cache=tmp_path_factory.mktemp("photos"))
    return plans.years[0], progress[2569]


def _ind(plan, number):
    return next(i for i in plan.indicators if i.number == number)


def test_cancelled_steps_are_left_out_of_the_count(data):
    plan, progress = data
    p = rollup.indicator_progress(_ind(plan, 1), progress)  # 3 done, step 4 cancelled
    assert (p.done, p.counted, p.cancelled, p.percent) == (3, 3, 1, 100)


def test_all_steps_cancelled_has_no_percent(data):
    plan, progress = data
    p = rollup.indicator_progress(_ind(plan, 10), progress)
    assert (p.done, p.counted, p.cancelled, p.percent) == (0, 0, 4, None)
    assert rollup.overall_status(p) is Status.CANCELLED


def test_delayed_counts_as_not_done_and_marks_the_indicator_delayed(data):
    plan, progress = data
    p = rollup.indicator_progress(_ind(plan, 4), progress)  # done, delayed, in progress
    assert (p.done, p.counted, p.percent) == (1, 3, 33)
    assert p.count(Status.DELAYED) == 1
    assert rollup.overall_status(p) is Status.DELAYED


def test_a_step_the_latest_round_does_not_list_counts_as_not_started(data):
    plan, progress = data
    states = rollup.step_states(_ind(plan, 7), progress)  # 12-months lists steps 1 and 2 of 4
    assert [s.status for s in states] == [Status.DONE, Status.DONE, Status.NOT_STARTED, Status.NOT_STARTED]
    assert [s.reported for s in states] == [True, True, False, False]


def test_an_indicator_reported_only_at_six_months_keeps_that_status(data):
    plan, progress = data
    states = rollup.step_states(_ind(plan, 3), progress)
    assert states[0].round.round.id == "6-months"
    assert [s.status for s in states] == [Status.DONE, Status.DELAYED, Status.NOT_STARTED, Status.NOT_STARTED]


def test_an_indicator_never_reported_is_all_not_started(data):
    plan, progress = data
    p = rollup.indicator_progress(_ind(plan, 5), progress)
    assert (p.done, p.counted, p.percent) == (0, 3, 0)
    assert all(not s.reported and s.round is None for s in rollup.step_states(_ind(plan, 5), progress))


def test_round_and_year_roll_ups_are_sums_of_steps_not_averages(data):
    plan, progress = data
    six, twelve = progress.rounds
    first = rollup.round_progress(plan, progress, six)
    # 6 months: indicator 1 has 1 of 4 done, indicator 3 1 of 4; 34 steps in the plan, none cancelled yet
    assert (first.done, first.counted, first.cancelled, first.percent) == (2, 34, 0, 6)
    year = rollup.year_progress(plan, progress)
    # 12 months: 1: 3/3 (1 cancelled), 2: 1/2 (1 cancelled), 3: 1/4 (from 6 months), 4: 1/3, 7: 2/4,
    # 10: all 4 cancelled, the rest 0 of 3+3+3+3
    assert (year.done, year.counted, year.cancelled) == (8, 28, 6)
    assert year.percent == 29  # 8/28 = 28.6 %, rounded half up
    assert year == rollup.round_progress(plan, progress, twelve)
    by_indicator = sum((rollup.indicator_progress(i, progress) for i in plan.indicators), rollup.NOTHING)
    assert by_indicator == year


@pytest.mark.parametrize("done,counted,expected", [(1, 2, 50), (1, 3, 33), (2, 3, 67), (1, 8, 13), (0, 1, 0)])
def test_percent_rounds_half_up(done, counted, expected):
    assert rollup.Progress(done, counted, 0).percent == expected


def test_the_same_figure_on_every_page(tmp_path):
    copy_fixture(tmp_path)
    pages = site_payload(tmp_path, {})["pages"]
    year = "๘ จาก ๒๘ ขั้นตอน (ร้อยละ ๒๙)"
    assert year in pages["2569/index.md"] and year in pages["2569/report-12-months.md"]
    six = "๒ จาก ๓๔ ขั้นตอน (ร้อยละ ๖)"
    assert six in pages["2569/report-6-months.md"]
    ind1 = "๓ จาก ๓ ขั้นตอน (ร้อยละ ๑๐๐)"
    for page in ("2569/indicator-01.md", "2569/report-12-months.md", "2569/report-12-months-print.md"):
        assert ind1 in pages[page], page
    assert "ไม่นับขั้นตอนที่ยกเลิก ๑ ขั้นตอน" in pages["2569/indicator-01.md"]
    # the unit carrying indicators 1, 2, 6, 8, 9: 3/3 + 1/2 + 0/3 + 0/3 + 0/3
    assert "๔ จาก ๑๔ ขั้นตอน (ร้อยละ ๒๙)" in pages["2569/units/thuksamnak-kong.md"]
    assert "๔ จาก ๑๔ ขั้นตอน (ร้อยละ ๒๙)" in pages["2569/units/index.md"]
    # the chart writes the same numbers it draws
    chart = re.search(r'<div class="itaplan-chart itaplan-progress-chart".*?</ol></div>', pages["2569/report-12-months.md"],
                      re.S).group()
    assert "๓/๓ ขั้นตอน (๑๐๐%)" in chart and "ยกเลิกทั้งหมด" in chart
