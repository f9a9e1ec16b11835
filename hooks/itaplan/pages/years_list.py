"""The list of published plans, newest first, for hand-written pages (`<!-- itaplan:years -->`)."""

from __future__ import annotations

import posixpath


def years_list_markdown(entries: list[dict], source_page: str) -> str:
    """Markdown bullets linking each year's summary relative to `source_page` (a path under docs/).

    `entries` come from publish.site_payload: {"label": Markdown-safe text, "page": "2569/index.md"}.
    """
    base = posixpath.dirname(source_page) or "."
    lines = []
    for position, entry in enumerate(entries):
        lead = "**ฉบับล่าสุด:** " if position == 0 else ""
        lines.append(f"- [{lead}{entry['label']}]({posixpath.relpath(entry['page'], base)})")
    return "\n".join(lines) + "\n"
