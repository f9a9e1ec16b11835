"""Small HTML readers for tests: visible text of the main content, and tag attributes."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._skip = 0
        self._in_content = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag in ("script", "style", "title", "desc"):
            self._skip += 1
        if self._in_content:
            self._in_content += tag not in ("br", "img", "meta", "link", "input", "hr")
        elif tag == "article":
            self._in_content = 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "title", "desc"):
            self._skip -= 1
        if self._in_content and tag not in ("br", "img", "meta", "link", "input", "hr"):
            self._in_content -= 1

    def handle_data(self, data):
        if self._in_content and not self._skip:
            self.text.append(data)


def parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def content_text(path: Path) -> str:
    """The visible text of the page's article, white space collapsed."""
    return " ".join("".join(parse(path).text).split())


def tags(path: Path, name: str) -> list[dict[str, str | None]]:
    """Attributes of every <name> element in the page."""
    return [attrs for tag, attrs in parse(path).tags if tag == name]
