"""Where each page comes from: the file its "edit this page" link opens, and when that source last changed.

A generated page names its plan data file in its front matter (`itaplan_source`, plus
`itaplan_depends` for a page that summarises other files); a hand-written page is its own
Markdown file in docs/. Paths are relative to the project (the folder of mkdocs.yml).
"""

from __future__ import annotations

import posixpath
from datetime import datetime, timedelta, timezone
from typing import Any, Mapping
from urllib.parse import urljoin

from itaplan import thai

THAILAND = timezone(timedelta(hours=7), "ICT")  # no daylight saving time


def source_files(meta: Mapping[str, Any], src_uri: str, docs_dir: str) -> list[str]:
    """The page's source files, the one to edit first: its plan data, or `docs_dir`/`src_uri`."""
    source = meta.get("itaplan_source")
    if not source:
        return [posixpath.join(docs_dir, src_uri)]
    depends = meta.get("itaplan_depends") or []
    return [str(source), *(str(d) for d in depends if d != source)]


def edit_url(repo_url: str | None, edit_uri: str | None, docs_dir: str, source: str) -> str | None:
    """The web editor's URL for `source`, from mkdocs.yml's repo_url and edit_uri (which points into docs/).

    edit_uri 'edit/main/docs/' with docs_dir 'docs' gives '<repo_url>/edit/main/plan_data/…' for a
    plan data file: the path is taken relative to docs/ ('../plan_data/…') and resolved like a link.
    None when the site has no edit links configured.
    """
    if not edit_uri:
        return None
    base = edit_uri if edit_uri.endswith("/") else edit_uri + "/"
    if repo_url and not base.startswith(("http://", "https://")):
        base = urljoin(repo_url.rstrip("/") + "/", base)
    if not base.startswith(("http://", "https://")):
        return None
    return urljoin(base, posixpath.relpath(source, docs_dir or "."))


def updated_html(when: datetime, style: thai.Digits) -> str:
    """'ปรับปรุงล่าสุด <time datetime="…">๑๒ พ.ย. ๒๕๖๙</time>', the date as in Thailand."""
    local = when.astimezone(THAILAND)
    return (f'ปรับปรุงล่าสุด <time datetime="{local.isoformat(timespec="seconds")}">'
            f"{thai.short_date(local.date(), style)}</time>")
