"""The Content Security Policy in a real browser: every page of the built site runs without a single
violation, search, menu, share links and the print view still work, and the policy does block a script
that is not the site's own.

Each page records `securitypolicyviolation` events from its first script on (an init script, which
Playwright runs outside the page's policy), and every console error and page error is collected.
"""

from __future__ import annotations

import pytest

from browser import DESKTOP, PHONE, site_pages

pytestmark = [pytest.mark.browser, pytest.mark.slow]

RECORD = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.effectiveDirective + " blocked " + (e.blockedURI || "?") + " in "
    + e.sourceFile + ":" + e.lineNumber + " " + JSON.stringify(e.sample));
});
"""
POLICY = "meta[http-equiv='Content-Security-Policy']"


class Watched:
    """A browser page that notes every policy violation and console error it meets."""

    def __init__(self, chromium, viewport):
        self.context = chromium.new_context(viewport=viewport)
        self.context.add_init_script(RECORD)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))

    def _console(self, message) -> None:
        if message.type == "error" or "Content Security Policy" in message.text:
            self.errors.append(f"console {message.type}: {message.text}")

    def open(self, url: str) -> None:
        self.page.goto(url, wait_until="networkidle")
        assert self.page.locator(POLICY).count() == 1, f"{url}: no Content Security Policy"

    def problems(self) -> list[str]:
        found = self.errors + self.page.evaluate("window.__cspViolations || []")
        self.errors.clear()
        self.page.evaluate("window.__cspViolations = []")
        return found

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watched(chromium):
    opened: list[Watched] = []

    def open_browser(viewport=DESKTOP) -> Watched:
        opened.append(Watched(chromium, viewport))
        return opened[-1]

    yield open_browser
    for w in opened:
        w.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_page_runs_without_a_policy_violation_or_console_error(watched, site_url, built_site, viewport):
    pages = site_pages(built_site)
    assert "404.html" in pages and "" in pages and len(pages) >= 14
    browser = watched(viewport)
    found = {}
    for path in pages:
        browser.open(site_url + path)
        if problems := browser.problems():
            found[path or "/"] = problems
    assert found == {}


def test_an_unknown_address_gets_the_404_page_without_a_violation(watched, site_url):
    """GitHub Pages answers any unknown address, at any depth, with 404.html as it is."""
    browser = watched(PHONE)
    browser.page.goto(site_url + "2569/no-such-page/deeper/", wait_until="networkidle")
    assert browser.page.locator(POLICY).count() == 1
    assert "404" in browser.page.locator("h1").first.inner_text()
    assert browser.page.evaluate("window.__cspViolations") == []


def test_search_works_under_the_policy(watched, site_url):
    """The search index and worker load only when asked (lazy search) and find Thai words."""
    browser = watched(DESKTOP)
    requested: list[str] = []
    browser.page.on("request", lambda r: requested.append(r.url))
    browser.open(site_url + "2569/indicator-03/")
    assert not any("search_index.json" in url for url in requested), "search loaded before it was opened"
    box = browser.page.locator("input.md-search__input")
    box.click()
    box.fill("สินบน")
    box.press("End")
    browser.page.wait_for_selector("li.md-search-result__item", timeout=15000)
    assert any("search_index.json" in url for url in requested)
    assert browser.page.locator("li.md-search-result__item").count() >= 1
    # an address that asks for a search (?q=) starts it at once
    browser.open(site_url + "2569/?q=งบประมาณ")
    browser.page.wait_for_selector("li.md-search-result__item", timeout=15000)
    assert browser.problems() == []


def test_phone_menu_and_search_buttons_work_under_the_policy(watched, site_url):
    browser = watched(PHONE)
    browser.open(site_url + "2569/indicator-07/")
    page = browser.page
    page.locator("button[data-itaplan-for=__drawer]").click()  # made by the theme's inline script
    page.wait_for_function("document.getElementById('__drawer').checked")
    assert page.locator("nav.md-nav--primary").is_visible()
    page.keyboard.press("Escape")
    page.wait_for_function("!document.getElementById('__drawer').checked")
    page.locator("button[data-itaplan-for=__search]").click()
    box = page.locator("input.md-search__input")
    box.fill("ร้องเรียน")
    box.press("End")
    page.wait_for_selector("li.md-search-result__item", timeout=15000)
    assert browser.problems() == []


def test_print_view_and_share_links_under_the_policy(watched, site_url):
    browser = watched(DESKTOP)
    browser.open(site_url + "2569/print/")
    page = browser.page
    page.emulate_media(media="print")
    assert page.locator("table").first.is_visible()
    assert not page.locator("header.md-header").is_visible()
    pdf = page.pdf(format="A4", landscape=True)
    assert pdf.startswith(b"%PDF")
    browser.open(site_url + "2569/indicator-01/")
    shares = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    assert any("line.me" in href for href in shares) and any("facebook.com" in href for href in shares)
    assert browser.problems() == []


def test_the_policy_blocks_a_script_that_is_not_the_sites_own(watched, site_url):
    """The test above would pass on a site without a policy; this one would not."""
    browser = watched(DESKTOP)
    browser.open(site_url + "2569/indicator-01/")
    page = browser.page
    page.evaluate("""() => {
        const s = document.createElement("script");
        s.textContent = "window.__injected = true";
        document.head.appendChild(s);
        const img = document.createElement("img");
        img.src = "https://tracker.example.com/pixel.gif";
        document.body.appendChild(img);
    }""")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__injected === undefined")
    violations = page.evaluate("window.__cspViolations")
    assert any(v.startswith("script-src-elem blocked inline") for v in violations), violations
    assert any(v.startswith("img-src blocked https://tracker.example.com/") for v in violations), violations
