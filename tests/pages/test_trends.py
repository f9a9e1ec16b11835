"""Scores across fiscal years: the change from the year before in words and numbers, each
indicator's chart and table, and the trends page, with 1 and 3 years of synthetic fixtures."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from itaplan.pages.render import render_site
from itaplan.plan.loader import load_plan_data
from itaplan.plan.settings import settings_from
from framework_fixture import made_up_copies

MULTI = ROOT / "tests" / "fixtures" / "multi_year_plan"
ONE = ROOT / "tests" / "fixtures" / "golden_plan"


@pytest.fixture(scope="module")
def pages():
    return render_site(load_plan_data(MULTI), settings_from({"digits": "arabic"}))


def _row(markdown: str, first_cell: str) -> str:
    """The table row (its cells on consecutive lines) whose first cell holds `first_cell`."""
    lines = markdown.splitlines()
    start = next(n for n, line in enumerate(lines) if first_cell in line and line.startswith("<td"))
    return " ".join(lines[start:start + 4])


def test_year_summary_says_rose_fell_or_stayed_with_the_number(pages):
    summary = pages["2569/index.md"]
    assert "## เทียบกับปีก่อน" in summary and "ITA 2567" in summary
    assert "เพิ่มขึ้น +2.50" in _row(summary[summary.index("{#change}"):], "1. การปฏิบัติหน้าที่")
    assert "คงที่" in _row(summary[summary.index("{#change}"):], "6. คุณภาพการดำเนินงาน")
    assert "ลดลง −2.50" in _row(summary[summary.index("{#change}"):], "9. การเปิดเผยข้อมูล")
    oldest = pages["2567/index.md"]
    assert "ยังไม่มีผลการประเมินปีก่อนหน้าให้เปรียบเทียบ" in oldest


def test_indicator_page_has_an_accessible_chart_and_a_table_of_every_year(pages):
    page = pages["2569/indicator-09.md"]
    section = page[page.index("## คะแนนแต่ละปี"):]
    chart = re.search(r"<div class=\"itaplan-trend\"[^>]*role=\"img\".*?</ol></div>", section, re.S).group(0)
    title_id, desc_id = re.search(r'aria-labelledby="([^"]+)"', chart).group(1).split()
    assert f'<span id="{title_id}" hidden="hidden">คะแนน ITA แต่ละปี: การเปิดเผยข้อมูล</span>' in chart
    desc = re.search(rf'<span id="{desc_id}" hidden="hidden">(.*?)</span>', chart).group(1)
    assert "ปี 2566 95.00" in desc and "ปี 2568 90.00" in desc
    assert "<script" not in chart and "<text" not in chart  # text in HTML, where a darkened page recolours it
    # the years under the chart, oldest first, the scale beside it
    assert re.findall(r"<li>(\d+)</li>", chart) == ["2566", "2567", "2568"]
    assert '<li class="itaplan-trend-top">100</li>' in chart and '<li class="itaplan-trend-bottom">80</li>' in chart
    rows = [line for line in section.splitlines() if line.startswith("<tr markdown><td")]
    assert [re.search(r"ITA (\d+)", r).group(1) for r in rows] == ["2568", "2567", "2566"]
    assert "ลดลง −2.50" in rows[0] and "—" in rows[-1]


def test_trends_page_lists_all_ten_indicators_and_links_each_year(pages):
    trends = pages["trends.md"]
    assert trends.count('class="itaplan-trend"') == 10 and "3 ปี" in trends
    assert "(2567/indicator-01.md)" in trends and "(2569/indicator-10.md)" in trends


def test_one_year_says_there_is_nothing_to_compare_yet():
    pages = render_site(load_plan_data(ONE), settings_from({}))
    assert "เผยแพร่ผลการประเมินเพียงปีเดียว" in pages["trends.md"]
    assert "ยังไม่มีผลการประเมินปีก่อนหน้าให้เปรียบเทียบ" in pages["2569/index.md"]
    assert pages["2569/indicator-01.md"].count('class="itaplan-trend-point"') == 1


def test_ten_years_draw_ten_points(tmp_path):
    import shutil
    root = tmp_path / "plan_data"
    shutil.copytree(MULTI, root)
    for fy in range(2557, 2567):  # 2557 … 2566 from the synthetic 2567
        shutil.copytree(root / "2567", root / str(fy))
        for f in (root / str(fy)).rglob("*.yml"):
            shift = 2567 - fy
            text = f.read_text(encoding="utf-8").replace("fiscal_year: 2567", f"fiscal_year: {fy}").replace(
                "assessment_year: 2566", f"assessment_year: {fy - 1}")
            text = re.sub(r"(\d{4})(-\d\d-\d\d)", lambda m: f"{int(m.group(1)) - shift}{m.group(2)}", text)
            f.write_text(text, encoding="utf-8")
    made_up_copies(root)  # ITA 2556 … 2565: labelled copies of the 2568 framework
    pages = render_site(load_plan_data(root), settings_from({}))
    assert pages["2569/indicator-01.md"].count('class="itaplan-trend-point"') == 13
    assert "๑๓ ปี" in pages["trends.md"]
