"""What the site search holds of each page and how it ranks: the pages that sum up others rank lower,
and the change log's entries stay out.

The home page and each year's summary repeat every indicator's name and measure, and their titles
hold the plan's general words (ผลการประเมิน, คุณธรรม, ITA); so do the pages that gather the
indicators from another side: the progress reports of each round and their print views, the pages of
the responsible units, the history of changes and the scores across the years. A reader searching a
topic wants the indicator page that deals with it (which also holds its progress), so these summary
pages get a lower search boost (Material's `search: boost:` front matter); a page that sets its own
boost keeps it.

The change log of each year (history/: 25xx/changes.md) keeps its page in the index, its title and
introduction, so "การเปลี่ยนแปลง" finds it; its entries (one section per edit, and per file edited)
stay out. Each entry repeats a measure's or analysis's old text beside its new one: in the index it
answered a measure's words with a second, older copy (before the indicator page, for "ยืมทรัพย์สิน"),
it found words the plan no longer holds, and it grew with every edit, for ever, in a file every
reader's phone downloads to search (a sixth of the seed's index after its first edits). Who wants the
history reads it from the year's page or its Atom feed, in order, which search would not give.
"""

from __future__ import annotations

import re

SUMMARY_BOOST = 0.3
SUMMARIES = re.compile(r"^(?:25\d\d/(?:index|changes|report-[a-z0-9-]+)\.md"  # pages.year_index(), report_page() …
                       r"|25\d\d/units/[^/]+\.md|trends\.md)$")  # pages.units_index(), unit_page(), the trends page
ENTRIES_UNINDEXED = re.compile(r"^25\d\d/changes\.md$")  # pages.changes_page(): the change log of a year


def search_boost(src_uri: str, is_homepage: bool, meta: dict) -> float | None:
    """The boost a page should get, or None to leave its front matter as it is."""
    search = meta.get("search")
    if isinstance(search, dict) and "boost" in search:
        return None
    if is_homepage or SUMMARIES.match(src_uri):
        return SUMMARY_BOOST
    return None


def entries_indexed(src_uri: str) -> bool:
    """Whether the page's sections (below its first heading's introduction) belong in the index."""
    return not ENTRIES_UNINDEXED.match(src_uri)
