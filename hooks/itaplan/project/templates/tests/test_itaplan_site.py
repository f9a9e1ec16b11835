"""This agency's ITA site: the plan data passes, the site builds strictly, every indicator is published.

Written by `itaplan new` and replaced by `itaplan update`: put tests of your own in other files.
Run: `.venv/bin/python -m pytest` (after `bash .ci/setup`).
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
# What `itaplan new` writes for what an agency must fill in (read independently of itaplan's own rule).
PLACEHOLDER = re.compile(r"PLACEHOLDER|your-account|(?<![\w.-])ORG/|0-0000-0000")


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    # this project's own itaplan code (hooks/), whichever environment runs the tests
    path = os.pathsep.join(filter(None, [str(ROOT / "hooks"), os.environ.get("PYTHONPATH")]))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=path)
    return subprocess.run([sys.executable, "-m", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=600)


def config() -> dict:
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # !ENV, !!python/name: …
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def plan_root() -> Path:
    return ROOT / ((config().get("extra") or {}).get("itaplan") or {}).get("plan_data", "plan_data")


def agency() -> dict:
    return yaml.safe_load((plan_root() / "agency.yml").read_text(encoding="utf-8"))


def indicators() -> list[tuple[str, Path]]:
    """(fiscal year, indicator file) for every indicator of every year in the plan data."""
    return [(path.parent.parent.name, path) for path in sorted(plan_root().glob("*/indicators/*.yml"))]


def page_text(path: Path) -> str:
    """The visible text of a built page, white space collapsed."""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", path.read_text(encoding="utf-8"), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = run("mkdocs", "build", "--strict", "--site-dir", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_plan_data_passes_itaplan_check():
    result = run("itaplan", "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "plan data is valid" in result.stdout


def test_every_placeholder_is_reported_by_itaplan_check():
    result = run("itaplan", "check")
    for name in ("mkdocs.yml", ".github/CODEOWNERS"):
        path = ROOT / name
        if not path.exists():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            value = line.split("#", 1)[0]
            if PLACEHOLDER.search(value):
                assert f"{name}:{number}:" in result.stderr, f"{name}:{number} holds a placeholder nobody is told of"


def test_the_site_builds_strictly_with_a_home_page_naming_the_agency(site):
    home = page_text(site / "index.html")
    assert agency()["name"] in home
    for year in {year for year, _ in indicators()}:
        assert (site / year / "index.html").is_file(), f"no summary page for fiscal year {year}"


def test_every_indicator_has_its_page_with_its_text(site):
    found = indicators()
    assert found, "no indicator files in the plan data"
    for year, path in found:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        page = site / year / f"indicator-{int(data['number']):02d}" / "index.html"
        assert page.is_file(), f"{path.relative_to(ROOT)} has no page"
        text = page_text(page)
        for part in [data["measure"], *data["analysis"], *data["steps"], *data["responsible"]]:
            assert " ".join(str(part).split()) in text, f"{page.relative_to(site)} lacks: {str(part)[:60]}"
