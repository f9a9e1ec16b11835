"""Progress pages in headless Chromium, built from the progress fixture: a report page, a unit page and
an indicator page with progress, at 360 px and at desktop width — axe WCAG 2.1 AA with no violation,
no sideways scrolling, tap targets of 44 px, the report printed to A4 landscape; screenshots to look at."""

from __future__ import annotations

import io
import unicodedata

import pytest

from browser import DESKTOP, PHONE, axe_violations, screenshot, serve, site_prefix
from conftest import mkdocs_build
from progress_fixture import fixture_project
from test_site_phone import SMALL_TARGETS

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PAGES = {"report": "2569/report-12-months/", "unit": "2569/units/samnakplat/",
         "indicator": "2569/indicator-01/", "report-6": "2569/report-6-months/", "units": "2569/units/"}


@pytest.fixture(scope="module")
def progress_url(tmp_path_factory):
    project = fixture_project(tmp_path_factory.mktemp("progress-browser") / "project")
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    with serve(project / "site", site_prefix(project / "mkdocs.yml")) as url:
        yield url


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("name", list(PAGES))
def test_progress_pages_pass_axe_and_fit_the_screen(chromium, progress_url, name, viewport):
    page = chromium.new_page(viewport=viewport)
    page.goto(progress_url + PAGES[name], wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
    small = page.evaluate(SMALL_TARGETS) if viewport is PHONE else []
    screenshot(page, f"progress-{name}-{'phone' if viewport is PHONE else 'desktop'}")
    violations = axe_violations(page)
    page.close()
    assert overflow <= 0, f"{PAGES[name]} is {overflow} px wider than the screen"
    assert not violations, "\n".join(violations)
    assert not small, f"tap targets under 44 px: {small}"


def test_report_rows_become_labelled_cards_on_a_phone(chromium, progress_url):
    page = chromium.new_page(viewport=PHONE)
    page.goto(progress_url + PAGES["report"], wait_until="networkidle")
    labels = page.evaluate("""() => [...document.querySelectorAll('.itaplan-cards tbody tr')].map(tr =>
        [...tr.cells].map(td => getComputedStyle(td, '::before').content))""")
    chart = page.evaluate("""() => { const chart = document.querySelector('.itaplan-progress-chart');
        const [title, desc] = chart.getAttribute('aria-labelledby').split(' ').map(id => document.getElementById(id));
        return {role: chart.getAttribute('role'), title: title.textContent, desc: desc.textContent,
                scripts: document.querySelectorAll('script:not([src])').length}; }""")
    page.close()
    assert len(labels) == 10
    assert labels[0] == ['"ตัวชี้วัด"', '"มาตรการ"', '"ขั้นตอนที่ดำเนินการแล้ว"', '"สถานะ"',
                         '"ผลการดำเนินการโดยสรุป"', '"หลักฐาน"']
    assert chart["role"] == "img" and "รอบ ๑๒ เดือน" in chart["title"]
    assert "ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่ ดำเนินการแล้ว ๓ จาก ๓ ขั้นตอน (ร้อยละ ๑๐๐)" in chart["desc"]


def test_photo_is_lazy_with_its_size_reserved(chromium, progress_url):
    page = chromium.new_page(viewport=PHONE)
    page.goto(progress_url + PAGES["indicator"], wait_until="networkidle")
    img = page.evaluate("""() => { const i = document.querySelector('figure.itaplan-photo img');
        return {loading: i.loading, decoding: i.decoding, alt: i.alt, w: i.getAttribute('width'),
                ratio: i.getBoundingClientRect().width / i.getBoundingClientRect().height,
                caption: i.closest('figure').querySelector('figcaption').textContent}; }""")
    page.close()
    assert img["loading"] == "lazy" and img["decoding"] == "async" and img["alt"]
    assert img["w"] == "800" or img["w"] == "1600"
    assert abs(img["ratio"] - (800 / 500 if img["w"] == "800" else 1600 / 1067)) < 0.02


def _skeleton(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if unicodedata.category(c) not in ("Mn", "Cc") and not c.isspace())


def test_report_prints_on_a4_landscape_in_the_official_columns(chromium, progress_url):
    from pypdf import PdfReader

    page = chromium.new_page()
    page.goto(progress_url + "2569/report-12-months-print/", wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    page.close()
    for pdf_page in pdf.pages:
        box = pdf_page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == (842, 595)
    text = _skeleton("".join(p.extract_text() for p in pdf.pages))
    for column in ("ตัวชี้วัด", "มาตรการ", "ขั้นตอน/สถานะ", "ผลการดำเนินการ", "ปัญหาอุปสรรค", "แนวทางแก้ไข",
                   "หลักฐาน"):
        assert _skeleton(column) in text
    assert _skeleton("ผู้รับผิดชอบย้ายไปหน่วยงานอื่น") in text  # an obstacle of indicator 4
    assert _skeleton("ค้นหา") not in text and _skeleton("แชร์หน้านี้") not in text
