"""Turn pydantic's validation errors into problems that name the file, line and field."""

from __future__ import annotations

import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from itaplan.errors import PlanDataError, Problem
from itaplan.plan.thai_messages import english_of, thai_message
from itaplan.plan.yaml_source import YamlDocument

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
        problems = [_problem(doc, model, err) for err in errors[:MAX_PROBLEMS_PER_FILE]]
        if len(errors) > MAX_PROBLEMS_PER_FILE:
            more = len(errors) - MAX_PROBLEMS_PER_FILE
            problems.append(Problem(doc.path, None, None, f"… and {more:,} more "
                                    "problems in this file (fix these first)", kind="more",
                                    thai=f"… และยังมีอีก {more:,} ปัญหาในไฟล์นี้ (แก้ข้อข้างบนก่อน)"))
        raise PlanDataError(problems) from None


def _problem(doc: YamlDocument, model: type[BaseModel], err: Any) -> Problem:
    loc = tuple(err["loc"])
    field = _dotted(loc) or None
    kind = err["type"]
    allowed = _fields_at(model, loc[:-1]) if kind == "extra_forbidden" else []
    return Problem(doc.path, doc.line_of(loc), field, english_message(err, allowed), kind=kind,
                   thai=thai_message(err, allowed))


def english_message(err: Any, allowed: list[str] | None = None) -> str:
    """One pydantic error as an English sentence (the Thai one comes from thai_messages)."""
    kind = err["type"]
    if kind == "missing":
        return "is required but missing"
    if kind == "extra_forbidden":
        return f"is not a known field (a typo?); expected one of: {', '.join(allowed or [])}"
    message = english_of(err) or err["msg"].replace("Value error, ", "").replace("Input should be", "expected")
    value = err.get("input")
    if not isinstance(value, (dict, list)) and kind not in ("value_error", "assertion_error"):
        shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
        message += f", found {shown}"
    return message


def _dotted(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


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
