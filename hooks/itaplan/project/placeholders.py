"""What an agency must fill in before its site goes public, declared once, and the search for what is unfilled.

The convention: a value the agency must replace is a *placeholder*. `itaplan new` writes the values in
DEFAULTS below; anything that still carries one of MARKS is unfilled, wherever it stands:

- the word `PLACEHOLDER` (capitals) anywhere in a value, e.g. `PLACEHOLDER@example.go.th`;
- `your-account` (the GitHub account in `site_url`), `ORG/` (the GitHub organisation in `repo_url` and
  the CODEOWNERS teams), and the all-zero telephone number `0-0000-0000`.

Where they are looked for: every value in mkdocs.yml (`site_url`, `repo_url` — and with it the branch in
`edit_uri` —, `extra.itaplan.contact.*`, or any other key), every rule line of CODEOWNERS, the contact lines of
the security policy (.github/SECURITY.md), every line of the Markdown pages in docs/, and the framework
drafts `itaplan framework new` writes (plan_data/frameworks/*.yml, whose `source:` must say where the list comes from). `itaplan check` lists each one as a warning naming its file and
line (exit 0); `itaplan check --strict` fails on them (exit 1), as the publishing workflow runs it.
"""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

MARKER = "PLACEHOLDER"
MARKS = (re.compile(MARKER), re.compile(r"your-account"), re.compile(r"(?<![\w.-])ORG/"),
         re.compile(r"(?<![\d-])0-0000-0000(?![\d-])"))

# What `itaplan new` writes for what it cannot know. Each matches one of MARKS.
DEFAULTS = {
    "site_url": "https://your-account.github.io/itaplan/",
    "repo_url": "https://github.com/ORG/itaplan",
    "extra.itaplan.contact.complaint_form": "https://example.go.th/PLACEHOLDER-complaint-form",
    "extra.itaplan.contact.phone": "0-0000-0000",
    "extra.itaplan.contact.email": "PLACEHOLDER@example.go.th",
    "extra.itaplan.contact.facebook": "https://www.facebook.com/PLACEHOLDER-agency-page",
    "extra.itaplan.contact.line": "https://line.me/R/ti/p/@PLACEHOLDER",
}
CODEOWNERS_TEAM = "@ORG/webmaster"

# What each setting is, in Thai for staff, then in English: the warning says what to put there.
WHAT = {
    "site_url": ("ที่อยู่เว็บไซต์ที่เผยแพร่จริง", "the address the site is published at"),
    "repo_url": ("ที่อยู่คลังข้อมูล GitHub ของหน่วยงาน (ตรวจชื่อ branch ใน edit_uri ด้วย)",
                 "the agency's GitHub repository (check the branch in edit_uri too)"),
    "edit_uri": ("ชื่อ branch ที่ใช้สร้างเว็บไซต์", "the branch the site is built from"),
    "extra.itaplan.contact.complaint_form": ("แบบฟอร์มร้องเรียนออนไลน์ของหน่วยงาน", "the online complaint form"),
    "extra.itaplan.contact.phone": ("เบอร์โทรศัพท์สำหรับร้องเรียน", "the complaint telephone number"),
    "extra.itaplan.contact.email": ("อีเมลของหน่วยงาน", "the agency's e-mail address"),
    "extra.itaplan.contact.facebook": ("เพจ Facebook ของหน่วยงาน", "the agency's Facebook page"),
    "extra.itaplan.contact.line": ("บัญชี LINE ทางการของหน่วยงาน", "the agency's LINE official account"),
    "CODEOWNERS": ("ชื่อองค์กรและทีมผู้ตรวจทานบน GitHub", "the GitHub organisation and review teams"),
    "docs": ("ข้อความในหน้าเว็บ", "text on a page"),
    "SECURITY": ("ช่องทางรับแจ้งปัญหาความปลอดภัยของหน่วยงาน", "the agency's channel for security reports"),
    "framework": ("ที่มาของกรอบการประเมิน (คู่มือ ITA ของสำนักงาน ป.ป.ช.) หลังตรวจรายการตัวชี้วัดกับคู่มือแล้ว",
                  "where the framework comes from (the NACC's ITA manual), once its list is checked against it"),
}
CODEOWNERS_PLACES = (".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS")
SECURITY_PLACES = (".github/SECURITY.md", "SECURITY.md", "docs/SECURITY.md")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)


@dataclass(frozen=True)
class Unfilled:
    """One placeholder still in place: where it is, which setting, and its value."""

    file: str
    line: int
    key: str
    value: str

    @property
    def message(self) -> str:
        thai, english = WHAT.get(self.key, WHAT["docs"] if self.file.endswith(".md") else (self.key, self.key))
        return (f"{self.key}: ยังเป็นค่าตัวอย่าง “{self.value}” — ใส่{thai} ก่อนเผยแพร่ "
                f"/ still a placeholder: fill in {english}")

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


def format_unfilled(items: list[Unfilled], fmt: str, project: Path, strict: bool) -> str:
    """The warnings of `itaplan check` (errors with --strict): text for people, workflow commands for GitHub."""
    from itaplan.report_formats import escape_data, escape_property, repository_prefix

    if not items:
        return ""
    count = len(items)
    if fmt == "github":
        level, prefix = ("error" if strict else "warning"), repository_prefix(project)
        return "\n".join(
            f"::{level} file={escape_property(posixpath.normpath(prefix + item.file))},line={item.line},"
            f"title={escape_property(f'itaplan check: placeholder {item.key}')}::{escape_data(item.message)}"
            for item in items)
    head = (f"ยังมีค่าตัวอย่างที่ต้องแก้ {count} รายการ ({count} placeholder{'s' if count != 1 else ''} "
            f"still to fill in{'; --strict fails on them' if strict else ''}):")
    return "\n".join([head, *(f"  {item}" for item in items)])


def is_placeholder(text: str) -> bool:
    """Whether `text` carries one of the declared placeholder marks."""
    return any(mark.search(text) for mark in MARKS)


def find_unfilled(project: Path, config: Path | None = None) -> list[Unfilled]:
    """Every placeholder still in the project's mkdocs.yml, CODEOWNERS and docs/ pages, in file order."""
    config = config or project / "mkdocs.yml"
    found = _in_config(config, config.name if config.parent == project else str(config))
    root = _repository_root(project)
    for place in CODEOWNERS_PLACES:
        path = root / place
        if path.is_file():
            found += _in_codeowners(path, Path(os.path.relpath(path, project.resolve())).as_posix())
            break  # GitHub reads the first of these it finds
    for place in SECURITY_PLACES:
        path = root / place
        if path.is_file():
            found += _in_security_policy(path, Path(os.path.relpath(path, project.resolve())).as_posix())
            break  # GitHub reads the first of these it finds
    docs = project / "docs"
    for page in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        shown = page.relative_to(project).as_posix()
        for number, line in enumerate(_lines(page), start=1):
            if MARKER in line:
                found.append(Unfilled(shown, number, "docs", line.strip()[:80]))
    frameworks = project / _plan_data(config) / "frameworks"  # drafts from `itaplan framework new`
    for path in sorted(frameworks.glob("*.y*ml")) if frameworks.is_dir() else []:
        shown = path.relative_to(project).as_posix()
        for number, line in enumerate(_lines(path), start=1):
            if MARKER in line.split("#", 1)[0]:
                found.append(Unfilled(shown, number, "framework", line.strip()[:80]))
    return found


def _plan_data(config: Path) -> str:
    """The plan data folder named in mkdocs.yml (plan_data when it cannot be read)."""
    try:
        from itaplan.plan.project_config import read_settings
        return read_settings(config).plan_data
    except Exception:  # noqa: BLE001 - `itaplan check` reports a broken mkdocs.yml itself
        return "plan_data"


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []


def _in_config(config: Path, shown: str) -> list[Unfilled]:
    """Scalars of mkdocs.yml that carry a mark, with their dotted key (tags such as !ENV are read as text)."""
    try:
        root = yaml.compose(config.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []  # `itaplan check` reports an unreadable mkdocs.yml itself
    found: list[Unfilled] = []

    def walk(node, path: list[str]) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(value, [*path, str(key.value)])
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, [*path, f"รายการที่ {index + 1}"])  # counted from 1, as staff count
        elif isinstance(node, yaml.ScalarNode) and isinstance(node.value, str) and is_placeholder(node.value):
            found.append(Unfilled(shown, node.start_mark.line + 1, ".".join(path).replace(".รายการที่", " รายการที่"),
                                  node.value))

    if root is not None:
        walk(root, [])
    return found


def _in_codeowners(path: Path, shown: str) -> list[Unfilled]:
    found = []
    for number, line in enumerate(_lines(path), start=1):
        rule = line.split("#", 1)[0].strip()
        if rule and is_placeholder(rule):
            owners = " ".join(word for word in rule.split()[1:] if is_placeholder(word))
            found.append(Unfilled(shown, number, "CODEOWNERS", owners))
    return found


def _in_security_policy(path: Path, shown: str) -> list[Unfilled]:
    """Lines of the security policy that still carry the marker (its instructions in an HTML comment aside)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    text = _HTML_COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text)  # keep line numbers
    return [Unfilled(shown, number, "SECURITY", line.strip()[:80])
            for number, line in enumerate(text.splitlines(), start=1) if MARKER in line]


def _repository_root(project: Path) -> Path:
    """The Git repository holding `project` (where GitHub reads CODEOWNERS), else the project itself."""
    resolved = project.resolve()
    for folder in (resolved, *resolved.parents):
        if (folder / ".git").exists():
            return folder
    return resolved
