"""Staff Markdown in progress reports (result, obstacles, solutions): what is allowed, checked before rendering.

Allowed, and documented for staff in CONTRIBUTING.md:
  paragraphs (a blank line between them), **bold** and *italic*, bulleted (- …) and numbered (1. …)
  lists, line breaks (end a line with two spaces or a backslash), links [text](https://…) to web
  or mail addresses or paths inside the site, and headings of level 3 or deeper (### …).
Refused, each with a Thai-first message naming the line:
  raw HTML (<tag …>, </tag>, <!-- … -->, <https://…>), HTML character references (&#60;, &lt; …,
  which can hide markup or a link scheme), attribute lists ({: …}, {#…}, {.…}), which would add
  attributes such as event handlers, images ![…](…), which would make every reader's browser fetch
  a third-party picture, headings of level 1 and 2 (# and ##, and underlined headings), which
  belong to the page itself, and links whose address check_url refuses (javascript:, data: …).
"""

from __future__ import annotations

import re

from itaplan.plan.links import check_url

_HTML = re.compile(r"<[A-Za-z/!?]")
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);?")
_ATTR_LIST = re.compile(r"\{\s*[:#.]")
_IMAGE = re.compile(r"!\[")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]|$)")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_INLINE_LINK = re.compile(r"\]\(\s*([^)\s]*)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(\S*)")
SHALLOWEST_HEADING = 3
"""Headings of levels 1 and 2 belong to the page; staff start at ###."""


def check_markdown(text: str) -> list[tuple[int, str]]:
    """Every problem in `text` as (line number within the text, counted from 0; message, Thai first)."""
    problems: list[tuple[int, str]] = []
    lines = text.split("\n")
    previous_text = False
    for number, line in enumerate(lines):
        for message in _line_problems(line, previous_text):
            problems.append((number, message))
        previous_text = bool(line.strip()) and not _ATX.match(line)
    return problems


def _line_problems(line: str, previous_text: bool) -> list[str]:
    out = []
    if _HTML.search(line):
        out.append("มีโค้ด HTML (<…>) ซึ่งใช้ไม่ได้ในรายงาน: เขียนเป็นข้อความธรรมดา ลิงก์เขียนแบบ [ข้อความ](https://…) — "
                   "raw HTML ('<' starting a tag, comment or <address>) is not allowed; write plain Markdown")
    links = [m.group(1) for m in _INLINE_LINK.finditer(line)]
    reference = _REFERENCE.match(line)
    if reference:
        links.append(reference.group(1))
    entity_free = _INLINE_LINK.sub("](", line)
    if _ENTITY.search(entity_free):
        out.append("มีรหัสอักขระ HTML (เช่น &#60; หรือ &lt;) ซึ่งอาจซ่อนโค้ดไว้: พิมพ์ตัวอักษรนั้นตรง ๆ — "
                   "HTML character references are not allowed; type the character itself")
    if _ATTR_LIST.search(line):
        out.append("มีวงเล็บปีกกากำหนดรูปแบบ ({: …} หรือ {#…}) ซึ่งใช้ไม่ได้: ลบวงเล็บปีกกาออก — "
                   "attribute lists ({: …}, {#…}, {.…}) are not allowed")
    if _IMAGE.search(line):
        out.append("แทรกรูปภาพด้วย ![…](…) ไม่ได้ เพราะจะดึงรูปจากเว็บอื่น: ใส่รูปเป็นหลักฐาน (evidence: photo: …) แทน — "
                   "images ![…](…) are not allowed (they load third-party content); add the photo as evidence")
    heading = _ATX.match(line)
    if heading and len(heading.group(1)) < SHALLOWEST_HEADING:
        out.append(f"หัวข้อระดับ {len(heading.group(1))} ({heading.group(1)}) ใช้ไม่ได้ หัวข้อในรายงานเริ่มที่ ### — "
                   f"headings of level 1 and 2 belong to the page; start at ###")
    if previous_text and _SETEXT.match(line) and not heading:
        out.append("เส้นใต้ข้อความ (=== หรือ ---) ทำให้เป็นหัวข้อใหญ่ ซึ่งใช้ไม่ได้: เว้นบรรทัดว่างก่อนเส้น หรือใช้ ### — "
                   "an underlined (setext) heading is not allowed; use ### or put a blank line before the rule")
    for target in links:
        target = target.strip("<>")
        try:
            check_url(target)
        except ValueError as exc:
            out.append(f"ลิงก์ '{target[:80]}' ใช้ไม่ได้: ใช้ https://… http://… mailto:… หรือที่อยู่ภายในเว็บไซต์ — "
                       f"unsafe link: {exc}")
    return out


def for_page(text: str, levels: int) -> str:
    """Checked staff Markdown as it goes into a page: headings `levels` deeper, and a backslash at the end
    of a line (GitHub's line break) written as Python-Markdown's (two spaces)."""
    text = "\n".join(line[:-1].rstrip() + "  " if line.endswith("\\") and not line.endswith("\\\\") else line
                     for line in text.split("\n"))
    return demote_headings(text, levels)


def demote_headings(text: str, levels: int) -> str:
    """Staff headings moved `levels` deeper, so they sit under the page's own headings."""
    return "\n".join(_ATX.sub(lambda m: m.group(0).replace(m.group(1), m.group(1) + "#" * levels, 1)
                              if len(m.group(1)) + levels <= 6 else m.group(0), line)
                     for line in text.split("\n"))


_LINK_TEXT = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_HEADING_MARK = re.compile(r"^\s*#+\s*")


def plain_lines(text: str) -> list[str]:
    """The text without Markdown marks, one item per non-empty line (for table cells and summaries)."""
    out = []
    for line in text.split("\n"):
        line = line.rstrip("\\").strip()
        if not line:
            continue
        bullet = "• " if re.match(r"^\s*[-*+]\s+", line) else ""
        number = re.match(r"^\s*(\d+)[.)]\s+", line)
        line = _HEADING_MARK.sub("", _LIST_MARK.sub("", line))
        line = _EMPHASIS.sub(r"\2", _LINK_TEXT.sub(r"\1", line))
        out.append((f"{number.group(1)}. " if number else bullet) + line)
    return out


def brief(text: str, limit: int = 160) -> str:
    """The first paragraph as plain text, cut at a word boundary near `limit` characters."""
    first = []
    for line in text.split("\n"):
        if not line.strip():
            if first:
                break
            continue
        first.append(line)
    plain = " ".join(plain_lines("\n".join(first)))
    if len(plain) <= limit:
        return plain
    cut = plain.rfind(" ", 0, limit)
    return plain[: cut if cut > limit // 2 else limit].rstrip() + " …"
