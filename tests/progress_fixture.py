"""Helpers for progress tests: the fixture plan with its 6- and 12-month reports, loaded or copied."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT
from itaplan.plan.loader import load_plan_data
from itaplan.plan.settings import Settings
from itaplan.progress.loader import load_progress

FIXTURE = ROOT / "tests" / "fixtures" / "progress_plan"


def copy_fixture(dest: Path) -> Path:
    """A writable copy of the fixture's plan data under `dest`/plan_data."""
    target = dest / "plan_data"
    shutil.copytree(FIXTURE, target, ignore=shutil.ignore_patterns("README.md"))
    return target


def load(root: Path = FIXTURE, settings: Settings | None = None, photo_cache: Path | None = None):
    """(plans, {year: YearProgress}) of a plan data folder."""
    settings = settings or Settings()
    plans = load_plan_data(root)
    return plans, load_progress(root, plans, settings, photo_cache)


def fixture_project(dest: Path) -> Path:
    """A copy of the whole project whose plan data is the progress fixture."""
    from conftest import copy_project

    project = copy_project(dest)
    shutil.rmtree(project / "plan_data")
    copy_fixture(project)
    shutil.copy2(ROOT / "plan_data" / "search_words.txt", project / "plan_data" / "search_words.txt")
    return project
