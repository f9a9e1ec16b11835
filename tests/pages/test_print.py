"""The print view: the official six-column table of all ten indicators on A4 landscape, printed to
PDF by headless Chromium, without the site's header, menus, search or foot links."""

from __future__ import annotations

import io
import unicodedata

import pytest
from pypdf import PdfReader

from itaplan.pages import paths as pages
from itaplan.plan.loader import load_plan_data

from conftest import ROOT


def skeleton(text: str) -> str:
    """Text without spaces and combining marks: PDF text extraction drops Thai vowel and tone marks
    (or gives NUL for a mark drawn with a shifted glyph), so compare what is left."""
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if unicodedata.category(c) not in ("Mn", "Cc") and not c.isspace())


def test_print_page_is_part_of_each_year():
    year = load_plan_data(ROOT / "plan_data").latest
    assert pages.print_page(2569) == "2569/print.md"
    assert pages.year_pages(year)[-2:] == ["2569/print.md", "2569/changes.md"]


@pytest.fixture(scope="module")
def printed(chromium, site_url) -> PdfReader:
    page = chromium.new_page()
    page.goto(site_url + "2569/print/", wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    page.close()
    return PdfReader(io.BytesIO(pdf))


@pytest.mark.browser
@pytest.mark.slow
def test_every_printed_page_is_a4_landscape(printed):
    assert len(printed.pages) >= 2
    for pdf_page in printed.pages:
        box = pdf_page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == (842, 595)


@pytest.mark.browser
@pytest.mark.slow
def test_print_holds_title_agency_and_the_six_columns_for_all_ten_indicators(printed):
    plans = load_plan_data(ROOT / "plan_data")
    year = plans.latest
    text = skeleton("".join(p.extract_text() for p in printed.pages))
    for heading in ("มาตรการ หรือโครงการ หรือกิจกรรม", "ผลการวิเคราะห์", "ขั้นตอนหรือวิธีปฏิบัติการ",
                    "ช่วงระยะเวลาการดำเนินการ", "ผู้รับผิดชอบ"):
        assert skeleton(heading) in text
    assert skeleton(year.info.title) in text
    assert skeleton(f"ชื่อหน่วยงาน {plans.agency.name}") in text
    digits = "๐๑๒๓๔๕๖๗๘๙"
    for indicator in year.indicators:
        number = "".join(digits[int(d)] for d in str(indicator.number))
        assert skeleton(f"ตัวชี้วัดที่ {number} {indicator.name}") in text
        assert skeleton(indicator.measure) in text
        assert printed_whole(skeleton(indicator.steps[-1]), text), indicator.steps[-1]
        assert skeleton(indicator.responsible[0]) in text


def printed_whole(cell: str, text: str) -> bool:
    """Whether `cell` is in the printed text, whole or in two parts: a table row that does not fit on its page
    breaks (its other cells and the repeated heading row come between the two parts)."""
    return cell in text or any(cell[:k] in text and cell[k:] in text for k in range(8, len(cell) - 7))


@pytest.mark.browser
@pytest.mark.slow
def test_print_leaves_out_header_menus_search_and_foot_links(printed):
    text = skeleton("".join(p.extract_text() for p in printed.pages))
    for screen_only in ("ค้นหา", "ข้ามไปที่เนื้อหา", "ร้องเรียน แจ้งเบาะแส และแสดงความคิดเห็น", "แชร์หน้านี้",
                        "ฉบับพิมพ์: ผลการวิเคราะห์", "ปีงบประมาณ ๒๕๖๙ ตัวชี้วัดที่ ๑"):
        assert skeleton(screen_only) not in text
