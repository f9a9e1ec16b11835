"""The red-team pass in Chromium: a site built from staff data that tries every trick `itaplan check` lets through
(tests/hostile_fixture.py) behaves as the agency's own site — an ordinary shared search link stays on the site
and finds results, nothing covers or hides the page, no style from data applies, no policy violation or console
error on any page. Before issue 20, staff text on this page gave itself the id of Material's configuration
element and a full-page style the CSP hook allowed by hash."""

from __future__ import annotations

import pytest

from browser import DESKTOP, PHONE, screenshot, serve, site_pages, site_prefix
from conftest import mkdocs_build
from hostile_fixture import VISIBLE, hostile_project

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PAGE = "2569/indicator-03/"
RECORD = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", e => window.__violations.push(
  e.effectiveDirective + " blocked " + (e.blockedURI || "?") + " " + JSON.stringify(e.sample)));
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    project = hostile_project(tmp_path_factory.mktemp("hostile-browser") / "project")
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    with serve(project / "site", site_prefix(project / "mkdocs.yml")) as url:
        yield url, project / "site"


@pytest.fixture
def open_page(chromium):
    """Open a URL in a fresh context that records policy violations, console errors, requests and navigations."""
    contexts = []

    def opener(url: str, viewport=DESKTOP):
        context = chromium.new_context(viewport=viewport)
        contexts.append(context)
        context.add_init_script(RECORD)
        page = context.new_page()
        seen = {"errors": [], "requests": [], "frames": []}
        page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: seen["errors"].append(str(e)))
        page.on("request", lambda r: seen["requests"].append(r.url))
        page.on("framenavigated", lambda f: seen["frames"].append(f.url))
        page.goto(url, wait_until="networkidle")
        return page, seen

    yield opener
    for context in contexts:
        context.close()


def test_a_shared_search_link_stays_on_the_site_and_searches(open_page, hostile):
    url, _ = hostile
    page, seen = open_page(url + PAGE + "?q=สินบน")
    page.wait_for_selector("li.md-search-result__item", timeout=15000)  # the theme read its own configuration
    page.wait_for_timeout(500)
    config = page.evaluate("(() => { const c = document.querySelector('#__config'); "
                           "return [c.tagName, JSON.parse(c.textContent).base]; })()")
    assert config[0] == "SCRIPT" and "evil" not in config[1]
    assert page.url.startswith(url) and all(frame.startswith(url) for frame in seen["frames"]), seen["frames"]
    assert not [r for r in seen["requests"] if "evil.example" in r]
    assert page.evaluate("window.__violations") == [] and seen["errors"] == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_staff_text_neither_covers_nor_hides_anything(open_page, hostile, viewport):
    url, _ = hostile
    page, seen = open_page(url + PAGE, viewport)
    narrative = page.locator(".itaplan-narrative").first
    narrative.scroll_into_view_if_needed()
    # (the charts' names for screen readers are the only hidden elements the templates write)
    styled = page.evaluate("""() => [...document.querySelectorAll('article [style], article [hidden], article [id^="__"]')]
                              .filter(e => !/^(score|trend|progress)-chart(-\\w+)?-(title|desc)$/.test(e.id))
                              .map(e => e.outerHTML.slice(0, 80))""")
    positions = page.evaluate("""() => [...document.querySelectorAll('.itaplan-narrative *')]
                                 .map(e => getComputedStyle(e).position).filter(p => p !== 'static')""")
    shown = narrative.inner_text()
    hidden_paragraph = page.get_by_text("ย่อหน้าที่ซ่อน", exact=False)
    covering = page.evaluate("""() => { const e = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
                                return getComputedStyle(e).backgroundColor; }""")
    screenshot(page, f"hostile-indicator-{'phone' if viewport is PHONE else 'desktop'}")
    assert styled == [] and positions == []
    for text in VISIBLE:
        assert " ".join(text.split()) in " ".join(shown.split()), text
    assert hidden_paragraph.is_visible()
    assert covering != "rgb(255, 0, 0)"
    assert page.evaluate("window.__violations") == [] and seen["errors"] == []


def test_the_link_with_an_attribute_list_leads_where_it_says(open_page, hostile):
    url, _ = hostile
    page, _ = open_page(url + PAGE)
    link = page.get_by_role("link", name="ลิงก์ปกติ")
    assert link.get_attribute("href") == "https://www.example.go.th/"
    assert link.get_attribute("onclick") is None


def test_every_page_of_the_hostile_site_runs_without_a_violation(open_page, hostile):
    url, site = hostile
    found = {}
    for path in site_pages(site):
        page, seen = open_page(url + path, PHONE)
        problems = page.evaluate("window.__violations") + seen["errors"]
        if problems:
            found[path or "/"] = problems
        page.close()
    assert found == {}
