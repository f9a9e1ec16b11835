"""Versions an agency can follow: one version for the code, the command and the package; the version a
project carries, recorded by `itaplan new` and read by `itaplan update`; and CHANGELOG.md between two versions."""

from __future__ import annotations

import re
import shutil
import tomllib

import pytest

import itaplan
from agency_project import run_in, second_project  # noqa: F401
from conftest import ROOT
from itaplan.project import versions
from itaplan.project.versions import Entry, between, changelog_entries, parse

CHANGELOG = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
KINDS = ("### สำหรับประชาชน (for citizens)", "### สำหรับเจ้าหน้าที่ (for staff)",
         "### หน่วยงานต้องทำ (what an agency must do)")


def test_the_version_is_written_once_and_the_command_says_it(monkeypatch):
    monkeypatch.setenv("COLUMNS", "20")  # a narrow terminal: the path must not be wrapped
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "itaplan.__version__"}
    assert parse(itaplan.__version__) is not None
    result = run_in(ROOT, "itaplan", "--version")
    assert result.returncode == 0 and result.stdout.startswith(f"itaplan {itaplan.__version__} (")
    assert result.stdout == f"itaplan {itaplan.__version__} ({ROOT / 'hooks' / 'itaplan'})\n"  # which copy answered


def test_versions_sort_as_releases_do():
    assert parse("0.1.0") < parse("0.2.0.dev0") < parse("0.2.0") < parse("0.2.1") < parse("0.10.0") < parse("1.0")
    assert parse("1") == parse("1.0.0")
    for bad in ("", "v1.0", "1.0-beta", "latest", None):
        assert parse(bad) is None


def test_the_changelog_has_an_unreleased_section_and_the_current_release_in_plain_sections():
    entries = changelog_entries(CHANGELOG)
    assert entries[0].version is None and entries[0].text.startswith("## Unreleased")
    released = [e.version for e in entries[1:]]
    assert released == sorted(released, key=parse, reverse=True)  # newest first
    current = itaplan.__version__
    base = current.split(".dev")[0] if versions.is_development(current) else current
    # a development version's release is not out yet: the latest entry is the release before it
    assert released[0] == current or (versions.is_development(current) and parse(released[0]) < parse(base))
    for entry in entries:
        kinds = re.findall(r"^### .*$", entry.text, re.M)
        assert kinds and set(kinds) <= set(KINDS), (entry.version, kinds)
        assert KINDS[2] in kinds, f"{entry.version or 'Unreleased'}: say what an agency must do (even nothing)"
        for line in entry.text.splitlines():
            if line.startswith("- "):
                assert re.match(r"- [\u0e00-\u0e7f`\"(]", line), f"entries lead in Thai: {line[:60]}"


SAMPLE = """# changelog

## Unreleased

### หน่วยงานต้องทำ (what an agency must do)
- ยังไม่มี

## 0.3.0 — 2027-03-01

three

## 0.2.0 — 2026-12-20

two

## 0.1.0 — 2026-12-02

one
"""


def test_between_two_versions_come_the_releases_after_the_first_up_to_the_second():
    entries = changelog_entries(SAMPLE)
    assert [e.version for e in entries] == [None, "0.3.0", "0.2.0", "0.1.0"]

    def names(old, new):
        return [e.version or "Unreleased" for e in between(entries, old, new)]

    assert names("0.1.0", "0.3.0") == ["0.3.0", "0.2.0"]
    assert names("0.2.0", "0.4.0.dev0") == ["Unreleased", "0.3.0"]  # a development version: the last release and more
    assert names("0.3.0.dev0", "0.3.0") == ["0.3.0"]
    assert names(None, "0.2.0") == ["0.2.0", "0.1.0"]  # unknown: everything up to the new version
    assert names("0.3.0", "0.3.0") == [] and names("0.3.0", "0.1.0") == []  # same, or back to an older one
    assert entries[1] == Entry("0.3.0", "## 0.3.0 — 2027-03-01\n\nthree\n")


def test_a_project_records_its_version_else_its_code_tells(tmp_path):
    assert versions.project_version(tmp_path) is None
    (tmp_path / "hooks" / "itaplan").mkdir(parents=True)
    (tmp_path / "hooks" / "itaplan" / "__init__.py").write_text('"""x"""\n__version__ = "0.1.0"\n', encoding="utf-8")
    assert versions.project_version(tmp_path) == "0.1.0"  # made before the record existed
    versions.write_record(tmp_path, "0.2.0")
    assert versions.recorded_version(tmp_path) == versions.project_version(tmp_path) == "0.2.0"
    (tmp_path / versions.RECORD).write_text("# comment only\nnot a version\n", encoding="utf-8")
    assert versions.project_version(tmp_path) == "0.1.0"


def test_itaplan_new_records_the_version_of_the_code_it_copies(second_project):
    assert versions.recorded_version(second_project) == itaplan.__version__
    assert versions.code_version(second_project) == itaplan.__version__


@pytest.fixture
def at_010(second_project, tmp_path):
    """The second agency's project as itaplan 0.1.0 left it: recorded as 0.1.0, code saying so."""
    project = tmp_path / "agency"
    shutil.copytree(second_project, project, ignore=shutil.ignore_patterns("site", ".cache"))
    versions.write_record(project, "0.1.0")
    init = project / "hooks" / "itaplan" / "__init__.py"
    init.write_text(re.sub(r'__version__ = "[^"]+"', '__version__ = "0.1.0"', init.read_text(encoding="utf-8")),
                    encoding="utf-8")
    return project


def test_update_says_which_version_it_moves_from_and_to_and_what_changed(at_010):
    result = run_in(ROOT, "itaplan", "update", str(at_010))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert f"itaplan 0.1.0 → {itaplan.__version__}: ปรับโค้ด itaplan" in out  # Thai first
    expected = between(changelog_entries(CHANGELOG), "0.1.0", itaplan.__version__)
    assert expected, "CHANGELOG.md says nothing since 0.1.0"
    for entry in expected:
        assert entry.text.strip() in out
    assert "## 0.1.0" not in out  # what the project had already is not repeated
    assert out.index("สิ่งที่เปลี่ยน") < out.index("what changed")
    assert versions.recorded_version(at_010) == versions.code_version(at_010) == itaplan.__version__
    again = run_in(ROOT, "itaplan", "update", str(at_010))
    assert again.returncode == 0 and "เป็นรุ่นนี้อยู่แล้ว" in again.stdout and "## " not in again.stdout
