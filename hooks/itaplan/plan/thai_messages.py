"""Pydantic's validation errors as Thai sentences: what is wrong, and what was expected.

One sentence per error type (missing, extra_forbidden, string_type, less_than_equal, …), with the
limits pydantic reports (le=100, min_length=1, the allowed values) and the value found. Errors our
own validators raise as ThaiValueError carry their Thai sentence with them.
"""

from __future__ import annotations

from typing import Any

from itaplan.errors import ThaiValueError
from itaplan.thai_hints import GROUP as _GROUP, INTEGER as _INTEGER, LIST as _LIST, MISSING, NOT_EMPTY, TEXT
from itaplan.thai_hints import NUMBER as _NUMBER

_BY_TYPE: dict[str, str] = {
    "missing": MISSING,
    "string_type": TEXT,
    "int_type": _INTEGER,
    "int_parsing": _INTEGER,
    "int_from_float": _INTEGER,
    "float_type": _NUMBER,
    "float_parsing": _NUMBER,
    "finite_number": "ต้องเป็นตัวเลขที่มีค่าจริง (ไม่ใช่ inf หรือ nan)",
    "bool_type": "ต้องเป็น true หรือ false",
    "list_type": _LIST,
    "dict_type": _GROUP,
    "model_type": _GROUP,
    "model_attributes_type": _GROUP,
    "string_too_short": NOT_EMPTY,
    "date_type": "ต้องเป็นวันที่ เช่น 1 ต.ค. 2568",
}

# Patterns explained by the field they check (the last part of the error's location).
_PATTERNS: dict[str, str] = {
    "code": "รหัสข้อคำถามต้องเป็นอักษรนำหน้าของแบบสำรวจตามกรอบการประเมินของปี ตามด้วยเลขข้อ เช่น i1 หรือ e12",
    "phone": "เบอร์โทรศัพท์ใช้ได้เฉพาะตัวเลข ช่องว่าง และเครื่องหมาย + ( ) - (3 ถึง 30 ตัว) เช่น 035 123 456",
    "email": "ต้องเป็นที่อยู่อีเมล เช่น saraban@example.go.th",
    "facebook": "ต้องเป็นที่อยู่เว็บที่ขึ้นต้นด้วย https://",
    "line": "ต้องเป็นที่อยู่เว็บที่ขึ้นต้นด้วย https://",
    "complaint_form": "ต้องเป็นที่อยู่เว็บที่ขึ้นต้นด้วย https://",
}


def shown_value(value: Any) -> str | None:
    """The value as a person typed it, shortened; None for a list or a mapping."""
    if isinstance(value, (dict, list)):
        return None
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def english_of(err: Any) -> str | None:
    """The English text of an error our own validators raised, if it was one."""
    error = (err.get("ctx") or {}).get("error")
    return error.english if isinstance(error, ThaiValueError) else None


def thai_message(err: Any, allowed: list[str] | None = None) -> str:
    """One pydantic error (an item of ValidationError.errors()) as a Thai sentence."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    loc = tuple(err.get("loc") or ())
    value = err.get("input")
    found = shown_value(value)
    if kind in ("value_error", "assertion_error"):
        error = ctx.get("error")
        return error.thai if isinstance(error, ThaiValueError) else f"ค่าไม่ถูกต้อง: {err['msg']}"
    if kind == "extra_forbidden":
        name = loc[-1] if loc else ""
        tail = f": ช่องที่ใช้ได้คือ {', '.join(allowed)}" if allowed else ""
        return f"ระบบไม่รู้จักช่องชื่อ '{name}' (สะกดผิดหรือไม่?){tail}"
    if kind == "missing":
        return _BY_TYPE[kind]
    if kind in ("less_than_equal", "greater_than_equal", "less_than", "greater_than"):
        limit = {"less_than_equal": ("le", "ต้องไม่เกิน"), "greater_than_equal": ("ge", "ต้องไม่น้อยกว่า"),
                 "less_than": ("lt", "ต้องน้อยกว่า"), "greater_than": ("gt", "ต้องมากกว่า")}[kind]
        bound = ctx.get(limit[0])
        bound = int(bound) if isinstance(bound, float) and bound.is_integer() else bound
        sentence = f"ค่า{limit[1]} {bound}"
    elif kind in ("too_short", "too_long"):
        count = ctx.get("min_length" if kind == "too_short" else "max_length")
        sentence = (f"ต้องมีอย่างน้อย {count} ข้อ" if kind == "too_short" else f"มีได้ไม่เกิน {count} ข้อ")
        return sentence + (f" แต่พบ {ctx.get('actual_length')} ข้อ" if ctx.get("actual_length") is not None else "")
    elif kind == "string_too_long":
        sentence = f"ข้อความยาวเกิน {ctx.get('max_length', 0):,} ตัวอักษร"
        return sentence
    elif kind in ("literal_error", "enum"):
        expected = str(ctx.get("expected", "")).replace(" or ", " หรือ ")
        sentence = f"ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {expected}"
    elif kind == "string_pattern_mismatch":
        field = next((part for part in reversed(loc) if isinstance(part, str)), "")
        sentence = _PATTERNS.get(field, f"รูปแบบไม่ถูกต้อง: ต้องตรงกับรูปแบบ {ctx.get('pattern', '')}")
    elif kind in _BY_TYPE:
        sentence = _BY_TYPE[kind]
    else:
        sentence = f"ค่าไม่ถูกต้อง ({err.get('msg', kind)})"
    if found is not None:
        sentence += f" แต่พบ {found}"
    elif isinstance(value, list):
        sentence += " แต่พบรายการ"
    elif isinstance(value, dict):
        sentence += " แต่พบกลุ่มช่องย่อย"
    return sentence
