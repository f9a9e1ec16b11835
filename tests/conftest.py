"""Shared test helpers: the repository's own plan data and site, built into temporary folders."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

# In CI, property tests explore the same examples on every run, so a red CI is reproducible.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
SEED = ROOT / "tests" / "fixtures" / "ita-2568-analysis-khok-phutsa.txt"
PROJECT_FILES = ("mkdocs.yml", "docs", "plan_data", "hooks")


def copy_project(dest: Path) -> Path:
    """A copy of the site's sources (mkdocs.yml, docs, plan_data, hooks) under `dest`."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    return dest


def run(cmd: list[str], cwd: Path, env_extra: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    """Run a command with the project's hooks/ importable, capturing its output as text."""
    env = dict(os.environ, PYTHONPATH=str(cwd / "hooks"), NO_MKDOCS_2_WARNING="1", **(env_extra or {}))
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, **kwargs)


def mkdocs_build(project: Path, *extra: str) -> subprocess.CompletedProcess:
    """`mkdocs build` in `project`, as a webmaster runs it."""
    return run([sys.executable, "-m", "mkdocs", "build", *extra], cwd=project)


def itaplan(project: Path, *args: str) -> subprocess.CompletedProcess:
    """The `itaplan` command, run from `project`."""
    return run([sys.executable, "-m", "itaplan", *args], cwd=project)


# browser fixtures for every test module
from browser import chromium, forced_dark, large_text, playwright_driver, site_url  # noqa: E402,F401


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once from a copy of the repository; returns its site/ folder."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture
def data(tmp_path) -> Path:
    """A fresh copy of the repository's plan_data folder alone, to edit and load."""
    dest = tmp_path / "plan_data"
    shutil.copytree(ROOT / "plan_data", dest)
    return dest


@pytest.fixture
def project(tmp_path) -> Path:
    """A fresh copy of the project to edit and build."""
    return copy_project(tmp_path / "project")
