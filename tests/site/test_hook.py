"""The MkDocs hook: bad plan data stops the build cleanly and leaves the last good site in place."""

import hashlib
from pathlib import Path

import pytest

from conftest import mkdocs_build
from itaplan.vocabulary import place


def snapshot(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


BAD_EDITS = {
    "yaml syntax": ("name: การปฏิบัติหน้าที่", "name: [การปฏิบัติหน้าที่", None, "not valid YAML"),
    "wrong type": ("score: 100", "score: เต็ม", "score", "expected a number such as 99.79"),
    "score out of range": ("score: 100", "score: 100.5", "score", "expected at most 100"),
    "unknown key": ("measure:", "mesure:", "mesure", "is not a known field"),
    "impossible date": ("end: 2026-09-30", "end: 2026-09-31", "period.end", "not a real date"),
    "end before start": ("end: 2026-09-30", "end: 2024-09-30", "period", "before start"),
    "number other than the file name": ("number: 1", "number: 2", "number", "change it to number: 1"),
}


@pytest.mark.parametrize("strict", [False, True], ids=["plain", "strict"])
@pytest.mark.parametrize("case", sorted(BAD_EDITS))
def test_bad_edit_stops_build_and_keeps_site(project, case, strict):
    flags = ["--strict"] if strict else []
    assert mkdocs_build(project, *flags).returncode == 0
    before = snapshot(project / "site")
    old, new, field, expected = BAD_EDITS[case]
    path = project / "plan_data/2569/indicators/01.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")

    result = mkdocs_build(project, *flags)

    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    assert "plan_data/2569/indicators/0" in result.stderr and expected in result.stderr
    if field:  # named as staff read it: a Thai label, the YAML key beside it
        assert place(field, "plan_data/2569/indicators/01.yml").thai in result.stderr
    assert snapshot(project / "site") == before


def test_missing_indicator_file_is_reported(project):
    (project / "plan_data/2569/indicators/03.yml").unlink()
    result = mkdocs_build(project)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "plan_data/2569/indicators: ยังไม่มีไฟล์ของตัวชี้วัดที่ 3" in result.stderr
    assert "missing indicator(s) 3" in result.stderr


def test_bad_site_setting_names_mkdocs_yml(project):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("digits: thai", "digits: roman"), encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "mkdocs.yml: ช่อง extra.itaplan.digits" in result.stderr and "thai หรือ arabic" in result.stderr
    assert "field extra.itaplan.digits: expected one of thai or arabic" in result.stderr


def test_hand_written_page_cannot_shadow_a_generated_one(project):
    (project / "docs/2569").mkdir()
    (project / "docs/2569/indicator-01.md").write_text("# stale copy\n", encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode != 0 and "docs/2569/indicator-01.md exists" in result.stderr


def test_hook_adapter_stays_thin():
    hook = Path(__file__).resolve().parents[2] / "hooks" / "itaplan_hook.py"
    assert len(hook.read_text(encoding="utf-8").splitlines()) < 100
