"""Rendering: the generated Markdown matches reviewed golden files, and data never becomes markup."""

import os
import shutil

import markdown
import pytest

from conftest import ROOT
from itaplan.plan.loader import load_plan_data
from itaplan.pages.publish import site_payload
from itaplan.pages.render import md_text, render_site
from itaplan.pages.years_list import years_list_markdown
from itaplan.plan.settings import Settings
from framework_fixture import made_up_copy

GOLDEN = ROOT / "tests" / "golden"
PLAN = ROOT / "tests" / "fixtures" / "golden_plan"
CASES = [("thai", "2569/index.md"), ("thai", "2569/indicator-01.md"), ("thai", "2569/indicator-02.md"),
         ("thai", "2569/indicator-10.md"), ("arabic", "2569/indicator-06.md")]


@pytest.fixture(scope="module")
def rendered():
    plans = load_plan_data(PLAN)
    return {style: render_site(plans, Settings(digits=style)) for style in ("thai", "arabic")}


@pytest.mark.parametrize("style,page", CASES)
def test_golden_pages(rendered, style, page):
    golden = GOLDEN / style / page
    actual = rendered[style][page]
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8"), f"re-run with UPDATE_GOLDEN=1 and review {golden}"


def test_one_page_per_indicator_and_a_summary(rendered):
    assert sorted(rendered["thai"]) == (
        ["2569/index.md"] + [f"2569/indicator-{n:02d}.md" for n in range(1, 11)] + ["2569/print.md"]
        + ["2569/report-12-months-print.md", "2569/report-12-months.md", "2569/report-6-months-print.md",
           "2569/report-6-months.md", "2569/units/index.md", "2569/units/kongkhlang.md",
           "2569/units/samnakplat.md", "2569/units/thuksamnak-kong.md", "trends.md"])


def _html(text: str) -> str:
    return markdown.markdown(text, extensions=["attr_list", "def_list", "md_in_html", "tables"])


@pytest.mark.parametrize("hostile", [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))",
    "1. not a list", "# not a heading", "- not a bullet", "> not a quote", "**bold** _em_ `code`",
    "text {: onclick=alert(1) }", "a | b", "&lt;script&gt;", "![img](http://evil.example/x.png)",
])
def test_md_text_keeps_text_as_text(hostile):
    html = _html(md_text(hostile))
    assert html.startswith("<p>") and html.count("<") == 2, html  # only the paragraph itself
    assert "".join(html[3:-4].split()) == "".join(
        hostile.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").split())


def test_years_list_links_newest_first_from_any_page(tmp_path):
    plan = tmp_path / "plan_data"
    shutil.copytree(PLAN, plan, ignore=shutil.ignore_patterns("README.md"))
    newer = plan / "2570"
    shutil.copytree(plan / "2569", newer)
    for path in (newer / "indicators").glob("*.yml"):  # next year's measures run in next year
        path.write_text(path.read_text(encoding="utf-8").replace("start: 2025-10-01", "start: 2026-10-01")
                        .replace("end: 2026-09-30", "end: 2027-09-30"), encoding="utf-8")
    info = newer / "plan.yml"
    info.write_text(info.read_text(encoding="utf-8").replace("assessment_year: 2568", "assessment_year: 2569")
                    .replace("fiscal_year: 2569", "fiscal_year: 2570"), encoding="utf-8")
    made_up_copy(plan, 2569)  # itaplan ships no ITA 2569 framework
    years = site_payload(tmp_path, {"digits": "thai"})["years"]
    home = years_list_markdown(years, "index.md").splitlines()
    assert home == ["- [**ฉบับล่าสุด:** ผลการวิเคราะห์ ITA ๒๕๖๙ และมาตรการปีงบประมาณ ๒๕๗๐](2570/index.md)",
                    "- [ผลการวิเคราะห์ ITA ๒๕๖๘ และมาตรการปีงบประมาณ ๒๕๖๙](2569/index.md)"]
    assert years_list_markdown(years, "about/history.md").splitlines()[1].endswith("(../2569/index.md)")
