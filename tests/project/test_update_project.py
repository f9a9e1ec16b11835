"""`itaplan update DIR`: a newer itaplan replaces its own files in an agency's project and keeps the agency's."""

from __future__ import annotations

import shutil

import pytest

from agency_project import run_in, second_project  # noqa: F401
from conftest import ROOT


@pytest.fixture
def older(second_project, tmp_path):
    """The second agency's project as an older itaplan left it, with files of the agency's own."""
    project = tmp_path / "agency"
    shutil.copytree(second_project, project, ignore=shutil.ignore_patterns("site", ".cache"))
    (project / "hooks/itaplan/cli.py").write_text("# an older itaplan\n", encoding="utf-8")
    (project / "hooks/itaplan/obsolete.py").write_text("# removed in the newer itaplan\n", encoding="utf-8")
    (project / ".github/workflows/check.yml").write_text("name: old\n", encoding="utf-8")
    (project / ".github/workflows/agency-backup.yml").write_text("name: backup\n", encoding="utf-8")
    (project / "docs/assets/images/logo.png").write_bytes(b"\x89PNG agency logo")
    (project / "docs/about.md").write_text("# เกี่ยวกับหน่วยงาน\n", encoding="utf-8")
    (project / ".github/SECURITY.md").write_text("# Security policy\n\n- By e-mail: security@agency.example\n",
                                                 encoding="utf-8")  # filled in by the agency
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - hooks/itaplan_search_hook.py", "")
                      .replace("0-0000-0000", "0-3512-3456"), encoding="utf-8")
    return project


def test_update_replaces_itaplans_files_and_keeps_the_agencys(older):
    kept = {rel: (older / rel).read_bytes() for rel in (
        "mkdocs.yml", "plan_data/2570/indicators/04.yml", "plan_data/agency.yml", "docs/index.md", "README.md",
        ".github/CODEOWNERS", "docs/assets/images/itaplan-share.png", "docs/assets/images/logo.png",
        "docs/about.md", ".github/workflows/agency-backup.yml", ".github/SECURITY.md",
        "plan_data/frameworks/2569.yml")}  # the agency's own framework (itaplan ships none for 2569)
    result = run_in(ROOT, "itaplan", "update", str(older))
    assert result.returncode == 0, result.stderr
    for rel in ("hooks/itaplan/cli.py", ".github/workflows/check.yml", "pyproject.toml", "requirements.txt"):
        assert (older / rel).read_bytes() == (ROOT / rel).read_bytes(), rel
    assert not (older / "hooks/itaplan/obsolete.py").exists()
    for rel, data in kept.items():
        assert (older / rel).read_bytes() == data, f"{rel} was changed"
    assert "add to mkdocs.yml by hand" in result.stdout and "hooks/itaplan_search_hook.py" in result.stdout
    assert not [p for p in older.iterdir() if p.name.startswith(".itaplan-update-")]


def test_update_brings_the_handbook_of_the_newer_itaplan(older):
    """handbook/ is itaplan's documentation, replaced whole: the pages match the code the project now runs, a page
    the newer itaplan dropped is gone, and a project made before the handbook was copied gets it."""
    (older / "handbook/publishing.md").write_text("# an older page\n", encoding="utf-8")
    (older / "handbook/old-page.md").write_text("# dropped by the newer itaplan\n", encoding="utf-8")
    result = run_in(ROOT, "itaplan", "update", str(older))
    assert result.returncode == 0, result.stderr
    pages = sorted(p.name for p in (ROOT / "handbook").iterdir())
    assert sorted(p.name for p in (older / "handbook").iterdir()) == pages and "webmaster.md" in pages
    for name in pages:
        assert (older / "handbook" / name).read_bytes() == (ROOT / "handbook" / name).read_bytes(), name
    shutil.rmtree(older / "handbook")  # as a project made before itaplan copied its handbook
    assert run_in(ROOT, "itaplan", "update", str(older)).returncode == 0
    assert sorted(p.name for p in (older / "handbook").iterdir()) == pages


def test_update_refuses_what_is_not_a_project(tmp_path):
    result = run_in(ROOT, "itaplan", "update", str(tmp_path))
    assert result.returncode == 1
    assert "hooks/itaplan" in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_update_changes_nothing_when_the_plan_data_does_not_load(older):
    (older / "plan_data/2570/indicators/04.yml").write_text("number: 4\nscore: 900\n", encoding="utf-8")
    before = (older / "hooks/itaplan/cli.py").read_bytes()
    result = run_in(ROOT, "itaplan", "update", str(older))
    assert result.returncode == 1
    assert "04.yml" in result.stderr
    assert (older / "hooks/itaplan/cli.py").read_bytes() == before
