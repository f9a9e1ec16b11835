"""The search hook in real builds: the index is cut into words, and a repeat build uses the cache."""

from __future__ import annotations

import json
import re

import pytest

from conftest import mkdocs_build
from itaplan.search.index import SEPARATOR
from itaplan.search.ranking import SUMMARY_BOOST, entries_indexed, search_boost

pytestmark = pytest.mark.slow


def index_of(site):
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_built_index_holds_thai_words_and_summary_pages_rank_lower(built_site):
    index = index_of(built_site)
    assert index["config"]["lang"] == ["en"]
    docs = {d["location"]: d for d in index["docs"]}
    words = set(re.split(SEPARATOR, re.sub(r"<[^>]*>", " ", docs["2569/indicator-03/#analysis"]["text"])))
    assert {"สินบน", "บรรจุ", "แต่งตั้ง", "โยกย้าย"} <= words
    assert docs[""]["boost"] == docs["2569/"]["boost"] == SUMMARY_BOOST
    assert "boost" not in docs["2569/indicator-03/"]


def test_repeat_build_takes_every_text_from_the_cache(project):
    first = mkdocs_build(project)
    assert first.returncode == 0, first.stderr
    assert re.search(r"search index \d+ KB, [1-9]\d* text\(s\) cut into words, 0 from cache, in \d+ ms", first.stderr)
    assert (project / ".cache" / "itaplan" / "search-words.json").is_file()
    second = mkdocs_build(project)
    assert re.search(r"search index \d+ KB, 0 text\(s\) cut into words, [1-9]\d* from cache", second.stderr)
    page = project / "plan_data" / "2569" / "indicators" / "03.yml"
    page.write_text(page.read_text(encoding="utf-8").replace("โยกย้าย", "ย้ายงาน"), encoding="utf-8")
    third = mkdocs_build(project)
    cut = int(re.search(r"(\d+) text\(s\) cut into words", third.stderr).group(1))
    assert 1 <= cut <= 3  # only the changed section (and the year summary quoting it, if any)


def test_a_page_that_sets_its_own_boost_keeps_it():
    assert search_boost("index.md", True, {}) == SUMMARY_BOOST
    assert search_boost("2570/index.md", False, {}) == SUMMARY_BOOST
    assert search_boost("2569/indicator-01.md", False, {}) is None
    assert search_boost("index.md", True, {"search": {"boost": 2}}) is None


def test_pages_that_gather_the_indicators_rank_below_the_indicator_pages():
    """Reports, units, history and trends repeat the indicators' measures and steps: a topic word
    should lead to the indicator page itself, which holds its progress too."""
    for page in ("2569/report-6-months.md", "2569/report-12-months-print.md", "2569/units/index.md",
                 "2569/units/samnakplat.md", "2569/changes.md", "trends.md"):
        assert search_boost(page, False, {}) == SUMMARY_BOOST, page
    for page in ("2569/indicator-10.md", "notices/report-6-months.md", "2569/evidence/units.md"):
        assert search_boost(page, False, {}) is None, page


def test_only_the_change_log_keeps_its_entries_out_of_the_index():
    assert not entries_indexed("2569/changes.md") and not entries_indexed("2570/changes.md")
    for page in ("2569/indicator-04.md", "2569/units/kongkhlang.md", "2569/report-6-months.md", "index.md",
                 "notices/changes.md"):
        assert entries_indexed(page), page


def test_the_pager_between_indicators_is_not_indexed(built_site):
    # "ถัดไป: ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต" on page 9 would make page 9 a result for page 10's words
    docs = {d["location"]: d for d in index_of(built_site)["docs"]}
    assert "ถัดไป" not in docs["2569/indicator-09/#steps"]["text"].replace("\u200b", "")
    assert 'class="itaplan-pager"' in (built_site / "2569" / "indicator-09" / "index.html").read_text()


def test_the_agency_synonym_file_reaches_the_built_index(project):
    (project / "plan_data" / "search_synonyms.txt").write_text("ฝ่ายการเงิน, กองคลัง\n", encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    index = index_of(project / "site")
    assert ["ฝ่ายการเงิน", "ฝ่ายการเงิน", "กองคลัง"] in index["config"]["itaplan"]["synonyms"]
    holders = [d["location"] for d in index["docs"] if "ฝ่ายการเงิน" in d.get("synonyms", "")]
    assert "2569/indicator-04/" in holders
    assert index["config"]["fields"]["synonyms"] == {"boost": 1.0}


def test_a_broken_synonym_file_stops_the_build_in_thai(project):
    (project / "plan_data" / "search_synonyms.txt").write_text("# ok\nFacebook\n", encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode != 0
    assert "search_synonyms.txt:2:" in result.stderr and "มีคำเดียว" in result.stderr
    assert "Traceback" not in result.stderr
