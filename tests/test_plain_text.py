"""Plain text from staff (itaplan.plain_text): characters that break pages or mislead readers are refused with the
file, line and field, Thai first; invisible characters that change nothing are removed; names compare as readers
see them; a page whose front matter would not parse stops the build instead of showing its YAML."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from itaplan import plain_text
from itaplan.errors import PlanDataError, ThaiValueError
from itaplan.pages.render import check_front_matter
from itaplan.plan.loader import load_plan_data

THAI = re.compile("[\u0e00-\u0e7f]")


@pytest.mark.parametrize("char,kind", [
    ("\ufffe", "noncharacter"), ("\uffff", "noncharacter"), ("\ufdd0", "noncharacter"), ("\U0010ffff", "noncharacter"),
    ("\u202e", "ทิศทาง"), ("\u2066", "ทิศทาง"), ("\u200f", "ทิศทาง"), ("\u061c", "ทิศทาง"),
    ("\x07", "อักขระควบคุม"), ("\x1b", "อักขระควบคุม"), ("\r", "อักขระควบคุม"), ("\x85", "อักขระควบคุม"),
    ("\ud800", "surrogate"),
])
def test_refused_characters_are_named(char, kind):
    with pytest.raises(ThaiValueError) as caught:
        plain_text.check(f"กอง{char}คลัง")
    assert kind in caught.value.thai and f"U+{ord(char):04X}" in caught.value.english


def test_invisible_characters_that_change_nothing_are_removed_and_text_is_nfc():
    assert plain_text.check("เว็บ\u200bไซต์\u2060 \ufeffของ Cafe\u0301") == "เว็บไซต์ ของ Café"
    assert plain_text.check("ก\u2028ข") == "ก\nข"
    assert plain_text.check("👨\u200d👩\u200d👧 ❤\ufe0f") == "👨\u200d👩\u200d👧 ❤\ufe0f"  # emoji keep their joiners


def test_names_compare_as_readers_see_them():
    same = ["กองคลัง", "กอง\u200bคลัง", "กอง\u200dคลัง", "กองคลัง\u00ad", " กองคลัง  "]
    assert {plain_text.name_key(n) for n in same} == {"กองคลัง"}
    assert plain_text.name_key("กองช่าง") != plain_text.name_key("กองคลัง")


def test_xml_safe_replaces_what_xml_cannot_hold():
    assert plain_text.xml_safe("ก\ufffeข\x01ค\ud800ง\tจ") == "ก\ufffdข\ufffdค\ufffdง\tจ"


@settings(max_examples=500, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_any_text_is_refused_or_published_clean(value):
    try:
        cleaned = plain_text.check(value)
    except ThaiValueError as exc:
        assert THAI.search(exc.thai) and plain_text.REFUSED.search(value)
        return
    assert not plain_text.REFUSED.search(cleaned) and not plain_text.REMOVED.search(cleaned)
    assert unicodedata.is_normalized("NFC", cleaned)
    json.loads(json.dumps(cleaned, ensure_ascii=False))  # front matter, JSON and XML can carry it
    assert plain_text.xml_safe(cleaned) == cleaned


# --- through the loader: file, line, field, Thai first -------------------------------------------------

@pytest.mark.parametrize("file,old,new,line,field,thai", [
    ("agency.yml", "name: เทศบาลตำบลโคกพุทรา", 'name: "เทศบาลตำบลโคกพุทรา\\uFFFE"', 3, "name", "noncharacter"),
    ("2569/indicators/03.yml", "measure: กระบวนการ", 'measure: "\\u202Eexe.gpj" # กระบวนการ', None, "measure", "ทิศทาง"),
    ("2569/indicators/03.yml", "- สำนักปลัด", '- "สำนัก\\uFFFFปลัด"', None, "responsible[0]", "noncharacter"),
])
def test_refused_in_plan_data_with_file_line_and_field(data, file, old, new, line, field, thai):
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    expected = line or next(n for n, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if new in row)
    with pytest.raises(PlanDataError) as caught:
        load_plan_data(data)
    # (a quoted value's escapes and a ' #' are warned about too, as YAML shapes that change text)
    [problem] = [p for p in caught.value.problems if p.kind not in ("escape", "comment")]
    assert (problem.file, problem.line, problem.field) == (f"plan_data/{file}", expected, field)
    assert thai in problem.thai_text and ": มี" in problem.thai_text


def test_a_zero_width_space_from_word_does_not_stop_the_office(data):
    path = data / "2569/indicators/03.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("- สำนักปลัด", '- "สำนัก\\u200Bปลัด"', 1), encoding="utf-8")
    plans = load_plan_data(data)
    indicator = next(i for i in plans.years[0].indicators if i.number == 3)
    assert indicator.responsible[0] == "สำนักปลัด"


# --- the last wall: a generated page's front matter ------------------------------------------------------

def test_a_page_whose_front_matter_would_not_parse_stops_the_build():
    check_front_matter({"2569/index.md": '---\ndescription: "ก"\n---\n\n# ก\n', "about.md": "# no front matter\n"})
    with pytest.raises(PlanDataError) as caught:
        check_front_matter({"2569/indicator-03.md": '---\ndescription: "ก\ufffe"\n---\n\n# ก\n'})
    [problem] = caught.value.problems
    assert problem.kind == "front_matter" and "2569/indicator-03.md" in problem.file
    assert "front matter" in problem.thai_text and "#xfffe" in problem.message


def test_a_round_name_in_mkdocs_yml_follows_the_same_rules():
    from itaplan.plan.settings import settings_from

    rounds = [{"id": "6-months", "name": "รอบ\u200b ๖ เดือน", "cutoff": "03-31"}]
    assert settings_from({"rounds": rounds}).rounds[0].name == "รอบ ๖ เดือน"
    rounds[0]["name"] = "รอบ \u202e๖ เดือน"
    with pytest.raises(PlanDataError) as caught:
        settings_from({"rounds": rounds})
    assert any(p.field == "extra.itaplan.rounds[0].name" and "ทิศทาง" in p.thai_text for p in caught.value.problems)


def test_thousands_of_markdown_marks_in_one_value_are_refused():
    """MkDocs' Markdown copies the paragraph for each escape: 20,000 `[` in a measure took 1.4 s to render."""
    assert plain_text.check("ร้อยละ [๑] *ก* " * 90)
    with pytest.raises(ThaiValueError) as caught:
        plain_text.check("[" * (plain_text.MAX_MARKS + 1))
    assert "1,001" in caught.value.thai and "เกินกว่าที่ใช้ได้" in caught.value.thai
