"""Text from plan data stays text: no markup from data reaches a page, and nothing is lost.

`md_text` is checked in every Markdown context the templates put data in (paragraphs, the line
under a bold label, definition lists inside md_in_html, table cells, list items, headings): the
HTML has exactly the elements the template made, and its text is the data, character for
character. Then a whole site is built from hostile data and every page is parsed.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import markdown
import pytest
import yaml
from conftest import mkdocs_build
from hypothesis import given, settings
from hypothesis import strategies as st

from itaplan.pages.render import md_text, meta_value

EXTENSIONS = ["attr_list", "def_list", "md_in_html", "tables", "toc"]
CONTEXTS = {
    "paragraph after a paragraph": "Term\n\n{v}\n",
    "line under a bold label": '<div class="q" markdown>\n\n**label**\n{v}\n\n</div>\n',
    "definition inside md_in_html": '<div class="f" markdown>\n\nterm\n:   {v}\n\n</div>\n',
    "table cell": "| a | b |\n| --- | --- |\n| [x](y.md) | {v} |\n",
    "numbered list item": "1. {v}\n1. next\n",
    "link text": "- [{v}](https://www.example.go.th/)\n",
    "heading with an id": "## H {v} {{#h}}\n",
}
PLACEHOLDER = "PLACEHOLDER"


class _Shape(HTMLParser):
    """The tags (with attributes) and the text of an HTML fragment."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list = []
        self.text = ""
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, tuple(attrs)))

    def handle_endtag(self, tag):
        self.tags.append(("/" + tag, ()))

    def handle_data(self, data):
        self.text += data


def _render(context: str, value: str) -> _Shape:
    return _Shape(markdown.markdown(CONTEXTS[context].format(v=value), extensions=EXTENSIONS))


HOSTILE_TEXT = [
    "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "&lt;b&gt; &amp; &#60;", "[TOC]",
    ": definition", "=== setext", "--- rule", "# heading", "1. list", "2) list", "+ list", "> quote", "* item",
    "`code`", "**bold** _em_", "[link](javascript:alert(1))", "![img](x.png)", "<https://evil.example>",
    "a | b | c", "{: onclick=alert(1) }", "{#id .cls}", "x\\", "\\*not em\\*", "*[HTML]: abbr", "[^1]",
    "<div markdown>x</div>", "<!-- comment -->", "<![CDATA[x]]>", "1~2 ~~x~~", "ก\u0e48\u0e48 \u200b \u202e",
    "    indented code", "a  \n  b", "&", "<", "\\", "-", "#", "=", ":", "1.",
]


@pytest.mark.parametrize("context", list(CONTEXTS))
@pytest.mark.parametrize("value", HOSTILE_TEXT)
def test_hostile_text_renders_as_that_text(context, value):
    expected = _render(context, PLACEHOLDER)
    got = _render(context, md_text(value))
    assert got.tags == expected.tags
    assert got.text == expected.text.replace(PLACEHOLDER, " ".join(value.split()))


@settings(max_examples=300, deadline=None)
@given(value=st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=30)
       .filter(str.strip),  # plan data never holds text that is only white space: the schema refuses it
       context=st.sampled_from(list(CONTEXTS)))
def test_any_text_renders_as_that_text(value, context):
    test_hostile_text_renders_as_that_text(context, value)


def test_meta_value_is_html_inside_a_yaml_string():
    value = '"><script>alert(1)</script> 😀 ก'
    loaded = yaml.safe_load("description: " + meta_value(value))["description"]
    assert loaded == "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; 😀 ก"
    assert json.loads(meta_value("a\n  b")) == "a b"


# --- a whole site built from hostile data -------------------------------------------------------

ROUND_ATTACK = '<img src=x onerror=alert(5)><script>alert(6)</script>'  # a round name is at most 60 long
ATTACK = '"><script>alert("x")</script><img src=x onerror=alert(2)>[t](javascript:alert(3)){: onclick=alert(4)} 😀'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    from conftest import copy_project
    project = copy_project(tmp_path_factory.mktemp("hostile-site"))
    data = project / "plan_data"
    for path in sorted((data / "2569" / "indicators").glob("*.yml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        doc["measure"] = f": {ATTACK} {doc['measure'][:20]}"
        doc["analysis"] = [f"# {ATTACK}", f"=== {ATTACK}"] + doc["analysis"]
        doc["steps"] = [f"1. {ATTACK}"] + doc["steps"]
        doc["responsible"] = [ATTACK, "| cell | split |"]
        if doc.get("question"):
            doc["question"]["text"] = f"=== {ATTACK}"
        doc["links"] = [{"title": ATTACK, "url": "https://www.example.go.th/a?b=1&c=\"'<>()"},
                        {"title": "ในเว็บไซต์", "url": "2569/index.md#measures"},
                        {"title": "อีเมล", "url": "mailto:saraban@example.go.th"}]
        path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    plan = yaml.safe_load((data / "2569/plan.yml").read_text(encoding="utf-8"))
    plan["title"] = f"- {ATTACK}"
    (data / "2569/plan.yml").write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    config = project / "mkdocs.yml"  # a round's name comes from the site settings, and reaches page titles
    config.write_text(config.read_text(encoding="utf-8").replace(
        "    plan_data: plan_data\n", "    plan_data: plan_data\n    rounds:\n      - id: 6-months\n"
        f"        name: {json.dumps(ROUND_ATTACK)}\n        cutoff: '03-31'\n", 1), encoding="utf-8")
    agency = {"name": ATTACK, "district": f"<b>{ATTACK}", "province": f"{{#x}} {ATTACK}"}
    (data / "agency.yml").write_text(yaml.safe_dump(agency, allow_unicode=True), encoding="utf-8")
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


class _Page(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list = []
        self.text = ""
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text += data


@pytest.mark.slow
@pytest.mark.parametrize("page", ["2569/index.html", "2569/indicator-03/index.html", "index.html",
                                  "2569/units/index.html",  # the unit named by hostile text, and its own page:
                                  "2569/units/script-alert-x-script-img-src-x-onerror/index.html",
                                  "2569/report-6-months/index.html"])
def test_hostile_data_never_becomes_markup(hostile_site, page):
    parsed = _Page((hostile_site / page).read_text(encoding="utf-8"))
    for tag, attrs in parsed.elements:
        assert tag != "img" or attrs.get("src") != "x"
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, attrs)
            # hostile text may stand in a label as text (Material escapes the title again: "&lt;img …")
            assert ("alert(" not in (value or "") or (tag == "meta" and name == "content")
                    or (name in ("aria-label", "title") and "<" not in value)), (tag, attrs)
            if name == "href":
                # a browser drops white space and control characters before it reads the scheme
                scheme = re.sub(r"[\x00-\x20]", "", value or "").lower()
                assert not scheme.startswith(("javascript:", "data:", "vbscript:")), attrs
    scripts = [a for t, a in parsed.elements if t == "script"]
    assert all("alert" not in str(a) for a in scripts)
    assert ATTACK in parsed.text or page == "index.html"


@pytest.mark.slow
def test_indicator_page_lists_related_links_safely(hostile_site):
    parsed = _Page((hostile_site / "2569/indicator-03/index.html").read_text(encoding="utf-8"))
    hrefs = [a["href"] for t, a in parsed.elements if t == "a" and "href" in a]
    assert "https://www.example.go.th/a?b=1&c=%22%27%3C%3E%28%29" in hrefs
    assert "../#measures" in hrefs and "mailto:saraban@example.go.th" in hrefs
    assert "เอกสารที่เกี่ยวข้อง" in parsed.text
    description = next(a["content"] for t, a in parsed.elements if t == "meta" and a.get("name") == "description")
    assert ATTACK in description


@pytest.mark.slow
def test_pages_without_links_have_no_links_section(built_site):
    assert "เอกสารที่เกี่ยวข้อง" not in (built_site / "2569/indicator-03/index.html").read_text(encoding="utf-8")


def test_every_heading_of_a_template_names_its_own_id():
    """toc makes a heading's id from its text when the heading names none, so a heading whose text comes from data
    would get an id the data chose (`__config`, the theme's own): every heading of every template names its id."""
    from itaplan.pages.render import TEMPLATES

    bare = [f"{t.name}:{n}: {line}" for t in sorted(TEMPLATES.glob("*.j2"))
            for n, line in enumerate(t.read_text(encoding="utf-8").splitlines(), 1)
            if re.match(r"#{1,6} ", line) and not re.search(r"\{#[^{}]*(\{\{[^{}]*\}\}[^{}]*)*\}\s*$", line)]
    assert not bare, bare
