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


def _container_pin() -> str:
    """The image of .ci/container/Dockerfile's FROM line."""
    text = (ROOT / ".ci" / "container" / "Dockerfile").read_text(encoding="utf-8")
    (line,) = [line for line in text.splitlines() if line.startswith("FROM ")]
    return line.split()[1]


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
    """The full check runs what a developer runs: `bash .ci/setup`, then the README's test command."""
    assert "pull_request" in check["on"]
    job = check["jobs"]["check"]
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
    # Debian, as .ci/setup expects, pinned by digest in .ci/container/Dockerfile (read by the first job)
    assert job["container"] == "${{ needs.changes.outputs.image }}"
    assert check["jobs"]["changes"]["outputs"]["image"] == "${{ steps.image.outputs.image }}"
    assert re.fullmatch(r"python:3\.11-bookworm@sha256:[0-9a-f]{64}", _container_pin())


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
        builds = any("mkdocs build" in line or "changed-paths" in line for line in _runs(job))
        for step in _uses(job, "actions/checkout"):
            if builds:  # page dates, the changes pages and the base of a pull request need the history
                assert step["with"]["fetch-depth"] == 0
            assert step["with"]["persist-credentials"] is False


@pytest.mark.parametrize("name", ["check.yml", "publish.yml"])
def test_itaplan_commands_in_workflows_are_valid(name):
    """A renamed option would otherwise only fail on GitHub."""
    for job in _load(name)["jobs"].values():
        for line in _runs(job):
            words = shlex.split(line)
            words = words[: words.index(">>")] if ">>" in words else words  # the summary it writes to
            if words[0].rsplit("/", 1)[-1] == "itaplan":
                # `--strict` comes with issue 11's `itaplan check --strict`; until that is merged, the
                # parser here may not know it yet.
                args, unknown = parser().parse_known_args(words[1:])
                assert unknown in ([], ["--strict"]), line
                assert (args.command, args.format) in (("check", "github"), ("diff", "md")), line


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
    for job in check["jobs"].values():
        assert job["permissions"] == {"contents": "read"}
    assert publish["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert publish["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert publish["jobs"]["deploy-own-host"]["permissions"] == {"contents": "read"}
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


@pytest.mark.parametrize(("name", "job_name"), [("check.yml", "check"), ("check.yml", "data"),
                                              ("publish.yml", "build")])
def test_content_cache_is_kept_between_runs(name, job_name):
    """.cache/itaplan (validated pages, cut search words) is restored, keyed on lock, core code and plan data."""
    job = _load(name)["jobs"][job_name]
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
    keys = {name: {s["with"]["key"] for j in _load(name)["jobs"].values() for s in _uses(j, "actions/cache")}
            for name in ("check.yml", "publish.yml")}
    assert len(keys["check.yml"]) == 1 and keys["check.yml"] == keys["publish.yml"]


def test_dependabot_proposes_updates_for_actions_python_and_npm():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert config["version"] == 2
    by_ecosystem = {u["package-ecosystem"]: u for u in config["updates"]}
    assert set(by_ecosystem) == {"github-actions", "pip", "npm", "docker"}

    def dirs(update):
        return update.get("directories") or [update["directory"]]

    assert dirs(by_ecosystem["github-actions"]) == ["/"]
    assert "/" in dirs(by_ecosystem["pip"]) and "/.ci/pip" in dirs(by_ecosystem["pip"])
    assert dirs(by_ecosystem["npm"]) == ["/.ci/npm"]
    # the container image's digest: Dependabot reads a Dockerfile's FROM line, not a workflow's `container:`
    assert dirs(by_ecosystem["docker"]) == ["/.ci/container"]
    assert (ROOT / ".ci" / "container" / "Dockerfile").is_file()
    assert (ROOT / ".ci" / "npm" / "package-lock.json").is_file()
    for update in config["updates"]:
        assert update["schedule"]["interval"] in ("daily", "weekly", "monthly")


# The fast path for data-only pull requests (issue 17) ------------------------------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_every_job_has_a_name(name):
    """The name is what a reviewer sees in the pull request's list of checks."""
    for job_id, job in _load(name)["jobs"].items():
        assert isinstance(job.get("name"), str) and len(job["name"]) > 5, f"{name}: job {job_id} has no name"


@pytest.mark.parametrize("name", NAMES)
def test_no_expression_is_pasted_into_a_shell_command(name):
    """Branch names, outputs and secrets reach commands through env:, never as text inside run: (injection)."""
    for job in _load(name)["jobs"].values():
        for step in _steps(job):
            assert "${{" not in step.get("run", ""), step["run"]


def test_the_first_job_picks_the_fast_or_the_full_check(check):
    jobs = check["jobs"]
    assert set(jobs) == {"changes", "data", "check"}
    changes = jobs["changes"]
    assert "needs" not in changes and "if" not in changes
    (paths,) = [s for s in _steps(changes) if "changed-paths" in s.get("run", "")]
    assert paths["run"] == 'bash .ci/changed-paths "$BASE_BRANCH" >> "$GITHUB_OUTPUT"'
    assert paths["env"] == {"BASE_BRANCH": "${{ github.base_ref }}"}
    assert changes["outputs"]["data-only"] == "${{ steps.%s.outputs.data-only }}" % paths["id"]
    assert changes["outputs"]["base"] == "${{ steps.%s.outputs.base }}" % paths["id"]
    assert jobs["data"]["needs"] == "changes" and jobs["check"]["needs"] == "changes"
    assert jobs["data"]["if"] == "needs.changes.outputs.data-only == 'true'"
    assert jobs["check"]["if"] == "needs.changes.outputs.data-only != 'true'"  # also when the first job said nothing


def test_the_fast_path_installs_only_the_site_lock_and_runs_no_browser_or_test(check):
    job = check["jobs"]["data"]
    runs = _runs(job)
    installs = [line for line in runs if re.search(r"\bpip3? install\b", line)]
    assert installs == ["pip install -q --require-hashes -r .ci/pip/site.txt",
                        "pip install -q --no-deps --no-build-isolation -e ."]
    text = "\n".join(runs)
    for never in (".ci/setup", "npm", "apt-get", "chromium", "playwright", "pytest", "node"):
        assert never not in text, never
    assert "container" not in job and not _uses(job, "actions/setup-node")
    (python,) = _uses(job, "actions/setup-python")
    assert python["with"]["cache-dependency-path"] == ".ci/pip/site.txt"
    assert _index(runs, "itaplan check --format github") < _index(runs, "mkdocs build --strict") \
        < _index(runs, "itaplan diff") < _index(runs, "--no-directory-urls")
    (diff,) = [s for s in _steps(job) if "itaplan diff" in s.get("run", "")]
    assert diff["run"] == 'itaplan diff "$BASE" >> "$GITHUB_STEP_SUMMARY"'
    assert diff["env"] == {"BASE": "${{ needs.changes.outputs.base }}"}
    assert diff["if"] == "${{ !cancelled() }}"  # the reviewer sees what changes even when the build fails
    (upload,) = _uses(job, "actions/upload-artifact")
    assert upload["with"]["name"] == "site-preview" and upload["with"]["if-no-files-found"] == "error"
    preview = [line for line in runs if "--no-directory-urls" in line][0]
    assert upload["with"]["path"] == "${{ runner.temp }}/preview" and '"$RUNNER_TEMP/preview"' in preview


def test_the_full_check_also_writes_the_summary(check):
    runs = _runs(check["jobs"]["check"])
    assert _index(runs, "mkdocs build --strict") < _index(runs, "itaplan diff") < _index(runs, "python -m pytest")


def _git(cwd, *args):
    import subprocess
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.invalid", "PATH": "/usr/bin:/bin", "HOME": str(cwd)}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def pr_repo(tmp_path_factory):
    """A clone whose origin/main is a small project: each test branches from it as a pull request would."""
    import shutil
    origin = tmp_path_factory.mktemp("origin")
    for rel in ("plan_data/2569/indicators/01.yml", "docs/index.md", "docs/assets/itaplan.css", "hooks/x.py",
                "mkdocs.yml", ".ci/pip/site.txt", ".github/workflows/check.yml", "docs/schema/plan.schema.json"):
        (origin / rel).parent.mkdir(parents=True, exist_ok=True)
        (origin / rel).write_text("v1\n", encoding="utf-8")
    (origin / ".ci" / "changed-paths").parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / ".ci" / "changed-paths", origin / ".ci" / "changed-paths")
    _git(origin, "init", "-q", "-b", "main")
    _git(origin, "add", "-A")
    _git(origin, "commit", "-qm", "one")
    return origin


@pytest.mark.parametrize(("edits", "fast"), [
    ({"plan_data/2569/indicators/01.yml": "v2"}, True),
    ({"plan_data/2569/progress/6-months/01.yml": "new", "plan_data/2569/evidence/a b.jpg": "x"}, True),
    ({"docs/index.md": "v2", "docs/contact.md": "new"}, True),
    ({"plan_data/2569/indicators/01.yml": "v2", "hooks/x.py": "v2"}, False),
    ({"mkdocs.yml": "v2"}, False),
    ({"docs/assets/itaplan.css": "v2"}, False),
    ({"docs/schema/plan.schema.json": "v2"}, False),
    ({".ci/pip/site.txt": "v2"}, False),
    ({".github/workflows/check.yml": "v2"}, False),
    ({"tests/test_new.py": "new"}, False),
    ({}, False),
])
def test_changed_paths_chooses_the_fast_check_only_for_plan_data_and_pages(pr_repo, tmp_path, edits, fast):
    import subprocess
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", str(pr_repo), str(clone))
    _git(clone, "checkout", "-qb", "staff-edit")
    for rel, text in edits.items():
        (clone / rel).parent.mkdir(parents=True, exist_ok=True)
        (clone / rel).write_text(text, encoding="utf-8")
    _git(clone, "add", "-A")
    _git(clone, "commit", "-qm", "edit", "--allow-empty")
    result = subprocess.run(["bash", ".ci/changed-paths", "main"], cwd=clone, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    out = dict(line.split("=", 1) for line in result.stdout.splitlines())
    assert out["data-only"] == ("true" if fast else "false"), result.stderr
    assert out["base"] == _git(clone, "rev-parse", "origin/main").strip()


def test_changed_paths_without_a_base_branch_runs_the_full_check(pr_repo):
    import subprocess
    for args in ([], ["no-such-branch"], ["bad..name"]):
        result = subprocess.run(["bash", ".ci/changed-paths", *args], cwd=pr_repo, capture_output=True, text=True,
                                timeout=60)
        assert result.returncode == 0 and "data-only=false" in result.stdout, (args, result.stderr)


def test_the_image_step_reads_the_pinned_dockerfile_and_refuses_a_tag_alone(check, tmp_path):
    """The shell of the first job's image step, run here on the real Dockerfile and on an unpinned one."""
    import subprocess
    (step,) = [s for s in _steps(check["jobs"]["changes"]) if s.get("id") == "image"]
    for content, ok in ((None, True), ("FROM python:3.11-bookworm\n", False),
                        ("FROM python:3.11-bookworm@sha256:abc\n", False)):
        project = tmp_path / ("real" if ok else f"bad{len(content)}")
        (project / ".ci" / "container").mkdir(parents=True)
        dockerfile = project / ".ci" / "container" / "Dockerfile"
        dockerfile.write_text(content or (ROOT / ".ci" / "container" / "Dockerfile").read_text(encoding="utf-8"),
                              encoding="utf-8")
        output = project / "out"
        result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=project, env={"GITHUB_OUTPUT": str(output),
                                "PATH": "/usr/bin:/bin"}, capture_output=True, text=True, timeout=30)
        if ok:
            assert result.returncode == 0, result.stdout + result.stderr
            assert output.read_text(encoding="utf-8") == f"image={_container_pin()}\n"
        else:
            assert result.returncode != 0 and "::error file=.ci/container/Dockerfile" in result.stdout


# Publishing where the agency chooses ----------------------------------------------------------------------

def test_pages_is_the_default_and_a_repository_variable_chooses_the_agency_host(publish):
    jobs = publish["jobs"]
    assert jobs["deploy"]["if"] == "vars.ITAPLAN_PUBLISH_TO == '' || vars.ITAPLAN_PUBLISH_TO == 'pages'"
    own = jobs["deploy-own-host"]
    assert own["needs"] == "build"
    for method in ("sftp", "ftps", "rsync"):
        assert f"vars.ITAPLAN_PUBLISH_TO == '{method}'" in own["if"]
    (download,) = _uses(own, "actions/download-artifact")
    assert download["with"]["name"] == "github-pages"  # the very site the build job checked and built
    runs = _runs(own)
    assert runs[-1] == 'bash .ci/deploy "$METHOD" "$RUNNER_TEMP/site"'
    assert any("apt-get install" in line and "lftp" in line and "rsync" in line for line in runs)
    (upload,) = [s for s in _steps(own) if ".ci/deploy" in s.get("run", "")]
    assert upload["env"]["METHOD"] == "${{ vars.ITAPLAN_PUBLISH_TO }}"
    for key, value in upload["env"].items():
        if key != "METHOD":
            assert value == "${{ secrets.%s }}" % key, key  # credentials only from secrets
    assert {"DEPLOY_HOST", "DEPLOY_USER", "DEPLOY_PATH", "DEPLOY_PASSWORD", "DEPLOY_SSH_KEY",
            "DEPLOY_KNOWN_HOSTS"} <= set(upload["env"])


def test_secrets_reach_only_the_upload_step(publish):
    for job_id, job in publish["jobs"].items():
        for step in _steps(job):
            text = yaml.safe_dump(step, allow_unicode=True)
            if "secrets." in text:
                assert (job_id, ".ci/deploy" in step.get("run", "")) == ("deploy-own-host", True), step
