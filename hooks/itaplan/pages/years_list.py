"""What hand-written pages show of the plan data: the list of published plans, newest first
(`<!-- itaplan:years -->`), the latest report and what ITA measures (`<!-- itaplan:framework -->`)."""

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


def latest_report_markdown(entry: dict | None, source_page: str) -> str:
    """The home page's line about the newest progress report (`<!-- itaplan:latest-report -->`).

    `entry` comes from publish.site_payload ("latest_report"): None before any round is reported.
    """
    if entry is None:
        return "ยังไม่มีรายงานผลการดำเนินการตามมาตรการ เมื่อมีรายงานแล้วจะแสดงที่นี่\n"
    base = posixpath.dirname(source_page) or "."
    return f"- [**รายงานล่าสุด:** {entry['label']}]({posixpath.relpath(entry['page'], base)})\n"


def about_ita_markdown(entry: dict, trends_page: str, source_page: str) -> str:
    """What ITA measures (`<!-- itaplan:framework -->`), from the newest plan's framework.

    `entry` comes from publish.site_payload ("about_ita", made by pages/about_ita.py): Markdown-safe text.
    """
    lines = [entry["intro"], "", *entry["items"], ""]
    if entry.get("note"):
        base = posixpath.dirname(source_page) or "."
        lines += ['<div class="itaplan-open-data" markdown>', "",  # its link is underlined, not told by colour
                  f"{entry['note']} ดูว่าเปลี่ยนอย่างไรและคะแนนแต่ละปีได้ที่ "
                  f"[คะแนนแต่ละปี]({posixpath.relpath(trends_page, base)})", "", "</div>", ""]
    return "\n".join(lines)
