"""Read one YAML file safely and remember where each value stands in it.

Plan data comes from many hands, so the reader is strict and bounded: a safe loader, no
anchors or aliases (an alias bomb cannot expand), a size and nesting limit, duplicate keys
refused (a typo must not silently replace a value), and dates left as text so that an
impossible date becomes a validation error with a line number instead of a crash.
Plain values follow YAML 1.2 (`no` is text, `010` is ten, `10:30` is text); tags other than the
plain ones (!!python/…, !!set, !!binary, !!timestamp) are refused; control characters are
refused before parsing; a value that cannot be read becomes an error at its line, never a crash.
Events come from libyaml when PyYAML has it (it does on every platform with a wheel).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

try:
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover
    _CParser = None

from .errors import PlanDataError, Problem

MAX_BYTES = 512 * 1024
MAX_DEPTH = 20
# Characters YAML forbids in a file (it only allows tab, line breaks and printable text).
_UNPRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_PLAIN_TAGS = ("null", "bool", "int", "float", "str", "seq", "map")


class _Resolver(yaml.resolver.BaseResolver):
    """Plain values as YAML 1.2 reads them: no yes/no booleans, octal or 1:30 numbers, no dates."""

    yaml_implicit_resolvers: dict = {}


for _tag, _pattern, _first in (
        ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
        ("int", r"^[-+]?[0-9]+$", "-+0123456789"),
        ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                  r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+0123456789."),
        ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""])):
    _Resolver.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), list(_first))


class _Composer(yaml.composer.Composer):
    """No anchors or aliases (an alias bomb cannot expand) and no deep nesting."""

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.composer.ComposerError(
                None, None, "anchors and aliases (&name, *name) are not allowed in plan data",
                event.start_mark)
        self._depth = getattr(self, "_depth", 0) + 1
        if self._depth > MAX_DEPTH:
            raise yaml.composer.ComposerError(
                None, None, f"nesting deeper than {MAX_DEPTH} levels", event.start_mark)
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
        raise yaml.constructor.ConstructorError(
            None, None, f"the tag {node.tag.replace('tag:yaml.org,2002:', '!!')} is not allowed in plan "
            "data; write plain text, numbers, lists and mappings", node.start_mark)

    def construct_object(self, node, deep=False):  # type: ignore[no-untyped-def]
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, OverflowError):  # e.g. !!int abc, a 5,000-digit number
            shown = repr(node.value) if len(repr(node.value)) <= 40 else repr(node.value)[:37] + "..."
            tag = node.tag.replace("tag:yaml.org,2002:", "")
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read the value {shown} as {'a number' if tag in ('int', 'float') else tag}",
                node.start_mark) from None

    def construct_mapping(self, node, deep=False):  # type: ignore[no-untyped-def]
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                raise yaml.constructor.ConstructorError(
                    None, None, f"keys must be text, found {key!r}", key_node.start_mark)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key '{key}' appears twice", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=True)


_Constructor.add_constructor("tag:yaml.org,2002:int", _Constructor.construct_yaml_int)
_Constructor.add_constructor(None, _Constructor.construct_undefined)

if _CParser is not None:
    class _StrictLoader(_Composer, _CParser, _Constructor, _Resolver):  # events parsed in C (libyaml)
        def __init__(self, stream: str):
            _CParser.__init__(self, stream)
            _Composer.__init__(self)
            _Constructor.__init__(self)
            _Resolver.__init__(self)
else:  # pragma: no cover - PyYAML without libyaml: the same rules, slower
    class _StrictLoader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser,  # type: ignore[no-redef]
                        _Composer, _Constructor, _Resolver):
        def __init__(self, stream: str):
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            _Composer.__init__(self)
            _Constructor.__init__(self)
            _Resolver.__init__(self)


@dataclass
class YamlDocument:
    """The data of one YAML file and the node tree it came from, for line numbers."""

    path: str
    data: Any
    root: yaml.Node | None

    def line_of(self, loc: tuple[Any, ...]) -> int | None:
        """1-based line of the value at `loc` (keys and list indexes), or of its nearest parent."""
        node = self.root
        if node is None:
            return None
        for part in loc:
            child = _child(node, part)
            if child is None:
                break
            node = child
        return node.start_mark.line + 1


def _child(node: yaml.Node, part: Any) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == part:
                return value_node
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
        if 0 <= part < len(node.value):
            return node.value[part]
    return None


def read_yaml(path: Path, shown_as: str) -> YamlDocument:
    """Parse `path`; on any failure raise PlanDataError naming `shown_as` and the line."""
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        raise PlanDataError([Problem(shown_as, None, None, f"cannot be read: {exc.strerror}", kind="unreadable")])
    if len(raw) > MAX_BYTES:
        raise PlanDataError([Problem(shown_as, None, None, f"is larger than {MAX_BYTES:,} bytes, the most "
                                     "a plan data file may hold", kind="too_large")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PlanDataError([Problem(shown_as, line, None, "is not UTF-8 text; save it as UTF-8",
                                     kind="encoding")])
    bad = _UNPRINTABLE.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise PlanDataError([Problem(shown_as, line, None, f"contains the control character "
                                     f"U+{ord(bad.group()):04X}; plan data must be plain text", kind="encoding")])
    loader = None
    try:
        loader = _StrictLoader(text)
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark and "end of stream" in str(exc.problem):  # e.g. a quote never closed:
            mark = exc.context_mark  # where it was opened is what the editor must look at
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        what = " ".join(str(x) for x in (exc.context, exc.problem) if x)
        raise PlanDataError([Problem(shown_as, line, None, f"is not valid YAML: {what}", column, kind="yaml")])
    except yaml.YAMLError as exc:
        raise PlanDataError([Problem(shown_as, None, None, f"is not valid YAML: {exc}", kind="yaml")])
    except RecursionError:
        raise PlanDataError([Problem(shown_as, None, None, "is nested too deeply to be plan data", kind="yaml")])
    finally:
        if loader is not None:
            loader.dispose()
    return YamlDocument(shown_as, data, root)
