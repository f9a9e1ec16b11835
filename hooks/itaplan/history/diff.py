"""A semantic diff of two versions of a plan data file: which field changed from what to what.

Both versions are parsed with the plan's own bounded safe YAML reader; a version that cannot be
read (too large, not YAML) counts as unreadable rather than failing the build. Lists are compared
item by item (the 3rd step, the 2nd analysis paragraph), mappings key by key.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from itaplan.plan.yaml_loader import StrictLoader
from itaplan.vocabulary import FIELD_LABELS, ITEM_LABELS, ITEMS, LABELS, STEP_ENTRY  # one vocabulary with itaplan check

_UNPRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
UNREADABLE = object()


def parse(content: bytes | None) -> Any:
    """The data of one file version, or UNREADABLE."""
    if content is None:
        return UNREADABLE
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return UNREADABLE
    if _UNPRINTABLE.search(text):
        return UNREADABLE
    loader = None
    try:
        loader = StrictLoader(text)
        root = loader.get_single_node()
        return loader.construct_document(root) if root is not None else None
    except (yaml.YAMLError, RecursionError, ValueError, TypeError):
        return UNREADABLE
    finally:
        if loader is not None:
            loader.dispose()


def flatten(data: Any, prefix: str = "") -> dict[str, Any]:
    """{'period.start': '2025-10-01', 'steps.3': '…'}: list items numbered from 1."""
    if isinstance(data, dict):
        out: dict[str, Any] = {}
        for key, value in data.items():
            out.update(flatten(value, f"{prefix}.{key}" if prefix else str(key)))
        return out
    if isinstance(data, list):
        out = {}
        for n, value in enumerate(data, 1):
            out.update(flatten(value, f"{prefix}.{n}"))
        return out
    return {prefix: data}


_VOCABULARY_KIND = {"report": "progress"}  # a file's kind (sources.KINDS) as the vocabulary names it
_PLAN_WORDS = {**FIELD_LABELS, **LABELS["indicator"]}  # with the fields of list items: 'links.*.url'


def _kind_words(kind: str | None) -> tuple[dict[str, str], dict[str, str]]:
    """(field labels, item labels) of a kind of file; a plan or indicator file (or an unknown kind) by default."""
    vocabulary_kind = _VOCABULARY_KIND.get(kind or "", kind or "")
    if vocabulary_kind not in ("progress", "round", "agency"):
        return _PLAN_WORDS, ITEM_LABELS
    items = {key: thai for key, (thai, _) in ITEMS.get(vocabulary_kind, {}).items()}
    if vocabulary_kind == "progress":
        items["steps"] = STEP_ENTRY[0]  # a report's n-th entry under steps, as the page counts it
    return LABELS[vocabulary_kind], items


def item_label(head: str, n: int | str, kind: str | None = None) -> str:
    """'ขั้นตอนที่ 3', 'หลักฐาน รายการที่ 2': the n-th item (from 1) of the list `head`."""
    labels, items = _kind_words(kind)
    return items[head].format(n=n) if head in items else f"{labels.get(head, head)} รายการที่ {n}"


def sub_label(head: str, sub: str, kind: str | None = None) -> str:
    """The Thai name of a field inside a list item: ('evidence', 'title') -> 'ชื่อหลักฐาน'."""
    labels, _ = _kind_words(kind)
    return labels.get(f"{head}.*.{sub}") or labels.get(sub) or FIELD_LABELS.get(sub) or sub


def label(path: str, kind: str | None = None) -> str:
    """A Thai name for a field path of a kind of file (sources.KINDS; a plan or indicator file by default):
    'steps.3' -> 'ขั้นตอนที่ 3', 'links.2.url' -> 'เอกสารที่เกี่ยวข้อง รายการที่ 2 (ที่อยู่ลิงก์)', in a progress report
    'evidence.2.title' -> 'หลักฐาน รายการที่ 2 (ชื่อหลักฐาน)'."""
    labels, items = _kind_words(kind)
    if path in labels:
        return labels[path]
    head, _, rest = path.partition(".")
    number, _, sub = rest.partition(".")
    if head in items and number.isdigit():
        text = item_label(head, number, kind)
        return f"{text} ({sub_label(head, sub, kind)})" if sub else text
    return path


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def field_changes(old: Any, new: Any, kind: str | None = None) -> list[dict]:
    """[{field, label, old, new}] between two parsed versions, in the order of the new file's fields (`kind`: the
    file's, sources.KINDS, for its fields' names)."""
    if old is UNREADABLE or new is UNREADABLE:
        return [{"field": "", "label": "ทั้งไฟล์", "old": None if old is UNREADABLE else "…",
                 "new": None if new is UNREADABLE else "…", "unreadable": True}]
    a, b = flatten(old) if old is not None else {}, flatten(new) if new is not None else {}
    keys = list(b) + [k for k in a if k not in b]
    return [{"field": k, "label": label(k, kind), "old": _text(a.get(k)), "new": _text(b.get(k))}
            for k in keys if a.get(k) != b.get(k) or type(a.get(k)) is not type(b.get(k))]
