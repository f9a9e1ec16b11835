"""Staff Markdown in progress reports (result, obstacles, solutions): an allowlist, parsed once.

What staff may write (documented for them in CONTRIBUTING.md): paragraphs (a blank line between
them), **bold** and *italic*, bulleted (- …) and numbered (1. …) lists, line breaks (end a line with
a backslash or two spaces), links [text](https://…) to web or mail addresses or to paths inside the
site (written from the site's root, as the plan's links are), headings of level 3 or deeper (### …),
quotes (> …), `code` and a rule (--- after a blank line). Nothing else is syntax: an attribute list
`{: …}`, `{hidden}`, `[TOC]`, a table or a footnote is text, and shown exactly as written.

One parse serves everything: markdown-it-py reads the text as CommonMark with only those rules on,
plus the rules that recognise what is refused (raw HTML, images, character references, headings of
level 1 and 2), so that the check can say so instead of the page showing them as text:

- `check_markdown` walks the tokens the parser made, so a link split over lines, a reference
  definition inside a list or a quote, or a character reference hiding a scheme are judged as a
  browser will read them; each problem names its line, Thai first (`itaplan check`, the build and
  the Word report import all call it);
- `render_html` writes the tokens as HTML with headings moved under the page's own and in-site
  links made relative to the page, then nh3 (Ammonia) keeps only the elements and attributes listed
  in ALLOWED — a second wall, should the parser ever emit more. The page puts that HTML in a raw
  HTML block, which MkDocs' Markdown does not read again (no attr_list, md_in_html or toc on it);
- `plain_lines` and `brief` take the text from the same tokens, for table cells and summaries.

Why markdown-it-py, not MkDocs' own Python-Markdown: Python-Markdown's inline parser scans to the
end of a paragraph for every `[`, `![` or unclosed link (20,000 `[` take 30–45 s, quadratic), and it
keeps no source lines; markdown-it-py is linear on CommonMark's pathological inputs and gives every
block its lines. Nesting is bounded (MAX_DEPTH lists and quotes inside each other; markdown-it-py's
own `maxNesting` stops recursion long before Python's limit); length is bounded by the schema.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass
from typing import Callable

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

from itaplan import plain_text
from itaplan.plan.links import check_url, is_site_path

SHALLOWEST_HEADING = 3
"""Headings of levels 1 and 2 belong to the page; staff start at ###."""
MAX_DEPTH = 6
"""Lists and quotes inside each other, at most."""
MAX_INLINE_DEPTH = 8
"""Bold, italic and links inside each other, at most (every reader of the HTML, a browser or the site search,
pays for each level on every word inside)."""
MAX_MARKS = 1000
"""`[` and `<` in one field, at most: each costs the parser a look ahead (linear in total, but 20,000 of them
take half a second); a thousand links or comparisons is more than any report needs."""
MAX_UNCLOSED = 20
"""`[` never closed by a `]`, at most: the parser looks for the `]` of each to the end of its paragraph, so
their number times the paragraph's length is the cost (a few are typing slips; thousands are an attack)."""
MAX_PROBLEMS = 20
"""Problems reported per text (the rest would repeat them)."""
ALLOWED = {
    "tags": {"p", "br", "strong", "em", "ul", "ol", "li", "blockquote", "code", "pre", "hr", "a",
             "h3", "h4", "h5", "h6"},
    "attributes": {"a": {"href", "title"}, "ol": {"start"}},
    "url_schemes": {"http", "https", "mailto"},
}
"""What nh3 lets through: no id, class, style or event handler on anything, links only to the web, mail
or a relative path."""

_RULES = ["heading", "lheading", "list", "blockquote", "code", "fence", "hr", "reference", "html_block",
          "newline", "escape", "backticks", "emphasis", "link", "image", "autolink", "html_inline", "entity"]
_CONTAINERS = {"bullet_list_open", "ordered_list_open", "blockquote_open"}


@functools.lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("zero", {"html": True, "maxNesting": 3 * MAX_DEPTH + 4})
    md.enable(_RULES)
    md.validateLink = lambda url: True  # every link becomes a token, to be judged by check_url below
    # The check reads the tokens before text_join turns character references into plain text.
    md.core.ruler.before("text_join", "itaplan_check",
                         lambda state: state.env.setdefault("problems", []).extend(_token_problems(state.tokens)))
    md.add_render_rule("html_block", lambda self, tokens, idx, options, env: _escape(tokens[idx].content))
    md.add_render_rule("html_inline", lambda self, tokens, idx, options, env: _escape(tokens[idx].content))
    md.add_render_rule("heading_open", _heading_tag)
    md.add_render_rule("heading_close", _heading_tag)
    md.add_render_rule("link_open", _link_open)
    return md


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _heading_tag(self, tokens: list[Token], idx: int, options, env: dict) -> str:
    token = tokens[idx]
    level = min(6, int(token.tag[1]) + env.get("levels", 0))
    return f"<h{level}>" if token.nesting == 1 else f"</h{level}>\n"


def _link_open(self, tokens: list[Token], idx: int, options, env: dict) -> str:
    token = tokens[idx]
    href = str(token.attrs.get("href", ""))
    link = env.get("link")
    if link is not None and is_site_path(href):
        href = link(href)
    title = token.attrs.get("title")
    return f'<a href="{html.escape(href)}"' + (f' title="{html.escape(str(title))}"' if title else "") + ">"


@dataclass(frozen=True)
class _Parsed:
    tokens: tuple[Token, ...]
    problems: tuple[tuple[int, str], ...]


@functools.lru_cache(maxsize=512)
def _parse(text: str) -> _Parsed:
    env: dict = {"problems": _mark_problems(text)}
    # Lines are counted at LF, as the loader counts them; the parser would also break at a lone CR (which can
    # come from an escape in a quoted YAML string, and is refused as a character anyway), so it reads a space.
    lines = text.replace("\r\n", "\n").replace("\r", " ")
    tokens = _parser().parse(lines, env) if not env["problems"] else []  # too many marks: not parsed at all
    problems, seen = [], set()
    for line, message in sorted(_character_problems(text) + env["problems"], key=lambda p: p[0]):
        kind = (line, message.split(" (")[0])  # one of each kind per line: two tags on a line are one problem
        if kind not in seen and len(problems) < MAX_PROBLEMS:
            seen.add(kind)
            problems.append((line, message))
    return _Parsed(tuple(tokens), tuple(problems))


def check_markdown(text: str) -> list[tuple[int, str]]:
    """Every problem in `text` as (line within the text, counted from 0; message, Thai first)."""
    return list(_parse(text).problems)


def render_html(text: str, levels: int = 0, link: Callable[[str], str] | None = None) -> str:
    """The text as sanitised HTML: headings `levels` deeper (h3 under a page's h4 becomes h5), links to
    paths inside the site passed through `link` (which makes them relative to the page)."""
    env = {"levels": levels, "link": link}
    tokens = list(_parse(text).tokens)
    html = _parser().renderer.render(tokens, _parser().options, env) if tokens else f"<p>{_escape(text)}</p>"
    return nh3.clean(html, tags=ALLOWED["tags"], attributes=ALLOWED["attributes"],
                     url_schemes=ALLOWED["url_schemes"], link_rel=None, strip_comments=True).strip()


# --- the check ---------------------------------------------------------------------------------------------

def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos)


def _character_problems(text: str) -> list[tuple[int, str]]:
    out = []
    for match in plain_text.REFUSED.finditer(text):
        thai, english = plain_text.refusal(match.group())
        out.append((_line_of(text, match.start()), f"{thai} — {english}"))
        if len(out) >= MAX_PROBLEMS:
            break
    return out


_BRACKET = re.compile(r"\\.|[\[\]]", re.DOTALL)


def _unclosed(text: str) -> list[int]:
    """Where each `[` that no later `]` closes stands (nesting counted, backslash escapes skipped)."""
    open_at: list[int] = []
    for found in _BRACKET.finditer(text):
        if found.group() == "[":
            open_at.append(found.start())
        elif found.group() == "]" and open_at:
            open_at.pop()
    return open_at


def _mark_problems(text: str) -> list[tuple[int, str]]:
    out = []
    unclosed = _unclosed(text) if "[" in text else []
    if len(unclosed) > MAX_UNCLOSED:
        out.append((_line_of(text, unclosed[MAX_UNCLOSED]),
                    f"มีวงเล็บเหลี่ยม [ ที่ไม่มี ] ปิด {len(unclosed):,} ตัว เกินกว่าที่ใช้ได้ ({MAX_UNCLOSED} ตัว) ตั้งแต่บรรทัดนี้: "
                    f"ปิดวงเล็บให้ครบ หรือลบออก — {len(unclosed):,} '[' are never closed by a ']', more than the "
                    f"{MAX_UNCLOSED} a field may hold (the parser looks for each one's ']' to the end of the "
                    "paragraph); expected each '[' closed"))
    for mark, name_th in (("[", "วงเล็บเหลี่ยม ["), ("<", "เครื่องหมาย <")):
        count = text.count(mark)
        if count > MAX_MARKS:
            at = -1
            for _ in range(MAX_MARKS + 1):
                at = text.index(mark, at + 1)
            out.append((_line_of(text, at), f"มี{name_th} {count:,} ตัวในช่องเดียว เกินกว่าที่ใช้ได้ ({MAX_MARKS:,} ตัว) "
                                            f"ตั้งแต่บรรทัดนี้: ลดลง หรือแบ่งข้อความ — the field holds {count:,} '{mark}', "
                                            f"more than the {MAX_MARKS:,} a field may hold (each costs the parser a look "
                                            "ahead); expected fewer"))
    return out


HTML_MESSAGE = ("มีโค้ด HTML (<…>) ซึ่งใช้ไม่ได้ในรายงาน: เขียนเป็นข้อความธรรมดา ลิงก์เขียนแบบ [ข้อความ](https://…) — "
                "raw HTML (a tag, comment or declaration) is not allowed; write plain Markdown")
ENTITY_MESSAGE = ("มีรหัสอักขระ HTML ({}) ซึ่งอาจซ่อนโค้ดไว้: พิมพ์ตัวอักษรนั้นตรง ๆ — "
                  "HTML character references are not allowed; type the character itself")
IMAGE_MESSAGE = ("แทรกรูปภาพด้วย ![…](…) ไม่ได้ เพราะจะดึงรูปจากเว็บอื่น: ใส่รูปเป็นหลักฐาน (evidence: photo: …) แทน — "
                 "images ![…](…) are not allowed (they load third-party content); add the photo as evidence")
INLINE_DEPTH_MESSAGE = (f"ตัวหนา ตัวเอียง หรือลิงก์ซ้อนกันเกิน {MAX_INLINE_DEPTH} ชั้น: ลดเครื่องหมาย * หรือ _ ที่ซ้อนกันลง — "
                        f"bold, italic and links are nested more than {MAX_INLINE_DEPTH} deep; expected at most "
                        f"{MAX_INLINE_DEPTH}")
DEPTH_MESSAGE = (f"รายการหรือข้อความอ้างอิงซ้อนกันเกิน {MAX_DEPTH} ชั้น: ลดการย่อหน้าซ้อนลง — lists and quotes are "
                 f"nested more than {MAX_DEPTH} deep; expected at most {MAX_DEPTH}")


def _token_problems(tokens: list[Token]) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    depth = 0
    too_deep = False
    for token in tokens:
        line = token.map[0] if token.map else 0
        if token.type in _CONTAINERS:
            depth += 1
            if depth > MAX_DEPTH and not too_deep:
                too_deep = True
                out.append((line, DEPTH_MESSAGE))
        elif token.type in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            depth -= 1
        elif token.type == "html_block":
            out.append((line, HTML_MESSAGE))
        elif token.type == "heading_open" and int(token.tag[1]) < SHALLOWEST_HEADING:
            out.append(_heading_problem(token))
        elif token.type == "inline":
            out.extend(_inline_problems(token))
    return out


def _heading_problem(token: Token) -> tuple[int, str]:
    level = int(token.tag[1])
    if token.markup in ("=", "-"):  # an underline: the problem is on the underline's line
        return (token.map[1] - 1 if token.map else 0,
                "เส้นใต้ข้อความ (=== หรือ ---) ทำให้เป็นหัวข้อใหญ่ ซึ่งใช้ไม่ได้: เว้นบรรทัดว่างก่อนเส้น หรือใช้ ### — "
                "an underlined (setext) heading is not allowed; use ### or put a blank line before the rule")
    return (token.map[0] if token.map else 0,
            f"หัวข้อระดับ {level} ({'#' * level}) ใช้ไม่ได้ หัวข้อในรายงานเริ่มที่ ### — "
            "headings of level 1 and 2 belong to the page; start at ###")


def _inline_problems(inline: Token) -> list[tuple[int, str]]:
    out = []
    line = inline.map[0] if inline.map else 0
    depth = 0
    for child in inline.children or []:
        depth += child.nesting
        if depth > MAX_INLINE_DEPTH:
            out.append((line, INLINE_DEPTH_MESSAGE))
            depth = -len(inline.children or [])  # said once per paragraph
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        elif child.type == "code_inline":
            continue
        elif child.type == "html_inline":
            out.append((line, HTML_MESSAGE))
        elif child.type == "text_special" and child.info == "entity":
            out.append((line, ENTITY_MESSAGE.format(child.markup)))
        elif child.type == "image":
            out.append((line, IMAGE_MESSAGE))
        elif child.type == "link_open":
            target = str(child.attrs.get("href", ""))
            try:
                check_url(target)
            except ValueError as exc:
                shown = _parser().normalizeLinkText(target)[:80]
                out.append((line, f"ลิงก์ '{shown}' ใช้ไม่ได้: ใช้ https://… http://… mailto:… หรือที่อยู่ภายในเว็บไซต์ — "
                                  f"unsafe link: {exc}"))
    return out


# --- plain text ---------------------------------------------------------------------------------------------

def plain_lines(text: str) -> list[str]:
    """The text without Markdown marks as lines (for table cells): each paragraph, heading and list item
    on its own line, line breaks kept, bullets as '• ' and numbers as written ('2. ')."""
    return _plain(_parse(text).tokens)


def brief(text: str, limit: int = 160) -> str:
    """The first block with text (a paragraph, a list…) as one line of plain text, cut at a word boundary
    near `limit` characters."""
    tokens = _parse(text).tokens
    plain = ""
    start = 0
    for end, token in enumerate(tokens):
        if token.level == 0 and token.nesting <= 0:
            plain = " ".join(_plain(tokens[start:end + 1]))
            start = end + 1
            if plain:
                break
    if len(plain) <= limit:
        return plain
    cut = plain.rfind(" ", 0, limit)
    return plain[: cut if cut > limit // 2 else limit].rstrip() + " …"


def _plain(tokens) -> list[str]:
    lines: list[str] = []
    marks: list[str | None] = []  # per open list item: its mark, until its first line takes it
    numbered: list[bool] = []
    for token in tokens:
        if token.type in ("bullet_list_open", "ordered_list_open"):
            numbered.append(token.type == "ordered_list_open")
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            numbered.pop()
        elif token.type == "list_item_open":
            marks.append(f"{token.info}. " if numbered and numbered[-1] else "• ")
        elif token.type == "list_item_close":
            marks.pop()
        elif token.type in ("code_block", "fence"):
            lines.extend(line.strip() for line in token.content.split("\n") if line.strip())
        elif token.type == "inline":
            for n, part in enumerate(_inline_lines(token)):
                if n == 0 and marks and marks[-1] is not None:
                    part, marks[-1] = marks[-1] + part, None
                if part.strip():
                    lines.append(part)
    return lines


def _inline_lines(inline: Token) -> list[str]:
    out = [""]
    for child in inline.children or []:
        if child.type in ("softbreak", "hardbreak"):
            out.append("")
        elif child.type in ("text", "code_inline", "text_special", "html_inline"):
            out[-1] += child.content
        elif child.type == "image":
            out[-1] += "".join(c.content for c in child.children or [])
    return [part.strip() for part in out]
