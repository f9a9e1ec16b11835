"""Short Thai descriptions of a change, shared by the changes page and the feed."""

from __future__ import annotations

KIND_WORDS = {"added": "เพิ่ม", "deleted": "ลบ", "modified": "แก้ไข"}


def file_title(f: dict) -> str:
    """'แก้ไข ตัวชี้วัดที่ 1 <its name in the file>' or 'เพิ่ม ข้อมูลแผน (plan.yml)'."""
    n = f.get("indicator")
    name = f.get("name")  # as the file names it: the name of its year's framework
    what = (f"ตัวชี้วัดที่ {n} {name}" if name else f"ตัวชี้วัดที่ {n}") if n else "ข้อมูลแผน (plan.yml)"
    return f"{KIND_WORDS.get(f['kind'], f['kind'])} {what}"


def commit_summary(commit: dict, limit: int = 3) -> str:
    parts = []
    for f in commit["files"]:
        labels = list(dict.fromkeys(ch["label"] for ch in f["fields"]))
        shown = ", ".join(labels[:limit]) + (" …" if len(labels) > limit else "")
        parts.append(file_title(f) + (f" ({shown})" if shown else ""))
    return "; ".join(parts)
