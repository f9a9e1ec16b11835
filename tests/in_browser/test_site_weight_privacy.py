"""What a citizen's phone downloads, in headless Chromium: only the site's own files (no font
servers, no trackers), and at most 450 KB for the first visit to an indicator page."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from browser import DESKTOP, PHONE, first_load, screenshot, site_pages

pytestmark = [pytest.mark.browser, pytest.mark.slow]
BUDGET = 450 * 1024  # bytes, uncompressed, including the Thai font


def test_no_page_asks_any_other_host(chromium, site_url, built_site):
    own = urlparse(site_url).netloc
    foreign = {}
    for path in site_pages(built_site):
        hosts = {urlparse(url).netloc for url, _ in first_load(chromium, site_url + path)}
        if hosts - {own}:
            foreign[path or "/"] = sorted(hosts - {own})
    assert not foreign, f"requests to other hosts: {foreign}"


def test_first_visit_to_an_indicator_page_fits_the_budget(chromium, site_url):
    files = first_load(chromium, site_url + "2569/indicator-07/")
    total = sum(size for _, size in files)
    fonts = [url for url, _ in files if url.endswith(".woff2")]
    listing = "\n".join(f"{size:>9} {url}" for url, size in sorted(files, key=lambda f: -f[1]))
    assert fonts, "the Thai font must be part of the count"
    assert total <= BUDGET, f"{total / 1024:.0f} KB > {BUDGET // 1024} KB:\n{listing}"


def test_search_loads_only_when_opened_and_then_works(chromium, site_url):
    context = chromium.new_context(viewport=DESKTOP)
    seen = []
    context.on("requestfinished", lambda request: seen.append(request.url))
    page = context.new_page()
    page.goto(site_url + "2569/", wait_until="networkidle")
    assert not [u for u in seen if "search" in u]
    page.locator("input.md-search__input").focus()
    page.keyboard.type("ITA")
    page.wait_for_selector(".md-search-result__item", timeout=30_000)
    assert any(u.endswith("search/search_index.json") for u in seen)
    context.close()


@pytest.mark.parametrize("name,viewport", [("phone", PHONE), ("desktop", DESKTOP)])
def test_screenshots_for_people_to_look_at(chromium, site_url, name, viewport):
    page = chromium.new_page(viewport=viewport)
    shots = []
    for path, label in (("", "home"), ("2569/", "summary"), ("2569/indicator-07/", "indicator-07")):
        page.goto(site_url + path, wait_until="networkidle")
        page.evaluate("document.fonts.ready")
        shots.append(screenshot(page, f"{label}-{name}"))
    page.close()
    assert all(shot.stat().st_size > 10_000 for shot in shots)
