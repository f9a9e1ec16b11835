"""A site published in a folder of another site (site_url https://www.example.go.th/ita/, served under /ita/):
every link of every page stays inside the folder and finds its page, search finds and opens pages, the 404 page
is styled and leads home. And, on the same site, the changes page marks the words that changed in a text: a line
through or under them plus a Thai word for screen readers, readable at 360 px and clean under axe.
The site's history is made here (a copy of the project in a new Git repository, one step edited)."""

from __future__ import annotations

import re
import subprocess
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from browser import PHONE, axe_violations, screenshot, serve, site_pages
from conftest import copy_project, mkdocs_build

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SITE = "https://www.example.go.th/ita/"
PREFIX = "/ita/"


def git(cwd: Path, *args: str) -> None:
    env = {"GIT_AUTHOR_NAME": "ทดสอบ", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "ทดสอบ",
           "GIT_COMMITTER_EMAIL": "t@example.invalid", "PATH": "/usr/bin:/bin", "HOME": str(cwd)}
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def elsewhere(tmp_path_factory) -> Path:
    """The real project built for https://www.example.go.th/ita/, with one edit in its Git history."""
    project = copy_project(tmp_path_factory.mktemp("elsewhere") / "project")
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^site_url: .*$", f"site_url: {SITE}", config.read_text(encoding="utf-8")),
                      encoding="utf-8")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "แผนฉบับแรก")
    step = project / "plan_data" / "2569" / "indicators" / "01.yml"
    text = step.read_text(encoding="utf-8")
    assert "ผู้รับผิดชอบในแต่ละงาน" in text
    step.write_text(text.replace("ผู้รับผิดชอบในแต่ละงาน", "ผู้รับผิดชอบทุกงาน", 1), encoding="utf-8")
    git(project, "commit", "-qam", "แก้ขั้นตอนที่ ๑")
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def url(elsewhere):
    with serve(elsewhere, PREFIX) as base:
        yield base


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("href", "src"):
            if a.get(key) and not (tag == "link" and a.get("rel") in ("canonical", "alternate")):
                self.found.append(a[key])


def test_every_link_stays_in_the_folder_and_finds_its_page(elsewhere):
    broken, outside = [], []
    for path in site_pages(elsewhere):
        page_url = "https://www.example.go.th" + PREFIX + path
        file = elsewhere / path / "index.html" if path == "" or path.endswith("/") else elsewhere / path
        parser = _Links()
        parser.feed(file.read_text(encoding="utf-8"))
        for link in parser.found:
            target = urlsplit(urljoin(page_url, link))
            if target.scheme not in ("http", "https") or target.netloc != "www.example.go.th":
                continue
            if not target.path.startswith(PREFIX):
                outside.append((path, link))
                continue
            rel = unquote(target.path[len(PREFIX):])
            found = elsewhere / rel
            if rel == "" or rel.endswith("/"):
                found = found / "index.html"
            if not found.is_file():
                broken.append((path, link))
    assert not outside, f"links that leave /ita/: {outside[:10]}"
    assert not broken, f"links to nothing: {broken[:10]}"


def test_search_finds_and_opens_a_page_in_the_folder(chromium, url):
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    page.goto(url + "2569/", wait_until="networkidle")
    page.keyboard.press("/")
    page.keyboard.type("จัดซื้อจัดจ้าง")
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item a", timeout=30_000)
    first = page.eval_on_selector(".md-search-result__item a", "a => a.href")
    assert urlsplit(first).path.startswith(PREFIX + "2569/indicator-"), first
    page.goto(first, wait_until="networkidle")
    assert page.locator("h1").count() == 1
    page.close()


def test_the_404_page_is_styled_and_leads_home(chromium, url):
    try:
        urllib.request.urlopen(url + "no/such/page/")
        raise AssertionError("a missing page answered 200")
    except urllib.error.HTTPError as err:
        assert err.code == 404
    page = chromium.new_page(viewport=PHONE)
    response = page.goto(url + "no/such/page/", wait_until="networkidle")
    assert response.status == 404
    styled = page.evaluate("[...document.styleSheets].filter(s => s.href && s.href.includes('/ita/assets/')).length")
    assert styled >= 2, "the 404 page lost its styles"
    home = page.eval_on_selector("a.md-logo, a.md-header__button.md-logo", "a => new URL(a.href).pathname")
    assert home == PREFIX
    page.close()


def test_the_changes_page_marks_changed_words_with_a_text_cue_at_360px(chromium, url):
    page = chromium.new_page(viewport=PHONE)
    page.goto(url + "2569/changes/", wait_until="networkidle")
    marks = page.evaluate("""() => [...document.querySelectorAll('del.itaplan-diff, ins.itaplan-diff')].map(el => {
        const cue = el.querySelector('.itaplan-diff-cue'), box = cue.getBoundingClientRect(), s = getComputedStyle(cue);
        return {tag: el.tagName, text: el.textContent, line: getComputedStyle(el).textDecorationLine,
                cueShown: s.display !== 'none' && s.visibility !== 'hidden', cueSize: box.width * box.height};
    })""")
    assert {m["tag"] for m in marks} == {"DEL", "INS"}, marks
    for mark in marks:
        word = "ลบ" if mark["tag"] == "DEL" else "เพิ่ม"
        assert mark["text"].startswith(f"[{word}: ") and mark["text"].endswith("]")  # read out by screen readers
        assert mark["cueShown"] and mark["cueSize"] <= 1  # in the accessibility tree, not on screen
        assert mark["line"] == ("line-through" if mark["tag"] == "DEL" else "underline")  # not colour alone
    assert any("ในแต่ละ" in m["text"] for m in marks if m["tag"] == "DEL")
    assert any("ทุก" in m["text"] for m in marks if m["tag"] == "INS")
    assert page.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0
    page.evaluate("document.querySelector('del.itaplan-diff').scrollIntoView({block: 'center'})")
    screenshot(page, "changes-words-360")
    assert axe_violations(page) == []
    page.close()
