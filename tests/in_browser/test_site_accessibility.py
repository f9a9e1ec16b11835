"""WCAG 2.1 A and AA in headless Chromium: axe-core on every page at phone and desktop width,
the keyboard with a visible focus, text at 200 %, and the chart's text alternative."""

from __future__ import annotations

import pytest

from browser import DESKTOP, PHONE, axe_violations, site_pages

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_page_has_no_axe_violation(chromium, site_url, built_site, viewport):
    page = chromium.new_page(viewport=viewport)
    found = {}
    for path in site_pages(built_site):
        page.goto(site_url + path, wait_until="networkidle")
        if violations := axe_violations(page):
            found[path or "/"] = violations
    page.close()
    assert len(site_pages(built_site)) >= 13
    assert not found, "\n".join(f"{p}: {v}" for p, vs in found.items() for v in vs)


FOCUSED = """() => {
  const el = document.activeElement, style = getComputedStyle(el), box = el.getBoundingClientRect();
  return {tag: el.tagName, text: (el.textContent || '').trim().slice(0, 40), href: el.getAttribute('href'),
          outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
          inView: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
                  && box.left < innerWidth && box.top < innerHeight};
}"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_keyboard_reaches_every_link_with_a_visible_focus(chromium, site_url, viewport):
    page = chromium.new_page(viewport=viewport)
    page.goto(site_url + "2569/indicator-07/", wait_until="networkidle")
    stops = []
    for _ in range(80):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUSED)
        if state["tag"] == "BODY":
            break
        stops.append(state)
    page.close()
    hidden = [s for s in stops if not (s["outline"] and s["inView"])]
    assert not hidden, f"focus not visible on: {hidden}"
    hrefs = {s["href"] for s in stops}
    assert "../indicator-08/" in hrefs  # the next-indicator link at the foot of the page
    assert any(h and h.startswith("https://social-plugins.line.me/") for h in hrefs)
    assert any(s["text"] == "ข้ามไปที่เนื้อหา" for s in stops)  # skip link first


def test_keyboard_opens_search_and_finds_a_page(chromium, site_url):
    page = chromium.new_page(viewport=DESKTOP)
    page.goto(site_url + "2569/indicator-07/", wait_until="networkidle")
    page.keyboard.press("/")
    page.keyboard.type("ITA")
    page.wait_for_selector(".md-search-result__item", timeout=30_000)
    page.keyboard.press("ArrowDown")
    target = page.evaluate("document.activeElement.closest('.md-search-result__item') && document.activeElement.href")
    assert target, "the arrow key does not move into the search results"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == target
    page.close()


@pytest.mark.parametrize("path", ["", "2569/", "2569/indicator-07/"])
def test_text_grows_to_200_percent_without_loss(chromium, site_url, path):
    page = chromium.new_page(viewport=PHONE)
    page.goto(site_url + path, wait_until="networkidle")
    before = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)")
    # A reader's browser set to twice the default text size: Material sizes text from html's font-size.
    page.evaluate("document.documentElement.style.fontSize = '250%'")
    after = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)")
    assert after >= 2 * before - 0.5
    lost = page.evaluate("""() => [...document.querySelectorAll(
        '.md-content :is(p, td, li, h1, h2, dd, a)')]
      .filter(el => el.getClientRects().length && el.scrollWidth > el.clientWidth + 1
                    && getComputedStyle(el).display !== 'inline')
      .map(el => el.tagName + ': ' + el.textContent.trim().slice(0, 30))""")
    wide = page.evaluate("document.documentElement.scrollWidth - innerWidth")
    page.close()
    assert not lost, f"text cut off at 200 %: {lost}"
    assert wide <= 0, f"page scrolls sideways by {wide}px at 200 % text"


def test_chart_has_a_text_alternative_and_its_numbers_in_a_table(chromium, site_url):
    page = chromium.new_page(viewport=PHONE)
    page.goto(site_url + "2569/", wait_until="networkidle")
    chart = page.get_by_role("img", name="คะแนน ITA ๒๕๖๘ รายตัวชี้วัด")
    description = chart.evaluate("el => document.getElementById(el.getAttribute('aria-labelledby').split(' ')[1]).textContent")
    table_scores = page.locator(".itaplan-table td.itaplan-number").all_inner_texts()
    page.close()
    assert len(table_scores) == 10
    for score in table_scores:
        assert score in description


@pytest.mark.parametrize("key", ["Enter", " "])
def test_keyboard_opens_and_closes_the_menu_on_a_phone(chromium, site_url, key):
    page = chromium.new_page(viewport=PHONE)
    page.goto(site_url + "2569/indicator-07/", wait_until="networkidle")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.itaplanFor") == "__drawer"
    page.keyboard.press(key)
    page.wait_for_timeout(400)
    menu = page.locator(".md-sidebar--primary a[href='../indicator-01/']")
    assert menu.is_visible()
    box = menu.bounding_box()
    assert 0 <= box["x"] < PHONE["width"]
    page.keyboard.press("Escape")
    page.wait_for_timeout(400)
    closed = page.evaluate("!document.getElementById('__drawer').checked")
    focus = page.evaluate("document.activeElement.dataset.itaplanFor")
    page.close()
    assert closed and focus == "__drawer"
