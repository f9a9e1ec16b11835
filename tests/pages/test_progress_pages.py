"""Progress in the generated Markdown: golden report, unit and indicator pages from the progress fixture;
the real agency's site says 'not reported yet' and never shows an empty table."""

from __future__ import annotations

import os

import pytest

from conftest import ROOT
from itaplan.pages import paths as pages
from itaplan.pages.publish import site_payload
from itaplan.plan.loader import load_plan_data
from itaplan.pages.render import render_site
from itaplan.plan.settings import Settings
from progress_fixture import copy_fixture

GOLDEN = ROOT / "tests" / "golden" / "progress"
CASES = ["2569/report-12-months.md", "2569/report-6-months-print.md", "2569/units/samnakplat.md",
         "2569/indicator-01.md", "2569/index.md"]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    project = tmp_path_factory.mktemp("progress-pages")
    copy_fixture(project)
    return site_payload(project, {"digits": "thai"})


@pytest.mark.parametrize("page", CASES)
def test_golden_progress_pages(rendered, page):
    golden = GOLDEN / page
    actual = rendered["pages"][page]
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8"), f"re-run with UPDATE_GOLDEN=1 and review {golden}"


def test_report_urls_are_stable():
    assert pages.report_page(2569, "6-months") == "2569/report-6-months.md"
    assert pages.report_print_page(2569, "12-months") == "2569/report-12-months-print.md"
    assert pages.units_index(2569) == "2569/units/index.md"
    assert pages.unit_page(2569, "kongkhlang") == "2569/units/kongkhlang.md"


def test_navigation_lists_the_report_pages_of_the_year(rendered):
    nav = rendered["years"][0]["nav"]
    assert nav[-4:] == ["2569/report-6-months.md", "2569/report-12-months.md", "2569/units/index.md",
                        "2569/changes.md"]


def test_unit_slugs_are_ascii_and_one_per_unit(rendered):
    units = sorted(p for p in rendered["pages"] if p.startswith("2569/units/"))
    assert units == ["2569/units/index.md", "2569/units/kongkhlang.md", "2569/units/samnakplat.md",
                     "2569/units/thuksamnak-kong.md"]
    assert all(p.isascii() for p in units)


def test_the_real_agency_has_no_invented_progress():
    plans = load_plan_data(ROOT / "plan_data")
    out = render_site(plans, Settings())
    assert not (ROOT / "plan_data" / "2569" / "progress").exists()
    for round_id in ("6-months", "12-months"):
        text = out[f"2569/report-{round_id}.md"]
        assert "ยังไม่มีรายงานผล" in text and "<table" not in text
        assert "ยังไม่มีรายงานผล" in out[f"2569/report-{round_id}-print.md"]
        assert "<table" not in out[f"2569/report-{round_id}-print.md"]
    assert "ยังไม่มีรายงานผล" in out["2569/indicator-01.md"]
    assert "ยังไม่มีรายงานผลการดำเนินการของปีงบประมาณนี้" in out["2569/index.md"]
    for page in ("2569/units/samnakplat.md", "2569/units/index.md"):
        assert "ยังไม่มีรายงานผล" in out[page]


def test_the_home_page_says_no_report_yet_for_the_real_agency():
    from itaplan.pages.years_list import latest_report_markdown

    assert latest_report_markdown(None, "index.md").startswith("ยังไม่มีรายงานผล")
    line = latest_report_markdown({"page": "2569/report-12-months.md", "label": "รายงาน"}, "about/x.md")
    assert line == "- [**รายงานล่าสุด:** รายงาน](../2569/report-12-months.md)\n"


def test_status_is_written_in_words_with_a_symbol_never_colour_alone(rendered):
    text = rendered["pages"]["2569/indicator-03.md"]
    assert ('<span class="itaplan-status itaplan-status-delayed"><span class="itaplan-status-symbol" '
            'aria-hidden="true">!</span> ล่าช้า</span>') in text
    assert "เหตุผล: รอระเบียบใหม่จากกรมส่งเสริมการปกครองท้องถิ่น" in text
    assert "(ยังไม่มีรายงาน)" in text  # steps 3 and 4 were never reported


def test_one_word_for_results_as_the_official_report_title_has_it(rendered):
    """The official report is 'รายงานผลการดำเนินการ': headings, links and titles the site writes say
    ผลการดำเนินการ, never ผลการดำเนินงาน (staff text is published as written)."""
    for path, markdown in rendered["pages"].items():
        written = [line for line in markdown.splitlines()
                   if line.startswith(("#", "[", "- [", "description:")) or "ผลการดำเนิน" in line and "](" in line]
        assert not [line for line in written if "ผลการดำเนินงาน" in line], path
    assert any("ผลการดำเนินการ" in m for m in rendered["pages"].values())
