"""Pages of a year whose framework changed (tests/fixtures/framework_change_plan, made up) in headless Chromium:
the change notice, four tool colours, the ended lines of the trends page and the home page's explanation pass
axe at phone and desktop width, nothing scrolls sideways at 360 px, and the notice is reached by keyboard."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from browser import DESKTOP, PHONE, axe_violations, screenshot, serve, site_prefix
from conftest import ROOT, copy_project, mkdocs_build

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PAGES = ["", "2570/", "2570/indicator-03/", "2570/indicator-08/", "trends/"]


@pytest.fixture(scope="module")
def framework_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("framework-browser"))
    shutil.rmtree(project / "plan_data")
    shutil.copytree(ROOT / "tests" / "fixtures" / "framework_change_plan", project / "plan_data")
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_pages_of_a_changed_framework_pass_axe_and_fit_the_phone(chromium, framework_site, viewport):
    found, wide = {}, []
    with serve(framework_site, site_prefix()) as base:
        page = chromium.new_page(viewport=viewport)
        for path in PAGES:
            page.goto(base + path, wait_until="networkidle")
            if violations := axe_violations(page):
                found[path or "/"] = violations
            if page.evaluate("document.documentElement.scrollWidth > innerWidth + 1"):
                wide.append(path)
            screenshot(page, "fw-" + (path.strip("/").replace("/", "-") or "home")
                       + ("-phone" if viewport is PHONE else "-desktop"))
        page.close()
    assert not found, "\n".join(f"{p}: {v}" for p, vs in found.items() for v in vs)
    assert not wide, f"sideways scrolling at {viewport['width']} px: {wide}"


def test_four_tools_have_four_colours_and_the_notice_is_read_in_order(chromium, framework_site):
    with serve(framework_site, site_prefix()) as base:
        page = chromium.new_page(viewport=PHONE)
        page.goto(base + "2570/", wait_until="networkidle")
        fills = page.eval_on_selector_all(
            "#score-chart .itaplan-chart-bar", "els => els.map(e => getComputedStyle(e).fill)")
        assert len(fills) == 9 and len(set(fills)) == 4
        assert fills[0] == fills[3] != fills[4] and fills[7] != fills[8]
        text = page.inner_text("article")
        assert text.index("กรอบการประเมินเปลี่ยนในปี ๒๕๖๙") < text.index("คะแนน ITA ๒๕๖๙ เทียบกับ ITA ๒๕๖๘")
        page.goto(base + "trends/", wait_until="networkidle")
        headings = page.eval_on_selector_all("article h2, article h3", "els => els.map(e => e.tagName + ' ' + "
                                                                       "e.textContent.replace('¶', '').trim())")
        ended = headings.index("H2 ตัวชี้วัดในกรอบการประเมินเดิม")
        under = [h for h in headings[ended + 1:ended + 4]]
        assert [h.split(" ", 1)[0] for h in under] == ["H3"] * 3, headings
        assert "H3 ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต (ถึง ITA ๒๕๖๘)" in under
        page.close()
