"""The red-team pass, built: staff data that passes `itaplan check` is inert on every page of a real
`mkdocs build --strict`, and every value shows exactly as written.

Before issue 20 this project built too, and its pages gave Material's configuration element's id to staff
text, carried a full-page `style` the CSP hook allowed by hash, hid a paragraph, replaced `[TOC]`, dropped
underscores from the report's brief, showed backslashes in photo titles and the print view, and made two
pages for one responsible unit. The browser side is tests/in_browser/test_hostile_browser.py.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from conftest import mkdocs_build
from hostile_fixture import (AGENCY, BRIEF, FILE_TITLE, PHOTO_ALT, PHOTO_TITLE, REASON, ROUND, UNIT, VISIBLE,
                             hostile_project)
from htmlutil import content_text

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = hostile_project(tmp_path_factory.mktemp("hostile") / "project")
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


class _Article(HTMLParser):
    """Elements and text inside <article> (where data and Markdown go)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.elements: list[tuple[str, dict]] = []
        self.text = ""
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        if self.depth:
            self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text += data


def _page(site, path: str) -> _Article:
    return _Article((site / path).read_text(encoding="utf-8"))


def test_staff_markdown_takes_nothing_over(site):
    page = _page(site, "2569/indicator-03/index.html")
    ids = [a.get("id") for _, a in page.elements if a.get("id")]
    assert not [i for i in ids if i.startswith("__")], ids  # no __config, __search … from staff text
    for tag, attrs in page.elements:
        chart_name = re.fullmatch(r"(score|trend|progress)-chart(-\w+)?-(title|desc)", attrs.get("id") or "")
        assert "hidden" not in attrs or chart_name, (tag, attrs)  # only the charts' names for screen readers hide
        assert "style" not in attrs and not any(a.startswith("on") for a in attrs), (tag, attrs)
        assert "evil.example" not in (attrs.get("href") or ""), attrs
    assert not [a for t, a in page.elements if "toc" in (a.get("class") or "").split()]  # [TOC] stayed text
    html = (site / "2569/indicator-03/index.html").read_text(encoding="utf-8")
    assert len(re.findall(r"<[a-z]+ [^>]*\bid=\"__config\"", html)) == 1  # the theme's own <script>
    assert "unsafe-hashes" not in html


def test_staff_markdown_shows_as_written(site):
    text = _page(site, "2569/indicator-03/index.html").text
    for seen in VISIBLE:
        assert seen in text, seen


def test_the_report_brief_keeps_underscores(site):
    assert BRIEF in content_text(site / "2569/report-6-months/index.html")


@pytest.mark.parametrize("page,values", [
    ("2569/indicator-01/index.html", [PHOTO_TITLE, FILE_TITLE, ROUND]),
    ("2569/indicator-03/index.html", [REASON, ROUND]),
    ("2569/report-6-months/index.html", [AGENCY, ROUND]),
    ("2569/report-6-months-print/index.html", [AGENCY, ROUND, REASON, FILE_TITLE, PHOTO_TITLE]),
    ("2569/units/samnakplat/index.html", [REASON]),
    ("2569/print/index.html", [AGENCY]),
])
def test_plain_values_show_exactly_as_written(site, page, values):
    text = " ".join(content_text(site / page).split())
    for value in values:
        assert value in text, (page, value)
    assert not re.search(r"\\[\[\]*_{}#`!|]", text), "a Markdown escape reached the reader"


def test_a_photo_description_is_its_alt_text_exactly(site):
    images = [a for t, a in _page(site, "2569/indicator-01/index.html").elements if t == "img"]
    assert PHOTO_ALT in [a.get("alt") for a in images]


def test_a_zero_width_space_makes_no_second_unit(site):
    units = sorted(p.parent.name for p in (site / "2569/units").glob("*/index.html"))
    assert units == ["kongkhlang", "samnakplat", "thuksamnak-kong"]
    assert content_text(site / "2569/units/index.html").count(UNIT) == 1


def test_every_page_keeps_its_front_matter(site):
    for page in site.glob("2569/**/index.html"):
        html = page.read_text(encoding="utf-8")
        assert re.search(r'<meta name="description" content="[^"]+"', html), page
        assert "itaplan_source" not in content_text(page), page
