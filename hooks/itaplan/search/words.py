"""The word list the segmenter uses: PyThaiNLP's Thai dictionary, adjusted for ITA plans.

Search finds a word and what starts with it, never a word hidden inside a longer one, so the
dictionary is adjusted: compounds of the nominalisers การ/ความ are cut into their parts (so
"ประเมิน" finds "การประเมิน"); the plan terms of words.txt and of the site's own
`<plan_data>/search_words.txt` are added, and a dictionary word that holds a plan term inside it is
dropped (so "สินบน" finds "รับสินบน"). In both files a line is a word, '-word' removes one, '#'
starts a comment.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

BUILTIN = Path(__file__).with_name("words.txt")
PROJECT_FILE = "search_words.txt"
NOMINALISERS = ("การ", "ความ")


def read_word_file(path: Path) -> tuple[set[str], set[str]]:
    """(words to add, words to remove) from one word file; a missing file adds nothing."""
    add: set[str] = set()
    remove: set[str] = set()
    if not path.is_file():
        return add, remove
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.startswith("-") and len(line) > 1:
            remove.add(line[1:].strip())
        elif line:
            add.add(line)
    return add, remove


def word_files(plan_data: Path | None) -> list[Path]:
    """The word files that apply to a site: the built-in one, then the site's own."""
    return [BUILTIN] + ([plan_data / PROJECT_FILE] if plan_data is not None else [])


def fingerprint(files: list[Path], engine_version: str) -> str:
    """A short key for everything that changes how text is cut: the library and the word files."""
    digest = hashlib.sha256(engine_version.encode())
    for path in files:
        digest.update(b"\0" + (path.read_bytes() if path.is_file() else b""))
    return digest.hexdigest()[:20]


def build_word_list(dictionary: set[str], files: list[Path], extra: set[str] = frozenset()) -> set[str]:
    """The dictionary adjusted as the module says, plus `extra` (the Thai spellings of the synonym
    groups, which unlike plan terms drop no dictionary word: "ไลน์" keeps "ออนไลน์"; one that
    holds a plan term is left to be cut, so "บริการออนไลน์" never hides "บริการ"), then each
    file's additions and removals applied."""
    lists = [read_word_file(path) for path in files]
    terms = set().union(*(add for add, _ in lists))
    holds_term = re.compile("|".join(map(re.escape, sorted(terms, key=len, reverse=True)))) if terms else None
    words = {w for w in dictionary if not _nominalised(w, dictionary)
             and (holds_term is None or w in terms or not holds_term.search(w))}
    words |= {w for w in extra if holds_term is None or w in terms or not holds_term.search(w)}
    for add, remove in lists:
        words = (words | add) - remove
    return words


def _nominalised(word: str, dictionary: set[str]) -> bool:
    return any(word.startswith(n) and word[len(n):] in dictionary for n in NOMINALISERS)
