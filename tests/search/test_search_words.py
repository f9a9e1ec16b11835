"""The word list: built-in plan terms, a site's own words, and the cache fingerprint."""

from __future__ import annotations

from itaplan.search import words


def test_word_file_adds_removes_and_ignores_comments(tmp_path):
    path = tmp_path / "search_words.txt"
    path.write_text("# comment\nโคกพุทรา  # the place\n\n-ทางการ\n", encoding="utf-8")
    assert words.read_word_file(path) == ({"โคกพุทรา"}, {"ทางการ"})
    assert words.read_word_file(tmp_path / "missing.txt") == (set(), set())


def test_builtin_words_hold_the_plan_terms():
    add, remove = words.read_word_file(words.BUILTIN)
    assert {"ตัวชี้วัด", "จัดซื้อจัดจ้าง", "สำนักปลัด", "กองคลัง", "สินบน", "ร้องเรียน"} <= add
    assert "ทางการ" in remove


def test_word_list_cuts_compounds_around_plan_terms(tmp_path):
    (tmp_path / "search_words.txt").write_text("สินบน\n-แมว\n", encoding="utf-8")
    dictionary = {"การ", "ประเมิน", "การประเมิน", "รับ", "รับสินบน", "แมว", "บ้าน"}
    out = words.build_word_list(dictionary, [tmp_path / "search_words.txt"])
    assert out == {"การ", "ประเมิน", "รับ", "สินบน", "บ้าน"}


def test_fingerprint_changes_with_the_word_files_and_the_library(tmp_path):
    path = tmp_path / "search_words.txt"
    files = words.word_files(tmp_path)
    first = words.fingerprint(files, "lib-1")
    assert words.fingerprint(files, "lib-1") == first
    path.write_text("โคกพุทรา\n", encoding="utf-8")
    assert words.fingerprint(files, "lib-1") != first
    assert words.fingerprint(files, "lib-2") != words.fingerprint(files, "lib-1")
