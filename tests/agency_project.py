"""Test helper (not collected): a second agency's project made by `itaplan new`, and what to look for in it."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

SECOND = ROOT / "tests" / "fixtures" / "second_agency"
TXT = SECOND / "ita-2569-analysis-nong-tua-yang.txt"
DOCX = SECOND / "ita-2569-analysis-nong-tua-yang.docx"
FRAMEWORK = SECOND / "framework-2569.yml"  # made up: itaplan ships no ITA 2569 framework
# The first customer, in Thai and in English: none of it may reach another agency's project.
FIRST_CUSTOMER = ("โคกพุทรา", "Khok Phutsa", "โพธิ์ทอง", "อ่างทอง", "Pho Thong", "Ang Thong")


def rows():
    """The fictional agency's table as data (tests/fixtures/second_agency/rows.py)."""
    spec = importlib.util.spec_from_file_location("second_agency_rows", SECOND / "rows.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_in(project: Path, *cmd: str, python: str = sys.executable, timeout: int = 600) -> subprocess.CompletedProcess:
    """`python -m …` in `project`, with the project's own itaplan code (hooks/) first on the path."""
    env = dict(os.environ, PYTHONPATH=str(project / "hooks"), NO_MKDOCS_2_WARNING="1")
    return subprocess.run([python, "-m", *cmd], cwd=project, env=env, capture_output=True, text=True,
                          timeout=timeout)


def itaplan_new(dest: Path, *args: str, table: Path = TXT, chromium: str = "",
                framework: Path | None = FRAMEWORK) -> subprocess.CompletedProcess:
    """`itaplan new DEST --from TABLE --framework FRAMEWORK`, run from this repository (the generic share picture
    unless `chromium`); the fictional table analyses ITA 2569, whose framework is the agency's own file."""
    given = ("--framework", str(framework)) if framework is not None else ()
    return run_in(ROOT, "itaplan", "new", str(dest), "--from", str(table), "--chromium", chromium, *given, *args)


# Not the project's own content: installed packages, and Material's Thai word list for lunr (a dictionary
# of every Thai word, province names included), which MkDocs copies into every site.
THIRD_PARTY = (".venv", "site/assets/javascripts/lunr/wordcut.js")


def traces(root: Path, skip: tuple[str, ...] = THIRD_PARTY) -> list[str]:
    """'file: name' for every file under `root` (text or not) holding a name of the first customer."""
    found = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = path.relative_to(root)
        if any(rel.parts[0] == s or rel.as_posix() == s for s in skip):
            continue
        data = path.read_bytes()
        found += [f"{rel}: {name}" for name in FIRST_CUSTOMER if name.encode("utf-8") in data]
    return found


@pytest.fixture(scope="session")
def second_project(tmp_path_factory) -> Path:
    """The second agency's project, made from its text export, and built strictly into its site/."""
    dest = tmp_path_factory.mktemp("second") / "nong-tua-yang"
    made = itaplan_new(dest)
    assert made.returncode == 0, made.stdout + made.stderr
    built = run_in(dest, "mkdocs", "build", "--strict")
    assert built.returncode == 0, built.stderr
    return dest
