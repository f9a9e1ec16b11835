"""An Atom feed (RFC 4287) of the changes to the plan data: one entry per commit and fiscal year."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from urllib.parse import urljoin
from xml.etree import ElementTree as ET

from itaplan import thai
from itaplan.history import FEED
from itaplan.history.sources import with_names
from itaplan.history.summary import change_summary, file_title, thai_note
from itaplan.plain_text import xml_safe

ATOM = "http://www.w3.org/2005/Atom"
MAX_ENTRIES = 100


def _utc(iso: str) -> str:
    return datetime.fromisoformat(iso).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def atom_feed(per_year: dict[int, list[dict]], title: str, site_url: str | None, state: str,
              feed_path: str = FEED, round_names: dict[str, str] | None = None,
              names: dict[tuple[int, int], str] | None = None, digits: str | None = None) -> str:
    """The feed as XML text. `per_year` from changes.by_year; links are absolute when site_url is known
    (relative to the feed otherwise, which feed readers resolve against the feed's own address).

    Each entry's title is the Thai summary made from the data, its numbers written as the pages write them
    (`digits`); the commit message is added only when it is written in Thai (summary.thai_note)."""
    ET.register_namespace("", ATOM)
    base = site_url or ""
    feed_id = urljoin(base, feed_path) if site_url else f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, title)}"
    root = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "th"})
    ET.SubElement(root, f"{{{ATOM}}}title").text = f"การเปลี่ยนแปลงข้อมูลแผน — {title}"
    ET.SubElement(root, f"{{{ATOM}}}id").text = feed_id
    ET.SubElement(root, f"{{{ATOM}}}link", rel="self", type="application/atom+xml", href=urljoin(base, feed_path))
    ET.SubElement(root, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=base or "./")
    author = ET.SubElement(root, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = title
    entries = sorted(((y, c) for y, commits in per_year.items() for c in commits),
                     key=lambda yc: (yc[1]["date"], yc[0]), reverse=True)[:MAX_ENTRIES]
    updated = ET.SubElement(root, f"{{{ATOM}}}updated")
    updated.text = _utc(entries[0][1]["date"]) if entries else "1970-01-01T00:00:00Z"
    if not entries:
        ET.SubElement(root, f"{{{ATOM}}}subtitle").text = (
            "ไม่มีประวัติการเปลี่ยนแปลงในชุดที่เผยแพร่นี้" if state != "full" else "ยังไม่มีการเปลี่ยนแปลง")
    for year, commit in entries:
        commit = {**commit, "files": with_names(commit["files"], names or {})}
        page = urljoin(base, f"{year}/changes/#c-{commit['id'][:12]}")
        entry = ET.SubElement(root, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = (
            f"ปีงบประมาณ {thai.digits(year, digits) if digits else year} — "
            + " · ".join(change_summary(commit, round_names, digits)))
        ET.SubElement(entry, f"{{{ATOM}}}id").text = (urljoin(base, f"{year}/changes/#c-{commit['id']}")
                                                       if site_url else f"urn:git:{commit['id']}:{year}")
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _utc(commit["date"])
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=page)
        lines = []
        for f in commit["files"]:
            # Numbers as the title and the pages write them; an evidence file's path and the values, as written.
            heading = file_title(f, round_names)
            lines.append(thai.digits(heading, digits) if digits and f.get("source") != "evidence" else heading)
            for ch in f["fields"]:
                label = thai.digits(ch["label"], digits) if digits else ch["label"]
                lines.append(f"  {label}: {ch['old'] if ch['old'] is not None else '(ไม่มี)'} → "
                             f"{ch['new'] if ch['new'] is not None else '(ไม่มี)'}")
        note = thai_note(commit.get("subject"))
        if note:
            lines.append(f"หมายเหตุจากผู้แก้ไข: {note}")
        ET.SubElement(entry, f"{{{ATOM}}}content", type="text").text = "\n".join(lines)
    # The last wall: text kept in history from before today's rules may hold what XML 1.0 cannot (U+FFFE, a
    # control character); a feed reader refuses the whole feed for one such character.
    return '<?xml version="1.0" encoding="utf-8"?>\n' + xml_safe(ET.tostring(root, encoding="unicode")) + "\n"
