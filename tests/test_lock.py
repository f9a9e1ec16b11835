"""The hashed locks (.ci/pip/site.txt, .ci/pip/dev.txt) say exactly what requirements*.txt say.

People edit requirements.txt / requirements-dev.txt; `bash .ci/lock` writes the locks that the
workflows and .ci/setup install with `--require-hashes`. When someone adds or moves a pin and forgets
to run it, these tests fail and say so.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

from conftest import ROOT

try:
    import tomllib
except ImportError:  # Python 3.10: the TOML reader pip carries
    from pip._vendor import tomli as tomllib

PIP = ROOT / ".ci" / "pip"
LOCKS = {  # lock -> the files it is compiled from
    "site.txt": ["requirements.txt", ".ci/pip/build.txt"],
    "dev.txt": ["requirements-dev.txt", ".ci/pip/build.txt"],
}
FIX = "run `bash .ci/lock` and commit .ci/pip/"


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins(path: Path, seen: set[Path] | None = None) -> dict[str, str]:
    """name -> version of every `name==version` in a requirements file, following `-r` includes."""
    seen = seen if seen is not None else set()
    if path in seen:
        return {}
    seen.add(path)
    pins: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = re.sub(r"(^|\s)#.*", "", raw).strip()
        if not line:
            continue
        if line.startswith(("-r ", "--requirement ")):
            pins.update(_pins(path.parent / line.split(None, 1)[1], seen))
            continue
        if line.startswith("-e ") or line in (".", "-e."):
            continue  # the project itself
        assert not line.startswith("-"), f"{path.name}: option {line!r} has no place in a requirements file here"
        req = Requirement(line)
        (spec,) = req.specifier
        assert spec.operator == "==", f"{path.name}: {line!r} is not pinned exactly (==)"
        pins[_norm(req.name)] = spec.version
    return pins


def _lock(name: str) -> dict[str, dict]:
    """name -> {version, hashes, via} of every package in a pip-compile lock."""
    entries: dict[str, dict] = {}
    current = None
    via_block = False
    for line in (PIP / name).read_text(encoding="utf-8").splitlines():
        if m := re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)", line):
            current = entries.setdefault(_norm(m[1]), {"version": m[2], "hashes": [], "via": []})
            via_block = False
        elif current is not None and (m := re.match(r"^\s+--hash=sha256:([0-9a-f]{64})", line)):
            current["hashes"].append(m[1])
        elif current is not None and (m := re.match(r"^\s+# via (.+)$", line)):
            current["via"].append(m[1].strip())
        elif current is not None and re.match(r"^\s+# via$", line):
            via_block = True
        elif current is not None and via_block and (m := re.match(r"^\s+#\s+(.+)$", line)):
            current["via"].append(m[1].strip())
        elif line.strip() and not line.startswith("#"):
            pytest.fail(f".ci/pip/{name}: unexpected line {line!r} ({FIX})")
    return entries


def _top_level(entries: dict[str, dict], sources: list[str]) -> set[str]:
    return {name for name, e in entries.items() if any(v in (f"-r {s}" for s in sources) for v in e["via"])}


@pytest.mark.parametrize("lock", sorted(LOCKS))
def test_every_pin_is_in_the_lock_with_the_same_version_and_hashes(lock):
    sources = LOCKS[lock]
    pins: dict[str, str] = {}
    read: set[Path] = set()
    for source in sources:
        pins.update(_pins(ROOT / source, read))
    entries = _lock(lock)
    wrong = {name: (version, entries.get(name, {}).get("version")) for name, version in pins.items()
             if entries.get(name, {}).get("version") != version}
    assert not wrong, f".ci/pip/{lock} is out of step with {', '.join(sources)} (wanted, locked): {wrong}; {FIX}"
    unhashed = [name for name, e in entries.items() if not e["hashes"]]
    assert not unhashed, f".ci/pip/{lock}: no hashes for {unhashed}; {FIX}"
    # Top level of the lock = what the requirements ask for: nothing dropped, nothing left over.
    top = _top_level(entries, [path.relative_to(ROOT).as_posix() for path in read])
    assert top == set(pins), (f".ci/pip/{lock}: packages asked for directly by no requirements file: "
                              f"{sorted(top - set(pins))}; {FIX}")


def test_the_locks_agree_on_every_package_the_site_needs():
    site, dev = _lock("site.txt"), _lock("dev.txt")
    differ = {n: (e["version"], dev.get(n, {}).get("version")) for n, e in site.items()
              if dev.get(n, {}).get("version") != e["version"]}
    assert not differ, f"site.txt and dev.txt lock different versions: {differ}; {FIX}"


@pytest.mark.parametrize("lock", sorted(LOCKS))
def test_locks_install_without_anything_unhashed_or_from_elsewhere(lock):
    text = (PIP / lock).read_text(encoding="utf-8")
    for option in ("-e ", "--index-url", "--extra-index-url", "--find-links", "--trusted-host", "file:", "git+"):
        assert not re.search(rf"(?m)^\s*{re.escape(option)}", text), f".ci/pip/{lock} holds {option!r}"
    assert "bash .ci/lock" in text  # says how it was made


def test_every_pyproject_dependency_is_pinned_within_its_range():
    """`pip install -e .` adds nothing the lock does not hold: each declared range holds its pin."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pins = _pins(ROOT / "requirements.txt")
    for declared in pyproject["project"]["dependencies"]:
        req = Requirement(declared)
        assert _norm(req.name) in pins, f"pyproject.toml needs {req.name}, requirements.txt does not pin it"
        assert req.specifier.contains(pins[_norm(req.name)]), f"{req.name}=={pins[_norm(req.name)]} outside {req.specifier}"
    build = _pins(PIP / "build.txt")
    for declared in pyproject["build-system"]["requires"]:
        req = Requirement(declared)
        assert _norm(req.name) in build, f".ci/pip/build.txt does not pin the build requirement {req.name}"
        assert SpecifierSet(str(req.specifier)).contains(build[_norm(req.name)])


def test_lock_tools_are_pinned_with_hashes():
    entries = _lock("lock-tools.txt")
    assert "pip-tools" in entries and all(e["hashes"] for e in entries.values())
    script = (ROOT / ".ci" / "lock").read_text(encoding="utf-8")
    assert "--require-hashes -r .ci/pip/lock-tools.txt" in script and "--generate-hashes" in script
