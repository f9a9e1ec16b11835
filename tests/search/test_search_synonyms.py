"""Synonym groups: the built-in list, a site's own file, and the tokens the index gets."""

from __future__ import annotations

import json

import pytest

from itaplan.errors import PlanDataError
from itaplan.search import synonyms, words
from itaplan.search.cache import SegmentCache
from itaplan.search.index import rewrite_index
from itaplan.search.segment import ThaiSegmenter
from itaplan.search.synonyms import BUILTIN, load_synonyms, read_synonym_file, synonym_files


@pytest.fixture(scope="module")
def builtin():
    return load_synonyms([BUILTIN])


def group_of(groups, form):
    found = [g for g in groups.groups if tuple(form.split()) in g.forms]
    assert len(found) == 1, form
    return found[0]


def test_builtin_list_joins_the_spellings_citizens_type(builtin):
    expected = {
        "facebook": ["เฟซบุ๊ก", "เฟสบุ๊ค", "เฟซบุ๊ค", "เฟสบุ๊ก"],
        "ไลน์": ["line"],
        "eservice": ["อีเซอร์วิส", "e service", "บริการ ออนไลน์"],
        "เว็บไซต์": ["website", "เว็บไซด์"],
        "ita": ["ไอทีเอ"],
        "nogiftpolicy": ["no gift policy", "โนกิฟท์"],
        "youtube": ["ยูทูบ"],
        "อีเมล": ["e mail", "email", "อีเมล์"],
        "qrcode": ["qr code", "คิวอาร์โค้ด"],
        "ออนไลน์": ["online"],
    }
    for token, forms in expected.items():
        group = group_of(builtin, forms[0])
        assert group.token == token
        assert {" ".join(form) for form in group.forms} >= set(forms)


def test_no_form_belongs_to_two_groups(builtin):
    seen: dict[tuple, str] = {}
    for group in builtin.groups:
        for form in group.forms:
            assert seen.setdefault(form, group.token) == group.token, form


def test_a_form_is_found_as_whole_words_longest_first(builtin):
    tokens = synonyms.tokens
    assert builtin.hidden_tokens("ช่องทาง\u200bเฟสบุ๊ค และ Facebook") == ["facebook"]  # Facebook is its own token
    assert builtin.hidden_tokens("บริการ\u200bออนไลน์ (E-service)") == ["eservice", "eservice"]
    assert builtin.hidden_tokens("ช่องทาง\u200bออนไลน์") == []  # "ไลน์" (LINE) is not inside "ออนไลน์"
    assert builtin.hidden_tokens("ทาง on-line") == ["ออนไลน์"]  # not "line" of LINE
    assert builtin.hidden_tokens("<p>ผ่าน line และ\u200bไลน์\u200bกลุ่ม</p>") == ["ไลน์"]
    assert tokens("E-Service<br>QR code") == ["e", "service", "qr", "code"]


def test_site_file_extends_joins_and_removes(tmp_path):
    (tmp_path / "search_synonyms.txt").write_text(
        "# ours\nเฟซบุ้ค, Facebook   # joins the built-in group\nกองช่าง, กช.\n-เว็บไซด์\n", encoding="utf-8")
    groups = load_synonyms(synonym_files(tmp_path))
    facebook = group_of(groups, "เฟซบุ้ค")
    assert facebook.token == "facebook" and ("เฟซบุ๊ก",) in facebook.forms
    assert group_of(groups, "กองช่าง").forms == [("กองช่าง",), ("กช.",)]
    assert ("เว็บไซด์",) not in group_of(groups, "website").forms
    assert {"เฟซบุ้ค", "กองช่าง", "เฟสบุ๊ค"} <= groups.thai_words()


def test_a_group_that_shares_forms_with_two_groups_merges_them(tmp_path):
    path = tmp_path / "s.txt"
    path.write_text("a1, b1\nc1, d1\nb1, c1\n", encoding="utf-8")
    groups = load_synonyms([path])
    assert [g.forms for g in groups.groups] == [[("a", "1"), ("b", "1"), ("c", "1"), ("d", "1")]]


@pytest.mark.parametrize("line, says", [
    ("Facebook", "มีคำเดียว"),
    ("Facebook, , เฟซบุ๊ก", "ไม่ใช่คำ"),
    ("Facebook; เฟซบุ๊ก", "มีคำเดียว"),
    ("-", "ต้องมีคำที่จะเอาออก"),
])
def test_a_line_that_is_not_a_group_names_the_file_and_line_in_thai(tmp_path, line, says):
    path = tmp_path / "search_synonyms.txt"
    path.write_text(f"# comment\nITA, ไอทีเอ\n{line}\n", encoding="utf-8")
    with pytest.raises(PlanDataError) as caught:
        read_synonym_file(path)
    report = caught.value.report()
    assert f"{path}:3:" in report and says in report and "Traceback" not in report


def test_a_file_not_in_utf8_is_reported(tmp_path):
    path = tmp_path / "search_synonyms.txt"
    path.write_bytes("เฟซบุ๊ก, Facebook\n".encode("cp874"))
    with pytest.raises(PlanDataError, match="UTF-8"):
        read_synonym_file(path)


def test_thai_spellings_stay_whole_words_in_the_index(builtin):
    segmenter = ThaiSegmenter(words.word_files(None), builtin.thai_words())
    cut = segmenter.text("ช่องทางเฟสบุ๊คและอีเซอร์วิสของเว็บไซด์ ออนไลน์").replace(" ", "\u200b").split("\u200b")
    assert {"เฟสบุ๊ค", "อีเซอร์วิส", "เว็บไซด์", "ออนไลน์"} <= set(cut)


def test_index_gets_hidden_tokens_and_the_groups_for_the_browser(tmp_path, builtin):
    index = {"config": {"lang": ["th"], "separator": "[\\s]+",
                        "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
             "docs": [{"location": "a/", "title": "ช่องทาง", "text": "<p>ผ่านเฟสบุ๊คและ E-service</p>"},
                      {"location": "b/", "title": "เว็บไซด์", "text": "<p>Facebook</p>"},
                      {"location": "c/", "title": "อื่น", "text": "<p>ไม่มี</p>"}]}
    segmenter = ThaiSegmenter(words.word_files(tmp_path), builtin.thai_words())
    out = rewrite_index(index, segmenter, SegmentCache(tmp_path / "c.json", "fp"), builtin)
    docs = {d["location"]: d for d in out["docs"]}
    assert docs["a/"]["synonyms"] == "facebook eservice"
    assert docs["b/"]["synonyms"] == "เว็บไซต์"  # Facebook in b/ is its own token already
    assert "synonyms" not in docs["c/"]
    assert out["config"]["fields"]["synonyms"] == {"boost": 1.0}
    sent = out["config"]["itaplan"]["synonyms"]  # Material hands the worker only config and docs
    assert [group[0] for group in sent] == ["facebook", "เว็บไซต์", "eservice"]  # groups found only
    assert "เฟสบุ๊ค" in sent[0] and "e service" in sent[2]
    assert len(json.dumps(sent, ensure_ascii=False).encode()) < 1000


def test_a_spelling_that_holds_a_plan_term_is_cut_not_added_whole(tmp_path):
    (tmp_path / "search_words.txt").write_text("บริการ\n", encoding="utf-8")
    out = words.build_word_list({"บริการ", "ออนไลน์", "ไลน์"}, [tmp_path / "search_words.txt"],
                                extra={"บริการออนไลน์", "เฟสบุ๊ค"})
    assert "เฟสบุ๊ค" in out and "บริการออนไลน์" not in out and "ออนไลน์" in out


def test_a_site_group_written_without_spaces_still_finds_its_words(tmp_path):
    (tmp_path / "search_words.txt").write_text("โคกพุทรา\n", encoding="utf-8")
    (tmp_path / "search_synonyms.txt").write_text("เทศบาลตำบลโคกพุทรา, ทต.โคกพุทรา\n", encoding="utf-8")
    groups = load_synonyms(synonym_files(tmp_path))
    segmenter = ThaiSegmenter(words.word_files(tmp_path), groups.thai_words())
    resolved = groups.resolved(lambda word: segmenter.text(word).split("\u200b"))
    cut = tuple(segmenter.text("เทศบาลตำบลโคกพุทรา").split("\u200b"))
    assert cut[-1] == "โคกพุทรา" and cut in group_of(resolved, "ทต.โคกพุทรา").forms
    text = segmenter.text("ติดต่อเทศบาลตำบลโคกพุทรา หรือ ทต.โคกพุทรา")
    assert "โคกพุทรา" in text.replace(" ", "\u200b").split("\u200b")  # the place name is not hidden
    assert resolved.hidden_tokens(text) == ["เทศบาลตำบลโคกพุทรา", "เทศบาลตำบลโคกพุทรา"]
