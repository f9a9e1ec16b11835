"""Periods in plan data: written as staff write dates, and inside the folder's fiscal year."""

from datetime import date
from pathlib import Path

import pytest

from itaplan.errors import PlanDataError
from itaplan.plan.loader import load_plan_data

IND = "2569/indicators/03.yml"


def set_period(data: Path, start: str, end: str) -> int:
    """Write the period of indicator 3; returns the line of `start:`."""
    path = data / IND
    text = path.read_text(encoding="utf-8")
    text = text.replace("  start: 2025-10-01", f"  start: {start}", 1).replace("  end: 2026-09-30", f"  end: {end}", 1)
    path.write_text(text, encoding="utf-8")
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith("  start:"))


def period_of(data: Path):
    plans = load_plan_data(data)
    return next(i.period for i in plans.latest.indicators if i.number == 3)


def refused(data: Path):
    with pytest.raises(PlanDataError) as caught:
        load_plan_data(data)
    return caught.value.problems


@pytest.mark.parametrize("start,end", [
    ("1 ต.ค. 2568", "30 ก.ย. 2569"),
    ("๑ ตุลาคม ๒๕๖๘", "๓๐ กันยายน ๒๕๖๙"),
    ("1 ตุลาคม พ.ศ. 2568", "30 กันยายน พ.ศ. 2569"),
    ("2025-10-01", "2026-09-30"),
    ("2568-10-01", "2569-09-30"),
    ("'๑ ต.ค.๒๕๖๘'", "\"2569-09-30\""),
])
def test_the_period_is_stored_as_the_right_days(data, start, end):
    set_period(data, start, end)
    period = period_of(data)
    assert (period.start, period.end) == (date(2025, 10, 1), date(2026, 9, 30))


def test_buddhist_era_iso_is_not_read_as_the_year_3111(data):
    set_period(data, "2568-10-01", "2569-09-30")
    assert period_of(data).start.year == 2025


def test_impossible_thai_date_is_refused_at_its_line_in_thai(data):
    line = set_period(data, "31 ก.พ. 2569", "30 ก.ย. 2569")
    [p] = refused(data)
    assert (p.file, p.line, p.field, p.kind) == (f"plan_data/{IND}", line, "period.start", "value_error")
    assert p.thai.startswith("ไม่มีวันที่ “31 ก.พ. 2569” ในปฏิทิน") and "not a real date" in p.message


def test_end_before_start_is_explained_with_thai_dates(data):
    set_period(data, "1 ก.ย. 2569", "1 ต.ค. 2568")
    [p] = refused(data)
    assert p.field == "period" and "วันสิ้นสุด 1 ต.ค. 2568 อยู่ก่อนวันเริ่ม 1 ก.ย. 2569" in p.thai


def test_last_years_dates_are_refused_naming_file_line_field_and_the_fiscal_year(data):
    line = set_period(data, "1 ต.ค. 2567", "30 ก.ย. 2568")  # copied from the 2568 plan
    [p] = refused(data)
    assert (p.file, p.line, p.field, p.kind) == (f"plan_data/{IND}", line, "period", "fiscal_year")
    assert p.thai.startswith("ช่วงเวลา 1 ต.ค. 2567 – 30 ก.ย. 2568 อยู่นอกปีงบประมาณ พ.ศ. 2569 "
                             "(1 ต.ค. 2568 – 30 ก.ย. 2569)")
    assert "fiscal year 2569 (2025-10-01 – 2026-09-30)" in p.message
    assert str(p).startswith(f"plan_data/{IND}:{line}: ช่องระยะเวลา (period): ช่วงเวลา")


def test_next_years_dates_are_refused_too(data):
    set_period(data, "1 ต.ค. 2569", "30 ก.ย. 2570")
    [p] = refused(data)
    assert p.kind == "fiscal_year"


@pytest.mark.parametrize("start,end", [
    ("1 ก.ย. 2568", "31 ต.ค. 2568"),   # straddles the start of the fiscal year
    ("1 ก.ย. 2569", "31 ธ.ค. 2569"),   # straddles its end
    ("30 ก.ย. 2569", "30 ก.ย. 2569"),  # its last day only
    ("1 ต.ค. 2568", "1 ต.ค. 2568"),    # its first day only
])
def test_a_period_overlapping_the_fiscal_year_is_accepted(data, start, end):
    set_period(data, start, end)
    period_of(data)


def test_a_period_ending_the_day_before_the_fiscal_year_is_refused(data):
    set_period(data, "1 ก.ย. 2568", "30 ก.ย. 2568")
    [p] = refused(data)
    assert p.kind == "fiscal_year"


def test_the_fiscal_year_comes_from_plan_yml_and_its_folder(data):
    """Moving the folder to 2570 (plan.yml and dates left as they were) blames the mismatch, not every date."""
    (data / "2569").rename(data / "2570")
    problems = refused(data)
    assert [(p.kind, p.field) for p in problems] == [("mismatch", "fiscal_year")]
