"""Pydantic's validation errors as sentences staff understand: what is wrong, and the one fix.

One sentence per error type (missing, extra_forbidden, string_type, less_than_equal, …), with the
limits pydantic reports (le=100, min_length=1, the allowed values) and the value as the clerk typed it,
in Thai quotation marks. Given the YAML node the value came from, a sentence explains what YAML did:
an empty value says it is empty and shows a line of the field; a number in quotation marks says why it
was read as text; text with ': ' inside says why it was read as a field; a value a letter away from an
allowed one suggests it. Errors our own validators raise as ThaiValueError carry their Thai sentence.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from itaplan.errors import ThaiValueError
from itaplan.thai_hints import GROUP as _GROUP, INTEGER as _INTEGER, LIST as _LIST, MISSING, NOT_EMPTY, TEXT
from itaplan.thai_hints import NUMBER as _NUMBER
from itaplan.vocabulary import example, label, quote, suggest

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
_ENGLISH: dict[str, str] = {
    "string_type": "expected text", "int_type": "expected a whole number such as 2569",
    "int_parsing": "expected a whole number such as 2569", "int_from_float": "expected a whole number such as 2569",
    "float_type": "expected a number such as 99.79", "float_parsing": "expected a number such as 99.79",
    "finite_number": "expected a finite number", "bool_type": "expected true or false",
    "list_type": "expected a list (one item per line, each starting with \"- \")",
    "dict_type": "expected a group of fields indented under this one",
    "model_type": "expected a group of fields indented under this one",
    "model_attributes_type": "expected a group of fields indented under this one",
    "string_too_short": "expected text, found none", "date_type": "expected a date such as 1 ต.ค. 2568",
}
_NUMBERS = ("int_type", "int_parsing", "int_from_float", "float_type", "float_parsing")
_RANGES = {"less_than_equal": ("le", "ต้องไม่เกิน", "at most"), "greater_than_equal": ("ge", "ต้องไม่น้อยกว่า", "at least"),
           "less_than": ("lt", "ต้องน้อยกว่า", "less than"), "greater_than": ("gt", "ต้องมากกว่า", "more than")}

# Patterns explained by the field they check (the last part of the error's location).
_PATTERNS: dict[str, str] = {
    "code": "รหัสข้อคำถามต้องเป็นอักษรนำหน้าของแบบสำรวจตามกรอบการประเมินของปี ตามด้วยเลขข้อ เช่น i1 หรือ e12",
    "phone": "เบอร์โทรศัพท์ใช้ได้เฉพาะตัวเลข ช่องว่าง และเครื่องหมาย + ( ) - (3 ถึง 30 ตัว) เช่น 035 123 456",
    "email": "ต้องเป็นที่อยู่อีเมล เช่น saraban@example.go.th",
    "facebook": "ต้องเป็นที่อยู่เว็บที่ขึ้นต้นด้วย https://",
    "line": "ต้องเป็นที่อยู่เว็บที่ขึ้นต้นด้วย https://",
    "complaint_form": "ต้องเป็นที่อยู่เว็บที่ขึ้นต้นด้วย https://",
}
_A_NUMBER = re.compile(r"^[-+]?(?:[0-9]+(?:\.[0-9]+)?|[๐-๙]+(?:\.[๐-๙]+)?)$")
_MIXED_DIGITS = re.compile(r"^(?=.*[0-9])(?=.*[๐-๙])[-+]?[0-9๐-๙]+(?:\.[0-9๐-๙]+)?$")
_PERCENT_WORDS = re.compile(r"%|ร้อยละ|เปอร์เซ็นต์")


def shown_value(value: Any) -> str | None:
    """The value as a person typed it, in Thai quotation marks and shortened; None for a list or a mapping."""
    if isinstance(value, (dict, list)):
        return None
    return quote(value)


def english_of(err: Any) -> str | None:
    """The English text of an error our own validators raised, if it was one."""
    error = (err.get("ctx") or {}).get("error")
    return error.english if isinstance(error, ThaiValueError) else None


def typed(value: Any, node: Any = None) -> Any:
    """The value as the clerk typed it: the YAML scalar's own text when there is one (99.790 stays 99.790)."""
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith((":str", ":int", ":float", ":bool")):
        return node.value
    return value


def _is_empty(value: Any, node: Any) -> bool:
    if value is not None:
        return False
    return node is None or (isinstance(node, yaml.ScalarNode) and node.value.strip() in ("", "~", "null", "Null",
                                                                                         "NULL"))


def _quoted(node: Any) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.style in ("'", '"')


def _as_text(node: Any) -> str | None:
    """`ประชุม: ทุกเดือน` as typed, when YAML read text with ': ' inside as a field and its value."""
    if isinstance(node, yaml.MappingNode) and len(node.value) == 1:
        key, value = node.value[0]
        if isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode):
            return f"{key.value}: {value.value}".rstrip()
    return None


def messages(err: Any, allowed: list[str] | None = None, node: Any = None,
             file_kind: str | None = None) -> tuple[str, str]:
    """(Thai, English) of one pydantic error (an item of ValidationError.errors()).

    `node` is the YAML node the value came from, if known; `file_kind` the kind of file (see
    itaplan.vocabulary.kind_of), for the example line of an empty field."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    loc = tuple(err.get("loc") or ())
    value = err.get("input")
    shown = typed(value, node)
    key = next((part for part in reversed(loc) if isinstance(part, str)), "")
    if kind == "missing":
        line = example(file_kind, loc)
        if line and not line.startswith(f"{key}:"):  # a list: its field line, then one item per line
            return (f"{MISSING}: เพิ่มบรรทัด {key}: แล้วเขียนแต่ละข้อในบรรทัดถัดไป ขึ้นต้นด้วย - เช่น {line}",
                    f"is required but missing; add a line {key}: and one item per line below it, such as {line}")
        return ((f"{MISSING}: เพิ่มบรรทัด เช่น {line}" if line else MISSING),
                (f"is required but missing; add a line such as {line}" if line else "is required but missing"))
    if kind == "extra_forbidden":
        tail_th = f": ช่องที่ใช้ได้คือ {', '.join(allowed)}" if allowed else ""
        tail_en = f"; expected one of: {', '.join(allowed)}" if allowed else ""
        close = suggest(key, allowed or [])
        if close:
            return (f"ไม่มีช่องชื่อนี้ หมายถึง {close} หรือไม่: แก้ชื่อช่องเป็น {close}",
                    f"is not a known field; did you mean {close}?")
        return (f"ระบบไม่รู้จักช่องชื่อนี้ (สะกดผิดหรือไม่?){tail_th}", f"is not a known field (a typo?){tail_en}")
    blank = kind == "string_too_short" and isinstance(value, str) and not value.strip()  # name: "" is empty too
    if (_is_empty(value, node) or blank) and loc:
        line = example(file_kind, loc)
        item = isinstance(loc[-1], int)
        if item:
            return ("ว่างอยู่: เขียนข้อความต่อจาก - ในบรรทัดเดียวกัน หรือลบบรรทัดนี้ถ้าไม่ใช้",
                    "is empty; write the text after the \"- \" on the same line, or delete the line")
        return ((f"ว่างอยู่: ใส่ค่าต่อจาก {key}: ในบรรทัดเดียวกัน เช่น {line}" if line and ":" in line and "\n" not in line
                 else "ว่างอยู่: ใส่ค่า" + (f" เช่น {line}" if line else "")),
                "is empty; expected a value" + (f" such as {line}" if line else ""))
    if kind in ("value_error", "assertion_error"):
        error = ctx.get("error")
        if isinstance(error, ThaiValueError):
            return error.thai, error.english
        message = str(err.get("msg", "")).replace("Value error, ", "").replace("Assertion failed, ", "")
        return f"ค่าไม่ถูกต้อง: {message}", message
    if kind in _NUMBERS and isinstance(value, str):
        return _text_for_number(kind, value, node, key)
    if kind == "string_type" and isinstance(node, yaml.MappingNode) and _as_text(node):
        text = _as_text(node)
        return (f"ข้อความ {quote(text)} มีเครื่องหมาย : ตามด้วยเว้นวรรค ระบบจึงอ่านเป็นช่องข้อมูล: ครอบทั้งข้อความด้วย"
                f"เครื่องหมายคำพูด เช่น \"{text}\"",
                f"the text {quote(text, english=True)} holds ': ', so YAML read it as a field; put the whole text "
                "in quotation marks")
    if kind == "string_type" and isinstance(value, bool):
        return (f"ต้องเป็นข้อความ แต่พบ {quote(shown)} ซึ่งระบบอ่านเป็นค่าจริง/เท็จ: ถ้าต้องการเป็นข้อความ ให้ครอบด้วย"
                f"เครื่องหมายคำพูด เช่น \"{shown}\"", f"expected text, found {quote(shown, english=True)}, which is read "
                "as true/false; put it in quotation marks to make it text")
    if kind == "string_type" and isinstance(value, (int, float)):
        return (f"ต้องเป็นข้อความ แต่พบตัวเลข {quote(shown)}: ถ้าต้องการเป็นข้อความ ให้ครอบด้วยเครื่องหมายคำพูด "
                f"เช่น \"{shown}\"", f"expected text, found the number {quote(shown, english=True)}; put it in "
                "quotation marks to make it text")
    if kind == "greater_than_equal" and key.endswith("year") and ctx.get("ge") == 2500 \
            and isinstance(value, int) and 1900 <= value <= 2200:  # a Common Era year where a Buddhist one is asked
        be = value + 543
        return (f"{quote(shown)} เป็นปี ค.ศ. แต่ช่องนี้ใช้ปี พ.ศ. (ค.ศ. + 543): แก้เป็น {key}: {be}",
                f"{quote(shown, english=True)} is a Common Era year, but this field takes the Buddhist Era year "
                f"(CE + 543): change it to {key}: {be}")
    if kind in _RANGES:
        name, thai, english = _RANGES[kind]
        bound = ctx.get(name)
        bound = int(bound) if isinstance(bound, float) and bound.is_integer() else bound
        found_th, found_en = _found(shown)
        return f"ค่า{thai} {bound}{found_th}", f"expected {english} {bound}{found_en}"
    if kind in ("too_short", "too_long"):
        count = ctx.get("min_length" if kind == "too_short" else "max_length")
        actual = ctx.get("actual_length")
        thai = f"ต้องมีอย่างน้อย {count} ข้อ" if kind == "too_short" else f"มีได้ไม่เกิน {count} ข้อ"
        english = f"expected at least {count} item(s)" if kind == "too_short" else f"expected at most {count} items"
        if actual is not None:
            thai, english = thai + f" แต่พบ {actual} ข้อ", english + f", found {actual}"
        return thai, english
    if kind == "string_too_long":
        limit = ctx.get("max_length", 0)
        return f"ข้อความยาวเกิน {limit:,} ตัวอักษร", f"the text is longer than {limit:,} characters"
    if kind in ("literal_error", "enum"):
        return _choice(ctx, shown, key)
    if kind == "string_pattern_mismatch":
        thai = _PATTERNS.get(key, f"รูปแบบไม่ถูกต้อง: ต้องตรงกับรูปแบบ {ctx.get('pattern', '')}")
        english = f"does not match the expected form ({ctx.get('pattern', '')})"
    elif kind in _BY_TYPE:
        thai, english = _BY_TYPE[kind], _ENGLISH.get(kind, kind)
    else:
        message = str(err.get("msg", kind)).replace("Input should be", "expected")
        thai, english = f"ค่าไม่ถูกต้อง ({message})", message
    found_th, found_en = _found(shown)
    return thai + found_th, english + found_en


def _text_for_number(kind: str, value: str, node: Any, key: str) -> tuple[str, str]:
    """A number field given text: say why it is text (quotation marks, %, mixed digits) and the one fix."""
    integer = kind.startswith("int")
    want_th, want_en = (_INTEGER, _ENGLISH["int_type"]) if integer else (_NUMBER, _ENGLISH["float_type"])
    text = value.strip()
    if _A_NUMBER.match(text) and _quoted(node):
        return (f"{quote(text)} อยู่ในเครื่องหมายคำพูด ระบบจึงอ่านเป็นข้อความ ไม่ใช่ตัวเลข: ลบเครื่องหมายคำพูดออก "
                f"เป็น {key}: {text}",
                f"{quote(text, english=True)} is in quotation marks, so it is read as text, not a number; remove "
                f"the quotation marks: {key}: {text}")
    if _MIXED_DIGITS.match(text):
        return (f"{want_th} แต่พบ {quote(text)} ซึ่งปนเลขไทยกับเลขอารบิก: ใช้เลขแบบเดียวกันทั้งตัว",
                f"{want_en}, found {quote(text, english=True)}, which mixes Thai and Arabic digits")
    digits = re.sub(r"[^0-9๐-๙.]", "", text)
    if _PERCENT_WORDS.search(text) and digits:
        return (f"{want_th} แต่พบ {quote(text)}: เขียนเฉพาะตัวเลข ไม่ต้องมี % หรือคำว่าร้อยละ เป็น {key}: {digits}",
                f"{want_en}, found {quote(text, english=True)}; write the number alone: {key}: {digits}")
    if re.fullmatch(r"[0-9]+,[0-9]+", text) and not integer:
        fixed = text.replace(",", ".")
        return (f"{want_th} แต่พบ {quote(text)}: ใช้จุดทศนิยม เป็น {key}: {fixed}",
                f"{want_en}, found {quote(text, english=True)}; use a decimal point: {key}: {fixed}")
    return f"{want_th} แต่พบ {quote(text)}", f"{want_en}, found {quote(text, english=True)}"


def _found(shown: Any) -> tuple[str, str]:
    """' แต่พบ “120”' and ', found "120"'; a list or a group of fields is named, not printed."""
    if isinstance(shown, list):
        return " แต่พบรายการ", ", found a list"
    if isinstance(shown, dict):
        return " แต่พบกลุ่มช่องย่อย", ", found a group of fields"
    return f" แต่พบ {quote(shown)}", f", found {quote(shown, english=True)}"


def _choice(ctx: dict, shown: Any, key: str) -> tuple[str, str]:
    """A value that must be one of a few: suggest the one meant, else list them."""
    expected = str(ctx.get("expected", ""))
    allowed = re.findall(r"'([^']*)'", expected) or [e.strip() for e in expected.replace(" or ", ", ").split(",")]
    close = suggest(shown, allowed, key) if isinstance(shown, str) else None
    what = "สถานะ" if key == "status" else "ค่า"
    if close:
        return (f"ไม่รู้จัก{what} {quote(shown)} หมายถึง {quote(close)} หรือไม่: แก้เป็น {key}: {close}",
                f"unknown value {quote(shown, english=True)}; did you mean {quote(close, english=True)}?")
    listed = ", ".join(allowed[:-1]) + f" หรือ {allowed[-1]}" if len(allowed) > 1 else "".join(allowed)
    listed_en = ", ".join(allowed[:-1]) + f" or {allowed[-1]}" if len(allowed) > 1 else "".join(allowed)
    found_th, found_en = _found(shown)
    return f"ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {listed}{found_th}", f"expected one of {listed_en}{found_en}"


def thai_message(err: Any, allowed: list[str] | None = None, node: Any = None, file_kind: str | None = None) -> str:
    """One pydantic error as a Thai sentence (see messages())."""
    return messages(err, allowed, node, file_kind)[0]


def english_message(err: Any, allowed: list[str] | None = None, node: Any = None, file_kind: str | None = None) -> str:
    """One pydantic error as an English sentence (see messages())."""
    return messages(err, allowed, node, file_kind)[1]


def field_label(file_kind: str | None, loc: tuple) -> str:
    """'ระยะเวลา (period)' for a message that names another field than its own."""
    text = label(file_kind, loc)
    key = ".".join(str(p) for p in loc if isinstance(p, str))
    return f"{text} ({key})" if text else key
