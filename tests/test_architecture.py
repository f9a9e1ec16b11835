"""The architecture picture in handbook/architecture.md is the code's: the arrows between the packages of
hooks/itaplan drawn there (a Mermaid flowchart) are exactly the imports that exist, the packages import
each other in one direction only, no module imports itself back through others, and the core never
imports MkDocs.

Every import counts, the ones inside functions too (they load later, but they are still dependencies).
A new package or a new arrow fails this test until the picture draws it: add the node and its arrows to
the flowchart in handbook/architecture.md, which is the list of allowed arrows.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

from conftest import ROOT

HOOKS = ROOT / "hooks"
CORE = HOOKS / "itaplan"
HANDBOOK = ROOT / "handbook" / "architecture.md"
ENTRY = {"cli", "cli_help", "__main__"}  # the `itaplan` command: node "cli"
# The other top-level modules of hooks/itaplan, shared by every stage, are node "shared"; each package
# (a folder) is the node of its name; the MkDocs hooks (hooks/itaplan_*_hook.py) are node "hooks".


def module_name(path: Path) -> str:
    parts = list(path.relative_to(HOOKS).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def sources() -> dict[str, Path]:
    """{module name: file} of the core (templates aside) and of the MkDocs hooks."""
    found = {module_name(p): p for p in CORE.rglob("*.py") if "templates" not in p.relative_to(CORE).parts}
    found.update({p.stem: p for p in HOOKS.glob("itaplan*_hook.py")})
    return found


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The itaplan modules `name` imports (and the packages above them, which Python imports first)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(up + ([node.module] if node.module else []))
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        else:
            continue
        for target in targets:
            parts = target.split(".")
            out |= {".".join(parts[:i]) for i in range(1, len(parts) + 1) if ".".join(parts[:i]) in known}
    out.discard(name)
    # The packages above `name` itself are being imported already when it runs (a package's __init__ that
    # re-exports its own modules is no circle): they are not dependencies of it.
    parts = name.split(".")
    out -= {".".join(parts[:i]) for i in range(1, len(parts))}
    return out


def node(module: str) -> str:
    if module != "itaplan" and not module.startswith("itaplan."):
        return "hooks"
    parts = module.split(".")
    if len(parts) == 1:
        return "shared"
    if (CORE / parts[1]).is_dir():
        return parts[1]
    return "cli" if parts[1] in ENTRY else "shared"


def graph() -> dict[str, set[str]]:
    found = sources()
    return {name: imports(name, path, set(found)) for name, path in found.items()}


def drawn() -> tuple[set[tuple[str, str]], set[str]]:
    """(arrows, nodes) of the Mermaid flowchart in the handbook."""
    text = HANDBOOK.read_text(encoding="utf-8")
    block = re.search(r"```mermaid\n(.*?)```", text, re.S)
    assert block, f"{HANDBOOK} has no ```mermaid flowchart"
    arrows, nodes = set(), set()
    for line in block[1].splitlines():
        line = line.split("%%")[0]  # a Mermaid comment
        arrow = re.fullmatch(r"\s*(\w+)(?:\[[^\]]*\])?\s*-->\s*(\w+)(?:\[[^\]]*\])?\s*", line)
        named = re.fullmatch(r"\s*(\w+)\[[^\]]*\]\s*", line)
        if arrow:
            arrows.add(arrow.groups())
            nodes |= set(arrow.groups())
        elif named:
            nodes.add(named[1])
        else:
            assert not line.strip() or re.fullmatch(r"\s*(flowchart|graph)\s+\w+\s*", line), \
                f"a line of the picture this test cannot read (one node or one arrow a line): {line!r}"
    return arrows, nodes


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one member (Tarjan), each a circle of imports."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def package_edges(modules: dict[str, set[str]]) -> dict[tuple[str, str], list[str]]:
    """{(node, node): ['module -> module', …]} for imports between different nodes."""
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    for source, targets in modules.items():
        for target in targets:
            if node(source) != node(target):
                out[(node(source), node(target))].append(f"{source} -> {target}")
    return out


def test_no_module_imports_itself_back_through_others():
    assert cycles(graph()) == []


def test_the_packages_import_each_other_in_one_direction_only():
    edges: dict[str, set[str]] = defaultdict(set)
    for source, target in package_edges(graph()):
        edges[source].add(target)
    assert cycles(edges) == []


def test_the_handbooks_picture_draws_exactly_the_imports_that_exist():
    actual = package_edges(graph())
    arrows, nodes = drawn()
    undrawn = {f"{a} --> {b}": sorted(actual[(a, b)])[:3] for a, b in actual if (a, b) not in arrows}
    assert not undrawn, ("imports that handbook/architecture.md does not draw (draw the arrow, or import the other "
                         f"way): {undrawn}")
    stale = sorted(f"{a} --> {b}" for a, b in arrows if (a, b) not in actual)
    assert not stale, f"arrows drawn in handbook/architecture.md that no import makes (remove them): {stale}"
    packages = {p.name for p in CORE.iterdir() if p.is_dir() and (p / "__init__.py").is_file()}
    assert packages | {"shared", "cli", "hooks"} <= nodes, \
        f"packages missing from the picture: {sorted(packages - nodes)}"


def test_the_core_never_imports_mkdocs():
    found = []
    for name, path in sources().items():
        if node(name) == "hooks":  # the adapters are where MkDocs belongs
            continue
        for node_ in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node_.names] if isinstance(node_, ast.Import) else \
                [node_.module or ""] if isinstance(node_, ast.ImportFrom) else []
            found += [f"{name}: {n}" for n in names if n == "mkdocs" or n.startswith("mkdocs.")]
    assert not found


def test_this_test_sees_a_circle_and_an_undrawn_arrow(tmp_path, monkeypatch):
    """The checks above can fail: a circle of two modules, and an arrow the picture lacks."""
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    fake = dict(graph())
    fake["itaplan.search.index"] = fake["itaplan.search.index"] | {"itaplan.pages.paths"}
    actual = package_edges(fake)
    arrows, _ = drawn()
    assert ("search", "pages") in actual and ("search", "pages") not in arrows
