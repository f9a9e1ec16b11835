"""Cut Thai text into words with PyThaiNLP's dictionary segmenter (newmm).

Words are marked with a zero-width space (U+200B): invisible on screen and a proper line-break
hint for Thai, while the search tokenizer splits on it. Only runs of Thai script are cut; a Thai
run touching Latin letters or digits ("i๑", "Facebookแล้ว") is parted from them too, and so is a
Latin letter from a digit ("i15"). The
dictionary takes about half a second to load, so it is loaded on first use only.
"""

from __future__ import annotations

import re
from pathlib import Path

from itaplan.search import words as word_lists

ZWSP = "\u200b"
THAI_RUN = re.compile(r"[\u0e01-\u0e5b]+")
LATIN_THAI = re.compile(r"(?<=[A-Za-z0-9])(?=[\u0e01-\u0e5b])|(?<=[\u0e01-\u0e5b])(?=[A-Za-z0-9])")
# a Latin letter next to a digit: "(i15)" holds "i" and "15", so "i๑๕" and "15" find it
LETTER_DIGIT = re.compile(r"(?<=[A-Za-z])(?=[0-9\u0e50-\u0e59])|(?<=[0-9\u0e50-\u0e59])(?=[A-Za-z])")
TAG = re.compile(r"(<[^>]*>|&#?[A-Za-z0-9]+;)")  # tags and character references stay whole


def engine_version() -> str:
    """The segmenter's name and version, part of every cache key (no import of the library)."""
    from importlib.metadata import version
    return f"pythainlp-{version('pythainlp')}-newmm-v2"


class ThaiSegmenter:
    """Cuts Thai runs into words; `dictionary_loads` counts how often the dictionary was built."""

    dictionary_loads = 0

    def __init__(self, word_files: list[Path], extra_words: set[str] = frozenset()):
        self.word_files = word_files
        self.extra_words = set(extra_words)
        self._trie = None

    def _dictionary(self):
        if self._trie is None:
            from pythainlp.corpus import thai_words
            from pythainlp.util import dict_trie
            words = word_lists.build_word_list(set(thai_words()), self.word_files, self.extra_words)
            self._trie = dict_trie(words)
            ThaiSegmenter.dictionary_loads += 1
        return self._trie

    def words(self, thai: str) -> list[str]:
        """The words of one run of Thai text."""
        from pythainlp.tokenize import word_tokenize
        return word_tokenize(thai, custom_dict=self._dictionary(), engine="newmm", keep_whitespace=False)

    def text(self, text: str) -> str:
        """Plain text with a zero-width space between words."""
        text = THAI_RUN.sub(lambda m: ZWSP.join(self.words(m.group())), text)
        return LETTER_DIGIT.sub(ZWSP, LATIN_THAI.sub(ZWSP, text))

    def html(self, html: str) -> str:
        """HTML with the words of its text cut; tags, their attributes and character references
        (&#x27;) are left as they are."""
        parts = TAG.split(html)
        return "".join(p if i % 2 else self.text(p) for i, p in enumerate(parts))
