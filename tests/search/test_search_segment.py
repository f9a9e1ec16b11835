"""Cutting Thai text into words for the search index."""

from __future__ import annotations

import pytest

from itaplan.search import words
from itaplan.search.segment import ZWSP, ThaiSegmenter

ROOT_PLAN_DATA = None  # built-in words only, unless a test gives a folder


@pytest.fixture(scope="module")
def segmenter() -> ThaiSegmenter:
    return ThaiSegmenter(words.word_files(ROOT_PLAN_DATA))


def cut(segmenter: ThaiSegmenter, text: str) -> list[str]:
    return segmenter.text(text).replace(" ", ZWSP).split(ZWSP)


def test_plan_terms_come_out_as_words(segmenter):
    assert cut(segmenter, "การใช้งบประมาณและจัดซื้อจัดจ้าง") == ["การ", "ใช้", "งบประมาณ", "และ", "จัดซื้อจัดจ้าง"]
    assert cut(segmenter, "ตัวชี้วัดที่") == ["ตัวชี้วัด", "ที่"]


def test_a_plan_term_is_never_hidden_inside_a_dictionary_compound(segmenter):
    # the dictionary knows รับสินบน and ปีงบประมาณ as single words: search could not find สินบน
    assert "สินบน" in cut(segmenter, "มีการให้หรือรับสินบนเพื่อแลก")
    assert "งบประมาณ" in cut(segmenter, "ในปีงบประมาณถัดไป")
    assert "ทุจริต" in cut(segmenter, "สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ")


def test_nominalised_words_are_cut_after_การ_and_ความ(segmenter):
    assert cut(segmenter, "การประเมิน") == ["การ", "ประเมิน"]
    assert cut(segmenter, "ความโปร่งใส") == ["ความ", "โปร่งใส"]
    assert cut(segmenter, "แนวทางการปฏิบัติงาน") == ["แนวทาง", "การ", "ปฏิบัติงาน"]


def test_latin_numbers_and_abbreviations_are_left_whole(segmenter):
    out = segmenter.text("ช่องทาง Facebook , line (E-service) ป.ป.ช. ๙๙.๖๙ คะแนน")
    assert "Facebook , line (E-service)" in out
    assert "ป.ป.ช." in out and "๙๙.๖๙" in out
    assert out.replace(ZWSP, "") == "ช่องทาง Facebook , line (E-service) ป.ป.ช. ๙๙.๖๙ คะแนน"


def test_thai_touching_latin_is_parted_from_it(segmenter):
    assert segmenter.text("Facebookแล้ว") == f"Facebook{ZWSP}แล้ว"
    assert segmenter.text("i๑") == f"i{ZWSP}๑"


def test_html_tags_and_attributes_are_kept_as_they_are(segmenter):
    html = '<p>ข้อคำถาม <code title="ไม่ตัดคำ">i1</code></p>'
    out = segmenter.html(html)
    assert out.startswith("<p>") and f'<code title="ไม่ตัดคำ">i{ZWSP}1</code></p>' in out
    assert out.replace(ZWSP, "") == html


def test_a_latin_letter_is_parted_from_a_digit_so_thai_digits_find_it(segmenter):
    # "(i15)" in a question's label: the query "i๑๕" becomes "i ๑๕ 15" in the browser
    assert segmenter.text("(i15) COVID19") == f"(i{ZWSP}15) COVID{ZWSP}19"
    assert segmenter.html("<p>it&#x27;s &#8211; ข้อ</p>") == "<p>it&#x27;s &#8211; ข้อ</p>"  # references whole


def test_the_dictionary_loads_on_first_use_only(tmp_path):
    before = ThaiSegmenter.dictionary_loads
    fresh = ThaiSegmenter(words.word_files(tmp_path))
    assert ThaiSegmenter.dictionary_loads == before
    fresh.text("ทุจริต")
    fresh.text("สินบน")
    assert ThaiSegmenter.dictionary_loads == before + 1


def test_site_words_are_used(tmp_path):
    plain = ThaiSegmenter(words.word_files(tmp_path))
    assert "บ้านหนองกระทุ่มล่าง" not in cut(plain, "โครงการบ้านหนองกระทุ่มล่าง")
    (tmp_path / "search_words.txt").write_text("บ้านหนองกระทุ่มล่าง\n", encoding="utf-8")
    custom = ThaiSegmenter(words.word_files(tmp_path))
    assert cut(custom, "โครงการบ้านหนองกระทุ่มล่าง") == ["โครงการ", "บ้านหนองกระทุ่มล่าง"]
