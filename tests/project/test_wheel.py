"""A built wheel of itaplan installs into a fresh environment and builds a site.

The wheel is built with the locked build tools (setuptools from .ci/pip/build.txt, no build isolation) and
installed with --no-deps into a new virtual environment that holds the locked site packages
(.ci/pip/site.txt) and nothing else. What it means for a project (handbook/architecture.md, "Versions and
releases"): a project whose hooks/ holds only the hook files and the theme builds with the installed
itaplan; a project that carries its own hooks/itaplan — every project `itaplan new` writes — builds with
that copy, whatever is installed, because MkDocs puts hooks/ first on Python's path while it loads the hooks.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import itaplan
from conftest import ROOT, copy_project

pytestmark = pytest.mark.slow

PROBE = '''import sys

import itaplan


def on_config(config):
    print(f"probe: itaplan {itaplan.__version__} from {itaplan.__file__}", file=sys.stderr)
'''


def run(cmd: list, cwd: Path, timeout: int = 900) -> subprocess.CompletedProcess:
    """A command in a clean environment: nothing on PYTHONPATH, so only what is installed is importable."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    return subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def locked(name: str) -> str:
    text = (ROOT / ".ci" / "pip" / "build.txt").read_text(encoding="utf-8")
    return re.search(rf"^{name}==(\S+)", text, re.M)[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """itaplan's wheel, built from a copy of the sources by the locked setuptools of this environment."""
    assert importlib.metadata.version("setuptools") == locked("setuptools"), "run bash .ci/setup: unlocked setuptools"
    src = tmp_path_factory.mktemp("src")
    shutil.copy2(ROOT / "pyproject.toml", src)
    shutil.copy2(ROOT / "README.md", src)
    shutil.copytree(ROOT / "hooks" / "itaplan", src / "hooks" / "itaplan",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    dist = tmp_path_factory.mktemp("dist")
    result = run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                  "--wheel-dir", dist, src], cwd=src)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    (built,) = dist.glob("itaplan-*.whl")
    return built


@pytest.fixture(scope="module")
def fresh(tmp_path_factory, wheel) -> Path:
    """A new virtual environment with the locked site packages and the wheel (--no-deps); its bin folder."""
    venv = tmp_path_factory.mktemp("venv")
    result = run([sys._base_executable, "-m", "venv", venv], cwd=venv)
    assert result.returncode == 0, result.stderr
    python = venv / "bin" / "python"
    result = run([python, "-m", "pip", "install", "-q", "--require-hashes", "-r", ROOT / ".ci" / "pip" / "site.txt"],
                 cwd=venv)
    assert result.returncode == 0, result.stderr[-3000:]
    result = run([python, "-m", "pip", "install", "-q", "--no-deps", wheel], cwd=venv)
    assert result.returncode == 0, result.stderr[-3000:]
    return venv / "bin"


def test_the_wheel_holds_every_file_of_the_package_and_its_version(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    package = ROOT / "hooks" / "itaplan"
    missing = [p.relative_to(package.parent).as_posix() for p in package.rglob("*")
               if p.is_file() and "__pycache__" not in p.parts and not p.name.endswith(".pyc")
               and p.relative_to(package.parent).as_posix() not in names]
    assert not missing, f"not in the wheel (add them to [tool.setuptools.package-data]): {missing}"
    assert wheel.name.startswith(f"itaplan-{itaplan.__version__}-")
    metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
    assert f"\nVersion: {itaplan.__version__}\n" in zipfile.ZipFile(wheel).read(metadata).decode()


def test_the_installed_command_says_its_version_and_where_it_runs_from(fresh):
    result = run([fresh / "itaplan", "--version"], cwd=fresh)
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(rf"itaplan {re.escape(itaplan.__version__)} \(\S+/site-packages/itaplan\)\n", result.stdout)


def project_with_probe(dest: Path, own_copy: bool) -> Path:
    project = copy_project(dest)
    if not own_copy:
        shutil.rmtree(project / "hooks" / "itaplan")
    (project / "hooks" / "probe_hook.py").write_text(PROBE, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"(^hooks:\n(?:  - .*\n)+)", r"\1  - hooks/probe_hook.py\n", text, count=1, flags=re.M)
    config.write_text(text, encoding="utf-8")
    return project


def test_a_project_without_its_own_copy_builds_with_the_installed_itaplan(fresh, tmp_path):
    project = project_with_probe(tmp_path / "project", own_copy=False)
    result = run([fresh / "mkdocs", "build", "--strict"], cwd=project)
    assert result.returncode == 0, result.stderr[-3000:]
    assert re.search(rf"probe: itaplan {re.escape(itaplan.__version__)} from \S*site-packages/itaplan/__init__\.py",
                     result.stderr)
    site = project / "site"
    assert "ยืมทรัพย์สิน" in (site / "2569" / "indicator-04" / "index.html").read_text(encoding="utf-8")
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "ทรัพย์สิน\u200b" in index or "\u200bทรัพย์สิน" in index  # Thai words cut by the installed package


def test_a_project_that_carries_its_copy_builds_with_that_copy_whatever_is_installed(fresh, tmp_path):
    project = project_with_probe(tmp_path / "project", own_copy=True)
    init = project / "hooks" / "itaplan" / "__init__.py"
    init.write_text(re.sub(r'__version__ = "[^"]+"', '__version__ = "0.0.1"', init.read_text(encoding="utf-8")),
                    encoding="utf-8")
    result = run([fresh / "mkdocs", "build", "--strict"], cwd=project)
    assert result.returncode == 0, result.stderr[-3000:]
    assert f"probe: itaplan 0.0.1 from {project / 'hooks' / 'itaplan' / '__init__.py'}" in result.stderr
    assert (project / "site" / "2569" / "indicator-04" / "index.html").is_file()
