"""Repair the spaces Word's line wraps leave inside Thai words ("เว็บ ไซต์"), only where the dictionary is sure.

Thai is written without spaces between words; a space marks the end of a phrase or clause. When a
table is copied or exported from Word, each place where Word wrapped a line inside a cell can become
a space, often in the middle of a word: "เจ้า หน้าที่", "เว็บ ไซต์", "ประสิทธิภาพการ สื่อสาร".

A single space between two Thai letters is removed when all of these hold:

1. PyThaiNLP's dictionary segmenter (newmm) cuts the text on each side of the space into words, and
   the last word before the space and the first word after it **make one dictionary word**
   (PyThaiNLP's ``thai_words()`` plus the plan terms of ``itaplan/search/words.txt``): "เจ้า" +
   "หน้าที่" = "เจ้าหน้าที่";
2. the segmenter keeps that word whole when the two sides are written together (so the join does not
   only happen to spell a word across a different cut);
3. neither word is one Thai writing commonly sets apart with a space: the linking words of
   ``SET_APART`` (conjunctions such as แต่ และ หรือ ซึ่ง, prepositions such as ใน ของ กับ, clause ends
   such as แล้ว นั้น). "ได้เป็นอย่างดี แต่เนื่องจาก…" keeps its space although "ดีแต่" is in the dictionary.

Where 1 and 2 hold but 3 does not, the space is left as written and listed, for a person to decide.
Two spaces in a row, spaces next to digits, Latin letters or punctuation, and spaces next to an
abbreviation (พ.ศ., ต.ค.) are never touched. Every
repair and every space left is reported with its line, field and the text before and after.

No dictionary knows the agency's own names, so a space inside one of them is closed by name (names.py:
the agency's name, the name without its kind such as เทศบาลตำบล, its district and province). With the made-up
agency เทศบาลตำบลห้วยสมมุติ of อำเภอท่าสมมุติ: "เทศบาลตำบลห้วย สมมุติ" -> "เทศบาลตำบลห้วยสมมุติ", "อำเภอท่า
สมมุติ" -> "อำเภอท่าสมมุติ". Only single spaces *inside* the name are closed, never one before or after it
("ของ ห้วยสมมุติ" keeps its space), and only where the dictionary's cut of the joined text begins and ends a
word at the name's two ends: "ที่ท่า สมมุติฐาน" spells ท่าสมมุติ across the space but cuts as ที่|ท่า|สมมุติฐาน,
so it is left to the dictionary (and listed as left if the dictionary does not decide it either).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from itaplan.table.names import Name

SET_APART = frozenset("""
และ หรือ แต่ แต่ว่า ซึ่ง โดย เพื่อ จึง ก็ ดังนั้น ดังนี้ เช่น คือ ได้แก่ หาก ถ้า เมื่อ ว่า เนื่องจาก เพราะ แล้ว
ทั้งนี้ นอกจากนี้ อีกทั้ง รวมทั้ง ตลอดจน อัน ใน ของ กับ แก่ แด่ ต่อ จาก ตาม ถึง สู่ ยัง ด้วย ที่ ให้ ได้ ไม่
นั้น นี้ โน้น อยู่ เป็นต้น ฯลฯ ไป มา เป็น มี อีก จะ ควร ต้อง
""".split())
_THAI = "\u0e01-\u0e4e"
WINDOW = 40
"""Letters on each side of a space the segmenter looks at: enough for any dictionary word, and bounded for huge cells."""
_SPACE = re.compile(rf"(?<=[{_THAI}]) (?=[{_THAI}])")
_RUN_BEFORE = re.compile(rf"[{_THAI}]+$")
_RUN_AFTER = re.compile(rf"^[{_THAI}]+")
_DIGITS = re.compile("[\u0e50-\u0e59]")
_EDGE_BEFORE = re.compile(rf"[{_THAI}]*$")
_EDGE_AFTER = re.compile(rf"^[{_THAI}]*")


class Change(NamedTuple):
    """One space: repaired (joined) or left as written, with the words around it."""

    before: str
    after: str
    joined: bool
    why: str


@lru_cache(maxsize=1)
def _dictionary():
    from pythainlp.corpus import thai_words
    from pythainlp.util import dict_trie

    from itaplan.search.words import BUILTIN, read_word_file
    words = set(thai_words()) | read_word_file(BUILTIN)[0]
    return words, dict_trie(words)


def _cut(text: str) -> list[str]:
    from pythainlp.tokenize import word_tokenize
    return word_tokenize(text, custom_dict=_dictionary()[1], engine="newmm", keep_whitespace=False)


class _Span(NamedTuple):
    """Where one of the agency's names is written with a space inside, and whether the words around allow it."""

    start: int
    end: int
    name: Name
    whole: bool


def repair(text: str, names: tuple[Name, ...] = ()) -> tuple[str, list[Change]]:
    """The text with the sure wrap spaces removed, and every space repaired or left (for the review).

    `names` are the agency's own names (names.agency_names), longest first: a space inside one is closed by name.
    """
    changes: list[Change] = []
    out: list[str] = []
    last = 0
    spans = _name_spans(text, names)
    listed: set[_Span] = set()
    for match in _SPACE.finditer(text):
        span = next((s for s in spans if s.start < match.start() < s.end), None)
        if span is not None and span.whole:
            if span not in listed:  # the name as written in agency.yml, in place of the spaced one
                listed.add(span)
                changes.append(Change(text[span.start:span.end], span.name.text, True, _by_name(span.name)))
                out.extend((text[last:span.start], span.name.text))
                last = span.end
            continue
        decision = _decision_at(text, match)
        if decision is None:
            if span is not None and span not in listed:
                listed.add(span)
                changes.append(Change(text[span.start:span.end], span.name.text, False, _not_by_name(span.name)))
            continue
        joined, first, second, why = decision
        changes.append(Change(f"{first} {second}", first + second, joined, why))
        if joined:
            out.append(text[last:match.start()])
            last = match.end()
    out.append(text[last:])
    return "".join(out), changes


def _decision_at(text: str, match: re.Match) -> tuple[bool, str, str, str] | None:
    """The dictionary's decision on one space between Thai letters (None: not a wrap, or not one to look at)."""
    if _DIGITS.search(text[match.start() - 1:match.end() + 1]):
        return None
    if text[match.start() - 1:match.start()] == " " or text[match.end():match.end() + 1] == " ":
        return None
    before = text[max(0, match.start() - WINDOW - 1):match.start()]
    after = text[match.end():match.end() + WINDOW + 1]
    left, right = _RUN_BEFORE.search(before).group(), _RUN_AFTER.match(after).group()
    if after[len(right):len(right) + 1] == "." or before[:len(before) - len(left)][-1:] == ".":
        return None
    return _decide(left[-WINDOW:], right[:WINDOW])


def _name_spans(text: str, names: tuple[Name, ...]) -> list[_Span]:
    """Each place a name is written with single spaces inside it, longer names first, none overlapping."""
    spans: list[_Span] = []
    for name in names:
        for match in _name_pattern(name.text).finditer(text):
            if len(match.group()) == len(name.text) or any(s.start < match.end() and match.start() < s.end
                                                          for s in spans):
                continue
            spans.append(_Span(match.start(), match.end(), name, _whole(text, match.start(), match.end(), name.text)))
    return spans


@lru_cache(maxsize=64)
def _name_pattern(name: str) -> re.Pattern:
    """The name with an optional single space between any two of its letters (its own spaces stay required)."""
    pieces: list[str] = []
    for index, char in enumerate(name):
        if char != " " and index and name[index - 1] != " ":
            pieces.append(" ?")
        pieces.append(re.escape(char))
    return re.compile("".join(pieces))


def _whole(text: str, start: int, end: int, name: str) -> bool:
    """Whether the dictionary, cutting the text around the name with the spaces closed, begins and ends a word at
    the name's two ends (so the name is not the end of one word and the start of another)."""
    left = _EDGE_BEFORE.search(text[max(0, start - WINDOW):start]).group()
    right = _EDGE_AFTER.match(text[end:end + WINDOW]).group()
    joined = left + name.replace(" ", "") + right
    cuts, position = {0}, 0
    for token in _cut(joined):
        position += len(token)
        cuts.add(position)
    return len(left) in cuts and len(joined) - len(right) in cuts


def _by_name(name: Name) -> str:
    return (f"“{name.text}” เป็น{name.thai} ({name.key} ใน agency.yml) — "
            f"\"{name.text}\" is {name.english} ({name.key} in agency.yml)")


def _not_by_name(name: Name) -> str:
    return (f"สะกดเป็น{name.thai} “{name.text}” ({name.key} ใน agency.yml) ข้ามช่องว่าง แต่คำรอบ ๆ ไม่ได้แบ่งที่ต้นและท้ายชื่อ — "
            f"spells {name.english} \"{name.text}\" ({name.key} in agency.yml) across the space, but the words around "
            "it do not begin and end there")


@lru_cache(maxsize=4096)
def _decide(left: str, right: str) -> tuple[bool, str, str, str] | None:
    """(join?, last word before, first word after, why) for a space between two Thai runs; None: not a wrap."""
    words = _dictionary()[0]
    first, second = _cut(left)[-1], _cut(right)[0]
    word = first + second
    if word not in words or not _kept_whole(left, right, word):
        return None
    apart = [w for w in (first, second) if w in SET_APART]
    if apart:
        return (False, first, second, f"“{word}” อยู่ในพจนานุกรม แต่ “{apart[0]}” มักเขียนแยกด้วยช่องว่าง — "
                f"'{word}' is a dictionary word, but '{apart[0]}' commonly stands apart")
    return True, first, second, f"“{word}” เป็นคำเดียวในพจนานุกรม — '{word}' is one dictionary word"


def _kept_whole(left: str, right: str, word: str) -> bool:
    """Whether the segmenter, given the two runs written together, cuts `word` out whole at the join."""
    position = 0
    for token in _cut(left + right):
        if position < len(left) < position + len(token):
            return token == word
        position += len(token)
    return False
