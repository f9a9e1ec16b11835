"""Staff Markdown, case by case: what the red-team pass found, each either refused at its line with a Thai
message or rendered inert (shown as the text it is), and never a crash.

The same parse serves the check and the page, so a case cannot pass the check and render differently.
A property test then feeds random Markdown and Unicode through the check and the renderer.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from itaplan.progress.markdown import (ALLOWED, MAX_DEPTH, MAX_INLINE_DEPTH, MAX_MARKS, MAX_UNCLOSED, brief, check_markdown,
                                       plain_lines, render_html)

THAI = re.compile("[\u0e00-\u0e7f]")

# (name, text, line of the problem counted from 0, a fragment of its Thai message)
REFUSED = [
    ("raw HTML tag", "บรรทัดแรก\n\nดู <b>ตัวหนา</b>", 2, "โค้ด HTML"),
    ("script block", "บรรทัดแรก\n\n<script>alert(1)</script>", 2, "โค้ด HTML"),
    ("event handler", "ก\n<img src=x onerror=alert(1)>", 1, "โค้ด HTML"),
    ("comment", "<!-- itaplan:years -->", 0, "โค้ด HTML"),
    ("character reference", "ก\n\n&#60;script&#62;", 2, "รหัสอักขระ HTML"),
    ("named reference", "&lt;b&gt;", 0, "รหัสอักขระ HTML"),
    ("image", "ก\n![ภาพ](https://tracker.example/pixel.png)", 1, "รูปภาพ"),
    ("heading 1", "ก\n\n# หัวข้อใหญ่", 2, "หัวข้อระดับ 1"),
    ("heading 2", "## หัวข้อรอง", 0, "หัวข้อระดับ 2"),
    ("underlined heading", "ข้อความ\n===", 1, "เส้นใต้ข้อความ"),
    ("dash-underlined heading", "ก\n\nข้อความ\n---", 3, "เส้นใต้ข้อความ"),
    ("javascript link", "[คลิก](javascript:alert(1))", 0, "javascript"),
    ("upper-case vbscript", "[คลิก](VBScript:msgbox(1))", 0, "VBScript"),
    ("data link", "[คลิก](data:text/html,hi)", 0, "data"),
    ("data link through a definition inside a list", "- รายการ [ดู][x]\n\n  [x]: data:text/html,hi", 0, "data"),
    ("definition inside a quote", "> [x]:\n>   javascript:alert(1)\n\nดู [ที่นี่][x]", 3, "javascript"),
    ("link split across lines", "ก\n[คลิก](\njavascript:alert(1))", 1, "javascript"),
    ("scheme hidden in a character reference", "[คลิก](&#106;avascript:alert(1))", 0, "javascript"),
    ("scheme hidden in a percent escape", "[คลิก](javascript%3Aalert(1))", 0, "%"),
    ("javascript autolink", "<javascript:alert(1)>", 0, "javascript"),
    ("protocol-relative link", "[คลิก](//evil.example/)", 0, "//"),
    ("control character", "ก\n\nข\x07ค", 2, "อักขระควบคุม"),
    ("carriage return", "ก\rข", 0, "อักขระควบคุม"),
    ("right-to-left override", "ไฟล์\u202egpj.exe", 0, "ทิศทาง"),
    ("noncharacter", "ก\n\nหน่วยงาน\ufffe", 2, "noncharacter"),
    ("nested lists", "".join("    " * n + "- ก\n" for n in range(MAX_DEPTH + 1)), MAX_DEPTH, "ซ้อนกันเกิน"),
    ("quotes nested hundreds deep", "> " * 500 + "ก", 0, "ซ้อนกันเกิน"),
    ("lists nested hundreds deep", "".join("  " * n + "- ก\n" for n in range(400)), MAX_DEPTH, "ซ้อนกันเกิน"),
    ("emphasis nested deep", "ก\n" + "*a **a " * 5 + "b" + " a** a*" * 5, 1, "ตัวหนา ตัวเอียง"),
    ("thousands of [", "ก\n\n" + "[" * 5000, 2, "ไม่มี ] ปิด"),
    ("unclosed [ over many lines", "".join(f"ข้อ [{n}\n" for n in range(MAX_UNCLOSED + 5)), MAX_UNCLOSED, "ไม่มี ] ปิด"),
    ("thousands of links", "[ก](https://www.example.go.th/) " * (MAX_MARKS + 1), 0, "วงเล็บเหลี่ยม ["),
    ("thousands of <", "ร้อยละ < 50 " * (MAX_MARKS + 1), 0, "เครื่องหมาย <"),
]


@pytest.mark.parametrize("name,text,line,thai", REFUSED, ids=[c[0] for c in REFUSED])
def test_refused_at_its_line_in_thai_first(name, text, line, thai):
    problems = check_markdown(text)
    assert problems, f"{name}: passed the check"
    first_line, message = problems[0]
    assert (first_line, thai in message) == (line, True), problems
    lead, _, english = message.partition(" — ")
    assert THAI.search(lead) and english, f"not 'Thai — English': {message}"


# (name, text, what the reader sees, as text) — no attribute, element or link comes out of these
INERT = [
    ("attribute list with the theme's config id", 'ข้อความ\n{: id="__config" }', 'ข้อความ\n{: id="__config" }'),
    ("attribute list without a colon", 'ข้อความ\n{id="__config"}', 'ข้อความ\n{id="__config"}'),
    ("style through an attribute list", 'ข้อความ\n{style="position:fixed;inset:0"}', 'ข้อความ\n{style="position:fixed;inset:0"}'),
    ("attribute list on a link", '[ดู](https://www.example.go.th/){href="data:text/html,x"}',
     'ดู{href="data:text/html,x"}'),
    ("braces in a heading", "### งบประมาณ {ปี 2569}", "งบประมาณ {ปี 2569}"),
    ("hidden heading", "### หัวข้อ {.hidden}", "หัวข้อ {.hidden}"),
    ("[TOC]", "[TOC]", "[TOC]"),
    ("{hidden} line", "ข้อ\n{hidden}", "ข้อ\n{hidden}"),
    ("md_in_html", '<div markdown="1">x</div>', None),  # refused (raw HTML): see REFUSED's kind
    ("table", "| a | b |\n| --- | --- |\n| 1 | 2 |", "| a | b |\n| --- | --- |\n| 1 | 2 |"),
    ("footnote mark", "ข้อความ[^1] และ [1]", "ข้อความ[^1] และ [1]"),
    ("strikethrough", "~~ยกเลิก~~", "~~ยกเลิก~~"),
    ("underscores in a file name", "ดูไฟล์ report_2569_final_v2.pdf", "ดูไฟล์ report_2569_final_v2.pdf"),
    ("asterisks and brackets", "ราคา 5 * 3 [ประมาณ]", "ราคา 5 * 3 [ประมาณ]"),
    ("ampersands", "R&D และ AT&T", "R&D และ AT&T"),
    ("abbreviation syntax", "*[HTML]: Hyper Text", "*[HTML]: Hyper Text"),
]


class _Html(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.text = ""
        self.depth = self.deepest = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag not in ("br", "hr"):
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)

    def handle_endtag(self, tag):
        self.depth -= 1

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text += data


def _assert_allowed(html: str) -> _Html:
    parsed = _Html(html)
    for tag, attrs in parsed.elements:
        assert tag in ALLOWED["tags"], (tag, html)
        assert set(attrs) <= ALLOWED["attributes"].get(tag, set()), (tag, attrs)
        href = re.sub(r"[\x00-\x20]", "", attrs.get("href") or "").lower()
        assert not re.match(r"^[a-z][a-z0-9+.-]*:", href) or href.startswith(("https:", "http:", "mailto:")), attrs
    return parsed


@pytest.mark.parametrize("name,text,seen", [c for c in INERT if c[2] is not None], ids=[c[0] for c in INERT if c[2]])
def test_inert_text_is_shown_exactly_as_written(name, text, seen):
    assert check_markdown(text) == []
    parsed = _assert_allowed(render_html(text, 2))
    assert parsed.text.strip() == seen
    assert all(tag in ("p", "h5", "a") for tag, _ in parsed.elements), parsed.elements


def test_md_in_html_is_refused_as_raw_html():
    assert "โค้ด HTML" in check_markdown('<div markdown="1">**x**</div>')[0][1]


def test_allowed_markdown_renders_as_the_pages_need():
    text = ("**ตัวหนา** *เอียง* ร้อยละ < 50 และ 3 > 2\n\n- รายการ\n- อีกข้อ\n\n3. ข้อสาม\n4. ข้อสี่\n\n"
            "### หัวข้อย่อย\nข้อความ\\\nบรรทัดใหม่ [ลิงก์](https://www.example.go.th/a?b=1&c=2) "
            "[อีเมล](mailto:saraban@example.go.th) [ในเว็บไซต์](2569/index.md#measures) `โค้ด`\n\n> อ้างอิง\n\n---\n")
    assert check_markdown(text) == []
    html = render_html(text, 2, lambda url: "../" + url)
    _assert_allowed(html)
    assert "<strong>ตัวหนา</strong> <em>เอียง</em> ร้อยละ &lt; 50 และ 3 &gt; 2" in html
    assert '<ol start="3">' in html and "<h5>หัวข้อย่อย</h5>" in html and "ข้อความ<br>" in html
    assert '<a href="https://www.example.go.th/a?b=1&amp;c=2">ลิงก์</a>' in html
    assert '<a href="mailto:saraban@example.go.th">' in html and '<a href="../2569/index.md#measures">' in html
    assert "<blockquote>" in html and "<hr>" in html and "<code>โค้ด</code>" in html
    assert "rel=" not in html and "id=" not in html


def test_headings_never_go_deeper_than_h6():
    assert render_html("###### ลึก", 2) == "<h6>ลึก</h6>"


def test_plain_text_keeps_every_character():
    text = "ส่งไฟล์ report_2569_v2.pdf แล้ว\\\nดู [คู่มือ](https://www.example.go.th/) **ด่วน**\n\n- ก_ข\n\n7. ค"
    assert plain_lines(text) == ["ส่งไฟล์ report_2569_v2.pdf แล้ว", "ดู คู่มือ ด่วน", "• ก_ข", "7. ค"]
    assert brief(text) == "ส่งไฟล์ report_2569_v2.pdf แล้ว ดู คู่มือ ด่วน"
    assert brief("ก " * 200).endswith(" …") and len(brief("ก " * 200)) <= 163


# --- random Markdown and Unicode --------------------------------------------------------------------------

MARKUP = st.sampled_from(["[", "]", "(", ")", "<", ">", "!", "*", "_", "`", "#", "-", "+", "1.", "{", "}", ":",
                          "=", "&", "&#", ";", "\\", "|", "~", "\n", "\n\n", "  \n", "    ", "> ", "- ",
                          "javascript:", "data:", "https://", "mailto:", "<a href=", "{: id=", "__config",
                          "[TOC]", "![", "](", "&#106;", "\u202e", "\u200b", "\ufffe", "\x07"])
TEXT = st.lists(st.one_of(MARKUP, st.text(min_size=1, max_size=8)), max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_any_text_is_checked_and_rendered_safely(text):
    problems = check_markdown(text)
    assert all(isinstance(line, int) and 0 <= line <= text.count("\n") and " — " in message
               for line, message in problems)
    html = render_html(text, 2, lambda url: url)
    parsed = _assert_allowed(html)
    if not problems:  # what is published is as shallow as the limits say
        assert parsed.deepest <= 2 * MAX_DEPTH + MAX_INLINE_DEPTH + 2, html
    for tag, attrs in parsed.elements:
        if tag == "a" and "href" in attrs and not problems:
            assert attrs["href"].startswith(("https://", "http://", "mailto:")) or ":" not in attrs["href"]
    assert plain_lines(text) is not None and brief(text) is not None


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from(["result", "obstacles", "solutions"]))
def test_any_text_through_a_report_field_is_refused_or_published_safely(text, field):
    """The path of a report field in a build: the schema (length, invisible characters removed, NFC), then the
    check, then the renderer. Text that passes everything comes out as allowed HTML only."""
    from pydantic import ValidationError

    from itaplan.progress.schema import IndicatorReport

    try:
        report = IndicatorReport.model_validate({"indicator": 1, field: text})
    except ValidationError:
        assert not text or len(text) > 20_000
        return
    value = getattr(report, field)
    assert "\u200b" not in value and "\ufeff" not in value
    if check_markdown(value):
        return
    parsed = _assert_allowed(render_html(value, 2, lambda url: url))
    assert not re.search("[\x00-\x08\x0b-\x1f\ufffe\uffff\u202a-\u202e]", parsed.text)


def test_a_link_title_with_quotes_stays_one_attribute():
    assert render_html("[ดู](https://www.example.go.th/ 'คำว่า \"ด่วน\" <b>')") == (
        '<p><a href="https://www.example.go.th/" title="คำว่า &quot;ด่วน&quot; &lt;b&gt;">ดู</a></p>')
