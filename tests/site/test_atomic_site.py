"""A failed build leaves the last good site whole; a good build replaces it at once."""

from __future__ import annotations

import importlib.util
import os
import tempfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import ROOT, mkdocs_build

from itaplan.site import atomic_site


def snapshot(site: Path) -> dict[str, bytes]:
    """Every file under `site` and its bytes."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def leftovers(site: Path) -> list[str]:
    return sorted(p.name for p in site.parent.iterdir() if p.name.startswith(f".{site.name}."))


# --- the core, without MkDocs -------------------------------------------------------------------

def test_publish_replaces_the_site_and_leaves_nothing_beside_it(tmp_path):
    site = tmp_path / "site"
    (site / "old").mkdir(parents=True)
    (site / "old" / "page.html").write_text("old", encoding="utf-8")
    temp = atomic_site.prepare(site)
    assert temp.parent == tmp_path and temp.name.startswith(".site.building-") and not any(temp.iterdir())
    (temp / "new.html").write_text("new", encoding="utf-8")
    atomic_site.publish(temp, site)
    assert snapshot(site) == {"new.html": b"new"}
    assert leftovers(site) == []


def test_publish_creates_a_missing_site_and_discard_removes_the_build(tmp_path):
    site = tmp_path / "out" / "site"
    temp = atomic_site.prepare(site)
    (temp / "index.html").write_text("x", encoding="utf-8")
    atomic_site.publish(temp, site)
    assert snapshot(site) == {"index.html": b"x"}
    other = atomic_site.prepare(site)
    atomic_site.discard(other)
    assert not other.exists() and snapshot(site) == {"index.html": b"x"}


def test_dirty_build_starts_from_a_copy_of_the_site(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "a.html").write_text("a", encoding="utf-8")
    temp = atomic_site.prepare(site, keep_existing=True)
    assert snapshot(temp) == {"a.html": b"a"} and snapshot(site) == {"a.html": b"a"}
    assert (temp / "a.html").stat().st_mtime == (site / "a.html").stat().st_mtime


def test_leftovers_of_a_killed_build_are_removed(tmp_path):
    site = tmp_path / "site"
    dead = tmp_path / ".site.building-999999999-abc"
    dead.mkdir()
    (dead / "half.html").write_text("half", encoding="utf-8")
    unrelated = tmp_path / ".site-notes"
    unrelated.mkdir()
    atomic_site.discard(atomic_site.prepare(site))
    assert not dead.exists() and unrelated.exists()


# --- the MkDocs hook ----------------------------------------------------------------------------

def _hook():
    spec = importlib.util.spec_from_file_location("atomic_hook_under_test", ROOT / "hooks" / "itaplan_atomic_hook.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("command", ["serve", "build"])
def test_hook_leaves_mkdocs_serve_alone(command):
    """`mkdocs serve` (command 'serve', or 'build' for serve --clean) builds into tempdir/mkdocs_*."""
    hook = _hook()
    served = tempfile.mkdtemp(prefix="mkdocs_")
    try:
        hook.on_startup(command=command, dirty=False)
        config = SimpleNamespace(site_dir=served, strict=False)
        assert hook.on_config(config).site_dir == served
        hook.on_post_build(config)
        assert config.site_dir == served and os.path.isdir(served)
    finally:
        os.rmdir(served)


def test_hook_builds_beside_the_site_and_publishes_it(tmp_path):
    hook = _hook()
    hook.on_startup(command="build", dirty=False)
    config = SimpleNamespace(site_dir=str(tmp_path / "site"), strict=True)
    hook.on_config(config)
    building = Path(config.site_dir)
    assert building.parent == tmp_path and building.name.startswith(".site.building-")
    (building / "index.html").write_text("ok", encoding="utf-8")
    hook.on_post_build(config)
    assert config.site_dir == str(tmp_path / "site")
    assert snapshot(tmp_path / "site") == {"index.html": b"ok"} and leftovers(tmp_path / "site") == []


# --- whole builds -------------------------------------------------------------------------------

LATE_WARNING_HOOK = '''
import logging
def on_post_build(config):
    logging.getLogger("mkdocs.plugins.late").warning("a warning after every page was written")
'''
CRASHING_HOOK = '''
def on_post_build(config):
    raise RuntimeError("a plugin crashed after every page was written")
'''


def _add_hook(project: Path, name: str, code: str) -> None:
    (project / "hooks" / name).write_text(code, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - hooks/itaplan_hook.py\n", f"  - hooks/itaplan_hook.py\n  - hooks/{name}\n"),
                      encoding="utf-8")


def _change_score(project: Path) -> None:
    path = project / "plan_data/2569/indicators/04.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("\nscore: ", "\nscore: 12.34 #", 1), encoding="utf-8")


def _break_data(project: Path) -> None:
    path = project / "plan_data/2569/indicators/05.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("score:", "score: [", 1), encoding="utf-8")


def _break_template(project: Path) -> None:
    (project / "hooks/theme/main.html").write_text(
        '{% extends "base.html" %}{% block content %}{{ page.no_such_thing.at_all }}{% endblock %}',
        encoding="utf-8")


BREAKAGES = {
    "bad plan data": lambda p: _break_data(p),
    "template error while pages are written": _break_template,
    "strict-mode warning after pages are written": lambda p: _add_hook(p, "late_warning_hook.py", LATE_WARNING_HOOK),
    "plugin crash after pages are written": lambda p: _add_hook(p, "crashing_hook.py", CRASHING_HOOK),
}


@pytest.mark.slow
@pytest.mark.parametrize("breakage", list(BREAKAGES))
def test_failed_build_leaves_the_last_good_site_byte_for_byte(project, breakage):
    assert mkdocs_build(project, "--strict").returncode == 0
    site = project / "site"
    before = snapshot(site)
    assert "2569/indicator-05/index.html" in before and "search/search_index.json" in before
    _change_score(project)  # a build that got far would write a visibly different site
    BREAKAGES[breakage](project)
    result = mkdocs_build(project, "--strict")
    assert result.returncode != 0, result.stderr
    assert snapshot(site) == before
    assert leftovers(site) == []


@pytest.mark.slow
def test_good_build_replaces_the_site_and_dirty_builds_still_work(project):
    assert mkdocs_build(project, "--strict").returncode == 0
    site = project / "site"
    before = snapshot(site)
    _change_score(project)
    assert mkdocs_build(project, "--strict").returncode == 0
    after = snapshot(site)
    assert "๑๒.๓๔" in after["2569/indicator-04/index.html"].decode("utf-8")
    assert after.keys() == before.keys() and leftovers(site) == []
    (project / "docs" / "index.md").write_text((project / "docs" / "index.md").read_text(encoding="utf-8")
                                               + "\nบรรทัดใหม่\n", encoding="utf-8")
    assert mkdocs_build(project, "--dirty").returncode == 0
    dirty = snapshot(site)
    assert dirty.keys() == before.keys() and "บรรทัดใหม่" in dirty["index.html"].decode("utf-8")
    assert dirty["2569/indicator-04/index.html"] == after["2569/indicator-04/index.html"]
    assert leftovers(site) == []
