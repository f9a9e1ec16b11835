"""The real site, built by MkDocs: every word of the official table is published, nothing leaves the site."""

import re
from urllib.parse import urlparse

import pytest

from mkdocs.config import load_config

from conftest import ROOT, copy_project, mkdocs_build
from htmlutil import content_text, tags
from itaplan.framework import shipped_frameworks
from seed_table import seed_rows

FRAMEWORK = shipped_frameworks().get(2568)  # the first customer's plan analyses ITA 2568

ROWS = seed_rows()
# The importer joins words that Word's line wrapping split ("ใช้ อำนาจ" -> "ใช้อำนาจ", listed in its review);
# apart from such a space between two Thai letters, every character of the official text is published.
_WRAP_SPACE = re.compile(r"(?<=[\u0e00-\u0e7f]) (?=[\u0e00-\u0e7f])")


def _unwrapped(text: str) -> str:
    return _WRAP_SPACE.sub("", text)


def test_seed_has_ten_rows():
    assert sorted(ROWS) == list(range(1, 11))


@pytest.mark.parametrize("number", range(1, 11))
def test_indicator_page_publishes_every_sentence_of_its_row(built_site, number):
    page = built_site / "2569" / f"indicator-{number:02d}" / "index.html"
    text = content_text(page)
    ref = FRAMEWORK.indicator(number)
    assert text.startswith(f"ตัวชี้วัดที่ {str(number).translate(str.maketrans('0123456789', '๐๑๒๓๔๕๖๗๘๙'))} {ref.name}")
    for field, sentences in ROWS[number].items():
        for sentence in sentences:
            assert _unwrapped(sentence) in _unwrapped(text), f"indicator {number} {field}: {sentence[:60]}…"
    html = page.read_text(encoding="utf-8")
    assert '<time datetime="2025-10-01">๑ ต.ค. ๒๕๖๘</time> – <time datetime="2026-09-30">๓๐ ก.ย. ๒๕๖๙</time>' in html
    steps = re.search(r'id="steps".*?<ol>(.*?)</ol>', html, re.S).group(1)
    assert steps.count("<li>") == len(ROWS[number]["steps"])


def test_headings_have_stable_ascii_anchors(built_site):
    html = (built_site / "2569" / "indicator-01" / "index.html").read_text(encoding="utf-8")
    for anchor in ("indicator", "measure", "analysis", "steps"):
        assert f'id="{anchor}"' in html
    assert not re.search(r'id="_\d+"', html)


def test_previous_and_next_links(built_site):
    links = {a.get("rel"): a.get("href") for a in tags(built_site / "2569/indicator-05/index.html", "a") if a.get("rel")}
    assert links["prev"] == "../indicator-04/" and links["next"] == "../indicator-06/"
    first = {a.get("rel") for a in tags(built_site / "2569/indicator-01/index.html", "a") if a.get("rel")}
    assert "prev" not in first and "next" in first


def test_summary_lists_and_links_all_ten_with_scores(built_site):
    page = built_site / "2569" / "index.html"
    html = page.read_text(encoding="utf-8")
    table = re.search(r"<table>(.*?)</table>", html, re.S).group(1)
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]
    assert len(rows) == 10
    scores = ["๑๐๐.๐๐"] * 5 + ["๙๙.๗๙", "๙๙.๖๙", "๙๙.๖๙", "๙๐.๐๐", "๑๐๐.๐๐"]
    for number, (row, score) in enumerate(zip(rows, scores), 1):
        assert f'href="../indicator-{number:02d}/"' in row or f'href="indicator-{number:02d}/"' in row
        assert FRAMEWORK.indicator(number).name in row and score in row
        assert _unwrapped(ROWS[number]["measure"][0]) in _unwrapped(" ".join(re.sub(r"<[^>]+>", "", row).split()))
    chart = re.search(r"<div class=\"itaplan-chart\"[^>]*>.*?</ol></div>", html, re.S).group(0)
    assert 'role="img"' in chart and chart.count('class="itaplan-chart-bar"') == 10


def test_home_page_links_the_newest_plan(built_site):
    links = [a.get("href") for a in tags(built_site / "index.html", "a")]
    assert "2569/" in links
    assert "ฉบับล่าสุด" in content_text(built_site / "index.html")


def test_no_third_party_url_in_any_page(built_site):
    own_host = urlparse(load_config(str(ROOT / "mkdocs.yml")).site_url or "").netloc  # canonical links
    pages = list(built_site.rglob("*.html"))
    assert len(pages) >= 12
    for page in pages:
        for tag, attr in (("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src"),
                          ("source", "src"), ("video", "src"), ("audio", "src")):
            for attrs in tags(page, tag):
                url = attrs.get(attr)
                if url:
                    assert urlparse(url).netloc in ("", own_host), f"{page}: <{tag} {attr}={url}>"
    for css in built_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), css


def test_font_and_its_licence_are_shipped(built_site):
    fonts = built_site / "assets" / "fonts" / "sarabun"
    assert (fonts / "OFL.txt").read_text(encoding="utf-8").count("SIL Open Font License") >= 1
    assert sorted(p.name for p in fonts.glob("*thai*.woff2")) == [
        "sarabun-thai-400-normal.woff2", "sarabun-thai-700-normal.woff2"]


def test_arabic_digits_setting(tmp_path):
    project = copy_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("digits: thai", "digits: arabic"), encoding="utf-8")
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    text = content_text(project / "site/2569/indicator-06/index.html")
    assert "99.79" in text and "1 ต.ค. 2568 – 30 ก.ย. 2569" in text
    # the official wording itself is published as written, Thai digits included
    assert "ปรากฏว่าได้ ๙๙.๗๙ คะแนน" in text


def test_repository_link_asks_no_api_from_the_browser(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'class="md-source"' in html
    assert 'data-md-component="source"' not in html
