"""Link targets from plan data: only web, mail and in-site addresses, written safely into pages."""

from __future__ import annotations

import pytest

from itaplan.plan.links import check_url, href

ACCEPTED = [
    "https://www.example.go.th/",
    "http://example.go.th/เอกสาร/คู่มือ.pdf?q=1&x=2#p3",
    "HTTPS://WWW.EXAMPLE.GO.TH/",
    "mailto:saraban@example.go.th",
    "files/manual.pdf",
    "/files/manual.pdf",
    "2568/indicator-01.md#measure",
    "files/a/../b.pdf",
]
REFUSED = {
    "javascript:alert(1)": '"javascript:"',
    "JaVaScRiPt:alert(1)": '"JaVaScRiPt:"',
    "data:text/html,<script>alert(1)</script>": '"data:"',
    "vbscript:msgbox(1)": '"vbscript:"',
    "file:///etc/passwd": '"file:"',
    "java\tscript:alert(1)": "U+0009",
    "java\nscript:alert(1)": "U+000A",
    " javascript:alert(1)": "a space",
    "java\u200bscript:alert(1)": "U+200B",
    "\u202ehttps://evil": "U+202E",
    "javascript&colon;alert(1)": 'contains "&"',
    "ｊavascript:alert(1)": 'contains ":"',
    "//evil.example/": '"//"',
    "\\\\evil\\share": "U+005C",
    "https:evil.example": "https://www.example",
    "https://": "https://www.example",
    "mailto:": "e-mail address",
    "../secret": "leaves the site",
    "files/../../secret": "leaves the site",
    "%2e%2e/secret": "leaves the site",
    "files/%2e%2e/%2e%2e/x": "leaves the site",
    "files/%3ascript": "%-escapes",
    "x" * 2001: "at most 2,000",
    "": "expected a link",
}


@pytest.mark.parametrize("url", ACCEPTED)
def test_web_mail_and_site_addresses_are_accepted(url):
    assert check_url(url) == url


@pytest.mark.parametrize("url", list(REFUSED), ids=range(len(REFUSED)))
def test_other_targets_are_refused_saying_why(url):
    with pytest.raises(ValueError, match=None) as caught:
        check_url(url)
    assert REFUSED[url] in str(caught.value)


@pytest.mark.parametrize(("url", "page", "expected"), [
    ("files/manual.pdf", "2569/indicator-01.md", "../files/manual.pdf"),
    ("/2568/indicator-01.md#measure", "2569/indicator-01.md", "../2568/indicator-01.md#measure"),
    ("2569/", "2569/index.md", "./"),
    ("https://x.example/a?b=1&c=2", "2569/index.md", "https://x.example/a?b=1&amp;c=2"),
    ("https://x.example/(a)'\"<b>{c}|`", "2569/index.md", "https://x.example/%28a%29%27%22%3Cb%3E%7Bc%7D%7C%60"),
    ("files/คู่มือ.pdf", "index.md", "files/%E0%B8%84%E0%B8%B9%E0%B9%88%E0%B8%A1%E0%B8%B7%E0%B8%AD.pdf"),
])
def test_href_is_relative_to_the_page_and_cannot_break_out(url, page, expected):
    assert href(url, page) == expected
