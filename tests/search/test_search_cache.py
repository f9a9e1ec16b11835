"""Cut text is remembered between builds, keyed by content and by the segmenter's fingerprint."""

from __future__ import annotations

from itaplan.search.cache import SegmentCache


def cut(text: str) -> str:
    return text.upper()


def test_second_build_takes_everything_from_the_cache(tmp_path):
    path = tmp_path / ".cache" / "itaplan" / "search-words.json"
    first = SegmentCache(path, "fp")
    assert first.get("abc", cut) == "ABC" and first.misses == 1
    first.save()
    second = SegmentCache(path, "fp")
    calls = []
    assert second.get("abc", lambda t: calls.append(t) or "x") == "ABC"
    assert calls == [] and second.misses == 0


def test_only_changed_text_is_cut_again_and_unused_entries_are_dropped(tmp_path):
    path = tmp_path / "cache.json"
    first = SegmentCache(path, "fp")
    first.get("old", cut), first.get("same", cut)
    first.save()
    second = SegmentCache(path, "fp")
    second.get("same", cut), second.get("new", cut)
    assert second.misses == 1
    second.save()
    third = SegmentCache(path, "fp")
    third.get("old", cut)
    assert third.misses == 1  # "old" was no longer used, so it was dropped


def test_a_new_fingerprint_or_a_broken_file_starts_afresh(tmp_path):
    path = tmp_path / "cache.json"
    first = SegmentCache(path, "fp-1")
    first.get("abc", cut)
    first.save()
    other = SegmentCache(path, "fp-2")
    other.get("abc", cut)
    assert other.misses == 1
    path.write_text("{not json", encoding="utf-8")
    broken = SegmentCache(path, "fp-1")
    assert broken.get("abc", cut) == "ABC" and broken.misses == 1


def test_save_writes_nothing_when_nothing_changed(tmp_path):
    path = tmp_path / "cache.json"
    first = SegmentCache(path, "fp")
    first.get("abc", cut)
    first.save()
    stamp = path.stat().st_mtime_ns
    again = SegmentCache(path, "fp")
    again.get("abc", cut)
    again.save()
    assert path.stat().st_mtime_ns == stamp


def test_entries_that_are_no_texts_are_not_counted(tmp_path):
    path = tmp_path / "c.json"
    first = SegmentCache(path, "fp")
    first.get("abc", str.upper)
    first.get("\0synonyms\0abc", str.upper, count=False)
    assert (first.misses, first.hits) == (1, 0)
    first.save()
    second = SegmentCache(path, "fp")
    assert second.get("\0synonyms\0abc", str.lower, count=False) == "\0SYNONYMS\0ABC"
    second.get("abc", str.lower)
    assert (second.misses, second.hits) == (0, 1)
