"""Material's search index, rewritten so the browser's search splits Thai text into words."""

from __future__ import annotations

import json
import re

from itaplan.search.cache import SegmentCache
from itaplan.search.index import LANG, SEPARATOR, rewrite_index, rewrite_index_file
from itaplan.search.segment import ThaiSegmenter
from itaplan.search import words

MATERIAL_INDEX = {
    "config": {"lang": ["th"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"],
               "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
    "docs": [
        {"location": "2569/indicator-03/", "title": "ตัวชี้วัดที่ ๓ การใช้อำนาจ",
         "text": "<p>มีการให้หรือรับสินบนเพื่อแลกกับการบรรจุ (E-service) ตามนโยบาย No Gift Policy</p>"},
        {"location": "2569/indicator-03/#steps", "title": "ขั้นตอน", "text": "", "boost": 0.3},
    ],
}


def tokens(text: str) -> list[str]:
    """What lunr.js gets from the text: Material strips tags, then splits at the separator."""
    return [t.lower() for t in re.split(SEPARATOR, re.sub(r"<[^>]*>", " ", text)) if t]


def rewrite(tmp_path):
    segmenter = ThaiSegmenter(words.word_files(tmp_path))
    return rewrite_index(MATERIAL_INDEX, segmenter, SegmentCache(tmp_path / "c.json", "fp"))


def test_thai_words_thai_digits_and_latin_words_become_separate_tokens(tmp_path):
    doc = rewrite(tmp_path)["docs"][0]
    assert tokens(doc["title"]) == ["ตัวชี้วัด", "ที่", "๓", "การ", "ใช้", "อำนาจ"]
    assert tokens(doc["text"]) == ["มี", "การ", "ให้", "หรือ", "รับ", "สินบน", "เพื่อ", "แลก", "กับ", "การ",
                                   "บรรจุ", "e", "service", "ตาม", "นโยบาย", "no", "gift", "policy"]


def test_search_settings_load_no_thai_segmenter_in_the_browser(tmp_path):
    out = rewrite(tmp_path)
    assert out["config"]["lang"] == LANG == ["en"]  # "th" would make lunr load wordcut.js (677 KB)
    assert out["config"]["fields"] == MATERIAL_INDEX["config"]["fields"]
    assert out["docs"][1]["boost"] == 0.3 and out["docs"][1]["location"] == "2569/indicator-03/#steps"
    assert MATERIAL_INDEX["docs"][0]["text"].startswith("<p>มีการให้หรือรับสินบน")  # input left alone


def test_index_file_is_rewritten_as_utf8_and_smaller(tmp_path):
    path = tmp_path / "search_index.json"
    material = json.dumps(MATERIAL_INDEX)  # Material escapes every Thai letter as \\uXXXX
    path.write_text(material, encoding="utf-8")
    cache = SegmentCache(tmp_path / ".cache" / "search-words.json", "fp")
    size = rewrite_index_file(path, ThaiSegmenter(words.word_files(tmp_path)), cache)
    assert size == path.stat().st_size < len(material)
    assert "สินบน" in path.read_text(encoding="utf-8")
    assert (tmp_path / ".cache" / "search-words.json").is_file()


def test_a_repeat_build_of_unchanged_content_does_not_load_the_dictionary(tmp_path):
    material = json.dumps(MATERIAL_INDEX)
    cache_file = tmp_path / ".cache" / "search-words.json"
    outputs = []
    for build in range(2):  # each build is a new process: a new segmenter, the cache file on disk
        path = tmp_path / "search_index.json"
        path.write_text(material, encoding="utf-8")
        before = ThaiSegmenter.dictionary_loads
        rewrite_index_file(path, ThaiSegmenter(words.word_files(tmp_path)), SegmentCache(cache_file, "fp"))
        outputs.append((ThaiSegmenter.dictionary_loads - before, path.read_text(encoding="utf-8")))
    assert [loads for loads, _ in outputs] == [1, 0]
    assert outputs[0][1] == outputs[1][1]


def test_the_sections_of_pages_named_leave_the_index_and_the_page_stays(tmp_path):
    index = {**MATERIAL_INDEX, "docs": MATERIAL_INDEX["docs"] + [
        {"location": "2569/changes/", "title": "การเปลี่ยนแปลงข้อมูลแผน", "text": "<p>ทุกครั้งที่มีการแก้ไข</p>"},
        {"location": "2569/changes/#c-1", "title": "แก้ไข ตัวชี้วัดที่ ๓", "text": "<p>สินบน สินบน</p>"}]}
    segmenter = ThaiSegmenter(words.word_files(tmp_path))
    out = rewrite_index(index, segmenter, SegmentCache(tmp_path / "c.json", "fp"), sections_out=frozenset({"2569/changes/"}))
    assert [d["location"] for d in out["docs"]] == ["2569/indicator-03/", "2569/indicator-03/#steps", "2569/changes/"]
    kept = rewrite_index(index, segmenter, SegmentCache(tmp_path / "c.json", "fp"))
    assert len(kept["docs"]) == 4  # only the pages named lose their sections
