""""Edit this page" opens the page's real source: plan data YAML for generated pages, Markdown otherwise."""

from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest

from itaplan.site.page_source import edit_url, source_files, updated_html

REPO = "https://github.com/ORG/itaplan"


def _edit_link(html: str) -> str:
    match = re.search(r'<a href="([^"]+)"[^>]*rel="edit"', html)
    assert match, "page has no edit link"
    return match.group(1)


def test_indicator_page_edits_its_yaml(built_site):
    html = (built_site / "2569/indicator-01/index.html").read_text(encoding="utf-8")
    assert _edit_link(html) == f"{REPO}/edit/main/plan_data/2569/indicators/01.yml"


def test_the_pencil_says_it_is_for_staff(built_site):
    """A citizen who meets the pencil on an official page reads that it is for the agency's staff."""
    html = (built_site / "2569/indicator-01/index.html").read_text(encoding="utf-8")
    pencil = re.search(r'<a [^>]*rel="edit"[^>]*>', html).group(0)
    assert 'title="แก้ไขหน้านี้ (สำหรับเจ้าหน้าที่)"' in pencil


def test_year_index_edits_its_plan_file(built_site):
    html = (built_site / "2569/index.html").read_text(encoding="utf-8")
    assert _edit_link(html) == f"{REPO}/edit/main/plan_data/2569/plan.yml"


def test_hand_written_page_edits_its_markdown(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert _edit_link(html) == f"{REPO}/edit/main/docs/index.md"


def test_every_generated_page_links_to_an_existing_source(built_site):
    project = built_site.parent
    for page in sorted(built_site.glob("2569/**/index.html")):
        link = _edit_link(page.read_text(encoding="utf-8"))
        assert link.startswith(f"{REPO}/edit/main/")
        assert (project / link.removeprefix(f"{REPO}/edit/main/")).is_file(), link


@pytest.mark.parametrize("repo_url, edit_uri, docs_dir, expected", [
    (REPO, "edit/main/docs/", "docs", f"{REPO}/edit/main/plan_data/2569/indicators/01.yml"),
    (REPO + "/", "edit/main/docs", "docs", f"{REPO}/edit/main/plan_data/2569/indicators/01.yml"),
    # the project lives in a subfolder of its repository
    (REPO, "edit/main/site-src/docs/", "docs", f"{REPO}/edit/main/site-src/plan_data/2569/indicators/01.yml"),
    # edit_uri may be a full URL (GitLab, Gitea); repo_url is then not needed
    (None, "https://gitlab.example/g/p/-/edit/main/docs/", "docs",
     "https://gitlab.example/g/p/-/edit/main/plan_data/2569/indicators/01.yml"),
])
def test_edit_url_resolves_from_the_docs_folder(repo_url, edit_uri, docs_dir, expected):
    assert edit_url(repo_url, edit_uri, docs_dir, "plan_data/2569/indicators/01.yml") == expected


def test_no_edit_url_without_edit_uri():
    assert edit_url(REPO, "", "docs", "plan_data/agency.yml") is None
    assert edit_url(None, "edit/main/docs/", "docs", "plan_data/agency.yml") is None


def test_sources_of_generated_and_hand_written_pages():
    meta = {"itaplan_source": "plan_data/2569/plan.yml", "itaplan_depends": ["plan_data/2569/indicators/01.yml"]}
    assert source_files(meta, "2569/index.md", "docs") == ["plan_data/2569/plan.yml", "plan_data/2569/indicators/01.yml"]
    assert source_files({}, "about/contact.md", "docs") == ["docs/about/contact.md"]


def test_updated_label_uses_thai_time_and_the_digits_setting():
    late_evening_utc = datetime(2026, 11, 11, 20, 0, tzinfo=timezone.utc)  # 12 Nov, 03:00 in Thailand
    assert updated_html(late_evening_utc, "thai") == (
        'ปรับปรุงล่าสุด <time datetime="2026-11-12T03:00:00+07:00">๑๒ พ.ย. ๒๕๖๙</time>')
    assert updated_html(late_evening_utc, "arabic").endswith(">12 พ.ย. 2569</time>")
