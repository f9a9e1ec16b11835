"""MkDocs hook: Thai words in the site search (logic in itaplan.search).

After Material's search plugin has written search/search_index.json, every title and text in it
is cut into words (summary pages rank below the indicator pages they sum up; the change log's entries
leave the index, its page stays) and gets the tokens
of its synonym groups (synonyms.txt, <plan_data>/search_synonyms.txt); the cut text is cached under .cache/itaplan/ (keyed by content), so a build
of unchanged content never loads the Thai dictionary. The theme's main.html runs Material's search
worker behind assets/javascripts/workers/itaplan-search.js, which cuts queries typed without spaces.
"""

from __future__ import annotations

import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from itaplan.errors import PlanDataError
from itaplan.search import synonyms, words
from itaplan.search.cache import SegmentCache
from itaplan.search.index import rewrite_index_file
from itaplan.search.ranking import entries_indexed, search_boost
from itaplan.search.segment import ThaiSegmenter, engine_version

log = get_plugin_logger(__name__)
CACHE_FILE = Path(".cache", "itaplan", "search-words.json")
_segmenters: dict[str, ThaiSegmenter] = {}  # by fingerprint: `mkdocs serve` keeps the dictionary
_sections_out: set[str] = set()  # this build's pages (by URL) whose sections leave the index


def on_pre_build(config):
    _sections_out.clear()


def on_page_markdown(markdown, page, config, files):
    boost = search_boost(page.file.src_uri, page.is_homepage, page.meta)
    if boost is not None:
        page.meta["search"] = {**(page.meta.get("search") or {}), "boost": boost}
    if not entries_indexed(page.file.src_uri):
        _sections_out.add(page.url)
    return markdown


@event_priority(-100)  # after Material's search plugin has written the index
def on_post_build(config):
    index = Path(config.site_dir, "search", "search_index.json")
    if not index.is_file():
        return
    start = time.perf_counter()
    project = Path(config.config_file_path or "mkdocs.yml").resolve().parent
    plan_data = project / (config.extra.get("itaplan") or {}).get("plan_data", "plan_data")  # validated by itaplan_hook
    files = words.word_files(plan_data)
    synonym_files = synonyms.synonym_files(plan_data)
    try:
        groups = synonyms.load_synonyms(synonym_files)
    except PlanDataError as exc:
        raise PluginError(exc.report()) from None
    key = words.fingerprint(files + synonym_files, engine_version())
    segmenter = _segmenters.setdefault(key, ThaiSegmenter(files, groups.thai_words()))
    cache = SegmentCache(project / CACHE_FILE, key)
    size = rewrite_index_file(index, segmenter, cache, groups, frozenset(_sections_out))
    log.info("itaplan: search index %d KB, %d text(s) cut into words, %d from cache, in %d ms",
             size // 1024, cache.misses, cache.hits, (time.perf_counter() - start) * 1000)
