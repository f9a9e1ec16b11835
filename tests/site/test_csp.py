"""The Content Security Policy (itaplan.site.csp): what it allows, where it goes, what stops a build.

The last tests read every HTML file of the real built site, so a page added later (by another hook,
a template or a plugin) is held to the same policy without anyone listing it.
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import copy_project, mkdocs_build
from itaplan.site import csp


def _directives(policy: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_hash_is_the_one_browsers_compute():
    # the example of the CSP specification (and MDN)
    assert csp.source_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
    # the HTML parser turns CR LF into LF before the browser hashes the text
    assert csp.source_hash("a();\r\nb();") == csp.source_hash("a();\nb();")
    assert csp.source_hash("ไทย") != csp.source_hash("ไทย ")


def test_scan_hashes_only_inline_scripts_that_run():
    page = """<html><head><script>one()</script>
    <script type="application/json" id="__config">{"a": 1}</script>
    <script type="application/ld+json">{"@context": "https://schema.org"}</script>
    <script src="x.js"></script><SCRIPT TYPE="text/javascript">two()</SCRIPT>
    <script type="module">three()</script>
    <!-- <script>commented()</script> <script> -->
    <script data-x="a>b">four("</div>")</script>
    <textarea><script>not_a_script()</script></textarea>
    </head><body><svg><script>five()</script></svg></body></html>"""
    found = csp.scan(page)
    assert found.scripts == ["one()", "two()", "three()", 'four("</div>")', "five()"]
    assert found.problems == [] and found.style_attributes == []


def test_a_script_where_data_and_markdown_go_is_a_problem_never_a_hash():
    """The theme's scripts stand in <head> and after the content; a script inside the article, the
    navigation or the header (page titles) came from data, and a hash would let it run."""
    page = ("<html><head><script>theme()</script></head><body>\n<header><span>t<script>title()</script></span>"
            "</header>\n<nav><nav><a>x</a></nav><script>nav()</script></nav>\n<main><article>\n<p>a</p>"
            "<script>alert(1)</script></article><script>after_article()</script></main>"
            "<footer></footer><script>footer()</script></body></html>")
    found = csp.scan(page)
    assert found.scripts == ["theme()", "after_article()", "footer()"]
    assert [p.split(":")[0] for p in found.problems] == ["line 2", "line 3", "line 5"]
    assert all(p.split(": ", 1)[1].startswith("สคริปต์ในเนื้อหาของหน้า") for p in found.problems)
    assert "<header>" in found.problems[0] and "<nav>" in found.problems[1] and "<article>" in found.problems[2]


def test_event_handlers_and_javascript_links_are_problems_with_their_line():
    page = '<html><head></head><body>\n<p>text: onclick="x" in text is fine</p>\n<button ONCLICK="go()">a</button>\n' \
           '<a href=" &#106;avascript:alert(1)">b</a>\n<svg><a xlink:href="JavaScript:x()">c</a></svg></body></html>'
    problems = csp.scan(page).problems
    assert len(problems) == 3
    assert problems[0].startswith("line 3: <button onclick=") and "event handler" in problems[0]
    assert problems[1].startswith("line 4: <a href=") and problems[2].startswith("line 5:")


def test_an_encoded_javascript_link_alone_is_found():
    assert csp.scan('<html><head></head><body><a href="j&#97;vascript&colon;x()">a</a></body></html>').problems


def test_style_attributes_get_exact_hashes_never_unsafe_inline():
    found = csp.scan('<html><head><style>p{color:red}</style></head><body><p style="width: 40%;content:&quot;x&quot;">x</p></body></html>')
    policy = _directives(csp.build_policy([], map(csp.source_hash, found.styles),
                                          map(csp.source_hash, found.style_attributes)))
    assert policy["style-src"] == ["'self'", csp.source_hash("p{color:red}"), "'unsafe-hashes'",
                                   csp.source_hash('width: 40%;content:"x"')]
    assert _directives(csp.build_policy())["style-src"] == ["'self'"]


def test_a_style_where_data_and_markdown_go_is_a_problem_never_a_hash():
    """Staff text once put a full-page overlay on a page with an attribute list, and the policy allowed it by
    its hash: a style inside the article, navigation or header came from data and stops the build."""
    page = ('<html><head><style>theme{}</style></head><body><div style="theme: 1"></div>\n<header>'
            '<span style="x: 1">t</span></header>\n<article><p style="position:fixed;inset:0">x</p>\n'
            "<style>p{display:none}</style></article><nav><a STYLE='y: 2'>n</a></nav></body></html>")
    found = csp.scan(page)
    assert found.styles == ["theme{}"] and found.style_attributes == ["theme: 1"]
    assert sorted(p.split(":")[0] for p in found.problems) == ["line 2", "line 3", "line 4", "line 4"]
    assert all("style" in p for p in found.problems)


def test_theme_ids_cannot_come_from_the_content():
    """Material reads its configuration from the first element with id __config: staff text that carried it
    redirected a shared search link to another site. An id inside the article starting with __, or any id
    a page repeats, stops the build."""
    page = ('<html><head></head><body><input id="__search">\n<nav><input id="__nav_1"><a id="top">x</a></nav>\n'
            '<article><p id="__config">{"base": "https://evil.example/"}</p>\n<h2 id="top">t</h2>'
            '<p>{id="__search"} is text</p><pre><code>&lt;p id="__config"&gt;</code></pre></article>\n'
            '<script type="application/json" id="__config">{}</script><!-- <p id="__search"> --></body></html>')
    found = csp.scan(page)
    assert len(found.problems) == 3, found.problems
    assert found.problems[0].startswith("line 3: id '__config'") and "__" in found.problems[0]
    assert found.problems[1].startswith("line 4: id 'top'") and "ซ้ำ" in found.problems[1]
    assert found.problems[2].startswith("line 5: id '__config'") and "line 3" in found.problems[2]


def test_policy_is_strict():
    policy = _directives(csp.build_policy(["'sha256-abc='"]))
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'", "'sha256-abc='"]
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"] and policy["img-src"] == ["'self'", "data:"]
    assert policy["worker-src"] == ["'self'"] and policy["connect-src"] == ["'self'"]
    assert "frame-ancestors" not in policy  # ignored in <meta>; sent as a header where a host can
    text = csp.build_policy(["'sha256-abc='"])
    assert "unsafe-inline" not in text and "unsafe-eval" not in text and "*" not in text and "http" not in text
    # only `mkdocs serve`, whose live reload injects an inline script, allows inline scripts
    assert _directives(csp.build_policy(["'sha256-abc='"], development=True))["script-src"] == \
        ["'self'", "'unsafe-inline'"]


def test_policy_goes_first_in_head_after_charset_and_replaces_an_old_one():
    page = '<!doctype html>\n<html>\n  <head>\n    <meta charset="utf-8">\n    <script>a()</script>\n  </head></html>'
    once = csp.apply(page, "default-src 'self'")
    assert once.index('<meta charset="utf-8">') < once.index("Content-Security-Policy") < once.index("<script>")
    assert csp.apply(once, "default-src 'self'") == once
    assert csp.apply(once, "default-src 'none'").count("Content-Security-Policy") == 1
    foreign = "<html><head><META HTTP-EQUIV='content-security-policy' CONTENT=\"script-src *\"></head></html>"
    assert csp.apply(foreign, "default-src 'self'").lower().count("content-security-policy") == 1
    assert "script-src *" not in csp.apply(foreign, "default-src 'self'")
    bare = csp.apply("<html><head><title>x</title></head></html>", "default-src 'self'")
    assert bare.startswith('<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'self\'">')
    assert csp.apply("<p>no head at all</p>", "x") is None


def test_protect_site_covers_every_html_file_and_stops_on_a_problem(tmp_path):
    site = tmp_path / "site"
    (site / "a" / "b").mkdir(parents=True)
    (site / "index.html").write_text("<html><head></head><body><script>home()</script></body></html>")
    (site / "a" / "b" / "index.html").write_text("<html><head><script>deep()</script></head></html>")
    (site / "404.html").write_text("<html><head></head><body>missing</body></html>")
    (site / "google123.html").write_text("google-site-verification: google123.html")
    report = csp.protect_site(site)
    assert report.pages == 3 and report.script_hashes == sorted([csp.source_hash("home()"), csp.source_hash("deep()")])
    for page in ("index.html", "a/b/index.html", "404.html"):
        assert f'content="{report.policy}"' in (site / page).read_text()
    assert (site / "google123.html").read_text() == "google-site-verification: google123.html"

    before = {p: p.read_bytes() for p in site.rglob("*.html")}
    (site / "a" / "bad.html").write_text('<html><head></head><body>\n<a onclick="x()">x</a></body></html>')
    with pytest.raises(csp.PolicyError, match=r"a/bad\.html: line 2: <a onclick="):
        csp.protect_site(site)
    assert all(p.read_bytes() == data for p, data in before.items())  # nothing half-done


# --- the real built site: every HTML file ---------------------------------------------------------

class _Head(HTMLParser):
    """An independent reading of a page: the elements of <head> in order, and every inline script."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.head: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._in_head = False
        self._script: dict | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "head":
            self._in_head = True
        elif self._in_head:
            self.head.append((tag, attrs))
        if tag == "script":
            self._script, self._text = attrs, []

    def handle_endtag(self, tag):
        if tag == "head":
            self._in_head = False
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._text)))
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._text.append(data)


def _read(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_every_built_page_carries_the_policy_first_in_head_with_a_hash_for_each_inline_script(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert built_site / "404.html" in pages and len(pages) >= 14
    used: set[str] = set()
    policies = set()
    for path in pages:
        page = _read(path)
        metas = [a for t, a in page.head if t == "meta" and (a.get("http-equiv") or "").lower()
                 == "content-security-policy"]
        assert len(metas) == 1, f"{path}: {len(metas)} policies"
        first = page.head[0] if page.head[0][0] != "meta" or "charset" not in page.head[0][1] else page.head[1]
        assert first[1] is metas[0], f"{path}: the policy is not the first element of <head>: {page.head[:3]}"
        policy = _directives(metas[0]["content"])
        policies.add(metas[0]["content"])
        assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
        for attrs, text in page.scripts:
            if "src" in attrs:
                continue
            if (attrs.get("type") or "").lower() in ("application/json", "application/ld+json"):
                continue
            assert _sha(text) in policy["script-src"], f"{path}: inline script without its hash: {text[:80]!r}"
            used.add(_sha(text))
    (policy_text,) = policies  # one policy for the whole site
    hashes = {s for s in _directives(policy_text)["script-src"] if s.startswith("'sha256-")}
    assert hashes == used, "the policy allows scripts that no page has"


def test_pages_a_later_hook_writes_are_covered_too(tmp_path):
    """Pages other hooks write after the build (reports, downloads, feeds) get the policy by design."""
    project = copy_project(tmp_path / "project")
    hook = project / "hooks" / "late_pages_hook.py"
    hook.write_text(
        "from pathlib import Path\n"
        "def on_post_build(config):\n"
        "    target = Path(config.site_dir, 'open-data', 'index.html')\n"
        "    target.parent.mkdir(parents=True, exist_ok=True)\n"
        "    target.write_text('<!doctype html><html><head><meta charset=\"utf-8\"><title>x</title>'\n"
        "                      '<script type=\"application/ld+json\">{}</script><script>late()</script></head></html>')\n",
        encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "hooks:\n", "hooks:\n  - hooks/late_pages_hook.py\n", 1), encoding="utf-8")
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    late = (project / "site" / "open-data" / "index.html").read_text(encoding="utf-8")
    assert late.startswith('<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"')
    assert _sha("late()") in late and _sha("{}") not in late


def test_a_template_with_an_inline_handler_stops_the_build_with_file_and_line(tmp_path):
    project = copy_project(tmp_path / "project")
    partial = project / "hooks" / "theme" / "partials" / "itaplan-contact.html"
    partial.write_text(partial.read_text(encoding="utf-8") + '\n<button onclick="alert(1)">x</button>\n',
                       encoding="utf-8")
    (project / "site").mkdir()
    (project / "site" / "keep.txt").write_text("last good site")
    result = mkdocs_build(project)
    assert result.returncode != 0
    assert "inline event handler" in result.stderr and "index.html: line" in result.stderr
    assert (project / "site" / "keep.txt").read_text() == "last good site"  # the atomic hook kept it
