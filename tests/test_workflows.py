"""The GitHub workflows: a pull request is checked, built and tested; a merge to main is published."""

from __future__ import annotations

import shlex

import pytest
import yaml

from conftest import ROOT
from itaplan.cli import parser

WORKFLOWS = ROOT / ".github" / "workflows"


def _load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def _steps(job: dict) -> list[dict]:
    return job["steps"]


def _runs(job: dict) -> list[str]:
    """Every shell command line the job runs, in order."""
    return [line.strip() for step in _steps(job) for line in step.get("run", "").splitlines() if line.strip()]


def _uses(job: dict, action: str) -> list[dict]:
    return [s for s in _steps(job) if s.get("uses", "").split("@")[0] == action]


def _index(lines: list[str], text: str) -> int:
    found = [i for i, line in enumerate(lines) if text in line]
    assert found, f"no step runs {text!r}"
    return found[0]


@pytest.fixture(scope="module")
def check() -> dict:
    return _load("check.yml")


@pytest.fixture(scope="module")
def publish() -> dict:
    return _load("publish.yml")


def test_pull_requests_run_check_build_and_tests_in_order(check):
    assert "pull_request" in check["on"]
    (job,) = check["jobs"].values()
    runs = _runs(job)
    install = _index(runs, "pip install")
    assert "-r requirements-dev.txt" in runs[install]
    assert _index(runs, "apt-get install") < _index(runs, "python -m pytest")
    assert "chromium" in runs[_index(runs, "apt-get install")]
    assert install < _index(runs, "itaplan check --format github") < _index(runs, "mkdocs build --strict") \
        < _index(runs, "python -m pytest")
    assert "python:3.11" in job.get("container", "") or any(
        s["with"].get("python-version") == "3.11" for s in _uses(job, "actions/setup-python"))


@pytest.mark.parametrize("name", ["check.yml", "publish.yml"])
def test_checkout_has_full_history_for_page_dates(name):
    for job in _load(name)["jobs"].values():
        for step in _uses(job, "actions/checkout"):
            assert step["with"]["fetch-depth"] == 0


@pytest.mark.parametrize("name", ["check.yml", "publish.yml"])
def test_itaplan_commands_in_workflows_are_valid(name):
    """A renamed option would otherwise only fail on GitHub."""
    for job in _load(name)["jobs"].values():
        for line in _runs(job):
            if line.startswith("itaplan "):
                args = parser().parse_args(shlex.split(line)[1:])
                assert args.command == "check" and args.format == "github"


def test_merges_to_main_build_and_deploy_to_pages(publish):
    assert publish["on"]["push"]["branches"] == ["main"]
    assert publish["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert publish["concurrency"]["cancel-in-progress"] is False
    build, deploy = publish["jobs"]["build"], publish["jobs"]["deploy"]
    runs = _runs(build)
    assert _index(runs, "itaplan check") < _index(runs, "mkdocs build --strict")
    site_dir = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["site_dir"]
    (upload,) = _uses(build, "actions/upload-pages-artifact")
    assert upload["with"]["path"] == site_dir
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    (step,) = _uses(deploy, "actions/deploy-pages")
    assert deploy["environment"]["url"] == "${{ steps.%s.outputs.page_url }}" % step["id"]


def test_every_action_is_pinned_to_a_version():
    for path in WORKFLOWS.glob("*.yml"):
        for job in _load(path.name)["jobs"].values():
            for step in _steps(job):
                if "uses" in step:
                    assert "@v" in step["uses"], f"{path.name}: {step['uses']} has no version"
