"""Short Thai descriptions of a change, shared by the changes page, the feed and `itaplan diff`."""

from __future__ import annotations

KIND_WORDS = {"added": "เพิ่ม", "deleted": "ลบ", "modified": "แก้ไข"}


def _default_round_names() -> dict[str, str]:
    # Imported when needed: the settings module brings pydantic, which a repeat build never loads otherwise.
    from itaplan.plan.settings import DEFAULT_ROUNDS

    return {r.id: r.name for r in DEFAULT_ROUNDS}


def _indicator(n: int, name: str | None = None) -> str:
    """'ตัวชี้วัดที่ 1 <its name>': the name as the file writes it (names belong to the year's framework)."""
    return f"ตัวชี้วัดที่ {n} {name}" if name else f"ตัวชี้วัดที่ {n}"


def subject(f: dict, round_names: dict[str, str] | None = None) -> str:
    """What the file is to a reader: 'ตัวชี้วัดที่ 1 <its name>', 'รายงานผล รอบ ๖ เดือน ตัวชี้วัดที่ 1 <its name>'."""
    source = f.get("source") or ("indicator" if f.get("indicator") else "plan")
    round_name = (round_names or _default_round_names()).get(f.get("round") or "", f.get("round") or "")
    if source == "indicator":
        return _indicator(f["indicator"], f.get("name"))
    if source == "report":
        return f"รายงานผล{round_name} {_indicator(f['indicator'], f.get('name'))}"
    if source == "round":
        return f"ข้อมูลรายงานผล{round_name} (report.yml)"
    if source == "evidence":
        return f"ไฟล์หลักฐาน {f.get('ref') or f['path']}"
    if source == "agency":
        return "ข้อมูลหน่วยงาน (agency.yml)"
    return "ข้อมูลแผน (plan.yml)"


def file_title(f: dict, round_names: dict[str, str] | None = None) -> str:
    """'แก้ไข ตัวชี้วัดที่ 1 <its name>' or 'เพิ่ม ข้อมูลแผน (plan.yml)'."""
    return f"{KIND_WORDS.get(f['kind'], f['kind'])} {subject(f, round_names)}"


def commit_summary(commit: dict, limit: int = 3) -> str:
    parts = []
    for f in commit["files"]:
        labels = list(dict.fromkeys(ch["label"] for ch in f["fields"]))
        shown = ", ".join(labels[:limit]) + (" …" if len(labels) > limit else "")
        parts.append(file_title(f) + (f" ({shown})" if shown else ""))
    return "; ".join(parts)
