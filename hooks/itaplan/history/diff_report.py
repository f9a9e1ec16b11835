"""The report of `itaplan diff`: Thai Markdown for a pull request's check summary ($GITHUB_STEP_SUMMARY), or
plain text for a terminal.

Per fiscal year, each changed indicator, report, document or page with the address of the page that shows
it (from site_url) and each changed field with its old and new value; a long text as a short word-level diff
(history.words, the same as on the changes pages): in Markdown the words removed in <del> (a line through
them) and the words added in <ins> (a line under them), in text as [-removed-] and {+added+}.
"""

from __future__ import annotations

import html
import re

from itaplan.history import words
from itaplan.history.compare import Comparison
from itaplan.history.summary import KIND_WORDS, file_title
from itaplan.pages import paths as pages

LONG = 160
"""A value longer than this (characters) is cut in the report when it is not marked word by word."""
MAX_CHARS = 900_000
"""GitHub keeps at most 1 MiB of a step's summary; a longer report is cut with a note."""
_GFM_SPECIAL = re.compile(r"([\\`*_\[\]|~#!])")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_NOTHING = "(ไม่มี)"


def _clean(text: str) -> str:
    """Printable text: control characters and undecodable bytes (surrogates) replaced."""
    return _CONTROL.sub("\ufffd", text)


def _md(text: str) -> str:
    """Plain text made literal for GitHub Markdown (no markup, no HTML, one line)."""
    return _GFM_SPECIAL.sub(r"\\\1", html.escape(words.flat(_clean(text)), quote=False))


def _cut(text: str) -> str:
    text = words.flat(_clean(text))
    return text if len(text) <= LONG else text[:LONG].rstrip() + " …"


def addresses(entry: dict, site_url: str | None, use_directory_urls: bool = True) -> list[str]:
    """The public addresses where a reader sees the change (none for a file the site does not show)."""
    fy, source = entry.get("fiscal_year"), entry.get("source")

    def url(page: str, anchor: str = "") -> str:
        return pages.absolute_url(site_url, page, use_directory_urls) + anchor

    if source == "agency":
        return [url("index.md")]
    if source == "plan":
        return [url(pages.year_index(fy))]
    if source == "indicator":
        return [url(pages.indicator_page(fy, entry["indicator"]))]
    if source == "report":
        return [url(pages.indicator_page(fy, entry["indicator"]), f"#progress-{entry['round']}"),
                url(pages.report_page(fy, entry["round"]))]
    if source == "round":
        return [url(pages.report_page(fy, entry["round"]))]
    if source == "evidence" and entry["kind"] != "deleted":
        return [url(f"{fy}/evidence/{entry['ref']}")]
    if source == "docs" and entry["kind"] != "deleted" and not (entry.get("ref") or "").startswith("."):
        return [url(entry["ref"])]
    return []


def _title(entry: dict, round_names: dict[str, str] | None) -> str:
    verb = KIND_WORDS.get(entry["kind"], entry["kind"])
    if entry.get("source") == "docs":
        what = "หน้าเว็บ" if (entry.get("ref") or "").endswith(".md") else "ไฟล์ในเว็บไซต์"
        return f"{verb}{what} {entry['ref']}"
    if entry.get("source") == "other":
        return f"{verb}ไฟล์ {entry['path']}"
    return file_title(entry, round_names)


def _field_line(change: dict, fmt: str) -> str:
    old, new = change["old"], change["new"]
    label = _clean(change["label"])
    if change.get("unreadable"):
        text = "อ่านไฟล์ไม่ได้ (ไม่ใช่ YAML ที่ถูกต้อง หรือใหญ่เกินไป)"
        return f"- **{_md(label)}**: {text}" if fmt == "md" else f"  - {label}: {text}"
    if words.worth_marking(old, new):
        pieces = words.shorten(words.word_diff(_clean(old), _clean(new)))
        if fmt == "md":
            body = "".join(_md(p.text) if p.op == "same" else
                           f"<{p.op}>{_md(p.text)}</{p.op}>" for p in pieces)
            return f"- **{_md(label)}**: {body}"
        body = "".join(p.text if p.op == "same" else (f"[-{p.text}-]" if p.op == "del" else f"{{+{p.text}+}}")
                       for p in pieces)
        return f"  - {label}: {words.flat(body)}"
    before = _cut(old) if old is not None else _NOTHING
    after = _cut(new) if new is not None else _NOTHING
    if fmt == "md":
        before_md = _md(before) if old is None else f"<del>{_md(before)}</del>"
        after_md = _md(after) if new is None else f"<ins>{_md(after)}</ins>"
        return f"- **{_md(label)}**: {before_md} → {after_md}"
    return f"  - {label}: {before} → {after}"


def render(comparison: Comparison, site_url: str | None, round_names: dict[str, str] | None = None,
           fmt: str = "md", use_directory_urls: bool = True) -> str:
    """The report, in Thai first: 'md' (GitHub Markdown) or 'text'."""
    short = comparison.commit[:12]
    base = _clean(comparison.base)
    md = fmt == "md"
    lines = ["## สิ่งที่เปลี่ยนบนเว็บไซต์ (what changes on the website)" if md else
             "สิ่งที่เปลี่ยนบนเว็บไซต์ (what changes on the website)", ""]
    if not comparison.files:
        lines.append(f"ไม่มีสิ่งที่เปลี่ยนบนเว็บไซต์: ข้อมูลแผน รายงานผล หลักฐาน และหน้าเว็บ เหมือนกับฉบับ "
                     f"{'`' + _md(base) + '`' if md else base} ({short}) ทุกประการ "
                     f"(nothing changes for citizens compared with {base})")
        return "\n".join(lines) + "\n"
    fields = sum(len(f["fields"]) for f in comparison.files)
    lines.append(f"เทียบไฟล์ปัจจุบันกับฉบับ {'`' + _md(base) + '`' if md else base} ({short}): "
                 f"เปลี่ยน {len(comparison.files)} ไฟล์ {fields} รายการ "
                 f"({len(comparison.files)} file{'s' if len(comparison.files) != 1 else ''}, "
                 f"{fields} field{'s' if fields != 1 else ''} changed)")
    lines.append("")
    lines.append("วิธีอ่าน: <del>ขีดฆ่า</del> คือข้อความที่ลบออก <ins>ขีดเส้นใต้</ins> คือข้อความที่เพิ่มเข้ามา "
                 "… คือข้อความเดิมที่ละไว้" if md else
                 "วิธีอ่าน: [-…-] คือข้อความที่ลบออก {+…+} คือข้อความที่เพิ่มเข้ามา … คือข้อความเดิมที่ละไว้")
    if not site_url:
        lines += ["", "ยังไม่ได้ตั้ง site_url ใน mkdocs.yml ที่อยู่หน้าเว็บด้านล่างจึงนับจากรากของเว็บไซต์"]
    groups: dict[object, list[dict]] = {}
    for entry in comparison.files:
        groups.setdefault(entry.get("fiscal_year"), []).append(entry)
    for year in sorted(groups, key=lambda y: (y is not None, y or 0)):
        heading = f"ปีงบประมาณ {year}" if year is not None else "ทั้งเว็บไซต์"
        lines += ["", f"### {heading}" if md else f"== {heading} =="]
        for entry in groups[year]:
            title = _clean(_title(entry, round_names))
            lines += ["", f"#### {_md(title)}" if md else f"* {title}", ""]
            urls = addresses(entry, site_url, use_directory_urls)
            path = _clean(entry["path"])
            if md:
                lines.append(f"ไฟล์ `{path.replace('`', '')}`" + (" · หน้าเว็บ: " + " · ".join(
                    f"<{u}>" for u in urls) if urls else ""))
            else:
                lines.append(f"  ไฟล์ {path}" + ("; หน้าเว็บ: " + ", ".join(urls) if urls else ""))
            if not entry["fields"]:
                if entry["kind"] == "modified":
                    lines += ["", "แทนที่ไฟล์ด้วยฉบับใหม่"] if md else ["  แทนที่ไฟล์ด้วยฉบับใหม่"]
                continue
            if md:
                lines.append("")
            lines += [_field_line(change, fmt) for change in entry["fields"]]
    text = "\n".join(lines) + "\n"
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS].rsplit("\n", 1)[0] + ("\n\n… รายงานยาวเกินกว่าที่ GitHub แสดงได้ ตัดไว้เท่านี้ "
                                                      "(report cut: over GitHub's summary limit)\n")
    return text
