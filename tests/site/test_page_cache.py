"""The page cache: a repeat build of unchanged plan data skips validation, and any change is seen."""

import hashlib
import subprocess
import sys
from pathlib import Path

from conftest import mkdocs_build, run


def snapshot(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file() and p.suffix != ".gz"}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_repeat_build_comes_from_the_cache_and_is_identical(project):
    first = mkdocs_build(project)
    assert first.returncode == 0 and "[cached]" not in first.stderr
    before = snapshot(project / "site")
    second = mkdocs_build(project)
    assert second.returncode == 0 and "(fiscal years 2569) [cached]" in second.stderr
    assert snapshot(project / "site") == before
    assert list((project / ".cache" / "itaplan").glob("pages-*.json"))


def test_an_edit_is_published_and_a_bad_edit_is_still_refused(project):
    assert mkdocs_build(project).returncode == 0
    indicator = project / "plan_data/2569/indicators/09.yml"
    _edit(indicator, "score: 90.0", "score: 91.25")
    result = mkdocs_build(project)
    assert result.returncode == 0 and "[cached]" not in result.stderr
    assert "๙๑.๒๕" in (project / "site/2569/indicator-09/index.html").read_text(encoding="utf-8")
    _edit(indicator, "score: 91.25", "score: 191.25")
    result = mkdocs_build(project)
    assert result.returncode != 0 and "field score" in result.stderr


def test_changed_settings_or_templates_are_not_served_from_the_cache(project):
    assert mkdocs_build(project).returncode == 0
    _edit(project / "mkdocs.yml", "digits: thai", "digits: arabic")
    result = mkdocs_build(project)
    assert "[cached]" not in result.stderr
    assert "99.79" in (project / "site/2569/indicator-06/index.html").read_text(encoding="utf-8")
    _edit(project / "hooks/itaplan/pages/templates/indicator.md.j2", "## ผลการวิเคราะห์", "## ผลการวิเคราะห์ผล")
    result = mkdocs_build(project)
    assert result.returncode == 0 and "[cached]" not in result.stderr
    assert "ผลการวิเคราะห์ผล" in (project / "site/2569/indicator-06/index.html").read_text(encoding="utf-8")


def test_cache_can_be_turned_off(project):
    assert mkdocs_build(project).returncode == 0
    result = run([sys.executable, "-m", "mkdocs", "build"], cwd=project, env_extra={"ITAPLAN_NO_CACHE": "1"})
    assert result.returncode == 0 and "[cached]" not in result.stderr


def test_a_cache_hit_does_not_import_the_validator(project):
    assert mkdocs_build(project).returncode == 0
    probe = ("import sys, yaml; from pathlib import Path; from itaplan.site.page_cache import cached_site; "
             "cfg = yaml.safe_load(open('mkdocs.yml', encoding='utf-8')); raw = cfg['extra']['itaplan']; "
             "site, hit = cached_site(Path('.').resolve(), raw, Path('.cache/itaplan'), cfg['site_url']); "
             "print(hit, 'pydantic' in sys.modules, len(site['pages']))")
    result = subprocess.run([sys.executable, "-c", probe], cwd=project, capture_output=True, text=True,
                            env={"PYTHONPATH": str(project / "hooks")})
    assert result.stdout.split() == ["True", "False", "21"], result.stderr
