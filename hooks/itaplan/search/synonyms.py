"""Synonym groups for the site search: Facebook / เฟซบุ๊ก / เฟสบุ๊ค find each other.

A group is one line of `synonyms.txt` (built in) or of the site's `<plan_data>/search_synonyms.txt`:
forms separated by commas, the first being the group's search token. Both sides of the search
agree on one token per group:

- index side (`hidden_tokens`): a text that holds a form gets the group's token in a field of
  the search index that is searched but never shown, once for each time the form occurs (so a
  text that names Facebook three times still outranks one that names it once);
- query side (itaplan-search.js): a form in the query is replaced by the group's token. The
  groups found in the site's texts travel inside the search index (`browser_groups`), so the
  browser needs no extra download.

A form is matched as whole words, never inside a longer word: "ไลน์" (LINE) is not found in
"ออนไลน์" (online). A Thai spelling typed as one word (เฟสบุ๊ค) is added to the segmenter's
dictionary so it stays whole, unless it holds a plan term (บริการออนไลน์ holds บริการ): then it
is cut like any text, and matched as the words it is cut into (`resolved`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from itaplan.errors import PlanDataError, Problem

BUILTIN = Path(__file__).with_name("synonyms.txt")
PROJECT_FILE = "search_synonyms.txt"
FIELD = "synonyms"  # the index field that holds the group tokens (searched, never shown)

# as itaplan.search.index.SEPARATOR (kept here so the index module can import this one)
_SEPARATOR = re.compile(r"[\s\u200b\-\u2013\u2014,;:!?()\[\]{}\"'\u201c\u201d\u2018\u2019/|]+")
_TAG = re.compile(r"<[^>]*>")
_THAI_WORD = re.compile(r"^[\u0e01-\u0e4e]+$")
# where Thai letters, Latin letters and digits meet, as itaplan.search.segment parts them
_SCRIPT_CHANGE = re.compile(r"(?<=[A-Za-z0-9])(?=[\u0e01-\u0e4e])|(?<=[\u0e01-\u0e4e])(?=[A-Za-z0-9])"
                            r"|(?<=[A-Za-z])(?=[0-9\u0e50-\u0e59])|(?<=[0-9\u0e50-\u0e59])(?=[A-Za-z])")
_LETTER = re.compile(r"[^\W_]")


def tokens(text: str) -> list[str]:
    """The words of a text as the search sees them: tags dropped, split at the separator, lower case."""
    text = _SCRIPT_CHANGE.sub(" ", _TAG.sub(" ", text))
    return [t for t in _SEPARATOR.split(text.lower()) if t]


@dataclass
class Group:
    token: str                                   # the group's search token: the first form, joined
    forms: list[tuple[str, ...]] = field(default_factory=list)  # each form's words, first form first


@dataclass
class Synonyms:
    """The synonym groups that apply to one site."""

    groups: list[Group]

    def __post_init__(self):
        self._by_first: dict[str, list[tuple[tuple[str, ...], Group]]] = {}
        for group in self.groups:
            for form in group.forms:
                self._by_first.setdefault(form[0], []).append((form, group))
        for candidates in self._by_first.values():
            candidates.sort(key=lambda item: len(item[0]), reverse=True)  # longest form first

    def thai_words(self) -> set[str]:
        """The Thai words of every form, for the segmenter's dictionary."""
        return {word for group in self.groups for form in group.forms for word in form
                if _THAI_WORD.match(word)}

    def resolved(self, cut: Callable[[str], list[str]]) -> Synonyms:
        """The groups with each Thai word of a form cut as the index's text is cut (`cut` gives
        the words of one run of Thai), so that forms and texts agree word for word."""
        groups = []
        for group in self.groups:
            forms: list[tuple[str, ...]] = []
            for form in group.forms:
                words = tuple(piece for word in form
                              for piece in (cut(word) if _THAI_WORD.match(word) else [word]) if piece)
                if words and words not in forms:
                    forms.append(words)
            groups.append(Group(token=group.token, forms=forms))
        return Synonyms(groups)

    def matches(self, words: list[str]) -> list[tuple[Group, tuple[str, ...]]]:
        """Each form found in a list of words, left to right, longest first, without overlaps."""
        found = []
        i = 0
        while i < len(words):
            for form, group in self._by_first.get(words[i], ()):
                if tuple(words[i:i + len(form)]) == form:
                    found.append((group, form))
                    i += len(form)
                    break
            else:
                i += 1
        return found

    def hidden_tokens(self, text: str) -> list[str]:
        """The group tokens a text gets in the hidden field: one per form it holds, except where
        the form is the token itself (the text's own words already hold it)."""
        return [group.token for group, form in self.matches(tokens(text)) if form != (group.token,)]

    def browser_groups(self, used: set[str]) -> list[list[str]]:
        """The groups whose token is in `used`, for the browser: [token, form, form, …], each form
        its words joined by a space."""
        return [[g.token] + [" ".join(form) for form in g.forms] for g in self.groups if g.token in used]


def synonym_files(plan_data: Path | None) -> list[Path]:
    """The synonym files that apply to a site: the built-in one, then the site's own."""
    return [BUILTIN] + ([plan_data / PROJECT_FILE] if plan_data is not None else [])


def _problem(path: Path, line: int, message: str) -> PlanDataError:
    return PlanDataError([Problem(str(path), line, None, message, kind="synonyms")])


def read_synonym_file(path: Path) -> tuple[list[tuple[int, list[tuple[str, ...]]]], set[tuple[str, ...]]]:
    """(groups as (line, forms), forms to remove) of one file; a missing file has none.

    Raises PlanDataError (naming the file and line) for a line that is not a group."""
    groups: list[tuple[int, list[tuple[str, ...]]]] = []
    remove: set[tuple[str, ...]] = set()
    if not path.is_file():
        return groups, remove
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise _problem(path, 1, "ไฟล์นี้ไม่ได้บันทึกเป็น UTF-8 กรุณาบันทึกใหม่เป็น UTF-8 "
                                "/ the file is not UTF-8") from None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("-"):
            form = tuple(tokens(line[1:]))
            if not form:
                raise _problem(path, number, f"“{line}”: หลังเครื่องหมาย - ต้องมีคำที่จะเอาออก "
                                             "/ expected a form to remove after \"-\"")
            remove.add(form)
            continue
        forms: list[tuple[str, ...]] = []
        for part in line.split(","):
            form = tuple(tokens(part))
            if not form or not any(_LETTER.search(word) for word in form):
                raise _problem(path, number, f"'{part.strip()}' ไม่ใช่คำ: คั่นแต่ละคำด้วยจุลภาค (,) "
                                             "เช่น Facebook, เฟซบุ๊ก / expected words separated by commas")
            if form not in forms:
                forms.append(form)
        if len(forms) < 2:
            raise _problem(path, number, f"'{line}' มีคำเดียว: กลุ่มคำพ้องต้องมีอย่างน้อยสองคำ คั่นด้วยจุลภาค (,) "
                                         "เช่น Facebook, เฟซบุ๊ก / a group needs two or more forms "
                                         "separated by commas")
        groups.append((number, forms))
    return groups, remove


def load_synonyms(files: list[Path]) -> Synonyms:
    """The groups of all files: a group that shares a form with an earlier one joins it (keeping
    the earlier token); '-form' lines take forms out; a group left with one form is dropped."""
    merged: list[list[tuple[str, ...]]] = []
    removed: set[tuple[str, ...]] = set()
    for path in files:
        groups, remove = read_synonym_file(path)
        removed |= remove
        for _, forms in groups:
            joined = [g for g in merged if set(g) & set(forms)]
            target = joined[0] if joined else []
            for other in joined[1:]:
                target.extend(f for f in other if f not in target)
                merged.remove(other)
            target.extend(f for f in forms if f not in target)
            if not joined:
                merged.append(target)
    out = []
    for forms in merged:
        kept = [f for f in forms if f not in removed]
        if len(kept) >= 2:
            out.append(Group(token="".join(kept[0]), forms=kept))
    return Synonyms(out)
