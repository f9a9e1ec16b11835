"""Which itaplan version a project carries, and what CHANGELOG.md says between two versions.

The version has one source: `__version__` in hooks/itaplan/__init__.py. pyproject.toml reads it from
there (a dynamic version), so a wheel's metadata, `itaplan --version` and the copy of the code an agency
project carries all say the same. Not the other way round: an agency project installs its own copy
with `pip install -e .`, whose metadata stays as it was installed while `itaplan update` replaces the
code under it, so importlib.metadata could name a version the project no longer runs.

An agency project records the version of the code it carries in `.itaplan-version` (written by
`itaplan new` and `itaplan update`); `itaplan update` reads it to say which version the project moves
from. A project made before the record existed is read from its own hooks/itaplan/__init__.py.

CHANGELOG.md, at the top of the itaplan repository, has one `## <version> — <date>` section per release,
newest first, below a `## Unreleased` section for what the next release will bring. A version in
between releases is a development version (0.2.0.dev0): the last release plus what is unreleased.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

RECORD = ".itaplan-version"
CHANGELOG = "CHANGELOG.md"
UNRELEASED = "Unreleased"
_VERSION = re.compile(r"(\d+(?:\.\d+)*)(?:\.dev(\d+))?")
_HEADING = re.compile(r"^## +(?:\[?(Unreleased)\]?|\[?v?(\d+(?:\.\d+)*)\]?)\b.*$", re.M)
_RECORD_TEXT = ("# The itaplan version of this project's code (hooks/itaplan), written by `itaplan new` and\n"
                "# `itaplan update`, which reads it to say what changed since. Do not edit it by hand.\n"
                "# รุ่นของโค้ด itaplan ในโครงการนี้ เขียนโดย itaplan new และ itaplan update — อย่าแก้ไขเอง\n")


def parse(version: str | None) -> tuple | None:
    """A sort key for '1.2.3' or '1.2.3.devN' (a development version sorts before its release), or None."""
    match = _VERSION.fullmatch((version or "").strip())
    if not match:
        return None
    release = tuple(int(n) for n in match[1].split("."))
    release += (0,) * (3 - len(release))
    return (release, 0, int(match[2])) if match[2] is not None else (release, 1, 0)


def is_development(version: str) -> bool:
    return ".dev" in version


def code_version(root: Path) -> str | None:
    """`__version__` of root/hooks/itaplan/__init__.py, read without importing it."""
    try:
        tree = ast.parse((root / "hooks" / "itaplan" / "__init__.py").read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError):
        return None
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "__version__" for t in node.targets) \
                and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            return node.value.value
    return None


def recorded_version(project: Path) -> str | None:
    """The version in the project's `.itaplan-version`, or None."""
    try:
        lines = (project / RECORD).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    values = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    return values[0] if values and parse(values[0]) else None


def project_version(project: Path) -> str | None:
    """The itaplan version a project carries: its record, else its code's own."""
    return recorded_version(project) or code_version(project)


def write_record(root: Path, version: str) -> Path:
    """Write `.itaplan-version` into the project `root`."""
    path = root / RECORD
    path.write_text(_RECORD_TEXT + version + "\n", encoding="utf-8")
    return path


@dataclass(frozen=True)
class Entry:
    """One section of the changelog: a release's, or the unreleased one (version None)."""

    version: str | None
    text: str


def changelog_entries(text: str) -> list[Entry]:
    """The sections of a changelog, in its order (newest first), each with its heading."""
    heads = list(_HEADING.finditer(text))
    return [Entry(None if head[1] else head[2], text[head.start():heads[i + 1].start() if i + 1 < len(heads)
                                                    else len(text)].rstrip() + "\n")
            for i, head in enumerate(heads)]


def between(entries: list[Entry], old: str | None, new: str) -> list[Entry]:
    """The sections that tell what changed from version `old` (None: unknown, older than all) up to `new`:
    releases after `old` up to `new`, and the unreleased section when `new` is a development version."""
    low, high = parse(old) if old else None, parse(new)
    if high is None or (low is not None and low >= high):
        return []
    chosen = []
    for entry in entries:
        if entry.version is None:
            if is_development(new):
                chosen.append(entry)
            continue
        key = parse(entry.version)
        if key is not None and key <= high and (low is None or key > low):
            chosen.append(entry)
    return chosen
