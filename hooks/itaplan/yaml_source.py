"""Read one YAML file safely and remember where each value stands in it.

Plan data comes from many hands, so the reader is strict and bounded: a safe loader, no
anchors or aliases (an alias bomb cannot expand), a size and nesting limit, duplicate keys
refused (a typo must not silently replace a value), and dates left as text so that an
impossible date becomes a validation error with a line number instead of a crash.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import PlanDataError, Problem

MAX_BYTES = 512 * 1024
MAX_DEPTH = 20
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader without timestamps, anchors, aliases, duplicate keys or deep nesting."""

    yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def __init__(self, stream: str):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.composer.ComposerError(
                None, None, "anchors and aliases (&name, *name) are not allowed in plan data",
                event.start_mark)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise yaml.composer.ComposerError(
                None, None, f"nesting deeper than {MAX_DEPTH} levels", event.start_mark)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

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
        raw = path.read_bytes()
    except OSError as exc:
        raise PlanDataError([Problem(shown_as, None, None, f"cannot be read: {exc.strerror}")])
    if len(raw) > MAX_BYTES:
        raise PlanDataError([Problem(shown_as, None, None,
                                     f"is {len(raw):,} bytes; a plan data file may hold at most {MAX_BYTES:,}")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PlanDataError([Problem(shown_as, line, None, "is not UTF-8 text; save it as UTF-8")])
    loader = _StrictLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        what = " ".join(str(x) for x in (exc.context, exc.problem) if x)
        raise PlanDataError([Problem(shown_as, line, None, f"is not valid YAML: {what}", column)])
    except yaml.YAMLError as exc:
        raise PlanDataError([Problem(shown_as, None, None, f"is not valid YAML: {exc}")])
    except RecursionError:
        raise PlanDataError([Problem(shown_as, None, None, "is nested too deeply to be plan data")])
    finally:
        loader.dispose()
    return YamlDocument(shown_as, data, root)
