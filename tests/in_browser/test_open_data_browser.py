"""The open-data, trends and changes pages in headless Chromium, built from three synthetic years
with a Git history made here: axe finds nothing at phone and desktop width, nothing scrolls
sideways at 360 px, no request leaves the site, and the downloads are served as written."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from browser import DESKTOP, PHONE, axe_violations, screenshot, serve, site_prefix
from conftest import ROOT, copy_project, mkdocs_build

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PAGES = ["2569/", "2569/indicator-09/", "trends/", "2569/changes/", "2567/changes/", ""]


def _commit(project: Path, message: str, date: str) -> None:
    env = {"GIT_AUTHOR_NAME": "ทดสอบ", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "ทดสอบ",
           "GIT_COMMITTER_EMAIL": "t@example.invalid", "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
           "PATH": "/usr/bin:/bin", "HOME": str(project)}
    for args in (["add", "-A"], ["commit", "-qm", message]):
        subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def multi_year_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("open-data"))
    shutil.rmtree(project / "plan_data")
    shutil.copytree(ROOT / "tests" / "fixtures" / "multi_year_plan", project / "plan_data")
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=project, check=True)
    _commit(project, "แผนฉบับแรก (ข้อมูลทดสอบ)", "2025-11-01T09:00:00+07:00")
    ind9 = project / "plan_data" / "2569" / "indicators" / "09.yml"
    ind9.write_text(ind9.read_text(encoding="utf-8").replace("score: 90.0", "score: 91.5"), encoding="utf-8")
    _commit(project, "แก้คะแนนตัวชี้วัดที่ 9 (ข้อมูลทดสอบ)", "2025-12-05T10:30:00+07:00")
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_new_pages_have_no_axe_violation_and_no_sideways_scroll(chromium, multi_year_site, viewport):
    found, wide = {}, []
    with serve(multi_year_site, site_prefix()) as base:
        context = chromium.new_context(viewport=viewport)
        outside: list[str] = []
        context.on("request", lambda r: outside.append(r.url) if not r.url.startswith(base.split("/", 3)[0]
                                                                                        + "//" + base.split("/")[2])
                   and not r.url.startswith("data:") else None)
        page = context.new_page()
        for path in PAGES:
            page.goto(base + path, wait_until="networkidle")
            if violations := axe_violations(page):
                found[path or "/"] = violations
            if page.evaluate("document.documentElement.scrollWidth > innerWidth + 1"):
                wide.append(path)
            name = "od-" + (path.strip("/").replace("/", "-") or "home") + ("-phone" if viewport is PHONE else "-desktop")
            screenshot(page, name)
        context.close()
    assert not found, "\n".join(f"{p}: {v}" for p, vs in found.items() for v in vs)
    assert not wide, f"sideways scrolling at {viewport['width']} px: {wide}"
    assert not outside, outside


def test_downloads_are_served_and_the_feed_is_advertised(chromium, multi_year_site):
    with serve(multi_year_site, site_prefix()) as base:
        page = chromium.new_page(viewport=PHONE)
        page.goto(base + "2569/", wait_until="networkidle")
        links = page.eval_on_selector_all(".itaplan-open-data a[download]", "els => els.map(e => e.getAttribute('href'))")
        assert "data/indicators.csv" in links and "data/plan.json" in links
        feed = page.get_attribute('link[rel="alternate"][type="application/atom+xml"]', "href")
        assert feed and page.request.get(page.url.rsplit("/", 2)[0] + "/feed.xml").ok
        csv = page.request.get(base + "2569/data/indicators.csv").body()
        assert csv.startswith(b"\xef\xbb\xbf") and "การปฏิบัติหน้าที่".encode() in csv
        text = page.inner_text("article")
        assert "เพิ่มขึ้น +๒.๕๐" in text and "ลดลง" in text and "คงที่" in text
        page.close()
