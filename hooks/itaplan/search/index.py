"""Rewrite MkDocs Material's search index so its search finds Thai words.

Material's search (lunr.js in a web worker) splits text only at its `separator`. For Thai it would
load wordcut.js (677 KB) and still miss most words. Instead every title and text in the index is
cut into words here, words are marked with a zero-width space that the separator below splits on,
and the index's language is set to English so the browser loads no Thai segmenter at all (Thai
needs neither stemming nor lunr's Thai trimmer). Queries typed without spaces are cut in the
browser by itaplan-search-worker.js, using the index's own words.
"""

from __future__ import annotations

import json
from pathlib import Path

from itaplan.search.cache import SegmentCache
from itaplan.search.segment import ThaiSegmenter

# whitespace, the zero-width space, dashes, quotes, brackets and list punctuation; not '.', so
# abbreviations such as ป.ป.ช. and numbers such as 99.79 stay whole
SEPARATOR = r"[\s\u200b\-\u2013\u2014,;:!?()\[\]{}\"'\u201c\u201d\u2018\u2019/|]+"
LANG = ["en"]


def rewrite_index(index: dict, segmenter: ThaiSegmenter, cache: SegmentCache) -> dict:
    """The index with every doc's title and text cut into words and the search settings adjusted."""
    config = dict(index.get("config") or {})
    config.update(lang=LANG, separator=SEPARATOR)
    docs = []
    for doc in index.get("docs") or []:
        doc = dict(doc)
        for field in ("title", "text"):
            if isinstance(doc.get(field), str):
                doc[field] = cache.get(doc[field], segmenter.html)
        docs.append(doc)
    return {**index, "config": config, "docs": docs}


def rewrite_index_file(path: Path, segmenter: ThaiSegmenter, cache: SegmentCache) -> int:
    """Rewrite the index file in place (as UTF-8, half the size of escaped JSON); returns its size."""
    index = json.loads(path.read_text(encoding="utf-8"))
    data = json.dumps(rewrite_index(index, segmenter, cache), ensure_ascii=False, separators=(",", ":"))
    path.write_text(data, encoding="utf-8")
    cache.save()
    return len(data.encode("utf-8"))
