"""Rewrite MkDocs Material's search index so its search finds Thai words.

Material's search (lunr.js in a web worker) splits text only at its `separator`. For Thai it would
load wordcut.js (677 KB) and still miss most words. Instead every title and text in the index is
cut into words here, words are marked with a zero-width space that the separator below splits on,
and the index's language is set to English so the browser loads no Thai segmenter at all (Thai
needs neither stemming nor lunr's Thai trimmer). Queries typed without spaces are cut in the
browser by itaplan-search.js, using the index's own words.

Pages named in `sections_out` (by their location: the change log, see itaplan.search.ranking) keep
only their own doc, their title and introduction; their sections leave the index.

Synonyms (itaplan.search.synonyms): a text holding a form of a group (เฟสบุ๊ค) gets the group's
token (facebook) in a field that is searched but never shown, and the groups found travel in the
index's config (`itaplan.synonyms`) for the browser, which puts the same token in the reader's query.
"""

from __future__ import annotations

import json
from pathlib import Path

from itaplan.search.cache import SegmentCache
from itaplan.search.segment import ZWSP, ThaiSegmenter
from itaplan.search.synonyms import FIELD, Synonyms
from itaplan.search.synonyms import tokens as synonym_tokens

# whitespace, the zero-width space, dashes, quotes, brackets and list punctuation; not '.', so
# abbreviations such as ป.ป.ช. and numbers such as 99.79 stay whole
SEPARATOR = r"[\s\u200b\-\u2013\u2014,;:!?()\[\]{}\"'\u201c\u201d\u2018\u2019/|]+"
LANG = ["en"]
SYNONYMS_KEY = "\0synonyms\0"  # cache entries of the synonym scan, apart from cut texts


def rewrite_index(index: dict, segmenter: ThaiSegmenter, cache: SegmentCache,
                  synonyms: Synonyms | None = None, sections_out: frozenset[str] = frozenset()) -> dict:
    """The index with every doc's title and text cut into words, each doc's synonym tokens added,
    the sections of the pages in `sections_out` left out, and the search settings adjusted."""
    config = dict(index.get("config") or {})
    config.update(lang=LANG, separator=SEPARATOR)
    docs = []
    used: set[str] = set()
    if synonyms is not None:  # the forms' Thai words cut as the texts are (cached like them)
        synonyms = synonyms.resolved(lambda word: cache.get(word, segmenter.text, count=False).split(ZWSP))
    for doc in index.get("docs") or []:
        page, section = str(doc.get("location", "")).partition("#")[::2]
        if section and page in sections_out:
            continue
        doc = dict(doc)
        for field in ("title", "text"):
            if isinstance(doc.get(field), str):
                doc[field] = cache.get(doc[field], segmenter.html)
        if synonyms is not None:
            text = " ".join(doc[f] for f in ("title", "text") if isinstance(doc.get(f), str))
            # cached too (the cache's key covers the synonym files): a repeat build skips the scan
            hidden, found = cache.get(SYNONYMS_KEY + text, lambda _: _scan(synonyms, text), count=False).split("\t")
            used |= set(found.split())
            if hidden:
                doc[FIELD] = hidden
        docs.append(doc)
    out = {**index, "config": config, "docs": docs}
    if synonyms is not None:
        config["fields"] = {**(config.get("fields") or {}), FIELD: {"boost": 1.0}}
        # in the config: Material hands the worker only the index's config, docs and options
        config["itaplan"] = {**(config.get("itaplan") or {}), "synonyms": synonyms.browser_groups(used)}
    return out


def _scan(synonyms: Synonyms, text: str) -> str:
    """'hidden tokens<TAB>tokens of every group found' for one cut text."""
    matches = synonyms.matches(synonym_tokens(text))
    hidden = [group.token for group, form in matches if form != (group.token,)]
    return " ".join(hidden) + "\t" + " ".join(sorted({group.token for group, _ in matches}))


def rewrite_index_file(path: Path, segmenter: ThaiSegmenter, cache: SegmentCache,
                       synonyms: Synonyms | None = None, sections_out: frozenset[str] = frozenset()) -> int:
    """Rewrite the index file in place (as UTF-8, half the size of escaped JSON); returns its size."""
    index = json.loads(path.read_text(encoding="utf-8"))
    data = json.dumps(rewrite_index(index, segmenter, cache, synonyms, sections_out),
                      ensure_ascii=False, separators=(",", ":"))
    path.write_text(data, encoding="utf-8")
    cache.save()
    return len(data.encode("utf-8"))
