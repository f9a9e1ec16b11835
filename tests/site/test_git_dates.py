"""Each page shows when its source last changed, taken from Git history, in Thai."""

from __future__ import annotations

import os
import re
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from conftest import copy_project, mkdocs_build
from itaplan.site.git_dates import history_state, last_changed, newest, parse_log

FIRST = "2026-11-12T10:00:00+07:00"   # everything
SCORE = "2026-11-20T23:30:00+00:00"   # indicator 4 only: 21 Nov in Thailand
HOME = "2027-01-05T09:00:00+07:00"    # docs/index.md only


def _git(repo: Path, *args: str, date: str | None = None) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="staff", GIT_AUTHOR_EMAIL="staff@example.org",
               GIT_COMMITTER_NAME="staff", GIT_COMMITTER_EMAIL="staff@example.org")
    if date:
        env.update(GIT_COMMITTER_DATE=date, GIT_AUTHOR_DATE=date)
    done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return done.stdout


def _updated(site: Path, page: str) -> tuple[str, str] | None:
    html = (site / page).read_text(encoding="utf-8")
    match = re.search(r'ปรับปรุงล่าสุด <time datetime="([^"]+)">([^<]+)</time>', html)
    return match.groups() if match else None


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> Path:
    """A project repository with three commits at known dates."""
    repo = copy_project(tmp_path_factory.mktemp("history") / "repo")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "plan 2569", date=FIRST)
    score = repo / "plan_data/2569/indicators/04.yml"
    score.write_text(re.sub(r"(?m)^score: .*$", "score: 91.5", score.read_text(encoding="utf-8")), encoding="utf-8")
    _git(repo, "commit", "-qam", "indicator 4: new score", date=SCORE)
    home = repo / "docs/index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\nเพิ่มเติม\n", encoding="utf-8")
    _git(repo, "commit", "-qam", "home page", date=HOME)
    return repo


@pytest.fixture(scope="module")
def history_site(history) -> Path:
    result = mkdocs_build(history, "--strict")
    assert result.returncode == 0, result.stderr
    return history / "site"


def test_indicator_page_shows_its_yaml_files_last_commit(history_site):
    assert _updated(history_site, "2569/indicator-01/index.html") == ("2026-11-12T10:00:00+07:00", "๑๒ พ.ย. ๒๕๖๙")
    assert _updated(history_site, "2569/indicator-04/index.html") == ("2026-11-21T06:30:00+07:00", "๒๑ พ.ย. ๒๕๖๙")


def test_year_index_shows_the_newest_of_its_files(history_site):
    assert _updated(history_site, "2569/index.html") == ("2026-11-21T06:30:00+07:00", "๒๑ พ.ย. ๒๕๖๙")


def test_hand_written_page_shows_its_markdown_files_last_commit(history_site):
    assert _updated(history_site, "index.html") == ("2027-01-05T09:00:00+07:00", "๕ ม.ค. ๒๕๗๐")


def test_one_walk_dates_every_file(history):
    dates = last_changed(history, ["docs", "plan_data"])
    assert dates["plan_data/2569/indicators/04.yml"] == datetime.fromisoformat(SCORE)
    assert dates["plan_data/agency.yml"] == datetime.fromisoformat(FIRST)
    assert not any(name.startswith("hooks/") for name in dates)


def test_build_without_git_has_no_date_and_no_error(built_site):
    assert history_state(built_site.parent) == "none"
    assert _updated(built_site, "2569/indicator-01/index.html") is None
    assert _updated(built_site, "index.html") is None


def test_shallow_clone_omits_dates_and_says_why(history, tmp_path):
    """Depth 1 would date every file by the last commit, which is wrong: dates are left out."""
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{history}", str(clone)], check=True)
    assert history_state(clone) == "shallow"
    result = mkdocs_build(clone, "--strict")
    assert result.returncode == 0, result.stderr
    assert "shallow Git clone" in result.stderr
    assert _updated(clone / "site", "2569/indicator-01/index.html") is None


def test_parse_log_keeps_the_newest_date_per_file():
    out = ("\x1e2026-11-20T10:00:00+07:00\0\ndocs/index.md\0plan_data/ไทย ๑.yml\0"
           "\x1e2026-11-25T10:00:00+07:00\0\ndocs/index.md\0")
    dates = parse_log(out)
    assert dates["docs/index.md"].day == 25
    assert dates["plan_data/ไทย ๑.yml"].day == 20
    assert newest(dates, ["missing.md"]) is None
    assert newest(dates, ["plan_data/ไทย ๑.yml", "docs/index.md"]).day == 25
