"""`itaplan links`: the year's documents with a Thai title and the absolute address, for the assessor's form. Every
address is a page or file of the built site (here published in a folder of another site); OIT codes come only
from a list passed in — tests/fixtures/oit_items_made_up.yml, made up for the test, not the NACC's items."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import ROOT, itaplan, mkdocs_build
from progress_fixture import fixture_project

SITE = "https://www.example.go.th/ita/"
MADE_UP = ROOT / "tests" / "fixtures" / "oit_items_made_up.yml"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = fixture_project(tmp_path_factory.mktemp("links") / "project")
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^site_url: .*$", f"site_url: {SITE}", config.read_text(encoding="utf-8")),
                      encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def rows(project) -> list[list[str]]:
    result = itaplan(project, "links", "--year", "2569", "--oit-items", str(MADE_UP))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "รหัสข้อ OIT\tเอกสาร\tที่อยู่ (URL)"
    return [line.split("\t") for line in lines[1:]]


def test_every_document_of_the_year_is_listed_with_a_thai_title(rows):
    titles = [title for _, title, _ in rows]
    assert titles[0] == "ผลการวิเคราะห์ผลการประเมิน ITA ๒๕๖๘ และมาตรการปีงบประมาณ ๒๕๖๙ (หน้าสรุป)"
    assert sum(t.startswith("ตัวชี้วัดที่ ") for t in titles) == 10
    assert any(t.endswith("(ฉบับพิมพ์ ตาราง ๖ ช่อง)") for t in titles)
    assert any("ฉบับลงนาม (PDF)" in t and t.startswith("ผลการวิเคราะห์") for t in titles)  # the signed plan
    for round_name in ("รอบ ๖ เดือน", "รอบ ๑๒ เดือน"):
        mine = [t for t in titles if round_name in t]
        assert any(t.endswith(")") and "ข้อมูล ณ วันที่" in t for t in mine)
        assert any(t.endswith("ฉบับพิมพ์") for t in mine)
    assert any("รอบ ๖ เดือน" in t and "ฉบับลงนาม (PDF)" in t for t in titles)  # only the 6-month report is signed
    assert sum(t.startswith("ข้อมูลเปิด") for t in titles) == 5


def test_every_address_is_a_page_or_file_of_the_built_site(project, rows):
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    for _, title, url in rows:
        assert url.startswith(SITE), url
        parts = urlsplit(url)
        target = site / unquote(parts.path[len(urlsplit(SITE).path):])
        if parts.path.endswith("/"):
            target = target / "index.html"
        assert target.is_file(), (title, url)
        if parts.fragment:
            assert f'id="{parts.fragment}"' in target.read_text(encoding="utf-8"), url


def test_oit_codes_come_from_the_list_passed_in(rows):
    codes = {title: code for code, title, _ in rows}
    summary = next(t for t in codes if t.endswith("(หน้าสรุป)"))
    assert codes[summary] == "o91, o94"  # analysis, and the made-up item that also names it
    six = [t for t in codes if "รอบ ๖ เดือน" in t]
    twelve = [t for t in codes if "รอบ ๑๒ เดือน" in t]
    assert {codes[t] for t in six} == {"o92, o93"} and {codes[t] for t in twelve} == {"o93"}
    assert {codes[t] for t in codes if t.startswith("ข้อมูลเปิด")} == {"o94"}


def test_without_a_list_the_code_column_is_empty_and_markdown_is_a_table(project):
    result = itaplan(project, "links", "--format", "md")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "| รหัสข้อ OIT | เอกสาร | ที่อยู่ (URL) |"
    assert all(line.startswith("| — | ") for line in lines[2:])
    assert f"<{SITE}2569/indicator-01/>" in result.stdout
    assert "oit_items" in result.stderr and "ช่องรหัสข้อจึงว่าง" in result.stderr


def test_oit_codes_come_from_the_years_framework_by_default(project, tmp_path):
    """The agency's own framework file for 2568 (here itaplan's, with the made-up items laid in) maps the codes."""
    import shutil

    copy = tmp_path / "project"
    shutil.copytree(project, copy, ignore=shutil.ignore_patterns("site", ".cache"))
    shipped = (ROOT / "hooks" / "itaplan" / "framework" / "shipped" / "2568.yml").read_text(encoding="utf-8")
    items = MADE_UP.read_text(encoding="utf-8").split("oit_items:", 1)[1]
    (copy / "plan_data" / "frameworks").mkdir(exist_ok=True)
    (copy / "plan_data" / "frameworks" / "2568.yml").write_text(
        "# MADE UP for this test: itaplan's 2568 framework with made-up OIT items (not the NACC's).\n"
        + "\n".join(line for line in shipped.splitlines() if not line.startswith("#")) + "\noit_items:" + items,
        encoding="utf-8")
    result = itaplan(copy, "links", "--year", "2569")
    assert result.returncode == 0, result.stderr
    codes = {title: code for code, title, _ in (line.split("\t") for line in result.stdout.splitlines()[1:])}
    assert codes[next(t for t in codes if t.endswith("(หน้าสรุป)"))] == "o91, o94"
    assert "ช่องรหัสข้อจึงว่าง" not in result.stderr


def test_an_unknown_year_and_a_bad_list_are_refused_in_thai(project, tmp_path):
    result = itaplan(project, "links", "--year", "2570")
    assert result.returncode == 2 and "ไม่มีปีงบประมาณ 2570" in result.stderr
    bad = tmp_path / "items.yml"
    bad.write_text("oit_items:\n  - code: 36\n    name: x\n    documents: [everything]\n", encoding="utf-8")
    result = itaplan(project, "links", "--oit-items", str(bad))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{bad}:2" in result.stderr and "oit_items" in result.stderr
