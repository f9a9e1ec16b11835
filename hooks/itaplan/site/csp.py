"""A Content Security Policy on every page of a built site, as a <meta> tag (GitHub Pages sends no headers).

The site runs only its own files. The policy, one for the whole site, allows:

- scripts from the site itself, plus each inline script the pages carry, by its sha256 hash (Material
  and the theme write a few; computed here over the final HTML, so a change of theme or template
  cannot be forgotten) — no 'unsafe-inline', no 'unsafe-eval'. Data blocks (`application/json`,
  `application/ld+json`) are not run, so they need no hash;
- styles from the site itself. Material needs no inline style in its markup (its script sets
  positions through the CSSOM, which a policy does not restrict); a page whose theme still carries a
  `<style>` element or a `style=` attribute gets that exact text's hash ('unsafe-hashes' for
  attributes, which allows only those hashes), never a blanket 'unsafe-inline' — but only outside
  what data makes (below): a style there came from data, and hashing it would let staff text cover
  the page;
- images from the site and `data:` (Material's icons are data: SVG in its CSS), fonts, fetches and
  the search worker from the site; no plugins (`object-src 'none'`); `<base>` and form targets only
  on the site.

`frame-ancestors` (who may frame the site) is ignored in a <meta> policy; a host that can send
headers sends it there (handbook/publishing.md: "Any other static host, and its web server").

Inline event handlers (`onclick=`) and `javascript:` links cannot be allowed by hash without
weakening the policy; a page that has one is reported as a problem, and the build stops. Neither is
an inline script, a `<style>` element or a `style=` attribute inside what data and Markdown make —
the page's content (`<article>`), its navigation (`<nav>`) and its header (`<header>`, which shows
the page title): the theme's own scripts and styles stand outside them, so one in there came from
data. Nor may an element id repeat on a page, or one inside the article start with `__`: Material
finds its configuration, search and drawer by such ids (`__config`, `__search`, `__drawer`), and the
first element with the id wins — staff text with that id would become the theme's configuration.

The whole site is read once to collect the hashes, then every HTML file gets the same policy as the
first element of its <head> (after `<meta charset>`, which must stay in the first 1024 bytes), before
any script. Running it again replaces the policy it wrote before.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import html as html_text
import re
from dataclasses import dataclass, field
from pathlib import Path

META_NAME = "Content-Security-Policy"

# Script types a browser runs (HTML's JavaScript MIME types, modules, import maps); anything else
# in a <script> element is a data block.
_JS_TYPES = {"", "module", "importmap", "speculationrules", "text/javascript", "application/javascript",
             "application/ecmascript", "application/x-ecmascript", "application/x-javascript",
             "text/ecmascript", "text/jscript", "text/livescript", "text/x-ecmascript", "text/x-javascript",
             *(f"text/javascript1.{n}" for n in range(6))}

_ATTRS = r"""((?:[^>"']|"[^"]*"|'[^']*')*)"""
_START = {name: re.compile(rf"<{name}\b{_ATTRS}>", re.I) for name in ("script", "style", "textarea", "title")}
_END = {name: re.compile(rf"</{name}\s*>", re.I) for name in _START}
_NEXT = re.compile(r"<!--|<(script|style|textarea|title)\b", re.I)
_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
_TAG = re.compile(rf"<([a-zA-Z][^\s/>]*){_ATTRS}>")
# Searched in lower-case text, one literal-led pattern at a time: far faster than one pattern with re.I.
_SUSPECTS = (re.compile(r"on[a-z]+\s*="), re.compile(r"style\s*="))
_URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data"}
_ID = re.compile(r"""\sid\s*=""", re.I)
_ID_VALUE = re.compile(r"""\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
THEME_ID_PREFIX = "__"
"""Material's own element ids (__config, __search, __drawer, __toc, __nav_…); none may come from the content."""
_CSP_META = re.compile(r"""<meta\b(?:[^>"']|"[^"]*"|'[^']*')*http-equiv\s*=\s*["']?content-security-policy["']?"""
                       r"""(?:[^>"']|"[^"]*"|'[^']*')*>""", re.I)
_HEAD = re.compile(rf"<head\b{_ATTRS}>", re.I)
_CHARSET = re.compile(rf"\s*<meta\b(?=[^>]*\bcharset\s*=){_ATTRS}>", re.I)
# Where data and Markdown end up; the theme writes no script in there.
_CONTENT = {name: (re.compile(rf"<{name}\b", re.I), re.compile(rf"</{name}\s*>", re.I))
            for name in ("article", "nav", "header")}
_CONTENT_TAG = re.compile(r"<(/?)(article|nav|header)\b(?(1)\s*>)", re.I)


class PolicyError(Exception):
    """Pages that a strict policy would break, with file and line; raised by `protect_site`."""


@dataclass
class PageScan:
    """What a policy must know about one page."""

    scripts: list[str] = field(default_factory=list)  # texts of inline scripts the browser runs
    styles: list[str] = field(default_factory=list)  # texts of <style> elements
    style_attributes: list[str] = field(default_factory=list)  # values of style="…"
    problems: list[str] = field(default_factory=list)  # "line N: …"


@dataclass
class SiteReport:
    pages: int
    script_hashes: list[str]
    style_hashes: list[str]
    style_attribute_hashes: list[str]
    policy: str


def source_hash(text: str) -> str:
    """The CSP source expression of an inline text, as browsers compute it (line ends as parsed: LF)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _attributes(raw: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, value in _ATTR.findall(raw):
        value = value[1:-1] if value[:1] in "\"'" and len(value) > 1 else value
        out.setdefault(name.lower(), html_text.unescape(value))  # as the browser reads it: &#106; is j
    return out


def _line(html: str, pos: int) -> int:
    return html.count("\n", 0, pos) + 1


def scan(html: str) -> PageScan:
    """Find the inline scripts and styles of a page and anything a strict policy cannot allow."""
    result = PageScan()
    raw_spans: list[tuple[int, int]] = []  # comments and raw text: no tags in there
    content = _content_spans(html)
    pos = 0
    while match := _NEXT.search(html, pos):
        if match[0] == "<!--":
            end = html.find("-->", match.end())
            end = len(html) if end < 0 else end + 3
            raw_spans.append((match.start(), end))
            pos = end
            continue
        name = match[1].lower()
        start = _START[name].match(html, match.start())
        if not start:  # "<script" that is no tag (text)
            pos = match.end()
            continue
        close = _END[name].search(html, start.end())
        body_end = close.start() if close else len(html)
        body = html[start.end():body_end]
        raw_spans.append((start.end(), body_end))
        attrs = _attributes(start[1])
        inside = _region(content, match.start()) if name in ("script", "style") else None
        if name == "script" and "src" not in attrs and attrs.get("type", "").strip().lower() in _JS_TYPES:
            if inside:
                result.problems.append(
                    f"line {_line(html, match.start())}: สคริปต์ในเนื้อหาของหน้า (<{inside}>) มาจากข้อมูลหรือ Markdown "
                    "ซึ่งไม่มีวันมีสคริปต์: ตรวจข้อความที่ทำให้เกิดสคริปต์นี้ — an inline <script> inside the page's "
                    f"<{inside}>, where only data and Markdown go: it is not trusted with a hash")
            else:
                result.scripts.append(body)
        elif name == "style" and inside:
            result.problems.append(
                f"line {_line(html, match.start())}: <style> ในเนื้อหาของหน้า (<{inside}>) มาจากข้อมูลหรือ Markdown "
                "ซึ่งไม่มีวันมีสไตล์: ตรวจข้อความที่ทำให้เกิดสไตล์นี้ — a <style> element inside the page's "
                f"<{inside}>, where only data and Markdown go: it is not trusted with a hash")
        elif name == "style":
            result.styles.append(body)
        pos = close.end() if close else len(html)
    if _suspect(html):
        _check_attributes(html, raw_spans, content, result)
    if _ID.search(html):
        _check_ids(html, raw_spans, content, result)
    return result


def _content_spans(html: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each outermost article, nav and header element of a page."""
    spans = []
    depth = {name: 0 for name in _CONTENT}
    start = dict.fromkeys(_CONTENT, 0)
    for tag in _CONTENT_TAG.finditer(html):
        name = tag[2].lower()
        if tag[1]:
            if depth[name] == 1:
                spans.append((start[name], tag.end(), name))
            depth[name] = max(depth[name] - 1, 0)
        else:
            if depth[name] == 0:
                start[name] = tag.start()
            depth[name] += 1
    spans.extend((start[name], len(html), name) for name in _CONTENT if depth[name])
    return spans


def _region(spans: list[tuple[int, int, str]], pos: int) -> str | None:
    """The content element (article, nav, header) that position `pos` lies inside, if any."""
    for start, end, name in spans:
        if start <= pos < end:
            return name
    return None


def _tags(html: str, raw_spans: list[tuple[int, int]]):
    """Every start tag outside comments and raw text (script, style, textarea, title)."""
    spans = iter(raw_spans)
    span = next(spans, None)
    for tag in _TAG.finditer(html):
        while span and span[1] <= tag.start():
            span = next(spans, None)
        if span and span[0] <= tag.start() < span[1]:
            continue
        yield tag


def _check_ids(html: str, raw_spans: list[tuple[int, int]], content, result: PageScan) -> None:
    """No id twice on a page, and no theme-like id (`__…`) inside the article."""
    seen: dict[str, int] = {}
    starts = [s for s, _ in raw_spans]
    last = -1
    for found in _ID.finditer(html):
        lt = html.rfind("<", 0, found.start())
        tag = _TAG.match(html, lt) if lt > last else None
        if tag is None or tag.end() <= found.start():
            continue  # "id=" in text, not in a tag
        last = lt
        n = bisect.bisect_right(starts, lt) - 1
        if n >= 0 and lt < raw_spans[n][1]:
            continue  # inside a comment or a script
        value = _ID_VALUE.match(html, found.end())
        if value is None:
            continue
        value = html_text.unescape(value[1] if value[1] is not None else value[2] if value[2] is not None else value[3])
        line = _line(html, tag.start())
        inside = _region(content, tag.start())
        if value in seen:
            result.problems.append(
                f"line {line}: id '{value[:60]}' ซ้ำกับบรรทัด {seen[value]} ในหน้าเดียวกัน (ธีมจะอ่านองค์ประกอบแรกที่มี id นี้) — "
                f"<{tag[1]} id=\"{value[:60]}\"> repeats the id of line {seen[value]}: the theme reads the first "
                "element with an id, so a repeated one can take the theme's place")
        elif inside == "article" and value.startswith(THEME_ID_PREFIX):
            result.problems.append(
                f"line {line}: id '{value[:60]}' ในเนื้อหาของหน้าขึ้นต้นด้วย {THEME_ID_PREFIX} ซึ่งสงวนไว้ให้ธีม — "
                f"<{tag[1]} id=\"{value[:60]}\"> inside the article starts with '{THEME_ID_PREFIX}', which the theme "
                "keeps for its own elements (__config, __search …)")
        seen.setdefault(value, line)


def _suspect(html: str) -> bool:
    """Whether the page may hold an event handler, a style attribute or a javascript: URL (a quick
    look that lets most pages skip the walk over every tag)."""
    lower = html.lower()
    # "script:" also finds an entity-encoded "&#106;avascript:"; "&#" or "&colon;" may hide the rest.
    return "script:" in lower or "&#" in lower or "&colon;" in lower or any(lower[m.start() - 1] in " \t\n\r\f\"'/"
                                         for pattern in _SUSPECTS for m in pattern.finditer(lower))


def _check_attributes(html: str, raw_spans: list[tuple[int, int]], content, result: PageScan) -> None:
    for tag in _tags(html, raw_spans):
        for name, value in _attributes(tag[2]).items():
            if name.startswith("on") and len(name) > 2:
                result.problems.append(f"line {_line(html, tag.start())}: <{tag[1]} {name}=…> is an inline event "
                                       "handler, which the Content Security Policy blocks; attach it from a script")
            elif name == "style" and (inside := _region(content, tag.start())):
                result.problems.append(f"line {_line(html, tag.start())}: <{tag[1]} style=…> ในเนื้อหาของหน้า "
                                       f"(<{inside}>) มาจากข้อมูลหรือ Markdown: ตรวจข้อความที่ทำให้เกิดสไตล์นี้ — a style "
                                       f"attribute inside the page's <{inside}>, where only data and Markdown go: "
                                       "it is not trusted with a hash")
            elif name == "style":
                result.style_attributes.append(value)
            elif name in _URL_ATTRS and re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith("javascript:"):
                result.problems.append(f"line {_line(html, tag.start())}: <{tag[1]} {name}=\"javascript:…\"> runs code "
                                       "from a link, which the Content Security Policy blocks")


def build_policy(script_hashes=(), style_hashes=(), style_attribute_hashes=(), *, development: bool = False) -> str:
    """The policy text. `development` (mkdocs serve, whose live reload injects an inline script) allows
    inline scripts instead of hashing them; it is never used for a published build."""
    scripts = ["'self'", "'unsafe-inline'"] if development else ["'self'", *sorted(set(script_hashes))]
    styles = ["'self'", *sorted(set(style_hashes))]
    if style_attribute_hashes:
        styles += ["'unsafe-hashes'", *sorted(set(style_attribute_hashes))]
    directives = [
        ("default-src", ["'self'"]),
        ("script-src", scripts),
        ("style-src", styles),
        ("img-src", ["'self'", "data:"]),
        ("font-src", ["'self'"]),
        ("connect-src", ["'self'"]),
        ("worker-src", ["'self'"]),
        ("manifest-src", ["'self'"]),
        ("frame-src", ["'none'"]),
        ("object-src", ["'none'"]),
        ("base-uri", ["'self'"]),
        ("form-action", ["'self'"]),
    ]
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives)


def meta_tag(policy: str) -> str:
    return f'<meta http-equiv="{META_NAME}" content="{policy}">'


def strip_policy(html: str) -> str:
    """The page without any policy <meta> (the one this module wrote, found fast, or any other)."""
    mark = f'<meta http-equiv="{META_NAME}" content="'
    while (start := html.find(mark)) >= 0:
        end = html.find('">', start + len(mark))
        html = html[:start] + html[end + 2:]
    if META_NAME.lower() in html.lower():
        html = _CSP_META.sub("", html)
    return html


def apply(html: str, policy: str) -> str | None:
    """The page with `policy` as the first element of <head> (after <meta charset>), replacing any
    policy written before; None when the page has no <head> to carry it."""
    html = strip_policy(html)
    head = _HEAD.search(html)
    if not head:
        return None
    at = head.end()
    charset = _CHARSET.match(html, at)
    if charset:
        at = charset.end()
    return html[:at] + meta_tag(policy) + html[at:]


def protect_site(site_dir: Path, *, development: bool = False) -> SiteReport:
    """Give every HTML file under `site_dir` the site's policy. Raises PolicyError, writing nothing,
    when a page has an inline event handler, a javascript: link or no <head>."""
    pages = sorted(p for p in Path(site_dir).rglob("*.html") if p.is_file())
    texts: list[Path] = []  # read again when writing: holding every page would take memory by the site's size
    scripts: set[str] = set()
    styles: set[str] = set()
    style_attributes: set[str] = set()
    problems: list[str] = []
    for page in pages:
        html = strip_policy(page.read_text(encoding="utf-8"))
        if "<" not in html:  # plain text named .html (a site verification file): nothing runs
            continue
        found = scan(html)
        rel = page.relative_to(site_dir).as_posix()
        problems += [f"{rel}: {problem}" for problem in found.problems]
        if not _HEAD.search(html):
            problems.append(f"{rel}: no <head>, so it cannot carry the Content Security Policy")
        scripts.update(source_hash(s) for s in found.scripts)
        styles.update(source_hash(s) for s in found.styles)
        style_attributes.update(source_hash(s) for s in found.style_attributes)
        texts.append(page)
    if problems:
        raise PolicyError("หน้าเว็บมีโค้ดที่นโยบายความปลอดภัย (Content Security Policy) ไม่อนุญาต — pages that a strict "
                          "Content Security Policy would break:\n  " + "\n  ".join(problems))
    policy = build_policy(scripts, styles, style_attributes, development=development)
    for page in texts:
        page.write_text(apply(page.read_text(encoding="utf-8"), policy), encoding="utf-8", newline="")
    return SiteReport(len(texts), sorted(scripts), sorted(styles), sorted(style_attributes), policy)
