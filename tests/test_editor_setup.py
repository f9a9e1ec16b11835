"""What helps staff as they edit: schemas in the editor, a pre-commit check, reviewers per unit."""

from __future__ import annotations

import json
import re
from fnmatch import fnmatchcase
from pathlib import Path

import yaml

from conftest import ROOT
from itaplan.cli import parser

PLAN_FILES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "plan_data").rglob("*.yml"))


def test_vscode_ties_every_plan_file_to_one_existing_schema():
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    schemas = settings["yaml.schemas"]
    for schema in schemas:
        assert (ROOT / schema).is_file(), schema
    for name in PLAN_FILES:
        matching = [s for s, globs in schemas.items() if any(fnmatchcase(name, g) for g in globs)]
        assert len(matching) == 1, (name, matching)
        first_line = (ROOT / name).read_text(encoding="utf-8").splitlines()[0]
        assert Path(first_line.split("$schema=")[1]).name == Path(matching[0]).name  # same as the modeline


def test_vscode_recommends_the_yaml_extension():
    extensions = json.loads((ROOT / ".vscode/extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_pre_commit_checks_plan_data_changes():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for repo in config["repos"] if repo["repo"] == "local" for h in repo["hooks"]]
    assert parser().parse_args(hook["entry"].split()[1:]).command == "check"
    assert hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    assert all(files.search(name) for name in PLAN_FILES)
    assert not files.search("docs/index.md")


def _codeowners() -> tuple[list[tuple[str, list[str]]], dict[str, str]]:
    rules, teams = [], {}
    for line in (ROOT / ".github/CODEOWNERS").read_text(encoding="utf-8").splitlines():
        team = re.match(r"#\s+(@\S+)\s+(\S+)", line)
        if team and not team.group(2).isascii():
            teams[team.group(2)] = team.group(1)
        elif line.strip() and not line.startswith("#"):
            pattern, *owners = line.split()
            rules.append((pattern, owners))
    return rules, teams


def _matches(pattern: str, path: str) -> bool:
    """CODEOWNERS patterns as GitHub reads them (the subset used here)."""
    if pattern == "*":
        return True
    anchored = pattern.lstrip("/")
    regex = re.escape(anchored).replace(r"\*", "[^/]*")
    regex += ".*" if anchored.endswith("/") else ""
    return re.fullmatch(regex, path) is not None


def _owners(rules, path: str) -> set[str]:
    return set([owners for pattern, owners in rules if _matches(pattern, path)][-1])


def test_each_indicator_is_reviewed_by_its_responsible_units():
    rules, teams = _codeowners()
    assert {"สำนักปลัด", "กองคลัง"} <= set(teams)
    for path in (ROOT / "plan_data").glob("*/indicators/*.yml"):
        responsible = yaml.safe_load(path.read_text(encoding="utf-8"))["responsible"]
        expected = set(teams.values()) if "ทุกสำนัก/กอง" in responsible else {teams[u] for u in responsible}
        assert _owners(rules, path.relative_to(ROOT).as_posix()) == expected, path


def test_site_code_and_settings_are_reviewed_by_the_webmaster():
    rules, _ = _codeowners()
    for path in ("hooks/itaplan_hook.py", "hooks/itaplan/cli.py", "mkdocs.yml", ".github/workflows/publish.yml"):
        assert _owners(rules, path) == {"@ORG/webmaster"}, path
