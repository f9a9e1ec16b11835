"""Turn pydantic's validation errors into problems that name the file, line and place, with one fix each.

Errors that are one slip are told as one: a known field at the wrong depth (`end:` not indented under
`period:`) says where it belongs instead of "unknown field" plus "end is missing"; a near-miss field
name (`step:` for `steps:`) or a Thai label written as the key (`สถานะ:`) suggests the key to write.
"""

from __future__ import annotations

import types
import typing
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from itaplan.errors import PlanDataError, Problem
from itaplan.plan.thai_messages import english_of, messages
from itaplan.plan.yaml_source import YamlDocument
from itaplan.vocabulary import (ITEMS, LABELS, Place, code_path, english_key, generic, kind_of, known_keys, label, place,
                                suggest)

M = TypeVar("M", bound=BaseModel)
MAX_PROBLEMS_PER_FILE = 25


def validate(doc: YamlDocument, model: type[M]) -> M:
    """Validate one file's data against `model`, or raise PlanDataError with every problem."""
    if not isinstance(doc.data, dict):
        found = "an empty file" if doc.data is None else f"a {type(doc.data).__name__}"
        found_th = "ไฟล์ว่าง" if doc.data is None else ("รายการ" if isinstance(doc.data, list) else "ค่าเดียว")
        raise PlanDataError([Problem(doc.path, doc.line_of(()), None,
                                     f"expected a mapping of fields ({', '.join(model.model_fields)}), found {found}",
                                     kind="not_a_mapping",
                                     thai=f"ไฟล์ต้องมีช่องข้อมูลแบบ ชื่อช่อง: ค่า ทีละบรรทัด "
                                          f"({', '.join(model.model_fields)}) แต่พบ{found_th}")])
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        errors = exc.errors()
        head = errors[:MAX_PROBLEMS_PER_FILE * 4]  # enough to tell one slip from two; a flood is counted
        problems = problems_of(doc, model, head)
        total = len(problems) + len(errors) - len(head)
        if total > MAX_PROBLEMS_PER_FILE:
            more = total - MAX_PROBLEMS_PER_FILE
            problems = problems[:MAX_PROBLEMS_PER_FILE]
            problems.append(Problem(doc.path, None, None, f"… and {more:,} more "
                                    "problems in this file (fix these first)", kind="more",
                                    thai=f"… และยังมีอีก {more:,} ปัญหาในไฟล์นี้ (แก้ข้อข้างบนก่อน)"))
        raise PlanDataError(problems) from None


def problems_of(doc: YamlDocument, model: type[BaseModel], errors: list[Any]) -> list[Problem]:
    """One problem per slip: errors that one fix mends (an unknown key and the missing one it was meant to
    be) become one problem."""
    file_kind = kind_of(doc.path)
    merged: dict[int, Problem] = {}
    dropped: set[int] = set()
    for index, err in enumerate(errors):
        if err["type"] == "extra_forbidden":
            found = _one_slip(doc, model, err, file_kind, errors)
            if found is not None:
                merged[index], drop = found
                dropped |= drop
    return [merged.get(index) or _problem(doc, model, err, file_kind)
            for index, err in enumerate(errors) if index not in dropped]


def _node(doc: Any, loc: tuple) -> Any:
    finder = getattr(doc, "node_of", None)
    return finder(loc) if finder is not None else None


def _place(doc: Any, loc: tuple):
    return place(loc, doc.path, getattr(doc, "data", None))


def _problem(doc: YamlDocument, model: type[BaseModel], err: Any, file_kind: str | None) -> Problem:
    loc = tuple(err["loc"])
    kind = err["type"]
    allowed = _fields_at(model, loc[:-1]) if kind == "extra_forbidden" else []
    thai, english = messages(err, allowed, _node(doc, loc), file_kind)
    return Problem(doc.path, doc.line_of(loc), code_path(loc) or None, english, kind=kind, thai=thai,
                   place=_place(doc, loc) if loc else None)


def english_message(err: Any, allowed: list[str] | None = None) -> str:
    """One pydantic error as an English sentence (the Thai one comes from thai_messages)."""
    return english_of(err) or messages(err, allowed)[1]


def _shape(kind: str | None, path: str) -> str:
    """'list', 'group' or 'value': what the field at a generic path holds."""
    paths = LABELS.get(kind or "", {})
    if path in ITEMS.get(kind or "", {}) or any(p.startswith(path + ".*") for p in paths):
        return "list"
    if any(p.startswith(path + ".") for p in paths):
        return "group"
    return "value"


def _fits(value: Any, shape: str) -> bool:
    if value is None:
        return True
    return {"list": isinstance(value, list), "group": isinstance(value, dict)}.get(
        shape, not isinstance(value, (list, dict)))


def _one_slip(doc: YamlDocument, model: type[BaseModel], err: Any, file_kind: str | None,
              errors: list[Any]) -> tuple[Problem, set[int]] | None:
    """An unknown key that is a known one misplaced or misspelled: the problem, and the errors it explains."""
    loc = tuple(err["loc"])
    parent, key = loc[:-1], str(loc[-1])
    allowed = _fields_at(model, parent)
    value = err.get("input")
    key_node = doc.key_of(loc) if hasattr(doc, "key_of") else None
    line = key_node.start_mark.line + 1 if key_node is not None else doc.line_of(loc)
    here = generic(loc)
    meant = english_key(file_kind, key)
    if meant in allowed:
        thai = f"ชื่อช่องต้องเขียนเป็นภาษาอังกฤษ: แก้เป็น {meant}"
        english = f"field names are written in English: write {meant} instead of {key}"
        return (Problem(doc.path, line, code_path(loc), english, kind="extra_forbidden", thai=thai,
                        place=_place(doc, loc)), _missing(errors, parent + (meant,)))
    for path in known_keys(file_kind).get(key, []):
        if path == here or not _fits(value, _shape(file_kind, path)):
            continue
        return _misplaced(doc, loc, line, path, file_kind, errors)
    close = suggest(key, allowed)
    if close and _fits(value, _shape(file_kind, generic(parent + (close,)))):
        text = label(file_kind, parent + (close,))
        thai = (f"ไม่มีช่องชื่อนี้ หมายถึง {close}" + (f" ({text})" if text else "") +
                f" หรือไม่: แก้ชื่อช่องเป็น {close}")
        english = f"is not a known field; did you mean {close}?"
        return (Problem(doc.path, line, code_path(loc), english, kind="extra_forbidden", thai=thai,
                        place=_place(doc, loc)), _missing(errors, parent + (close,)))
    return None


def _missing(errors: list[Any], loc: tuple) -> set[int]:
    """The indexes of 'missing' errors for the field at `loc`."""
    return {i for i, e in enumerate(errors) if e["type"] == "missing" and tuple(e["loc"]) == loc}


def _misplaced(doc: YamlDocument, loc: tuple, line: int | None, path: str, file_kind: str | None,
               errors: list[Any]) -> tuple[Problem, set[int]]:
    """A known field at the wrong depth: where it belongs, and the sibling it should line up with."""
    key = str(loc[-1])
    parent_path = path.rsplit(".", 1)[0] if "." in path else ""
    owner = parent_path.rstrip(".*").split(".")[-1] if parent_path else ""
    owner_label = LABELS.get(file_kind or "", {}).get(parent_path.removesuffix(".*")) or owner
    text = LABELS.get(file_kind or "", {}).get(path)
    name_th = f"ช่อง{text} ({key})" if text else f"ช่อง {key}"
    if not parent_path:
        where_th, where_en = "เป็นช่องระดับบนสุดของไฟล์", "it is a top-level field"
    elif parent_path.endswith(".*"):
        where_th = f"เป็นช่องของแต่ละรายการใต้{owner_label} ({owner})"
        where_en = f"it belongs to each item under {owner}"
    else:
        where_th, where_en = f"เป็นช่องย่อยของ{owner_label} ({owner})", f"it belongs under {owner}"
    sibling = _sibling(doc, parent_path, line)
    drop: set[int] = set()
    for index, other in enumerate(errors):
        if other["type"] == "missing" and generic(tuple(other["loc"])) == path:
            drop.add(index)
    fix_th = fix_en = ""
    if sibling is not None:
        name, at_line, column = sibling
        now = _column_of(doc, loc)
        move = ""
        if now is not None and now != column:
            diff = abs(column - now)
            move = (f"{'เพิ่ม' if column > now else 'ลบ'}เว้นวรรคหน้า {key} {diff} ช่อง ให้")
        fix_th = f": {move}ตรงแนวเดียวกับ {name} ในบรรทัด {at_line}"
        fix_en = f"; line it up with {name} on line {at_line} ({column} spaces before it)"
    thai = f"อยู่ผิดระดับ {where_th}{fix_th}"
    english = f"is at the wrong depth: {where_en}{fix_en}"
    return Problem(doc.path, line, code_path(loc), english, kind="misplaced", thai=thai,
                   place=Place(name_th, f"field {key}")), drop


def _column_of(doc: YamlDocument, loc: tuple) -> int | None:
    node = doc.key_of(loc) if hasattr(doc, "key_of") else None
    return node.start_mark.column if node is not None else None


def _sibling(doc: YamlDocument, parent_path: str, line: int | None) -> tuple[str, int, int] | None:
    """(name, line, column) of a field already where the misplaced one belongs, nearest above `line`."""
    root = getattr(doc, "root", None)
    if root is None:
        return None
    nodes = [root]
    for part in (parent_path.split(".") if parent_path else []):
        following = []
        for node in nodes:
            if part == "*" and isinstance(node, yaml.SequenceNode):
                following.extend(node.value)
            elif isinstance(node, yaml.MappingNode):
                following.extend(v for k, v in node.value if k.value == part)
        nodes = following
    keys = [k for node in nodes if isinstance(node, yaml.MappingNode) for k, _ in node.value]
    if not keys:
        return None
    above = [k for k in keys if line is None or k.start_mark.line + 1 < line]
    key = max(above, key=lambda k: k.start_mark.line) if above else keys[0]
    return str(key.value), key.start_mark.line + 1, key.start_mark.column


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names of the (nested) model found at `loc`, for 'expected one of' hints."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return []
        current = _unwrap(current.model_fields[part].annotation)
    return list(current.model_fields) if isinstance(current, type) and issubclass(current, BaseModel) else []


def _unwrap(annotation: Any) -> Any:
    """Optional[X] -> X, list[X] -> X."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _unwrap(args[0]) if args else annotation
    return annotation
