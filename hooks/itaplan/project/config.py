"""mkdocs.yml for a new agency: the itaplan checkout's own mkdocs.yml, with the agency's names and the
declared placeholders put in; every other setting (theme, hooks, Markdown extensions, comments) as it is."""

from __future__ import annotations

import re

import yaml

from itaplan.errors import Problem
from itaplan.project.layout import ProjectError
from itaplan.project.placeholders import DEFAULTS

_KEY = re.compile(r"^(?P<indent>\s*)(?P<key>[A-Za-z_][\w.-]*):(?P<rest>.*)$")
CONTACT = "extra.itaplan.contact"


def scalar(value: str) -> str:
    """`value` as one YAML scalar on one line (quoted only where YAML needs it)."""
    dumped = yaml.safe_dump(value, allow_unicode=True, width=1_000_000, default_style=None).rstrip("\n")
    return dumped.removesuffix("\n...").rstrip("\n")


def agency_config(source_text: str, values: dict[str, str]) -> str:
    """Replace the dotted keys of `values` in `source_text`; contact channels are all reset to their
    placeholders unless given. Keys the source lacks are added (top level, or under the contact block)."""
    values = {**{k: v for k, v in DEFAULTS.items() if k.startswith(CONTACT + ".")}, **values}
    lines = source_text.splitlines()
    stack: list[tuple[int, str]] = []
    done: set[str] = set()
    last_top = contact_end = None
    out: list[str] = []
    for line in lines:
        match = _KEY.match(line)
        if match is None or line.lstrip().startswith("#"):
            out.append(line)
            continue
        indent = len(match["indent"])
        while stack and stack[-1][0] >= indent:
            stack.pop()
        stack.append((indent, match["key"]))
        path = ".".join(key for _, key in stack)
        if path in values:
            line = f"{match['indent']}{match['key']}: {scalar(values[path])}"
            done.add(path)
        out.append(line)
        if indent == 0 and path in values:
            last_top = len(out)
        if path.startswith(CONTACT + ".") or path == CONTACT:
            contact_end = (len(out), indent if path != CONTACT else indent + 2)
    missing_top = [k for k in values if "." not in k and k not in done]
    missing_contact = [k for k in values if k.startswith(CONTACT + ".") and k not in done]
    inserts: list[tuple[int, list[str]]] = []
    if missing_contact:
        if contact_end is None:
            raise ProjectError([Problem("mkdocs.yml", None, CONTACT, "the itaplan checkout's mkdocs.yml has no "
                                        "extra.itaplan.contact block to fill in")])
        at, indent = contact_end
        inserts.append((at, [f"{' ' * indent}{k.rsplit('.', 1)[1]}: {scalar(values[k])}" for k in missing_contact]))
    if missing_top:
        inserts.append((last_top or 0, [f"{k}: {scalar(values[k])}" for k in missing_top]))
    for at, new_lines in sorted(inserts, key=lambda item: item[0], reverse=True):
        out[at:at] = new_lines
    text = "\n".join(out) + "\n"
    _verify(text, values)
    return text


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may hold tags such as !ENV or !!python/name:; their values are not ours to check."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def _verify(text: str, values: dict[str, str]) -> None:
    data = yaml.load(text, Loader=_Loader)
    wrong = []
    for key, expected in values.items():
        node = data
        for part in key.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        if node != expected:
            wrong.append(key)
    if wrong:
        raise ProjectError([Problem("mkdocs.yml", None, ", ".join(wrong), "could not set these settings in the "
                                    "new mkdocs.yml (an unusual layout of the itaplan checkout's mkdocs.yml?)")])
