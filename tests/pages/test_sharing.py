"""Every built page carries link-preview tags for LINE and Facebook, plain share links (no
third-party script) and the agency's complaint and feedback channels from mkdocs.yml."""

from __future__ import annotations

import struct
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml

from conftest import ROOT, itaplan

pytestmark = pytest.mark.slow
CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
SITE_URL = CONFIG["site_url"]


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.links, self.scripts = {}, [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and ("property" in a or "name" in a):
            self.meta[a.get("property") or a["name"]] = a.get("content", "")
        elif tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.scripts.append(a["src"])


def parse(html: Path) -> _Page:
    page = _Page()
    page.feed(html.read_text(encoding="utf-8"))
    return page


def pages(site: Path) -> list[tuple[str, Path]]:
    """(canonical URL, file) of every page that has one (not 404.html)."""
    out = []
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        out.append((SITE_URL + ("" if rel == "." else rel + "/"), html))
    return out


def is_thai(text: str) -> bool:
    return any("\u0e01" <= c <= "\u0e5b" for c in text)


def test_every_page_has_open_graph_and_twitter_tags(built_site):
    assert len(pages(built_site)) >= 13
    for url, html in pages(built_site):
        meta = parse(html).meta
        assert meta["og:url"] == url
        assert is_thai(meta["og:title"]) and is_thai(meta["og:description"]), url
        assert meta["og:description"] == meta["description"]
        assert meta["twitter:card"] == "summary_large_image"
        assert meta["og:image"] == SITE_URL + "assets/images/itaplan-share.png"
    indicator = parse(built_site / "2569" / "indicator-07" / "index.html").meta
    assert indicator["og:title"].startswith("ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร")
    assert "ตัวชี้วัดที่ ๗" in indicator["og:description"]


def test_share_image_is_a_1200_by_630_png_of_the_site(built_site):
    image = (built_site / "assets" / "images" / "itaplan-share.png").read_bytes()
    assert image[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", image[16:24]) == (1200, 630)


def test_share_image_command_redraws_the_picture_with_the_agency_name(project):
    from browser import chromium_path

    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "copyright: เทศบาลตำบลโคกพุทรา", "copyright: องค์การบริหารส่วนตำบลทดสอบ"), encoding="utf-8")
    image = project / "docs/assets/images/itaplan-share.png"
    before = image.read_bytes()
    result = itaplan(project, "share-image", "--chromium", chromium_path())
    assert result.returncode == 0, result.stderr
    after = image.read_bytes()
    assert after != before and struct.unpack(">II", after[16:24]) == (1200, 630)


def test_share_links_are_plain_links_without_third_party_script(built_site):
    for url, html in pages(built_site):
        page = parse(html)
        encoded = quote(url)
        assert f"https://social-plugins.line.me/lineit/share?url={encoded}" in page.links
        assert f"https://www.facebook.com/sharer/sharer.php?u={encoded}" in page.links
        assert not [s for s in page.scripts if s.startswith(("http:", "https:", "//"))]


def test_every_page_links_to_the_complaint_and_feedback_channels(built_site):
    contact = CONFIG["extra"]["itaplan"]["contact"]
    expected = {contact["complaint_form"], contact["facebook"], contact["line"],
                "mailto:" + contact["email"], "tel:" + contact["phone"].replace("-", "").replace(" ", "")}
    for html in [*sorted(built_site.rglob("index.html")), built_site / "404.html"]:
        missing = expected - set(parse(html).links)
        assert not missing, f"{html.relative_to(built_site)} lacks {missing}"


def test_channels_left_out_are_not_shown(project):
    from conftest import mkdocs_build
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("    contact:")
    end = text.index("  generator:")
    config.write_text(text[:start] + "    contact:\n      phone: 0-3500-0000\n" + text[end:], encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    links = parse(project / "site" / "index.html").links
    assert "tel:035000000" in links
    assert not [link for link in links if link.startswith("mailto:")]
