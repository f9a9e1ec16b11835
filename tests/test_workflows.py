"""The GitHub workflows: a pull request is checked, built and tested; a merge to main is published.

They hold the right to deploy the site, so they are also checked for what keeps them safe: every
action pinned to a commit, each job with only the permissions it needs, pull requests run without
write access or secrets, and installs only from the hashed locks.
"""

from __future__ import annotations

import re
import shlex

import pytest
import yaml

from conftest import ROOT
from itaplan.cli import parser

WORKFLOWS = ROOT / ".github" / "workflows"
NAMES = sorted(p.name for p in WORKFLOWS.glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"#\s*v\d+(\.\d+){0,2}\s*$")
CACHE_DIR = ".cache/itaplan"


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


def test_both_workflows_exist():
    assert {"check.yml", "publish.yml"} <= set(NAMES)


def test_pull_requests_set_up_exactly_as_ci_setup_then_check_build_and_test(check):
    """The pull request runs what a developer runs: `bash .ci/setup`, then the README's test command."""
    assert "pull_request" in check["on"]
    (job,) = check["jobs"].values()
    runs = _runs(job)
    assert _index(runs, "bash .ci/setup") < _index(runs, "itaplan check --format github") \
        < _index(runs, "mkdocs build --strict") < _index(runs, "python -m pytest")
    assert ".venv/bin/python -m pytest" in runs
    # Nothing is installed another way: what .ci/setup installs is all the tests get.
    for line in runs:
        assert not re.search(r"\b(pip3?|apt-get|apt|npm|npx|uv|conda)\b", line.split("#")[0]), line
        for command in (".venv/bin/itaplan", ".venv/bin/mkdocs", ".venv/bin/python"):
            if line.split()[0].endswith(command.rsplit("/", 1)[1]):
                assert line.startswith(command), f"{line!r} does not use the .venv that .ci/setup made"
    assert not _uses(job, "actions/setup-python") and not _uses(job, "actions/setup-node")
    assert "python:3.11" in job["container"] and "bookworm" in job["container"]  # Debian, as .ci/setup expects


def test_ci_setup_installs_from_the_hashed_lock():
    setup = (ROOT / ".ci" / "setup").read_text(encoding="utf-8")
    installs = [line for line in setup.splitlines() if "pip install" in line and not line.lstrip().startswith("#")]
    assert installs, "no pip install in .ci/setup"
    for line in installs:
        assert "--require-hashes -r .ci/pip/dev.txt" in line or "--no-deps --no-build-isolation -e ." in line, line
    assert "npm ci" in setup and "npm install" not in setup


@pytest.mark.parametrize("name", ["check.yml", "publish.yml"])
def test_checkout_has_full_history_for_page_dates_and_keeps_no_token(name):
    for job in _load(name)["jobs"].values():
        for step in _uses(job, "actions/checkout"):
            assert step["with"]["fetch-depth"] == 0
            assert step["with"]["persist-credentials"] is False


@pytest.mark.parametrize("name", ["check.yml", "publish.yml"])
def test_itaplan_commands_in_workflows_are_valid(name):
    """A renamed option would otherwise only fail on GitHub."""
    for job in _load(name)["jobs"].values():
        for line in _runs(job):
            words = shlex.split(line)
            if words[0].rsplit("/", 1)[-1] == "itaplan":
                # `--strict` comes with issue 11's `itaplan check --strict`; until that is merged, the
                # parser here may not know it yet.
                args, unknown = parser().parse_known_args(words[1:])
                assert unknown in ([], ["--strict"]), line
                assert args.command == "check" and args.format == "github"


def test_merges_to_main_check_strictly_then_build_and_deploy_to_pages(publish):
    assert publish["on"]["push"]["branches"] == ["main"]
    assert publish["concurrency"]["cancel-in-progress"] is False
    build, deploy = publish["jobs"]["build"], publish["jobs"]["deploy"]
    runs = _runs(build)
    # placeholders (contact details, site_url) are refused before anything is built or deployed
    assert "--strict" in shlex.split(runs[_index(runs, "itaplan check")])
    assert _index(runs, "itaplan check") < _index(runs, "mkdocs build --strict")
    site_dir = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["site_dir"]
    # the site folder, packed as actions/upload-pages-artifact would and uploaded by a pinned action
    pack = runs[_index(runs, "tar ")]
    assert f"--directory {site_dir} " in pack and "$RUNNER_TEMP/artifact.tar" in pack and "--dereference" in pack
    assert _index(runs, "mkdocs build --strict") < _index(runs, "tar ")
    (upload,) = _uses(build, "actions/upload-artifact")
    assert upload["with"]["name"] == "github-pages"
    assert upload["with"]["path"] == "${{ runner.temp }}/artifact.tar"
    assert not _uses(build, "actions/upload-pages-artifact"), "it calls actions/upload-artifact by a movable tag"
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    (step,) = _uses(deploy, "actions/deploy-pages")
    assert deploy["environment"]["url"] == "${{ steps.%s.outputs.page_url }}" % step["id"]


def test_publish_installs_only_from_the_hashed_site_lock(publish):
    runs = _runs(publish["jobs"]["build"])
    installs = [line for line in runs if re.search(r"\bpip3? install\b", line)]
    assert installs == ["pip install -q --require-hashes -r .ci/pip/site.txt",
                        "pip install -q --no-deps --no-build-isolation -e ."]


@pytest.mark.parametrize("name", NAMES)
def test_every_action_is_pinned_to_a_commit_with_its_release_in_a_comment(name):
    """A tag (`@v4`) can be moved to other code by whoever controls the action; a commit cannot."""
    text = (WORKFLOWS / name).read_text(encoding="utf-8")
    uses_lines = [line for line in text.splitlines() if re.match(r"\s*(-\s+)?uses:", line)]
    assert uses_lines
    for line in uses_lines:
        ref = line.split("uses:", 1)[1].split("#", 1)[0].strip()
        assert PINNED.match(ref), f"{name}: {ref} is not pinned to a full commit SHA"
        assert VERSION_COMMENT.search(line), f"{name}: {line.strip()!r} has no '# vX.Y.Z' comment"
    for job in _load(name)["jobs"].values():  # and no step escapes the line check
        for step in _steps(job):
            if "uses" in step:
                assert PINNED.match(step["uses"]), step["uses"]


def test_the_same_action_is_pinned_to_the_same_commit_everywhere():
    seen: dict[str, set[str]] = {}
    for name in NAMES:
        for job in _load(name)["jobs"].values():
            for step in _steps(job):
                if "uses" in step:
                    action, sha = step["uses"].split("@")
                    seen.setdefault(action, set()).add(sha)
    assert {a: s for a, s in seen.items() if len(s) > 1} == {}


@pytest.mark.parametrize("name", NAMES)
def test_permissions_are_none_by_default_and_granted_per_job(name):
    workflow = _load(name)
    assert workflow["permissions"] in ({}, "read-all", {"contents": "read"}), workflow["permissions"]
    for job_name, job in workflow["jobs"].items():
        assert "permissions" in job, f"{name}: job {job_name} does not say what it needs"
        perms = job["permissions"]
        assert isinstance(perms, dict) and perms, f"{name}: job {job_name}: {perms!r}"
        assert all(v in ("read", "write", "none") for v in perms.values())


def test_only_the_deploy_job_can_write(check, publish):
    (job,) = check["jobs"].values()
    assert job["permissions"] == {"contents": "read"}
    assert publish["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert publish["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    for name in NAMES:
        for job_name, job in _load(name)["jobs"].items():
            if (name, job_name) != ("publish.yml", "deploy"):
                assert "write" not in job["permissions"].values(), f"{name}: {job_name}"


def test_pull_requests_run_read_only_and_without_secrets(check):
    """Code from a pull request must never run with write access or a secret in reach."""
    values = yaml.safe_dump(check, allow_unicode=True)  # everything but the comments
    assert set(check["on"]) <= {"pull_request", "workflow_dispatch", "push", "merge_group"}
    assert not re.search(r"\bsecrets\b|github\.token|GITHUB_TOKEN", values)
    for name in NAMES:  # no workflow runs untrusted code with the base repository's rights
        workflow = _load(name)
        assert "pull_request_target" not in workflow["on"] and "workflow_run" not in workflow["on"], name


@pytest.mark.parametrize("name", ["check.yml", "publish.yml"])
def test_content_cache_is_kept_between_runs(name):
    """.cache/itaplan (validated pages, cut search words) is restored, keyed on lock, core code and plan data."""
    jobs = _load(name)["jobs"]
    job = jobs["check"] if name == "check.yml" else jobs["build"]
    (cache,) = _uses(job, "actions/cache")
    assert cache["with"]["path"] == CACHE_DIR
    key = cache["with"]["key"]
    for part in (".ci/pip/", "hooks/**", "plan_data/**"):
        assert part in key, f"cache key does not depend on {part}"
    restore = [line.strip() for line in cache["with"]["restore-keys"].splitlines() if line.strip()]
    assert restore and all(key.startswith(prefix) for prefix in restore)
    assert len(restore) >= 2, "a change of the plan data alone should still reuse the rest"
    steps = _steps(job)
    runs_before = [s for s in steps[: steps.index(cache)] if "run" in s and "mkdocs" in s["run"]]
    assert not runs_before, "the cache must be restored before the site is built"


def test_both_workflows_use_the_same_cache_key():
    """Pull requests reuse the cache that builds of main leave behind."""
    keys = {name: [s["with"]["key"] for j in _load(name)["jobs"].values() for s in _uses(j, "actions/cache")]
            for name in ("check.yml", "publish.yml")}
    assert keys["check.yml"] == keys["publish.yml"]


def test_dependabot_proposes_updates_for_actions_python_and_npm():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert config["version"] == 2
    by_ecosystem = {u["package-ecosystem"]: u for u in config["updates"]}
    assert set(by_ecosystem) == {"github-actions", "pip", "npm"}

    def dirs(update):
        return update.get("directories") or [update["directory"]]

    assert dirs(by_ecosystem["github-actions"]) == ["/"]
    assert "/" in dirs(by_ecosystem["pip"]) and "/.ci/pip" in dirs(by_ecosystem["pip"])
    assert dirs(by_ecosystem["npm"]) == ["/.ci/npm"]
    assert (ROOT / ".ci" / "npm" / "package-lock.json").is_file()
    for update in config["updates"]:
        assert update["schedule"]["interval"] in ("daily", "weekly", "monthly")
