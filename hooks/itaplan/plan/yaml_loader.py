"""The YAML loader behind yaml_source: safe, bounded and plain.

No anchors or aliases (an alias bomb cannot expand), nesting at most MAX_DEPTH, text keys that
appear once, YAML 1.2 plain values (`no` is text, `010` is ten, `10:30` is text, no dates),
numbers in Thai digits as well as Arabic ones, each number in one kind of digit (`๖๐` is sixty and
`๙๙.๗๙` is 99.79, as staff type them and as dates already read them; `๖0` stays text),
only the plain tags (!!python/…, !!set, !!binary, !!timestamp are refused), and a value that
cannot be read becomes a marked error, never a crash. Events come from libyaml when PyYAML has
it (every platform with a wheel does).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from itaplan.vocabulary import quote

try:
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover
    _CParser = None


MAX_DEPTH = 20


class RefusedYaml(yaml.constructor.ConstructorError):
    """A YAML construct plan data does not allow, explained in Thai (`thai`) as well as in English."""

    def __init__(self, problem: str, mark: yaml.Mark, thai: str):
        super().__init__(None, None, problem, mark)
        self.thai = thai
_PLAIN_TAGS = ("null", "bool", "int", "float", "str", "seq", "map")


class _Resolver(yaml.resolver.BaseResolver):
    """Plain values as YAML 1.2 reads them: no yes/no booleans, octal or 1:30 numbers, no dates."""

    yaml_implicit_resolvers: dict = {}


_THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
for _tag, _pattern, _first in (
        ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
        ("int", r"^[-+]?(?:[0-9]+|[๐-๙]+)$", "-+0123456789" + _THAI_DIGITS),
        ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?[๐-๙]+\.[๐-๙]+"
                  r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+0123456789." + _THAI_DIGITS),
        ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""])):
    _Resolver.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), list(_first))


class _Composer(yaml.composer.Composer):
    """No anchors or aliases (an alias bomb cannot expand) and no deep nesting."""

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise RefusedYaml("anchors and aliases (&name, *name) are not allowed in plan data",
                              event.start_mark, "ห้ามใช้ & หรือ * (anchor/alias) ในข้อมูลแผน: ให้เขียนค่าซ้ำตรง ๆ")
        self._depth = getattr(self, "_depth", 0) + 1
        if self._depth > MAX_DEPTH:
            raise RefusedYaml(f"nesting deeper than {MAX_DEPTH} levels", event.start_mark,
                              f"ย่อหน้าซ้อนกันลึกเกิน {MAX_DEPTH} ชั้น")
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _Constructor(yaml.constructor.SafeConstructor):
    """Text, numbers, true/false, lists and mappings with unique text keys; nothing else."""

    yaml_constructors = {f"tag:yaml.org,2002:{tag}": yaml.constructor.SafeConstructor.yaml_constructors[
        f"tag:yaml.org,2002:{tag}"] for tag in _PLAIN_TAGS}

    def construct_yaml_int(self, node):  # type: ignore[no-untyped-def]
        return int(self.construct_scalar(node).replace("_", ""), 10)

    def construct_undefined(self, node):  # type: ignore[no-untyped-def]
        tag = node.tag.replace('tag:yaml.org,2002:', '!!')
        raise RefusedYaml(f"the tag {tag} is not allowed in plan data; write plain text, numbers, lists and mappings",
                          node.start_mark, f"ห้ามใช้แท็ก {tag} ในข้อมูลแผน: ให้เขียนเป็นข้อความ ตัวเลข หรือรายการธรรมดา")

    def construct_object(self, node, deep=False):  # type: ignore[no-untyped-def]
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, OverflowError):  # e.g. !!int abc, a 5,000-digit number
            tag = node.tag.replace("tag:yaml.org,2002:", "")
            raise RefusedYaml(f"cannot read the value {quote(node.value, english=True, limit=40)} as "
                              f"{'a number' if tag in ('int', 'float') else tag}",
                              node.start_mark, f"อ่านค่า {quote(node.value, limit=40)} ไม่ได้"
                              + (" (ไม่ใช่ตัวเลขที่ใช้ได้)" if tag in ('int', 'float') else "")) from None

    def construct_mapping(self, node, deep=False):  # type: ignore[no-untyped-def]
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                raise RefusedYaml(f"keys must be text, found {quote(key_node.value, english=True)}",
                                  key_node.start_mark, f"ชื่อช่องต้องเป็นข้อความ แต่พบ {quote(key_node.value)}")
            if key in seen:
                raise RefusedYaml(f"key {quote(key, english=True)} appears twice", key_node.start_mark,
                                  f"ช่อง {key} ซ้ำกันสองครั้งในกลุ่มเดียวกัน: ให้เหลือไว้ครั้งเดียว")
            seen.add(key)
        return super().construct_mapping(node, deep=True)


_Constructor.add_constructor("tag:yaml.org,2002:int", _Constructor.construct_yaml_int)
_Constructor.add_constructor(None, _Constructor.construct_undefined)

if _CParser is not None:
    class StrictLoader(_Composer, _CParser, _Constructor, _Resolver):  # events parsed in C (libyaml)
        def __init__(self, stream: str):
            _CParser.__init__(self, stream)
            _Composer.__init__(self)
            _Constructor.__init__(self)
            _Resolver.__init__(self)
else:  # pragma: no cover - PyYAML without libyaml: the same rules, slower
    class StrictLoader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser,  # type: ignore[no-redef]
                        _Composer, _Constructor, _Resolver):
        def __init__(self, stream: str):
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            _Composer.__init__(self)
            _Constructor.__init__(self)
            _Resolver.__init__(self)
