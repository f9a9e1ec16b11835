"""Phone first, in headless Chromium at 360 px: no sideways scrolling, the summary table as readable
cards, and tap targets of at least 44 × 44 px."""

from __future__ import annotations

import pytest

from browser import DESKTOP, PHONE, site_pages

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_no_page_scrolls_sideways_on_a_phone(chromium, site_url, built_site):
    page = chromium.new_page(viewport=PHONE)
    wide = {}
    for path in site_pages(built_site):
        page.goto(site_url + path, wait_until="networkidle")
        overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
        if overflow > 0:
            wide[path or "/"] = overflow
    page.close()
    assert not wide, f"pages wider than 360 px (by px): {wide}"


CARDS = """() => [...document.querySelectorAll('.itaplan-cards tbody tr')].map(tr => ({
  width: tr.getBoundingClientRect().width,
  cells: [...tr.cells].map(td => ({label: getComputedStyle(td, '::before').content,
                                    width: td.getBoundingClientRect().width}))}))"""


def test_summary_table_becomes_one_labelled_card_per_indicator_on_a_phone(chromium, site_url):
    page = chromium.new_page(viewport=PHONE)
    page.goto(site_url + "2569/", wait_until="networkidle")
    cards = page.evaluate(CARDS)
    page.set_viewport_size(DESKTOP)
    desktop_labels = page.evaluate(CARDS)[0]["cells"][0]["label"]
    page.close()
    assert len(cards) == 10
    for card in cards:
        assert 300 <= card["width"] <= 360  # the full width of the phone, not squeezed columns
        assert [c["label"] for c in card["cells"]] == [
            '"ตัวชี้วัด"', '"กลุ่ม"', '"คะแนน"', '"มาตรการ"', '"ผู้รับผิดชอบ"', '"ระยะเวลา"']
        assert all(c["width"] >= 280 for c in card["cells"])
    assert desktop_labels == "none"  # a real table on wide screens


SMALL_TARGETS = """() => {
  const seen = [];
  for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), label[for], [tabindex="0"]')) {
    const box = el.getBoundingClientRect(), style = getComputedStyle(el);
    if (!box.width || !box.height || style.visibility === 'hidden' || box.right <= 0 || box.left >= innerWidth) continue;
    if (el.closest('.md-search__output, .md-search__form, .md-search__overlay')) continue;  // closed search
    const own = el.textContent.trim();
    // WCAG 2.5.5 exception: a link within a line of text (its parent has text of its own)
    const inText = [...el.parentElement.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!inText && (box.width < 44 || box.height < 44))
      seen.push(`${el.tagName}.${el.className} "${own.slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
  }
  return seen;
}"""


# The same, for the open search alone (its back arrow, its clear button "ล้าง", its results)
SEARCH_TARGETS = SMALL_TARGETS.replace(
    "if (el.closest('.md-search__output, .md-search__form, .md-search__overlay')) continue;  // closed search",
    "if (!el.closest('.md-search') || getComputedStyle(el).opacity === '0') continue;")


@pytest.mark.parametrize("path", ["", "2569/", "2569/indicator-07/", "2569/print/", "trends/"])
def test_tap_targets_are_at_least_44_px_on_a_phone(chromium, site_url, path):
    page = chromium.new_page(viewport=PHONE)
    page.goto(site_url + path, wait_until="networkidle")
    small = page.evaluate(SMALL_TARGETS)
    page.locator("button[data-itaplan-for=__drawer]").click()  # the menu, opened
    page.wait_for_timeout(400)
    small += page.evaluate(SMALL_TARGETS)
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.getElementById('__drawer').checked", timeout=10_000)
    page.locator("button[data-itaplan-for=__search]").click()  # the search, opened, with a query and results
    page.keyboard.insert_text("ทุจริต")
    page.wait_for_selector(".md-search-result__item", timeout=30_000)
    page.wait_for_function("""() => { const clear = document.querySelector('.md-search__options > .md-icon');
        return getComputedStyle(clear).opacity !== '0' && !clear.getAnimations().length; }""", timeout=10_000)
    searched = page.evaluate(SEARCH_TARGETS)
    page.close()
    assert not small, "tap targets smaller than 44 px: " + "; ".join(small)
    assert not searched, "tap targets smaller than 44 px in the open search: " + "; ".join(searched)
