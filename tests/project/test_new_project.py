"""`itaplan new DIR --from TABLE`: a complete, buildable project for another agency, with no trace of the first."""

from __future__ import annotations

import os
import sys

import pytest
import yaml

from agency_project import DOCX, FRAMEWORK, TXT, itaplan_new, rows, run_in, second_project, traces  # noqa: F401
from browser import missing
from conftest import ROOT
from htmlutil import content_text

AGENCY = "องค์การบริหารส่วนตำบลหนองตัวอย่าง"


def test_the_project_has_the_agencys_names_everywhere_it_names_one(second_project):
    config = yaml.load((second_project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert config["site_name"] == f"ITA {AGENCY}"
    assert config["site_author"] == AGENCY
    assert config["copyright"] == f"{AGENCY} อำเภอเมืองตัวอย่าง จังหวัดตัวอย่าง"
    assert AGENCY in config["site_description"]
    agency = yaml.safe_load((second_project / "plan_data/agency.yml").read_text(encoding="utf-8"))
    assert agency == {"name": AGENCY, "district": "เมืองตัวอย่าง", "province": "ตัวอย่าง"}
    readme = (second_project / "README.md").read_text(encoding="utf-8")
    assert AGENCY in readme
    assert ".venv/bin/pip install -r requirements.txt && .venv/bin/mkdocs build" in readme
    assert "bash .ci/setup && .venv/bin/python -m pytest" in readme
    assert "http://127.0.0.1:8000/itaplan/" in readme  # where `mkdocs serve` really serves it


def test_the_project_carries_this_repositorys_machinery_as_it_is_now(second_project):
    """Workflows, .ci, requirements and the hook code are copied at run time, not from a frozen copy."""
    copied = [p.relative_to(ROOT) for p in (ROOT / ".github/workflows").glob("*.yml")]
    copied += [p.relative_to(ROOT) for p in (ROOT / ".ci").iterdir() if p.is_file()]
    copied += [p.relative_to(ROOT) for p in ROOT.glob("requirements*.txt")]
    copied += [p.relative_to(ROOT) for p in (ROOT / "hooks").rglob("*.py") if "__pycache__" not in p.parts]
    copied += [p.relative_to(ROOT) for p in (ROOT / "docs/assets/fonts").rglob("*") if p.is_file()]
    assert len(copied) > 20
    for rel in [*copied, "pyproject.toml", "CONTRIBUTING.md", "docs/assets/itaplan.css"]:
        assert (second_project / rel).read_bytes() == (ROOT / rel).read_bytes(), rel
    assert not list(second_project.rglob("*.egg-info")) and not list(second_project.rglob("node_modules"))


def test_the_site_publishes_the_whole_plan_with_its_scores(second_project):
    site = second_project / "site"
    home = content_text(site / "index.html")
    assert AGENCY in home and "2570" not in home.replace("๒๕๗๐", "")  # years in Thai digits, as configured
    for number, name, measure, analysis, steps, _period, _dates, _units in rows().ROWS:
        text = content_text(site / "2570" / f"indicator-{number:02d}" / "index.html")
        assert f"ตัวชี้วัดที่ {'๐๑๒๓๔๕๖๗๘๙'[number] if number < 10 else '๑๐'} {name}" in text
        assert measure in text and analysis in text  # the office's text, whole
        score = f"{rows().score_of((number, name, measure, analysis)):.2f}"
        assert score.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")) + " คะแนน" in text
        for step in steps[1:]:
            assert step in text
    summary = content_text(site / "2570" / "index.html")
    assert "๘๗.๔๕" in summary and "๗๐.๐๐" in summary


def test_the_framework_given_with_the_table_is_the_projects_own(second_project):
    assert (second_project / "plan_data/frameworks/2569.yml").read_bytes() == FRAMEWORK.read_bytes()
    home = content_text(second_project / "site" / "index.html")
    assert "ITA ๒๕๖๙ มีตัวชี้วัด ๑๐ ตัว แบ่งตามวิธีเก็บข้อมูลเป็น ๓ กลุ่ม" in home  # from plan_data/frameworks/2569.yml
    index = (second_project / "docs" / "index.md").read_text(encoding="utf-8")
    assert "<!-- itaplan:framework -->" in index and "๑๐ ตัว" not in index


def test_a_table_of_a_year_without_a_framework_writes_nothing_and_says_how(tmp_path):
    dest = tmp_path / "out"
    result = itaplan_new(dest, framework=None)
    assert result.returncode == 1 and not dest.exists()
    assert "ยังไม่มีกรอบการประเมิน ITA ของปี 2569" in result.stderr and "--framework" in result.stderr
    assert "Traceback" not in result.stderr


def test_no_trace_of_the_first_customer_anywhere(second_project):
    assert traces(second_project) == []


def test_the_same_project_from_the_docx(tmp_path):
    dest = tmp_path / "from-docx"
    result = itaplan_new(dest, table=DOCX)
    assert result.returncode == 0, result.stderr
    assert "generic picture" in result.stdout
    assert traces(dest) == []
    assert yaml.safe_load((dest / "plan_data/agency.yml").read_text(encoding="utf-8"))["name"] == AGENCY


def test_the_projects_own_tests_pass(second_project):
    result = run_in(second_project, "pytest", "-q", "-p", "no:cacheprovider", "-m", "not browser", "tests",
                    timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "4 passed" in result.stdout


def test_the_projects_own_tests_notice_a_missing_indicator_page(second_project, tmp_path):
    """The generated test suite can fail: a plan data file without its page is caught."""
    import shutil
    copy = tmp_path / "copy"
    shutil.copytree(second_project, copy, ignore=shutil.ignore_patterns("site", ".cache"))
    config = copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - hooks/itaplan_hook.py\n", ""),
                      encoding="utf-8")
    result = run_in(copy, "pytest", "-q", "-p", "no:cacheprovider", "tests", "-k", "every_indicator")
    assert result.returncode == 1


def test_flags_override_the_table_and_fill_the_addresses(tmp_path):
    dest = tmp_path / "flags"
    table = tmp_path / "table.txt"  # the made-up table, its first measure naming the district split by a wrap
    measure = "โครงการทบทวนขั้นตอนการให้บริการประชาชน ณ จุดบริการเบ็ดเสร็จ"
    table.write_text(TXT.read_text(encoding="utf-8").replace(measure, measure + " อำเภอท่า สมมุติ", 1), encoding="utf-8")
    result = itaplan_new(dest, "--name", "เทศบาลตำบลบ้านสมมุติ", "--district", "ท่าสมมุติ", "--province", "สมมุติ",
                         "--site-url", "https://ita.example-agency.go.th/", "--repo-url",
                         "https://github.com/example-agency/ita", table=table)
    assert result.returncode == 0, result.stderr
    assert "“ท่า สมมุติ” → “ท่าสมมุติ”" in result.stdout  # --district names it: mended and listed
    assert f"measure: {measure} อำเภอท่าสมมุติ\n" in \
        (dest / "plan_data/2570/indicators/01.yml").read_text(encoding="utf-8")
    config = yaml.load((dest / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert config["copyright"] == "เทศบาลตำบลบ้านสมมุติ อำเภอท่าสมมุติ จังหวัดสมมุติ"
    assert config["site_url"] == "https://ita.example-agency.go.th/"
    assert config["repo_url"] == "https://github.com/example-agency/ita"
    assert "site_url" not in result.stdout and "repo_url" not in result.stdout  # no longer placeholders
    assert "extra.itaplan.contact.phone" in result.stdout  # still to fill in
    assert "**http://127.0.0.1:8000/**" in (dest / "README.md").read_text(encoding="utf-8")  # served at the root


def test_refuses_a_non_empty_folder_and_forces_only_over_an_earlier_project(tmp_path):
    dest = tmp_path / "taken"
    dest.mkdir()
    (dest / "notes.txt").write_text("keep me", encoding="utf-8")
    result = itaplan_new(dest)
    assert result.returncode == 1
    assert "taken" in result.stderr and "--force" in result.stderr and "Traceback" not in result.stderr
    assert [p.name for p in dest.iterdir()] == ["notes.txt"]
    refused = itaplan_new(dest, "--force")  # not a project: --force does not delete someone's folder
    assert refused.returncode == 1 and "itaplan update" in refused.stderr
    assert [p.name for p in dest.iterdir()] == ["notes.txt"]
    assert itaplan_new(tmp_path / "first").returncode == 0  # an earlier `itaplan new` may be replaced
    forced = itaplan_new(tmp_path / "first", "--force")
    assert forced.returncode == 0, forced.stderr
    (tmp_path / "first" / ".git").mkdir()  # ... but never a Git repository's history
    assert itaplan_new(tmp_path / "first", "--force").returncode == 1 and (tmp_path / "first" / ".git").is_dir()


def test_a_bad_table_writes_nothing(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text(TXT.read_text(encoding="utf-8-sig").replace("ตัวชี้วัดที่ 4 ", "ตัวชี้วัดที่ 1 "), encoding="utf-8")
    dest = tmp_path / "out"
    result = itaplan_new(dest, table=bad)
    assert result.returncode == 1
    assert "bad.txt" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt"]  # no DIR, no half-written temporary folder


def test_the_share_picture_is_redrawn_when_chromium_is_there(tmp_path):
    chromium = "/usr/bin/chromium"
    if not os.access(chromium, os.X_OK):
        missing("Chromium")
    try:
        import playwright  # noqa: F401
    except ImportError:
        missing("Playwright")
    dest = tmp_path / "drawn"
    result = itaplan_new(dest, chromium=chromium)
    assert result.returncode == 0, result.stderr
    assert "redrawn with the agency's name" in result.stdout
    picture = (dest / "docs/assets/images/itaplan-share.png").read_bytes()
    generic = (ROOT / "hooks/itaplan/project/templates/itaplan-share-generic.png").read_bytes()
    first = (ROOT / "docs/assets/images/itaplan-share.png").read_bytes()
    assert picture[:8] == b"\x89PNG\r\n\x1a\n" and picture not in (generic, first)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX paths")
def test_generic_picture_without_chromium_says_so(tmp_path):
    dest = tmp_path / "generic"
    result = itaplan_new(dest, chromium="/nonexistent/chromium")
    assert result.returncode == 0, result.stderr
    assert "generic picture" in result.stdout and "/nonexistent/chromium" in result.stdout
    generic = (ROOT / "hooks/itaplan/project/templates/itaplan-share-generic.png").read_bytes()
    assert (dest / "docs/assets/images/itaplan-share.png").read_bytes() == generic


def test_the_checkout_itself_is_never_a_target(tmp_path):
    from itaplan.project.layout import ProjectError
    from itaplan.project.new import check_target
    for target in (ROOT, ROOT.parent):
        with pytest.raises(ProjectError):
            check_target(target, True, ROOT)
    check_target(tmp_path / "new", False, ROOT)


def test_the_first_customers_names_are_what_new_guards_against(tmp_path):
    from itaplan.project.new import _source_agency_terms, find_traces
    terms = _source_agency_terms(ROOT)
    assert {"เทศบาลตำบลโคกพุทรา", "โคกพุทรา", "โพธิ์ทอง", "อ่างทอง"} <= set(terms)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/index.md").write_text("# หน้าแรก\n\nเทศบาลตำบลโคกพุทรา\n", encoding="utf-8")
    assert "docs/index.md:3: โคกพุทรา" in find_traces(tmp_path, terms)


def test_a_site_url_that_is_not_an_address_is_refused(tmp_path):
    result = itaplan_new(tmp_path / "out", "--site-url", "ita.example.go.th")
    assert result.returncode == 1
    assert "--site-url" in result.stderr and "https://" in result.stderr
    assert list(tmp_path.iterdir()) == []
