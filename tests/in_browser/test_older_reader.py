"""An older reader on a phone (issue 21): text at 200 %, no mouse, a darkened screen — in headless Chromium
at 360 px, on a site with every page type: the progress fixture's year with its report rounds, two earlier
synthetic years (trends) and a Git history (changes).

What axe cannot see is checked here: nothing cut or pushed past the screen at 200 % text, focus visible
and never under the sticky header on a walk forwards and backwards, the phone menu and search by keyboard,
the size of chart text and its contrast when Chromium darkens the page, the print view and the 404 page.
Screenshots of every page type go to tests/artifacts/ for people to look at.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from browser import DESKTOP, PHONE, axe_violations, screenshot, serve, site_prefix
from conftest import ROOT, mkdocs_build
from progress_fixture import fixture_project

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGE_TYPES = {
    "summary": "2569/",
    "indicator": "2569/indicator-01/",  # with its progress and its scores across the years
    "report": "2569/report-12-months/",
    "unit": "2569/units/thuksamnak-kong/",
    "trends": "trends/",
    "changes": "2569/changes/",
    "print": "2569/print/",
    "report-print": "2569/report-12-months-print/",
    "home": "",
    "not-found": "no-such-page/",
}
NORMAL_ROOT_PX = 20  # Material's html font-size (125 %) at the default 16 px
WAIT = 10_000  # ms: conditions are awaited, never slept on; this is only how long before failing


def _commit(project: Path, message: str, date: str) -> None:
    env = {"GIT_AUTHOR_NAME": "ทดสอบ", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "ทดสอบ",
           "GIT_COMMITTER_EMAIL": "t@example.invalid", "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
           "PATH": "/usr/bin:/bin", "HOME": str(project)}
    for args in (["add", "-A"], ["commit", "-qm", message]):
        subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def reader_url(tmp_path_factory):
    """The progress fixture's 2569 with the synthetic 2567 and 2568 beside it, committed twice (made-up data)."""
    project = fixture_project(tmp_path_factory.mktemp("older-reader") / "project")
    for folder in ("2567", "2568", "frameworks"):  # 2567 analyses ITA 2566: its (made-up) framework comes along
        shutil.copytree(ROOT / "tests" / "fixtures" / "multi_year_plan" / folder, project / "plan_data" / folder,
                        dirs_exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=project, check=True)
    _commit(project, "แผนฉบับแรก (ข้อมูลทดสอบ)", "2025-11-01T09:00:00+07:00")
    ind9 = project / "plan_data" / "2569" / "indicators" / "09.yml"
    text = ind9.read_text(encoding="utf-8").replace("score: 90.0", "score: 91.5")
    ind9.write_text(text.replace("measure: ", "measure: ปรับปรุงแล้ว ", 1), encoding="utf-8")
    _commit(project, "แก้คะแนนและมาตรการตัวชี้วัดที่ 9 (ข้อมูลทดสอบ)", "2025-12-05T10:30:00+07:00")
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    with serve(project / "site", site_prefix(project / "mkdocs.yml")) as url:
        yield url


def _open(context_or_browser, url: str, viewport=PHONE):
    page = (context_or_browser.new_page() if not hasattr(context_or_browser, "new_context")
            else context_or_browser.new_page(viewport=viewport))
    page.goto(url, wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    return page


# ---- 200 % text at 360 px -------------------------------------------------------------------------

# Seen elements that reach past either side of the screen. An element inside something that scrolls or
# clips it (a table region that scrolls sideways, text for screen readers only) counts only if no such
# container of it fits the screen.
PAST_THE_SCREEN = """() => {
  const width = document.documentElement.clientWidth, out = [];
  const within = box => box.left >= -1 && box.right <= width + 1;
  for (const el of document.body.querySelectorAll('*')) {
    if (!el.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height || within(box)) continue;
    let held = false;
    for (let a = el.parentElement; a && a !== document.body && !held; a = a.parentElement) {
      const s = getComputedStyle(a);
      held = (s.overflowX !== 'visible' || s.clipPath !== 'none') && within(a.getBoundingClientRect());
    }
    if (held) continue;
    out.push(`${el.tagName}.${el.className} "${(el.textContent || '').trim().slice(0, 30)}" `
             + `${Math.round(box.left)}..${Math.round(box.right)}`);
  }
  return out;
}"""
# Text cut off inside its own box, and statuses whose lines leave their card or the screen.
CUT = """() => {
  const width = document.documentElement.clientWidth;
  const cut = [...document.querySelectorAll('.md-content :is(p, td, li, h1, h2, h3, dd, dt, a, figcaption)')]
    .filter(el => el.getClientRects().length && getComputedStyle(el).display !== 'inline'
                  && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible')
    .map(el => el.tagName + ': ' + el.textContent.trim().slice(0, 30));
  const statuses = [...document.querySelectorAll('.itaplan-status')].filter(el => el.getClientRects().length);
  const clipped = statuses.filter(el => {
    const card = el.closest('tr, li, p, dd, td') || el.parentElement, limit = card.getBoundingClientRect();
    return [...el.getClientRects()].some(r => r.right > Math.min(width, limit.right) + 1 || r.left < limit.left - 1);
  }).map(el => el.textContent.trim());
  return {cut, clipped, statuses: statuses.length};
}"""


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_text_at_200_percent_on_a_360_px_phone_cuts_nothing(large_text, reader_url, name):
    page = _open(large_text, reader_url + PAGE_TYPES[name])
    root_px = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    sideways = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    past = page.evaluate(PAST_THE_SCREEN)
    found = page.evaluate(CUT)
    screenshot(page, f"older-reader-{name}-360px-200pc")
    page.close()
    assert root_px >= 2 * NORMAL_ROOT_PX, "the page did not get the reader's larger text"
    assert sideways <= 0, f"{name} scrolls sideways by {sideways} px"
    assert not past, f"{name}: past the screen: {past}"
    assert not found["cut"], f"{name}: text cut: {found['cut']}"
    assert not found["clipped"], f"{name}: statuses cut: {found['clipped']}"
    if name in ("report", "unit", "indicator", "report-print"):
        assert found["statuses"], "the page should show statuses"


def test_every_page_type_fits_a_phone_at_normal_text_and_a_desktop_too(chromium, reader_url):
    """The screenshots to look at beside the 200 % ones; nothing scrolls sideways at either size."""
    wide = {}
    for viewport, label in ((PHONE, "360px"), (DESKTOP, "desktop")):
        page = chromium.new_page(viewport=viewport)
        for name, path in PAGE_TYPES.items():
            page.goto(reader_url + path, wait_until="networkidle")
            page.evaluate("document.fonts.ready")
            if page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth"):
                wide[f"{name} {label}"] = page.evaluate(PAST_THE_SCREEN)
            screenshot(page, f"older-reader-{name}-{label}")
        page.close()
    assert not wide, wide


FOOT_LINKS = """() => [...document.querySelectorAll('.md-footer__link')].map(link => {
  const title = link.querySelector('.md-footer__title .md-ellipsis'), box = link.getBoundingClientRect();
  return {label: link.getAttribute('aria-label'),
          shown: title && title.checkVisibility() ? title.textContent.trim().replace(/\\s+/g, ' ') : '',
          cut: !!title && title.scrollWidth > title.clientWidth + 1,
          fits: box.left >= 0 && box.right <= document.documentElement.clientWidth + 1};
})"""


def test_the_previous_and_next_pages_at_the_foot_are_named_in_full_at_200_percent(large_text, reader_url):
    """Material shows the next page's title on a phone cut to one line ("ถัดไป ตัว…" at large text) and the
    previous page's not at all: the reader should see where each leads."""
    page = _open(large_text, reader_url + PAGE_TYPES["indicator"])
    links = page.evaluate(FOOT_LINKS)
    page.close()
    assert len(links) == 2  # the indicator page has both
    for link in links:
        direction, _, title = link["label"].partition(": ")
        assert direction in ("ก่อนหน้า", "ถัดไป") and title
        assert link["shown"] == title, f"{direction}: shows {link['shown']!r}, not {title!r}"
        assert not link["cut"] and link["fits"], link


# ---- The keyboard ---------------------------------------------------------------------------------

# An element's name, as near as a test needs it: aria-label, aria-labelledby, its text, its title.
NAME = """el => [el.getAttribute('aria-label'), (el.getAttribute('aria-labelledby') || '').split(' ').map(id =>
  (document.getElementById(id) || {}).textContent || '').join(' '), el.textContent, el.title]
  .map(text => (text || '').trim().replace(/\\s+/g, ' ')).find(Boolean) || ''"""
FOCUS = """() => {
  const NAME = """ + NAME + """;
  const el = document.activeElement, box = el.getBoundingClientRect(), style = getComputedStyle(el);
  const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
  const inHeader = !!el.closest('.md-header, .md-skip');
  return {
    tag: el.tagName, name: NAME(el).slice(0, 40),
    id: el.id, cls: String(el.className), permalink: el.classList.contains('headerlink'),
    ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    empty: !box.width || !box.height,
    // not under the sticky header: its top below the header, or (taller than the screen) a part below it
    underHeader: !inHeader && box.top < header - 1 && !(box.height > innerHeight - header && box.bottom > header + 40),
    inView: box.bottom > (inHeader ? 0 : header) && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
  };
}"""


def _walk(page, key: str, limit: int = 400) -> list[dict]:
    stops, seen = [], set()
    for _ in range(limit):
        page.keyboard.press(key)
        state = page.evaluate(FOCUS)
        if state["tag"] == "BODY":
            break
        mark = page.evaluate("(() => { const el = document.activeElement; "
                             "el.dataset.walk = el.dataset.walk || String(Math.random()); return el.dataset.walk; })()")
        if mark in seen:
            break
        seen.add(mark)
        stops.append(state)
    return stops


@pytest.mark.parametrize("name", ["indicator", "report", "trends", "changes"])
def test_keyboard_walk_forwards_and_backwards_at_200_percent(large_text, reader_url, name):
    page = _open(large_text, reader_url + PAGE_TYPES[name])
    forwards = _walk(page, "Tab")
    page.goto(reader_url + PAGE_TYPES[name], wait_until="networkidle")
    backwards = _walk(page, "Shift+Tab")
    page.close()
    assert len(forwards) >= 12 and len(backwards) >= 12
    for direction, stops in (("forwards", forwards), ("backwards", backwards)):
        hidden = [s for s in stops if not (s["ring"] and s["inView"]) or s["empty"]]
        assert not hidden, f"{direction}: focus not seen on {hidden}"
        under = [s for s in stops if s["underHeader"]]
        assert not under, f"{direction}: focus under the sticky header on {under}"
        assert not [s for s in stops if s["permalink"]], f"{direction}: a heading's ¶ link takes a Tab stop"
        assert not [s for s in stops if not s["name"]], f"{direction}: a stop without a name"
    assert forwards[0]["name"] == "ข้ามไปที่เนื้อหา"
    # Material shows its "back to top" button while the reader scrolls up, so walking backwards (which scrolls
    # up) may meet it and walking forwards does not: every other stop is met both ways.
    top = {"กลับขึ้นด้านบน"}
    assert {s["name"] for s in forwards} - top == {s["name"] for s in backwards} - top


MENU = """() => {
  const NAME = """ + NAME + """;
  const el = document.activeElement, sidebar = document.querySelector('.md-sidebar--primary');
  const box = el.getBoundingClientRect();
  return {inMenu: sidebar.contains(el), name: NAME(el), top: box.top, bottom: box.bottom,
          role: el.getAttribute('role') || el.tagName.toLowerCase(), onScreen: box.left >= 0 && box.right <= innerWidth + 1
          && box.top >= 0 && box.bottom <= innerHeight + 1 && box.width > 0,
          expanded: document.querySelector('button[data-itaplan-for=__drawer]').getAttribute('aria-expanded')};
}"""
SLID_IN = "() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= -0.5"
LANDMARKS = """() => { const NAME = """ + NAME + """;
  return [...document.querySelectorAll('nav, [role=navigation]')].filter(n => n.checkVisibility())
    .map(n => n.getAttribute('aria-label') || (n.getAttribute('aria-labelledby') || '').split(' ')
         .map(id => document.getElementById(id)).filter(Boolean).map(NAME).join(' ').trim()); }"""


def test_phone_menu_is_a_disclosure_by_keyboard(large_text, reader_url):
    page = _open(large_text, reader_url + PAGE_TYPES["report"])
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    button = page.locator("button[data-itaplan-for=__drawer]")
    assert button.get_attribute("aria-expanded") == "false"
    assert button.get_attribute("aria-controls") == page.evaluate("document.querySelector('.md-sidebar--primary').id")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.itaplanFor") == "__drawer"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.closest('.md-sidebar--primary')", timeout=WAIT)
    page.wait_for_function(SLID_IN, timeout=WAIT)
    first = page.evaluate(MENU)
    assert first["expanded"] == "true"
    # the menu opens on the reader's year; its back arrow is a named button
    assert first["role"] == "button" and first["name"] == "ปีงบประมาณ ๒๕๖๙ — กลับไปเมนูก่อนหน้า"
    # the page behind and the level the year covers are out of reach
    assert page.evaluate("!!document.querySelector('.md-content').closest('[inert]')")
    assert page.evaluate("""!![...document.querySelectorAll('.md-sidebar--primary a')]
        .find(a => a.textContent.trim() === 'หน้าแรก').closest('[inert]')""")
    assert not [n for n in page.evaluate(LANDMARKS) if not n], "a navigation landmark without a name"
    # Tab and Shift+Tab go round the menu and never leave it, every stop named and on the screen
    for key in ("Tab", "Shift+Tab"):
        stops = []
        for _ in range(30):
            page.keyboard.press(key)
            stops.append(page.evaluate(MENU))
        assert not [s for s in stops if not (s["inMenu"] and s["onScreen"] and s["name"])], key
        names = [s["name"] for s in stops]
        assert "ปิดเมนู" in names and "ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่" in names
    # into this page's contents and back out, by keyboard
    toc = page.locator("label.md-nav__link[for=__toc]")
    toc.focus()
    assert toc.get_attribute("aria-expanded") == "false" and toc.get_attribute("role") == "button"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.getAttribute('aria-label') === 'สารบัญ — กลับไปเมนูก่อนหน้า'",
                           timeout=WAIT)
    assert toc.get_attribute("aria-expanded") == "true"
    page.keyboard.press(" ")
    page.wait_for_function("() => document.activeElement.getAttribute('for') === '__toc'", timeout=WAIT)
    # Escape closes it, and focus is back on the menu button
    page.keyboard.press("Escape")
    page.wait_for_function("() => document.activeElement.dataset.itaplanFor === '__drawer'", timeout=WAIT)
    assert button.get_attribute("aria-expanded") == "false"
    assert not page.evaluate("document.getElementById('__drawer').checked")
    assert not page.evaluate("!!document.querySelector('[inert]')")
    # the close button does the same
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.closest('.md-sidebar--primary')", timeout=WAIT)
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(MENU)["name"] == "ปิดเมนู"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.dataset.itaplanFor === '__drawer'", timeout=WAIT)
    # and a section toggle, by mouse this time: Material's own handlers still find what they look for
    page.locator("button[data-itaplan-for=__drawer]").click()
    page.wait_for_function(SLID_IN, timeout=WAIT)
    page.locator(".md-nav__title[for=__nav_2]").click()
    page.wait_for_function("() => !document.getElementById('__nav_2').checked", timeout=WAIT)
    page.locator("label.md-nav__link[for=__nav_2]").click()
    page.wait_for_function("() => document.getElementById('__nav_2').checked", timeout=WAIT)
    page.close()
    assert not errors, errors


def test_a_contents_link_in_the_menu_takes_focus_to_its_heading(chromium, reader_url):
    page = _open(chromium, reader_url + PAGE_TYPES["report"])
    page.locator("button[data-itaplan-for=__drawer]").click()
    page.locator("label.md-nav__link[for=__toc]").click()
    link = page.locator(".md-sidebar--primary .md-nav--secondary a[href='#chart']")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'chart'", timeout=WAIT)
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    top = page.evaluate("document.activeElement.getBoundingClientRect().top")
    page.close()
    assert top >= header, "the heading is under the sticky header"


STATUS = "document.querySelector('.itaplan-search-status').textContent"


def test_search_by_keyboard_on_a_phone(large_text, reader_url):
    page = _open(large_text, reader_url + PAGE_TYPES["summary"])
    search = page.locator("button[data-itaplan-for=__search]")
    assert search.get_attribute("aria-label") == "ค้นหา"
    search.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.classList.contains('md-search__input')", timeout=WAIT)
    assert search.get_attribute("aria-expanded") == "true"
    # the results box is no Tab stop of its own, and the count is in a live region
    assert page.evaluate("document.querySelector('.md-search__scrollwrap').tabIndex") == -1
    live = page.locator(".itaplan-search-status")
    assert live.get_attribute("role") == "status" and live.get_attribute("aria-live") == "polite"
    # text that arrives with no key event at all (an input method's word, autofill): still searched
    page.keyboard.insert_text("ทุจริต")
    page.wait_for_selector(".md-search-result__item", timeout=30_000)
    page.wait_for_function(f"() => /^พบ [0-9๐-๙]+ หน้าที่ตรงกัน$/.test({STATUS})", timeout=WAIT)
    # the line that says so reads at more than 4.5:1
    assert _contrast(page, ".md-search-result__meta") >= 4.5
    # Escape closes the search and puts focus back on the search button
    page.keyboard.press("Escape")
    page.wait_for_function("() => document.activeElement.dataset.itaplanFor === '__search'", timeout=WAIT)
    assert not page.evaluate("document.getElementById('__search').checked")
    assert search.get_attribute("aria-expanded") == "false"
    page.close()


SEARCH_STOP = """() => {
  const el = document.activeElement, box = el.getBoundingClientRect(), style = getComputedStyle(el);
  return {tag: el.tagName, href: el.getAttribute('href') || '', inSearch: !!el.closest('.md-search'),
          open: document.getElementById('__search').checked,
          ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
          seen: box.bottom > 0 && box.top < innerHeight && box.width > 0};
}"""


def test_tab_reaches_every_search_result_and_shift_tab_comes_back(large_text, reader_url):
    """Material closes the search on Tab (its results are for the arrow keys): a reader on the keyboard
    alone must reach each result with Tab, see where focus is, and come back with Shift+Tab."""
    page = _open(large_text, reader_url + PAGE_TYPES["summary"])
    page.locator("button[data-itaplan-for=__search]").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.classList.contains('md-search__input')", timeout=WAIT)
    page.keyboard.insert_text("ร้องเรียน")
    page.wait_for_selector(".md-search-result__item", timeout=30_000)
    page.wait_for_function(f"() => /^พบ [0-9๐-๙]+ หน้าที่ตรงกัน$/.test({STATUS})", timeout=WAIT)
    results = page.evaluate("""[...document.querySelectorAll('.md-search-result__link')]
        .filter(a => !a.closest('details:not([open])')).map(a => a.getAttribute('href'))""")
    assert results
    forwards = []
    for _ in range(len(results) + 10):
        page.keyboard.press("Tab")
        stop = page.evaluate(SEARCH_STOP)
        if stop["tag"] == "INPUT":
            break
        forwards.append(stop)
    else:
        pytest.fail("Tab never came back round to the search box")
    assert all(s["open"] and s["inSearch"] for s in forwards), f"Tab left the search: {forwards}"
    assert not [s for s in forwards if not (s["ring"] and s["seen"])], f"focus not seen: {forwards}"
    assert [s["href"] for s in forwards if s["tag"] == "A"] == results
    backwards = []
    for _ in forwards:
        page.keyboard.press("Shift+Tab")
        backwards.append(page.evaluate(SEARCH_STOP))
    assert [s["href"] for s in backwards] == [s["href"] for s in reversed(forwards)]
    assert all(s["open"] for s in backwards)
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(SEARCH_STOP)["tag"] == "INPUT"
    # Enter on a result opens it
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    target = page.evaluate(SEARCH_STOP)["href"]
    page.keyboard.press("Enter")
    page.wait_for_url(target, timeout=WAIT)
    page.close()


SEARCH_COUNTS = """() => [document.querySelector('.md-search-result__meta')].concat(
  [...document.querySelectorAll('.md-search-result__more > summary')]).map(el => el.textContent.trim())"""


@pytest.mark.parametrize("digits", ["thai", "arabic"])
def test_search_counts_follow_the_sites_digits(chromium, reader_url, digits):
    """Material fills "พบ # หน้าที่ตรงกัน" and "อีก # รายการในหน้านี้" with Arabic digits; the site writes Thai ones
    when extra.itaplan.digits is thai (the page says so in <meta name="itaplan-digits">), and the counts follow."""
    page = _open(chromium, reader_url + PAGE_TYPES["summary"])
    assert page.evaluate("document.querySelector('meta[name=itaplan-digits]').content") == "thai"  # the fixture's
    if digits == "arabic":  # as a site set to arabic says it
        page.evaluate("document.querySelector('meta[name=itaplan-digits]').content = 'arabic'")
    page.locator("button[data-itaplan-for=__search]").click()
    page.keyboard.insert_text("ทุจริต")
    page.wait_for_selector(".md-search-result__more", timeout=30_000)
    page.wait_for_function(f"() => /^พบ [0-9๐-๙]+ หน้าที่ตรงกัน$/.test({STATUS})", timeout=WAIT)
    counts, said = page.evaluate(SEARCH_COUNTS), page.evaluate(STATUS)
    page.close()
    number = "[๐-๙]+" if digits == "thai" else "[0-9]+"
    assert re.fullmatch(f"พบ {number} หน้าที่ตรงกัน", counts[0]), counts[0]
    assert re.fullmatch(f"พบ {number} หน้าที่ตรงกัน", said), said  # what a screen reader is told
    assert len(counts) > 1, "no result with more matches on its page: อีก … รายการ is not tested"
    assert all(re.fullmatch(f"อีก {number} รายการในหน้านี้", text) for text in counts[1:]), counts


def test_search_by_keyboard_on_a_desktop(chromium, reader_url):
    page = _open(chromium, reader_url + PAGE_TYPES["summary"], DESKTOP)
    logo = page.locator(".md-header .md-logo")
    logo.focus()
    page.keyboard.press("Tab")  # the search box comes after the logo in the header
    page.wait_for_function("() => document.activeElement.classList.contains('md-search__input')", timeout=WAIT)
    # pasted text (an input event, no key) searches too
    page.evaluate("""() => { const box = document.activeElement; box.value = 'งบประมาณ';
        box.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertFromPaste'})); }""")
    page.wait_for_selector(".md-search-result__item", timeout=30_000)
    page.wait_for_function(f"() => {STATUS}.startsWith('พบ ')", timeout=WAIT)
    page.keyboard.press("ArrowDown")
    assert page.evaluate("!!document.activeElement.closest('.md-search-result__item')")
    page.keyboard.press("Escape")
    page.wait_for_function("() => document.activeElement.matches('.md-header .md-logo')", timeout=WAIT)
    # closed, the results take no Tab stop: from the logo, Tab goes to the search box and on past it
    stops = []
    for _ in range(3):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUS))
    page.close()
    assert not [s for s in stops if s["empty"] or "scrollwrap" in s["cls"]], stops


def _luminance(rgb) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = rgb[:3]
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _ratio(a, b) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _contrast(page, selector: str) -> float:
    """Contrast of an element's text against its background, from a screenshot of it."""
    from PIL import Image

    image = Image.open(io.BytesIO(page.locator(selector).first.screenshot())).convert("RGB")
    return _text_contrast(image)


def _text_contrast(image) -> float:
    """The background is the commonest colour of the image; the text, the colour farthest from it."""
    colours = image.getcolors(image.width * image.height)
    background = max(colours)[1]
    return max(_ratio(colour, background) for _, colour in colours)


# ---- Small print ----------------------------------------------------------------------------------

SMALL_PRINT = {"the date it was last updated": ".md-source-file__fact", "the agency's address in the footer": ".md-copyright"}


def test_small_print_is_16_px_at_7_to_1_on_a_phone(chromium, reader_url):
    """The line "ปรับปรุงล่าสุด …" under the content and the address at the foot: Material sets them in 13.6 and
    12.8 px grey (about 4.5:1). An older reader gets at least 16 px, at 7:1 or more (WCAG AAA)."""
    page = _open(chromium, reader_url + PAGE_TYPES["indicator"])
    found = {}
    for what, selector in SMALL_PRINT.items():
        element = page.locator(selector).first
        element.scroll_into_view_if_needed()
        found[what] = {"text": " ".join(element.text_content().split()), "contrast": round(_contrast(page, selector), 2),
                       "px": [px for px in page.evaluate("""selector => [...document.querySelector(selector)
            .querySelectorAll('*')].concat(document.querySelector(selector)).filter(el => [...el.childNodes]
            .some(n => n.nodeType === 3 && n.textContent.trim())).map(el => parseFloat(getComputedStyle(el).fontSize))""",
                                                                       selector)]}
    page.close()
    assert found["the date it was last updated"]["text"].startswith("ปรับปรุงล่าสุด ")
    assert "อ่างทอง" in found["the agency's address in the footer"]["text"]
    for what, seen in found.items():
        assert seen["px"] and min(seen["px"]) >= 16, f"{what}: {seen}"
        assert seen["contrast"] >= 7, f"{what}: {seen}"



# What text the open search's results hold, each kind with its smallest size, and the contrast of the first seen.
SEARCH_TEXT = {"the count": ".md-search-result__meta",
               "a page's title": ".md-search-result__article h1",
               "a section's heading": ".md-search-result__article h2",
               "the words found": ".md-search-result__article p",
               "อีก … รายการในหน้านี้": ".md-search-result__more > summary > div"}


def test_search_results_read_at_16_px_and_7_to_1_on_a_phone(chromium, reader_url):
    """Material sets the open search's results in 12.8 px, the words found grey at 4.6:1, and "อีก # รายการในหน้านี้"
    too. On a phone at normal text an older reader reads them as the page's small print: 16 px, 7:1 or more (the
    link-coloured "อีก …" at the 6.9:1 of every link)."""
    page = _open(chromium, reader_url + PAGE_TYPES["summary"])
    page.locator("button[data-itaplan-for=__search]").click()
    page.keyboard.insert_text("ทุจริต")
    page.wait_for_selector(".md-search-result__more", timeout=30_000)
    page.wait_for_function(f"() => /^พบ [0-9๐-๙]+ หน้าที่ตรงกัน$/.test({STATUS})", timeout=WAIT)
    found = {}
    for what, selector in SEARCH_TEXT.items():
        px = page.evaluate("""selector => [...document.querySelectorAll(selector)].filter(el => el.checkVisibility())
          .map(el => parseFloat(getComputedStyle(el).fontSize))""", selector)
        found[what] = {"px": min(px) if px else None,
                       "contrast": round(_contrast(page, selector + " >> visible=true"), 2) if px else None}
    page.close()
    for what, seen in found.items():
        assert seen["px"] and seen["px"] >= 16, f"{what}: {seen}"
        # "อีก … รายการ" is a control in the site's link colour (6.9:1), as every link is
        assert seen["contrast"] >= (4.5 if what.startswith("อีก") else 7), f"{what}: {seen}"


def test_the_foot_says_previous_and_next_at_16_px_on_a_phone(chromium, reader_url):
    """"ก่อนหน้า" and "ถัดไป" above the foot's page titles: Material's 12.8 px, pressed against the Thai marks
    above the title's first line. At 16 px, clear of the title."""
    page = _open(chromium, reader_url + PAGE_TYPES["indicator"])
    words = page.evaluate("""() => [...document.querySelectorAll('.md-footer__link')].map(a => {
      const d = a.querySelector('.md-footer__direction'), t = a.querySelector('.md-footer__title .md-ellipsis');
      return {text: d.textContent.trim(), px: parseFloat(getComputedStyle(d).fontSize),
              gap: t.getBoundingClientRect().top - d.getBoundingClientRect().bottom};
    })""")
    page.close()
    assert [w["text"] for w in words] == ["ก่อนหน้า", "ถัดไป"]
    for w in words:
        assert w["px"] >= 16 and w["gap"] >= 2, w

# ---- Charts ---------------------------------------------------------------------------------------

CHART_TEXT = ".itaplan-chart-label, .itaplan-chart-value, .itaplan-chart-legend li, .itaplan-trend-scale li, " \
             ".itaplan-trend-years li:not(:empty)"
CHARTS = {"summary": 1, "report": 1, "indicator": 1, "trends": 10}  # page: charts on it


@pytest.mark.parametrize("name", list(CHARTS))
def test_chart_text_is_at_least_14_px_on_a_360_px_phone(chromium, large_text, reader_url, name):
    sizes = {}
    for label, browser in (("normal", chromium), ("200 %", large_text)):
        page = _open(browser, reader_url + PAGE_TYPES[name])
        assert page.locator(".itaplan-chart, .itaplan-trend").count() == CHARTS[name]
        # what is rendered: the font size times every scale (transform, zoom) of the element and its parents
        sizes[label] = page.evaluate(f"""() => [...document.querySelectorAll('{CHART_TEXT}')].map(el => {{
            let scale = 1;
            for (let a = el; a; a = a.parentElement) {{
              const s = getComputedStyle(a);
              scale *= (s.transform === 'none' ? 1 : new DOMMatrix(s.transform).a) * (parseFloat(s.zoom) || 1);
            }}
            return {{text: el.textContent.trim(), px: parseFloat(getComputedStyle(el).fontSize), scale}}; }})""")
        page.close()
    assert sizes["normal"], "no chart text found"
    for label, texts in sizes.items():
        small = [t for t in texts if t["px"] * t["scale"] < 14]
        assert not small, f"{label}: chart text under 14 px: {small[:5]}"
    assert min(t["px"] for t in sizes["200 %"]) >= 1.8 * min(t["px"] for t in sizes["normal"])


def test_score_chart_has_a_legend_of_its_groups(chromium, reader_url):
    page = _open(chromium, reader_url + PAGE_TYPES["summary"])
    legend = page.locator(".itaplan-chart-legend li").all_inner_texts()
    colours = page.evaluate("""() => [...document.querySelectorAll('.itaplan-chart-legend li svg')]
        .map(svg => getComputedStyle(svg).fill)""")
    rows = page.evaluate("""() => [...document.querySelectorAll('.itaplan-chart-row .itaplan-chart-bar')]
        .map(bar => getComputedStyle(bar).fill)""")
    page.close()
    assert [text.split(":")[0].strip() for text in legend] == [
        "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)", "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)",
        "แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)"]
    assert len(set(colours)) == 3
    assert rows == [colours[0]] * 5 + [colours[1]] * 3 + [colours[2]] * 2


@pytest.mark.parametrize("name", list(CHARTS))
def test_chart_text_keeps_its_contrast_in_chromiums_forced_dark_mode(forced_dark, reader_url, name):
    from PIL import Image

    page = forced_dark.new_page(viewport=PHONE)
    page.goto(reader_url + PAGE_TYPES[name], wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    chart = page.locator(".itaplan-chart, .itaplan-trend").first
    chart.scroll_into_view_if_needed()
    text_boxes = f"""() => {{ const chart = document.querySelector('.itaplan-chart, .itaplan-trend');
        return [...chart.querySelectorAll('{CHART_TEXT}')].map(el => {{
            const range = document.createRange(); range.selectNodeContents(el);
            const r = range.getBoundingClientRect();
            return {{text: el.textContent.trim(), box: [r.left, r.top, r.right, r.bottom]}}; }})
          .filter(t => t.box[1] >= 0 && t.box[3] <= innerHeight && t.box[2] > t.box[0]); }}"""
    # The screenshot and the boxes must see the same layout: a smooth scroll or a photo loading above may still
    # move the chart, so measure before and after the screenshot until both agree.
    for _ in range(10):
        before = page.evaluate(text_boxes)
        shot = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
        boxes = page.evaluate(text_boxes)
        if boxes == before:
            break
        page.wait_for_timeout(200)
    bars = page.evaluate("""() => [...document.querySelectorAll('.itaplan-chart-bar, .itaplan-trend-point')]
        .map(b => b.getBoundingClientRect()).filter(r => r.top >= 0 && r.bottom <= innerHeight && r.width > 8)
        .map(r => [r.left, r.top, r.right, r.bottom])""")
    screenshot(page, f"older-reader-{name}-forced-dark")
    page.close()
    page_background = max(shot.getcolors(shot.width * shot.height))[1]
    assert _luminance(page_background) < 0.1, "Chromium did not darken the page: the test would prove nothing"
    assert len(boxes) >= 3
    low = {}
    for text in boxes:
        left, top, right, bottom = (round(v) for v in text["box"])
        ratio = _text_contrast(shot.crop((max(0, left - 2), max(0, top), min(shot.width, right + 2), bottom)))
        if ratio < 4.5:
            low[text["text"]] = round(ratio, 2)
    assert not low, f"chart text under 4.5:1 in forced dark mode: {low}"
    # a bar or a point stands out from the darkened page at 3:1 or more
    for left, top, right, bottom in bars[:5]:
        mark = shot.getpixel((round((left + right) / 2), round((top + bottom) / 2)))
        assert _ratio(mark, page_background) >= 3, (mark, page_background)


# ---- Tables, permalinks, back to top, print, 404, axe ----------------------------------------------

YEAR_TABLES = """() => [...document.querySelectorAll('.itaplan-years')].map(region => ({
  px: parseFloat(getComputedStyle(region.querySelector('td')).fontSize),
  scrolls: region.scrollWidth > region.clientWidth + 1, tab: region.tabIndex, width: region.clientWidth,
  cue: !!(region.previousElementSibling && region.previousElementSibling.matches('.itaplan-scroll-cue')),
  headers: [...region.querySelectorAll('thead th')].map(th => th.textContent.trim()),
  rows: [...region.querySelectorAll('tbody tr')].map(tr => ({
    width: tr.getBoundingClientRect().width,
    labels: [...tr.cells].map(td => getComputedStyle(td, '::before').content.replace(/^"|"$/g, '')),
    change: tr.querySelector('[class*=itaplan-change-]').className.match(/itaplan-change-(\\w+)/)[1],
    arrow: getComputedStyle(tr.querySelector('[class*=itaplan-change-]'), '::before').content}))}))"""


@pytest.mark.parametrize("name", ["trends", "indicator"])
def test_year_tables_are_labelled_cards_on_a_phone_at_normal_and_200_percent_text(chromium, large_text,
                                                                                  reader_url, name):
    """Scores by year need no sideways swipe, even at 200 % text: one card a year, each value under its
    column's name, which a screen reader reads with the value (the cell's name starts with it)."""
    for label, browser in (("normal", chromium), ("200 %", large_text)):
        page = _open(browser, reader_url + PAGE_TYPES[name])
        tables = page.evaluate(YEAR_TABLES)
        cells = page.locator(".itaplan-years").first.aria_snapshot()
        screenshot(page, f"older-reader-{name}-years-{'360px' if label == 'normal' else '360px-200pc'}")
        page.close()
        assert len(tables) == (10 if name == "trends" else 1)
        arrows = []
        for table in tables:
            assert table["px"] >= 16, (label, table)
            assert not table["scrolls"] and not table["cue"] and table["tab"] == -1, (label, table)
            assert len(table["rows"]) >= 2
            for row in table["rows"]:
                assert row["labels"] == table["headers"], (label, row)
                assert row["width"] >= table["width"] - 2, (label, row)  # as wide as the text, no columns
                # a change keeps its symbol in a card (the word and the number carry the meaning)
                assert row["arrow"] == {"up": '"▲ " / ""', "down": '"▼ " / ""'}.get(row["change"], "none"), row
            arrows += [row["arrow"] for row in table["rows"] if row["arrow"] != "none"]
        assert arrows, "no change up or down: the symbols are not tested"
        # what a screen reader says of each cell: its column's name, then its value
        said = [line.strip()[len('- cell "'):] for line in cells.splitlines() if line.strip().startswith("- cell ")]
        assert said and all(any(text.startswith(h + " ") for h in tables[0]["headers"]) for text in said), said
        assert any(text.startswith("ปีที่ประเมิน ITA ") for text in said), said


def test_year_tables_are_tables_on_a_desktop(chromium, reader_url):
    page = _open(chromium, reader_url + PAGE_TYPES["trends"], DESKTOP)
    tables = page.evaluate(YEAR_TABLES)
    page.close()
    assert all(row["labels"] == ["none"] * len(table["headers"]) for table in tables for row in table["rows"])
    assert all(t["px"] >= 16 and not t["scrolls"] for t in tables), tables


def test_back_to_top_does_not_cover_the_text_at_200_percent(large_text, reader_url):
    page = _open(large_text, reader_url + PAGE_TYPES["summary"])
    page.mouse.wheel(0, 6000)
    page.wait_for_function("() => scrollY > 3000", timeout=WAIT)
    page.mouse.wheel(0, -400)
    page.wait_for_function("() => !document.querySelector('.md-top').hidden", timeout=WAIT)
    top = page.evaluate("""() => { const b = document.querySelector('.md-top').getBoundingClientRect();
        return {w: b.width, h: b.height, right: innerWidth - b.right, bottom: innerHeight - b.bottom,
                name: document.querySelector('.md-top').textContent.trim()}; }""")
    page.close()
    assert top["w"] <= 56 and top["h"] <= 56, top  # its arrow alone in a corner, not a pill across the text
    assert 0 <= top["right"] <= 24 and 0 <= top["bottom"] <= 24, top
    assert top["name"] == "กลับขึ้นด้านบน"


def test_print_view_prints_at_11_pt_or_more_with_steps_as_lists_and_a_print_button(chromium, reader_url):
    context = chromium.new_context(viewport=PHONE)
    context.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; };")
    page = context.new_page()
    for name in ("print", "report-print"):
        page.goto(reader_url + PAGE_TYPES[name], wait_until="networkidle")
        button = page.get_by_role("button", name="พิมพ์หน้านี้")
        assert button.is_visible()
        button.focus()
        page.keyboard.press("Enter")
        assert page.evaluate("window.__printed") == 1
        steps = page.evaluate("""() => [...document.querySelectorAll('.itaplan-print-table tbody tr')].map(tr =>
            tr.querySelectorAll('td ol.itaplan-print-list > li').length)""")
        assert steps and all(n >= 1 for n in steps)
        assert not page.locator(".itaplan-print-table td:has(> ol.itaplan-print-list) br").count()
        page.emulate_media(media="print")
        sizes = page.evaluate("""() => [...document.querySelectorAll('.itaplan-print-table td, .itaplan-print-table th, '
            + '.itaplan-print-title, .itaplan-print-agency, .itaplan-print-list li')].map(el =>
            parseFloat(getComputedStyle(el).fontSize))""")
        printed = page.evaluate("document.querySelector('.itaplan-print-button').checkVisibility()")
        page.emulate_media(media="screen")
        assert min(sizes) >= 11 * 96 / 72 - 0.01, f"{name}: print text under 11 pt ({min(sizes)} px)"
        assert not printed, "the print button itself is not printed"
    context.close()


def test_the_404_page_has_its_own_title_and_a_skip_link(chromium, reader_url):
    page = chromium.new_page(viewport=PHONE)
    response = page.goto(reader_url + PAGE_TYPES["not-found"], wait_until="networkidle")
    assert response.status == 404
    assert page.title() == "ไม่พบหน้านี้ (404) - ITA เทศบาลตำบลโคกพุทรา"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "ข้ามไปที่เนื้อหา"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'not-found'", timeout=WAIT)
    assert page.evaluate("document.activeElement.textContent") == "ไม่พบหน้านี้ (404)"
    page.close()


@pytest.mark.parametrize("text", ["normal", "200 %"])
def test_axe_finds_nothing_on_any_page_type(chromium, large_text, reader_url, text):
    found = {}
    for name, path in PAGE_TYPES.items():
        page = _open(chromium if text == "normal" else large_text, reader_url + path)
        if violations := axe_violations(page):
            found[name] = violations
        page.close()
    # and with the phone menu open
    page = _open(chromium if text == "normal" else large_text, reader_url + PAGE_TYPES["report"])
    page.locator("button[data-itaplan-for=__drawer]").click()
    page.wait_for_function("() => document.activeElement.closest('.md-sidebar--primary')", timeout=WAIT)
    if violations := axe_violations(page):
        found["menu open"] = violations
    page.close()
    assert not found, "\n".join(f"{p}: {v}" for p, vs in found.items() for v in vs)
