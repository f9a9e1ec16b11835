"""Which pages rank lower in search: the ones that sum up other pages.

The home page and each year's summary repeat every indicator's name and measure, and their titles
hold the plan's general words (ผลการประเมิน, คุณธรรม, ITA); so do the pages that gather the
indicators from another side: the progress reports of each round and their print views, the pages of
the responsible units, the history of changes and the scores across the years. A reader searching a
topic wants the indicator page that deals with it (which also holds its progress), so these summary
pages get a lower search boost (Material's `search: boost:` front matter); a page that sets its own
boost keeps it.
"""

from __future__ import annotations

import re

SUMMARY_BOOST = 0.3
SUMMARIES = re.compile(r"^(?:25\d\d/(?:index|changes|report-[a-z0-9-]+)\.md"  # pages.year_index(), report_page() …
                       r"|25\d\d/units/[^/]+\.md|trends\.md)$")  # pages.units_index(), unit_page(), the trends page


def search_boost(src_uri: str, is_homepage: bool, meta: dict) -> float | None:
    """The boost a page should get, or None to leave its front matter as it is."""
    search = meta.get("search")
    if isinstance(search, dict) and "boost" in search:
        return None
    if is_homepage or SUMMARIES.match(src_uri):
        return SUMMARY_BOOST
    return None
