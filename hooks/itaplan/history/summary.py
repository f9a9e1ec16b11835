"""Short Thai descriptions of a change, shared by the changes page, the feed and `itaplan diff`."""

from __future__ import annotations

import re

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
    """'แก้ไขตัวชี้วัดที่ 1 <its name>' or 'เพิ่มข้อมูลแผน (plan.yml)'."""
    return f"{KIND_WORDS.get(f['kind'], f['kind'])}{subject(f, round_names)}"


# ---- a commit in a few Thai words, from its data ---------------------------------------------------------------

MAX_ITEMS = 3
"""Fields or items a file's summary names before it says 'และอีก N รายการ'."""
MAX_FILES = 3
"""Files a commit's summary names one by one; more are counted by kind ('เพิ่มตัวชี้วัด 10 ตัว')."""
_LABEL_KIND = {"report": "progress"}  # a progress report's lists are named as `itaplan check` names them


def _join(phrases: list[str], limit: int = MAX_ITEMS) -> str:
    """'A และB และC และอีก 2 รายการ': a Thai list (no Latin commas; a space before และ, none after, as Thai
    writes it), cut after `limit` phrases."""
    text = " และ".join(phrases[:limit])
    return text + (f" และอีก {len(phrases) - limit} รายการ" if len(phrases) > limit else "")


def field_summary(f: dict) -> list[str]:
    """What changed inside a file, in the vocabulary's words and counted: ['คะแนน', 'ขั้นตอนที่ 3 สถานะ',
    'เพิ่มหลักฐาน 1 รายการ', 'ลบขั้นตอน 2 รายการ'] (Arabic digits; the page writes them its own way)."""
    from itaplan.history.diff import item_label, label, sub_label
    from itaplan.vocabulary import LABELS

    kind = f.get("source") or "indicator"
    heads = LABELS.get(_LABEL_KIND.get(kind, kind), {})
    order: list[tuple[str, str]] = []
    lists: dict[str, dict[int, dict]] = {}
    for ch in f.get("fields") or ():
        parts = (ch.get("field") or "").split(".")
        if ch.get("unreadable") or len(parts) < 2 or not parts[1].isdigit():
            key = ("field", ch["label"] if ch.get("unreadable") else label(ch.get("field") or "", kind))
            if key not in order:
                order.append(key)
            continue
        head, n, sub = parts[0], int(parts[1]), ".".join(parts[2:])
        if ("list", head) not in order:
            order.append(("list", head))
        item = lists.setdefault(head, {}).setdefault(n, {"subs": [], "old": False, "new": False})
        item["old"] |= ch.get("old") is not None
        item["new"] |= ch.get("new") is not None
        if sub and sub_label(head, sub, kind) not in item["subs"]:
            item["subs"].append(sub_label(head, sub, kind))
    phrases = []
    for what, name in order:
        if what == "field":
            phrases.append(name)
            continue
        head_label = heads.get(name, name)
        changed = {n: i for n, i in lists[name].items() if i["old"] and i["new"]}
        added = sum(1 for i in lists[name].values() if i["new"] and not i["old"])
        removed = sum(1 for i in lists[name].values() if i["old"] and not i["new"])
        if len(changed) > 2:
            phrases.append(f"{head_label} {len(changed)} รายการ")
        else:
            for n, i in changed.items():
                subs = i["subs"]
                phrases.append(item_label(name, n, kind) + (f" {subs[0]}" if len(subs) == 1 else
                                                            f" ({' '.join(subs)})" if subs else ""))
        if added:
            phrases.append(f"เพิ่ม{head_label} {added} รายการ")
        if removed:
            phrases.append(f"ลบ{head_label} {removed} รายการ")
    return phrases


def _subject_text(f: dict, round_names: dict[str, str] | None, style: str | None) -> str:
    """The file's subject with the page's digits (an evidence file's name is kept as it is written)."""
    from itaplan import thai

    text = subject(f, round_names)
    return text if style is None or f.get("source") == "evidence" else thai.digits(text, style)


def _file_part(f: dict, round_names: dict[str, str] | None, style: str | None) -> str:
    from itaplan import thai

    verb = KIND_WORDS.get(f["kind"], f["kind"])
    details = _join(field_summary(f)) if f["kind"] == "modified" else ""
    if details and style is not None:
        details = thai.digits(details, style)
    return f"{verb}{_subject_text(f, round_names, style)}" + (f": {details}" if details else "")


def _group(f: dict) -> tuple[str, str, str]:
    """(verb, source, round): files counted together when a commit changes many."""
    return (f["kind"], f.get("source") or ("indicator" if f.get("indicator") else "plan"), f.get("round") or "")


def _group_text(key: tuple[str, str, str], count: int, round_names: dict[str, str] | None) -> str:
    kind, source, round_id = key
    round_name = (round_names or _default_round_names()).get(round_id, round_id)
    what = {"indicator": f"ตัวชี้วัด {count} ตัว", "report": f"รายงานผล{round_name} {count} ตัวชี้วัด",
            "evidence": f"ไฟล์หลักฐาน {count} ไฟล์"}.get(source, f"{count} ไฟล์")
    return f"{KIND_WORDS.get(kind, kind)}{what}"


def change_summary(commit: dict, round_names: dict[str, str] | None = None, style: str | None = None) -> list[str]:
    """A commit's change in short Thai phrases made from its data, one per file or, past MAX_FILES files, one
    per kind of file:

        ['แก้ไขตัวชี้วัดที่ 4 <its name>: ขั้นตอนที่ 3 สถานะ และเพิ่มหลักฐาน 1 รายการ']
        ['เพิ่มข้อมูลแผน (plan.yml)', 'เพิ่มตัวชี้วัด 10 ตัว']

    `style` writes the numbers as the page does ('thai' or 'arabic'; None leaves them as they are)."""
    from itaplan import thai

    files = commit["files"]
    if len(files) <= MAX_FILES:
        return [_file_part(f, round_names, style) for f in files]
    groups: dict[tuple[str, str, str], list[dict]] = {}
    for f in files:
        groups.setdefault(_group(f), []).append(f)
    out = []
    for key, members in groups.items():
        if len(members) == 1:
            out.append(_file_part(members[0], round_names, style))
        else:
            text = _group_text(key, len(members), round_names)
            out.append(thai.digits(text, style) if style is not None else text)
    return out


# ---- the editor's commit message, only when it is Thai -------------------------------------------------------

_SQUASHED = re.compile(r"\s*\(#\d+\)\s*$")  # GitHub's '(#12)' after a squashed pull request's title
_TOOL_SUBJECT = re.compile(r"^(Merge|Revert)\b")


def thai_note(subject_line: str | None) -> str | None:
    """The commit subject as a note for citizens, or None when it is not written in Thai.

    Thai means: it has Thai letters and they outnumber the letters of any other script, so a developer's
    'Fix typo in 04.yml' or GitHub's 'Update 04.yml' is never shown, while 'แก้คะแนนตัวชี้วัดที่ 4 (ITA)' is.
    Messages Git or GitHub write ('Merge pull request #12 from …', 'Merge branch …', 'Revert "…"') are never
    shown, whatever they quote; GitHub's ' (#12)' after a squashed pull request's title is dropped."""
    text = " ".join((subject_line or "").split())
    if not text or _TOOL_SUBJECT.match(text):
        return None
    text = _SQUASHED.sub("", text)
    letters = [ch for ch in text if ch.isalpha()]  # Thai vowel and tone marks above or below are not letters
    thai_letters = sum(1 for ch in letters if "\u0e00" <= ch <= "\u0e7f")
    other = len(letters) - thai_letters
    return text if thai_letters and thai_letters > other else None
